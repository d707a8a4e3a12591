package io.waybill.platform.csv.internal;

import io.waybill.plugin.conformance.OrderFileParserConformance;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.Result;
import io.waybill.spi.platform.OrderFileParser;
import io.waybill.spi.platform.ParsedOrderFile;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.waybill.platform.csv.internal.TestFiles.HEADER;
import static io.waybill.platform.csv.internal.TestFiles.bytes;
import static io.waybill.platform.csv.internal.TestFiles.parser;
import static io.waybill.platform.csv.internal.TestFiles.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every problem that stops the parser reading a whole file says why as data (SPI platform 1.7): the failed result's
 * one ERROR message has a code of {@link OrderFileParser} and the params its constant names, the facts of the English
 * text. A file per problem, and a check that the files meet every code the SPI defines.
 */
class FileProblemCodesTest {

    /** A file (or a parser setting) with one problem, and the message it must give. */
    private record Case(String code, List<String> params, Result<ParsedOrderFile> result) {
    }

    private static Case file(String code, byte[] content, String... params) {
        return new Case(code, List.of(params), parser().parse("orders.csv", content));
    }

    private static byte[] concat(byte[] a, byte... b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static List<Case> cases() {
        byte[] utf16le = bytes("orders-scripts-utf16le.csv");
        byte[] noBom = Arrays.copyOfRange(utf16le, 2, utf16le.length);
        byte[] good = utf8(HEADER + "\n1,2024-05-01,Ann,2 High St,Leeds,GB,MUG-RED,1\n");
        return List.of(
                file(OrderFileParser.EMPTY_FILE, new byte[0]),
                file(OrderFileParser.EMPTY_FILE, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, ' ', '\n'}),
                file(OrderFileParser.HEADER_EMPTY, utf8("\n" + HEADER + "\n")),
                file(OrderFileParser.FILE_TOO_LARGE, new byte[25 * 1024 * 1024], "25.0", "20"),
                file(OrderFileParser.TOO_MANY_ROWS, utf8(HEADER + "\n" + "\n".repeat(200_001)), "200000"),
                // Chinese saved as GBK: the first byte of 王 on line 2
                file(OrderFileParser.BAD_ENCODING, bytes("orders-gbk.csv"), "0xD5", "82", "2"),
                // a UTF-16 byte order mark, then a high surrogate followed by 'A' (no low surrogate)
                file(OrderFileParser.BAD_ENCODING_UTF16, new byte[] {(byte) 0xFF, (byte) 0xFE, 0x00, (byte) 0xD8,
                        'A', 0}, "0x00", "2"),
                // UTF-8 cut off in the middle of 中 (E4 B8 AD)
                file(OrderFileParser.BAD_ENCODING_TRUNCATED, concat(good, (byte) 0xE4, (byte) 0xB8), "UTF-8",
                        String.valueOf(good.length)),
                // UTF-16 with an odd number of bytes
                file(OrderFileParser.BAD_ENCODING_TRUNCATED, concat(utf16le, (byte) 'x'), "UTF-16",
                        String.valueOf(utf16le.length)),
                file(OrderFileParser.BAD_ENCODING_UTF16_NO_BOM, noBom, "UTF-16LE"),
                file(OrderFileParser.BAD_ENCODING_UTF16_NO_BOM, new String(noBom, StandardCharsets.UTF_16LE)
                        .getBytes(StandardCharsets.UTF_16BE), "UTF-16BE"),
                file(OrderFileParser.MISSING_COLUMNS, utf8("Bestellnummer,order_date,buyer_name,address1,Stadt,"
                        + "country,sku,quantity\nA-1,2024-05-01,Hans,Zeil 1,Frankfurt,DE,MUG-RED,1\n"),
                        "'Bestellnummer', 'order_date', 'buyer_name', 'address1', 'Stadt', 'country', 'sku',"
                                + " 'quantity'",
                        "order_no", "order_number, 订单号, 订单编号", "city", "town, ship_city, 城市"),
                file(OrderFileParser.DUPLICATE_COLUMN, utf8(HEADER + ",SKU\n"), "sku", "7", "9", "sku", "SKU"),
                file(OrderFileParser.UNCLOSED_QUOTE, utf8(HEADER + "\n1,2024-05-01,Ann,1 Road,Leeds,GB,A,1\n"
                        + "2,2024-05-01,\"Bob,1 Road,York,GB,A,1\n"), "2"),
                file(OrderFileParser.UNCLOSED_QUOTE, utf8("order_no,\"order_date\n1,2024-05-01\n"), "0"),
                file(OrderFileParser.TEXT_AFTER_QUOTE, utf8(HEADER + "\n1,2024-05-01,\"Cy \"The Kid\" Lee\",1 Road,"
                        + "Hull,GB,A,1\n"), "1"),
                file(OrderFileParser.TEXT_AFTER_QUOTE, utf8("\"order_no\"x,order_date\n"), "0"),
                new Case(OrderFileParser.BAD_CONFIG, List.of("zone", "Mars/Olympus",
                        "Asia/Shanghai, Europe/Berlin, +08:00"), parser("Mars/Olympus").parse("orders.csv", good)),
                new Case(OrderFileParser.PARSE_ERROR, List.of("orders.csv", "IllegalStateException: boom"),
                        failing().parse("orders.csv", good)));
    }

    /** A parser whose reader fails unexpectedly. */
    private static CsvOrderFileParser failing() {
        CsvOrderFileParser parser = new CsvOrderFileParser() {
            @Override
            OrderFileReader reader(java.time.ZoneId zone) {
                throw new IllegalStateException("boom");
            }
        };
        parser.configure(TestFiles.config("UTC"));
        return parser;
    }

    @Test
    void everyFileProblemIsOneErrorWithACodeOfTheSpiAndItsParams() {
        Set<String> met = new TreeSet<>();
        for (Case c : cases()) {
            Result<ParsedOrderFile> r = c.result();
            assertFalse(r.isOk(), c::code);
            assertNull(r.value(), c::code);
            assertEquals(1, r.messages().size(), () -> c.code() + ": " + r.messages());
            Message m = r.messages().get(0);
            assertEquals(Message.Severity.ERROR, m.severity(), m::toString);
            assertEquals(c.code(), m.code(), m::toString);
            assertEquals(c.params(), m.params(), m::toString);
            assertFalse(m.text().isBlank(), m::toString);
            met.add(m.code());
        }
        // any other refusal of the CSV library (none is known with RFC 4180 quoting): its words as the last param
        OrderFileException other = OrderFileReader.malformed(3, new java.io.IOException("odd record"));
        assertEquals(OrderFileParser.MALFORMED_CSV, other.code());
        assertEquals(List.of("3", "odd record"), other.params());
        assertEquals("data row 3 is not valid CSV (odd record)", other.getMessage());
        met.add(other.code());
        assertEquals(new TreeSet<>(OrderFileParserConformance.fileProblemCodes()), met,
                "every file problem of the SPI is met by a file of the table");
    }

    @Test
    void theParamsAreTheFactsOfTheEnglishText() {
        for (Case c : cases()) {
            Message m = c.result().messages().get(0);
            if (m.code().equals(OrderFileParser.BAD_ENCODING_UTF16_NO_BOM)) {
                // the byte order in words
                assertTrue(m.text().contains(m.params().get(0).endsWith("LE") ? "UTF-16 (little-endian)"
                        : "UTF-16 (big-endian)"), m::text);
                continue;
            }
            if (c.params().equals(List.of("0"))) {
                continue; // the header row, aProblemInTheHeaderRowIsRowZero
            }
            for (String p : m.params()) {
                // the one exception: the missing columns' other names are listed as the text lists them
                assertTrue(m.text().contains(p) || p.contains(", "), () -> m.code() + ": '" + p + "' not in "
                        + m.text());
            }
        }
        Message missing = cases().stream().filter(c -> c.code().equals(OrderFileParser.MISSING_COLUMNS)).findFirst()
                .orElseThrow().result().messages().get(0);
        assertEquals("the header row lacks required columns order_no (or order_number, 订单号, 订单编号); city (or town,"
                + " ship_city, 城市). Found: 'Bestellnummer', 'order_date', 'buyer_name', 'address1', 'Stadt',"
                + " 'country', 'sku', 'quantity'", missing.text());
    }

    @Test
    void aProblemInTheHeaderRowIsRowZero() {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Case c : cases()) {
            if (c.params().equals(List.of("0"))) {
                texts.put(c.code(), c.result().messages().get(0).text());
            }
        }
        assertEquals(Set.of(OrderFileParser.UNCLOSED_QUOTE, OrderFileParser.TEXT_AFTER_QUOTE), texts.keySet());
        texts.values().forEach(t -> assertTrue(t.contains("the header row"), t));
    }
}
