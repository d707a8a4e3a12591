package io.waybill.core.internal.catalogue;

import io.waybill.core.model.Reason;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.model.CatalogueFormat;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads and writes the rows of catalogue files: CSV (RFC 4180, UTF-8 with or without BOM, comma or semicolon) and
 * XLSX (first sheet; FastExcel, streaming, no Apache POI). Every cell is text; XLSX numbers come back as plain
 * decimals ({@code 250}, not {@code 250.0}) and are written as numbers where the text is one.
 */
public final class CatalogueFiles {
    private CatalogueFiles() {
    }

    /** The rows of a file (header first), each cell stripped; trailing empty rows dropped. */
    public static List<List<String>> read(CatalogueFormat format, byte[] content) {
        List<List<String>> rows = format == CatalogueFormat.XLSX ? readXlsx(content) : readCsv(content);
        while (!rows.isEmpty() && rows.get(rows.size() - 1).stream().allMatch(String::isEmpty)) {
            rows.remove(rows.size() - 1);
        }
        return rows;
    }

    /** A file of these rows (header first); in XLSX the numeric columns' plain numbers are stored as numbers. */
    public static byte[] write(CatalogueFormat format, String sheetName, List<List<String>> rows,
                               Set<Integer> numericColumns) {
        return format == CatalogueFormat.XLSX ? writeXlsx(sheetName, rows, numericColumns) : writeCsv(rows);
    }

    static List<List<String>> readCsv(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new OperationRefusedException(Reason.nesting(Reason.UNREADABLE_FILE,
                    Reason.of(Reason.FILE_NOT_UTF8)));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int firstLineEnd = text.indexOf('\n');
        String first = firstLineEnd < 0 ? text : text.substring(0, firstLineEnd);
        char sep = count(first, ';') > count(first, ',') ? ';' : ',';
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.toString().isBlank()) {
                cell.setLength(0);
                quoted = true;
            } else if (ch == sep) {
                row.add(cell.toString().strip());
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString().strip());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            throw new OperationRefusedException(Reason.nesting(Reason.UNREADABLE_FILE,
                    Reason.of(Reason.FILE_OPEN_QUOTE, rows.size())));
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString().strip());
            rows.add(row);
        }
        return rows;
    }

    private static int count(String s, char ch) {
        return (int) s.chars().filter(c -> c == ch).count();
    }

    static byte[] writeCsv(List<List<String>> rows) {
        StringBuilder sb = new StringBuilder("\uFEFF");
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                String v = row.get(i) == null ? "" : row.get(i);
                if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
                        || v.indexOf(';') >= 0 || !v.equals(v.strip())) {
                    sb.append('"').append(v.replace("\"", "\"\"")).append('"');
                } else {
                    sb.append(v);
                }
            }
            sb.append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static List<List<String>> readXlsx(byte[] content) {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = wb.getFirstSheet();
            List<List<String>> rows = new ArrayList<>();
            try (Stream<Row> stream = sheet.openStream()) {
                for (Row r : (Iterable<Row>) stream::iterator) {
                    int index = r.getRowNum() - 1;
                    while (rows.size() < index) {
                        rows.add(new ArrayList<>());
                    }
                    List<String> row = new ArrayList<>();
                    for (int i = 0; i < r.getCellCount(); i++) {
                        row.add(text(r.getCell(i)));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            if (e instanceof OperationRefusedException o) {
                throw o;
            }
            throw new OperationRefusedException(Reason.nesting(Reason.UNREADABLE_FILE,
                    Reason.of(Reason.FILE_NOT_XLSX, e.getMessage())));
        }
    }

    private static String text(Cell c) {
        if (c == null) {
            return "";
        }
        return switch (c.getType()) {
            case NUMBER -> {
                BigDecimal n = c.asNumber();
                yield n == null ? "" : plain(n);
            }
            case BOOLEAN -> Boolean.toString(Boolean.TRUE.equals(c.asBoolean()));
            case EMPTY -> "";
            default -> {
                String raw = c.getText();
                yield raw == null ? "" : raw.strip();
            }
        };
    }

    private static String plain(BigDecimal n) {
        BigDecimal s = n.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0).toPlainString() : s.toPlainString();
    }

    static byte[] writeXlsx(String sheetName, List<List<String>> rows, Set<Integer> numericColumns) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Waybill", "1.0");
            Worksheet ws = wb.newWorksheet(sheetName);
            for (int r = 0; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    String v = row.get(c) == null ? "" : row.get(c);
                    if (r > 0 && numericColumns.contains(c) && isPlainNumber(v)) {
                        ws.value(r, c, new BigDecimal(v));
                    } else if (!v.isEmpty()) {
                        ws.value(r, c, v);
                    }
                }
                if (r == 0) {
                    ws.range(0, 0, 0, Math.max(0, row.size() - 1)).style().bold().set();
                }
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Text that reads back as the same text when stored as a number (no leading zeros, at most 15 digits). */
    static boolean isPlainNumber(String v) {
        if (v.isEmpty() || v.length() > 15 || !v.matches("-?(0|[1-9][0-9]*)(\\.[0-9]*[1-9])?")) {
            return false;
        }
        return true;
    }
}
