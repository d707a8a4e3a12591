package io.waybill.platform.csv.internal;

import io.waybill.spi.common.Message;
import io.waybill.spi.common.Result;
import io.waybill.spi.platform.ParsedOrderFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Reads a whole order file: checks the limits, decodes the text ({@link TextDecoder}), detects the separator from
 * the header line, splits the text into records with Apache Commons CSV (RFC 4180 quoting, so a quoted value may
 * hold separators, doubled quotes and line breaks), reads the header ({@link Header}) and each row
 * ({@link RowReader}) and groups rows into orders ({@link OrderAssembler}).
 * <p>
 * Data rows are numbered from 1, header excluded, one number per CSV record: a quoted value spanning several lines
 * does not shift the numbers of the rows after it, and blank rows keep their number.
 */
final class OrderFileReader {

    /** Largest file read, in bytes (20 MiB). */
    static final int MAX_BYTES = 20 * 1024 * 1024;
    /** {@link #MAX_BYTES} in MB, as the refusal names it. */
    static final int MAX_MB = MAX_BYTES / (1024 * 1024);
    /** Most data rows read. */
    static final int MAX_ROWS = 200_000;

    static final String IGNORED_COLUMNS = "ignored_columns";
    static final String BLANK_ROWS = "blank_rows";

    private final ZoneId zone;

    /** @param zone time zone of order dates written without an offset */
    OrderFileReader(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * Reads a file.
     *
     * @return the orders and row problems, with INFO messages on ignored columns and blank rows
     * @throws OrderFileException when the file as a whole cannot be read
     */
    Result<ParsedOrderFile> read(byte[] content) {
        if (content == null || content.length == 0) {
            throw new OrderFileException(OrderFileException.EMPTY_FILE, "the file is empty; it needs a header row");
        }
        if (content.length > MAX_BYTES) {
            String size = String.format(Locale.ROOT, "%.1f", content.length / (1024.0 * 1024.0));
            throw new OrderFileException(OrderFileException.FILE_TOO_LARGE, "the file is " + size + " MB; files over "
                    + MAX_MB + " MB are refused, split it into smaller files", size, MAX_MB);
        }
        String text = TextDecoder.decode(content);
        if (TextRules.strip(text).isEmpty()) {
            throw new OrderFileException(OrderFileException.EMPTY_FILE, "the file is empty; it needs a header row");
        }
        char delimiter = detectDelimiter(text);
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(false)
                .get();
        int row = 0;
        boolean headerRead = false;
        try (CSVParser parser = format.parse(new StringReader(text))) {
            Iterator<CSVRecord> records = parser.iterator();
            List<String> headerFields = records.next().toList();
            if (RowReader.isBlank(headerFields)) {
                throw new OrderFileException(OrderFileException.HEADER_EMPTY,
                        "the first line is empty; it must be the header row with the column names");
            }
            headerRead = true;
            Header header = Header.of(headerFields);
            RowReader rowReader = new RowReader(header, zone);
            OrderAssembler assembler = new OrderAssembler(header);
            int blank = 0;
            while (records.hasNext()) {
                List<String> fields = records.next().toList();
                row++;
                if (row > MAX_ROWS) {
                    throw new OrderFileException(OrderFileException.TOO_MANY_ROWS, "the file has more than "
                            + MAX_ROWS + " data rows; split it into smaller files", MAX_ROWS);
                }
                if (RowReader.isBlank(fields)) {
                    blank++;
                    assembler.skipBlank();
                } else {
                    assembler.add(rowReader.read(row, fields));
                }
            }
            List<Message> messages = new ArrayList<>();
            if (!header.ignored().isEmpty()) {
                messages.add(new Message(IGNORED_COLUMNS, Message.Severity.INFO,
                        "columns not read by Waybill: " + String.join(", ", header.ignored())));
            }
            if (blank > 0) {
                messages.add(new Message(BLANK_ROWS, Message.Severity.INFO,
                        blank + (blank == 1 ? " blank row was" : " blank rows were") + " skipped"));
            }
            return Result.ok(assembler.result(), messages);
        } catch (UncheckedIOException e) {
            throw malformed(headerRead ? row + 1 : 0, e.getCause());
        } catch (IOException e) {
            throw malformed(headerRead ? row + 1 : 0, e);
        }
    }

    /**
     * The separator of the file: whichever of comma, semicolon and tab occurs most often in the header line outside
     * double quotes; comma when there is a tie or none.
     */
    static char detectDelimiter(String text) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == '\n' || c == '\r') {
                    break;
                }
                switch (c) {
                    case ',' -> commas++;
                    case ';' -> semicolons++;
                    case '\t' -> tabs++;
                    default -> { }
                }
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return ',';
    }

    /**
     * A record that Commons CSV cannot split; {@code row} is its data row number (0: the header). With RFC 4180
     * quoting only the first two cases are known to occur; the last keeps the library's words.
     */
    static OrderFileException malformed(int row, Throwable cause) {
        String detail = cause == null || cause.getMessage() == null ? "" : cause.getMessage();
        String where = row == 0 ? "the header row" : "data row " + row;
        if (detail.contains("EOF reached before encapsulated token finished")) {
            return new OrderFileException(OrderFileException.UNCLOSED_QUOTE, "a quoted value starting in " + where
                    + " is never closed: a double quote is missing, so the rest of the file cannot be split into rows",
                    row);
        }
        if (detail.contains("Invalid character between encapsulated token and delimiter")
                || detail.contains("invalid char between encapsulated token and delimiter")) {
            return new OrderFileException(OrderFileException.TEXT_AFTER_QUOTE, where + " has text after the closing"
                    + " double quote of a value; inside a quoted value write a double quote as two (\"\")", row);
        }
        return new OrderFileException(OrderFileException.MALFORMED_CSV, where + " is not valid CSV (" + detail + ")",
                row, detail);
    }
}
