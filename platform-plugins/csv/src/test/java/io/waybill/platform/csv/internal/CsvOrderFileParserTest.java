package io.waybill.platform.csv.internal;

import io.waybill.spi.common.Address;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.Result;
import io.waybill.spi.platform.ParsedOrderFile;
import io.waybill.spi.platform.ParsedOrderFile.ParsedOrder;
import io.waybill.spi.platform.ParsedOrderFile.Problem;
import io.waybill.spi.platform.PlatformOrder;
import io.waybill.spi.platform.PlatformOrder.Line;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.waybill.platform.csv.internal.TestFiles.HEADER;
import static io.waybill.platform.csv.internal.TestFiles.bytes;
import static io.waybill.platform.csv.internal.TestFiles.parser;
import static io.waybill.platform.csv.internal.TestFiles.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvOrderFileParserTest {

    // ----- identity

    @Test
    void descriptorNamesTheParser() {
        // given
        CsvOrderFileParser parser = new CsvOrderFileParser();
        // when / then
        assertEquals("csv", parser.descriptor().id());
        assertEquals("Order files (CSV)", parser.descriptor().displayName());
        assertFalse(parser.descriptor().description().isBlank());
    }

    @Test
    void acceptsCsvTsvAndTxtFiles() {
        // given
        CsvOrderFileParser parser = new CsvOrderFileParser();
        // when / then
        assertTrue(parser.accepts("orders.csv"));
        assertTrue(parser.accepts("Orders-2024-05.CSV"));
        assertTrue(parser.accepts("amazon-unshipped.txt"));
        assertTrue(parser.accepts("export.tsv"));
        assertFalse(parser.accepts("orders.xlsx"));
        assertFalse(parser.accepts("csv"));
        assertFalse(parser.accepts(null));
    }

    // ----- well-formed files

    @Test
    void readsTheExampleFileWithMultiLineOrders() {
        // given
        byte[] content = bytes("orders-example.csv");
        // when
        Result<ParsedOrderFile> result = parser().parse("orders-example.csv", content);
        // then
        assertTrue(result.isOk(), result.messages().toString());
        ParsedOrderFile file = result.value();
        assertEquals(6, file.dataRows());
        assertEquals(List.of(), file.problems());
        assertEquals(List.of("1001", "1002", "1003"), orderNos(file));

        ParsedOrder first = byNo(file).get("1001");
        assertEquals(List.of(1, 2), first.rows());
        assertEquals(new PlatformOrder("AMZ-114-0000001", "1001", false, Instant.parse("2024-05-01T14:30:00Z"),
                new Address("Ann Smith", "", "2 High St", "Flat 3", "Leeds", "West Yorkshire", "LS1 1AA", "GB",
                        "+44 113 496 0000", "ann@example.com"),
                List.of(new Line("MUG-RED", 2), new Line("MUG-BLUE", 1))).withValue(new PlatformOrder.Value(null,
                null, null, "+44 113 496 0000", "ann@example.com", null)), first.order());

        PlatformOrder second = byNo(file).get("1002").order();
        assertEquals("1002", second.platformOrderId()); // defaults to the order number
        assertEquals(Instant.parse("2024-05-02T01:15:00Z"), second.createdAt());
        assertEquals("Müller, Jana", second.shipTo().name());
        assertEquals("Acme GmbH", second.shipTo().company());
        assertEquals("DE", second.shipTo().countryCode());
        assertFalse(second.cancelled());

        ParsedOrder third = byNo(file).get("1003");
        assertEquals(List.of(4, 5, 6), third.rows());
        assertTrue(third.order().cancelled());
        assertEquals(Instant.parse("2024-05-03T00:00:00Z"), third.order().createdAt());
        assertEquals(List.of(new Line("MUG-RED", 1), new Line("CASE-1", 4), new Line("SKU \"3\"", 1)),
                third.order().lines());
        assertEquals("张伟", third.order().shipTo().name());
        assertEquals("北京市", third.order().shipTo().state());
    }

    @Test
    void readsChineseHeadersWithBomAndCrlf() {
        // given
        byte[] content = bytes("orders-chinese-headers.csv");
        // when
        Result<ParsedOrderFile> result = parser("Asia/Shanghai").parse("订单.csv", content);
        // then
        assertTrue(result.isOk(), result.messages().toString());
        ParsedOrderFile file = result.value();
        assertEquals(3, file.dataRows());
        assertEquals(List.of(), file.problems());
        PlatformOrder first = byNo(file).get("CN-2001").order();
        assertEquals(Instant.parse("2024-05-01T02:00:00Z"), first.createdAt());
        assertEquals(new Address("李娜", "", "浦东新区世纪大道100号", "", "上海", "上海市", "200120", "CN", "13900000000", ""),
                first.shipTo());
        assertEquals(List.of(new Line("MUG-RED", 2), new Line("TEE-L", 1)), first.lines());
        assertEquals(Instant.parse("2024-05-02T00:05:00Z"), byNo(file).get("CN-2002").order().createdAt());
        // the unknown column is named in an INFO message
        assertEquals(List.of(new Message("ignored_columns", Message.Severity.INFO,
                "columns not read by Waybill: '备注'")), result.messages());
    }

    @Test
    void detectsTheSemicolonSeparator() {
        // given a file as Excel writes it in a French or German locale
        byte[] content = bytes("orders-semicolon.csv");
        // when
        Result<ParsedOrderFile> result = parser().parse("commandes.csv", content);
        // then
        assertTrue(result.isOk(), result.messages().toString());
        ParsedOrderFile file = result.value();
        assertEquals(List.of(), file.problems());
        assertEquals(List.of("3001", "3002"), orderNos(file));
        assertEquals("Dupont; Marie", byNo(file).get("3001").order().shipTo().name());
        assertEquals(List.of(new Line("MUG-RED", 1), new Line("CASE-1", 2)), byNo(file).get("3001").order().lines());
        assertEquals("Königstraße 1, Hinterhaus", byNo(file).get("3002").order().shipTo().line1());
    }

    @Test
    void detectsTheTabSeparator() {
        // given
        String text = HEADER.replace(',', '\t') + "\n" + "1\t2024-05-01\tAnn, Lee\t2 High St\tLeeds\tGB\tMUG-RED\t1\n";
        // when
        Result<ParsedOrderFile> result = parser().parse("orders.tsv", utf8(text));
        // then
        assertTrue(result.isOk(), result.messages().toString());
        assertEquals("Ann, Lee", result.value().orders().get(0).order().shipTo().name());
    }

    @Test
    void readsUtf8WithBom() {
        // given
        byte[] content = bytes("orders-bom.csv");
        // when
        Result<ParsedOrderFile> result = parser().parse("orders-bom.csv", content);
        // then the first column is order_no, not "\uFEFForder_no"
        assertTrue(result.isOk(), result.messages().toString());
        assertEquals(List.of("7001"), orderNos(result.value()));
        assertEquals(List.of(), result.messages());
    }

    @Test
    void namesInAnyScriptRoundTripExactly() {
        for (String name : List.of("orders-scripts.csv", "orders-scripts-utf16le.csv", "orders-scripts-utf16be.csv")) {
            // given
            byte[] content = bytes(name);
            // when
            Result<ParsedOrderFile> result = parser().parse(name, content);
            // then
            assertTrue(result.isOk(), name + ": " + result.messages());
            assertEquals(List.of(), result.value().problems(), name);
            Map<String, ParsedOrder> orders = byNo(result.value());
            Address chinese = orders.get("8001").order().shipTo();
            assertEquals("张伟", chinese.name(), name);
            assertEquals("🎁 礼品店", chinese.company(), name);
            assertEquals("朝阳区建国路88号 🏠", chinese.line1(), name);
            assertEquals("北京", chinese.city(), name);
            Address russian = orders.get("8002").order().shipTo();
            assertEquals("Иван Петров", russian.name(), name);
            assertEquals("ООО «Ромашка»", russian.company(), name);
            assertEquals("ул. Ленина, д. 1", russian.line1(), name);
            assertEquals("Москва", russian.city(), name);
            Address arabic = orders.get("8003").order().shipTo();
            assertEquals("محمد العتيبي", arabic.name(), name);
            assertEquals("شارع الملك فهد ١٢", arabic.line1(), name);
            assertEquals("الرياض", arabic.city(), name);
            // surrounding (ideographic, no-break) spaces and tabs stripped; the decomposed ë is not normalised
            Address irish = orders.get("8004").order().shipTo();
            assertEquals("Zoe\u0308 O\u2019Brien", irish.name(), name);
            assertEquals("1 Quay St", irish.line1(), name);
        }
    }

    @Test
    void aHeaderOnlyFileHasNoOrders() {
        // given
        byte[] content = utf8(HEADER + "\r\n");
        // when
        Result<ParsedOrderFile> result = parser().parse("orders.csv", content);
        // then
        assertTrue(result.isOk());
        assertEquals(new ParsedOrderFile(0, List.of(), List.of()), result.value());
    }

    @Test
    void blankRowsKeepTheirNumberAndAreSkipped() {
        // given an empty line and a spreadsheet row of empty cells between two orders
        String text = HEADER + "\n"
                + "1,2024-05-01,Ann,2 High St,Leeds,GB,MUG-RED,1\n"
                + "\n"
                + ",,,,,,,\n"
                + "2,2024-05-01,Bob,1 Low St,York,GB,MUG-RED,x\n"
                + ",,, ,,,,\n";
        // when
        Result<ParsedOrderFile> result = parser().parse("orders.csv", utf8(text));
        // then
        assertTrue(result.isOk());
        assertEquals(5, result.value().dataRows());
        assertEquals(List.of(new Problem(4, "quantity", "quantity must be a whole number greater than 0, got 'x';"
                + " order 2 is left out (row 4)")), texts(result.value().problems()));
        assertEquals(List.of(new Message("blank_rows", Message.Severity.INFO, "3 blank rows were skipped")),
                result.messages());
    }

    // ----- malformed rows

    @Test
    void everyMalformedRowIsReportedAtItsRowAndColumnAndItsOrderLeftOut() {
        // given
        byte[] content = bytes("orders-malformed.csv");
        // when
        Result<ParsedOrderFile> result = parser().parse("orders-malformed.csv", content);
        // then
        assertTrue(result.isOk(), result.messages().toString());
        ParsedOrderFile file = result.value();
        assertEquals(18, file.dataRows());
        assertEquals(List.of(
                new Problem(2, "quantity", "quantity must be a whole number greater than 0, got '-2';"
                        + " order 4001 is left out (rows 1, 2, 18)"),
                new Problem(3, "sku", "sku is empty; order 4002 is left out (row 3)"),
                new Problem(4, "order_no", "order_no is empty; every row needs the order number;"
                        + " this row is left out"),
                new Problem(5, "order_date", "order_date must be a date like 2024-05-01, 2024-05-01 14:30,"
                        + " 2024/5/1 14:30:05 or 2024-05-01T14:30:00+08:00, got '05/01/2024';"
                        + " order 4003 is left out (row 5)"),
                new Problem(6, "", "the row has 8 fields but the header has 9; look for a missing or extra"
                        + " separator, or a value containing the separator that is not in double quotes;"
                        + " order 4004 is left out (row 6)"),
                new Problem(7, "buyer_name", "buyer_name contains U+0007 (control character) at character 4;"
                        + " only printable text is allowed; order 4005 is left out (row 7)"),
                new Problem(8, "city", "city contains U+FFFD (replacement character: the text was damaged by a"
                        + " wrong conversion) at character 3; only printable text is allowed;"
                        + " order 4006 is left out (row 8)"),
                new Problem(9, "address1", "address1 contains U+0085 (control character) at character 7;"
                        + " only printable text is allowed; order 4007 is left out (row 9)"),
                new Problem(10, "quantity", "quantity must be a whole number greater than 0, got '1.5';"
                        + " order 4008 is left out (rows 10, 11)"),
                new Problem(11, "quantity", "quantity must be a whole number greater than 0, got 'abc'"),
                new Problem(12, "country", "country must be a two-letter ISO 3166-1 code such as CN, US or GB,"
                        + " got 'UK'; order 4009 is left out (row 12)"),
                new Problem(13, "cancelled", "cancelled must be one of true/false, yes/no, 1/0 (or empty),"
                        + " got 'maybe'; order 4010 is left out (row 13)"),
                new Problem(15, "city", "city is 'York' here but 'Leeds' in row 14; every row of order 4011 must"
                        + " have the same ship-to address; order 4011 is left out (rows 14, 15)"),
                new Problem(16, "order_date", "order_date is empty; order 4012 is left out (row 16)")),
                texts(file.problems()));
        // only the order without any problem is imported
        assertEquals(List.of("4013"), orderNos(file));
        assertEquals(List.of(17), file.orders().get(0).rows());
    }

    @Test
    void problemsNameTheColumnAsTheFileCallsIt() {
        // given a Chinese header
        String text = "订单号,下单时间,收件人,地址1,城市,国家,SKU,数量\n"
                + "A1,2024-05-01,张伟,朝阳区建国路88号,北京,CN,MUG-RED,-2\n";
        // when
        Result<ParsedOrderFile> result = parser().parse("订单.csv", utf8(text));
        // then
        assertEquals(List.of(new Problem(1, "数量", "quantity must be a whole number greater than 0, got '-2';"
                + " order A1 is left out (row 1)")), texts(result.value().problems()));
    }

    @Test
    void rowsOfOneOrderMustAgreeOnDateAndIdsToo() {
        // given the same instant written two ways (fine), then a different platform id
        String text = HEADER + ",platform_order_id\n"
                + "1,2024-05-01 08:00,Ann,2 High St,Leeds,GB,MUG-RED,1,\n"
                + "1,2024-05-01T08:00:00Z,Ann,2 High St,Leeds,gb,CASE-1,1,1\n"
                + "1,2024-05-01,Ann,2 High St,Leeds,GB,TEE-S,1,P-9\n";
        // when
        Result<ParsedOrderFile> result = parser().parse("orders.csv", utf8(text));
        // then
        assertEquals(List.of(
                new Problem(3, "order_date", "order_date is '2024-05-01' here but '2024-05-01 08:00' in row 1;"
                        + " every row of order 1 must have the same order_date; order 1 is left out (rows 1, 2, 3)"),
                new Problem(3, "platform_order_id", "platform_order_id is 'P-9' here but '' in row 1;"
                        + " every row of order 1 must have the same platform_order_id")),
                texts(result.value().problems()));
        assertEquals(List.of(), result.value().orders());
    }

    @Test
    void quotedLineBreaksDoNotShiftRowNumbers() {
        // given CRLF records with LF line breaks inside quoted values (as Excel writes them)
        byte[] content = bytes("orders-quoted-newlines.csv");
        // when
        Result<ParsedOrderFile> result = parser().parse("orders-quoted-newlines.csv", content);
        // then
        ParsedOrderFile file = result.value();
        assertEquals(5, file.dataRows());
        assertEquals(List.of(
                new Problem(2, "address1", "address1 contains U+000A (line break) at character 9;"
                        + " only printable text is allowed; order 6002 is left out (row 2)"),
                new Problem(3, "quantity", "quantity must be a whole number greater than 0, got '0';"
                        + " order 6003 is left out (row 3)"),
                new Problem(5, "quantity", "quantity must be a whole number greater than 0, got 'x';"
                        + " order 6005 is left out (row 5)")),
                texts(file.problems()));
        assertEquals(List.of("6001", "6004"), orderNos(file));
        assertEquals(List.of(4), byNo(file).get("6004").rows());
        assertEquals("4 Top St, Unit 2", byNo(file).get("6004").order().shipTo().line1());
        assertEquals(List.of(new Message("ignored_columns", Message.Severity.INFO,
                "columns not read by Waybill: 'notes'")), result.messages());
    }

    // ----- files that cannot be read

    @Test
    void refusesAFileThatIsNotUtf8() {
        // given Chinese text saved as GBK (what Excel does on a Chinese Windows)
        byte[] content = bytes("orders-gbk.csv");
        // when
        Result<ParsedOrderFile> result = parser().parse("orders-gbk.csv", content);
        // then
        assertFailed(result, "bad_encoding", "file is not UTF-8 text: byte 0xD5 at offset 82 (line 2);"
                + " save it as \"CSV UTF-8\" (Excel) or choose UTF-8 when exporting, then upload it again");
    }

    @Test
    void refusesUtf16WithoutByteOrderMarkWithOneReadableReason() {
        // given Excel's "Unicode text" (UTF-16) whose byte order mark a tool dropped, in both byte orders
        byte[] withBom = bytes("orders-scripts-utf16le.csv");
        byte[] le = java.util.Arrays.copyOfRange(withBom, 2, withBom.length);
        byte[] be = new String(le, java.nio.charset.StandardCharsets.UTF_16LE)
                .getBytes(java.nio.charset.StandardCharsets.UTF_16BE);
        // when
        Result<ParsedOrderFile> little = parser().parse("orders.csv", le);
        Result<ParsedOrderFile> big = parser().parse("orders.csv", be);
        // then: one reason, no column errors, no raw control characters
        assertFailed(little, "bad_encoding_utf16_no_bom", "file is not UTF-8 text: it looks like UTF-16 (little-endian) without"
                + " a byte order mark (NUL bytes between the characters); save it as \"CSV UTF-8\" (Excel) or choose"
                + " UTF-8 when exporting, then upload it again");
        assertFailed(big, "bad_encoding_utf16_no_bom", little.messages().get(0).text().replace("little-endian", "big-endian"));
    }

    @Test
    void valuesQuotedInReasonsShowControlAndBidiCharactersAsCodesNeverRaw() {
        // given two rows of one order whose cities differ by a right-to-left override (U+202E)
        String header = "order_no,order_date,buyer_name,address1,city,country,sku,quantity\n";
        byte[] content = utf8(header + "1,2024-05-01,Ann,1 Road,Leeds,GB,A,1\n"
                + "1,2024-05-01,Ann,1 Road,\u202Esdeel,GB,A,1\n");
        // when
        ParsedOrderFile file = parser().parse("orders.csv", content).value();
        // then
        String reason = file.problems().get(0).reason();
        assertTrue(reason.startsWith("city is '<U+202E>sdeel' here but 'Leeds' in row 1"), reason);
        assertTrue(reason.chars().noneMatch(c -> c == 0x202E), reason);
    }

    @Test
    void missingColumnsFailTheFile() {
        // given
        byte[] content = bytes("orders-missing-columns.csv");
        // when
        Result<ParsedOrderFile> result = parser().parse("orders-missing-columns.csv", content);
        // then
        assertFalse(result.isOk());
        assertNull(result.value());
        Message message = result.messages().get(0);
        assertEquals("missing_columns", message.code());
        assertTrue(message.text().startsWith("the header row lacks required columns order_date (or "),
                message.text());
        for (String column : List.of("order_date", "address1", "city", "country", "quantity")) {
            assertTrue(message.text().contains(column + " (or "), column);
        }
    }

    @Test
    void refusesEmptyFiles() {
        for (byte[] content : List.of(new byte[0], new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                utf8(" \r\n\r\n"))) {
            // given / when
            Result<ParsedOrderFile> result = parser().parse("orders.csv", content);
            // then
            assertFailed(result, "empty_file", "the file is empty; it needs a header row");
        }
        assertFailed(parser().parse("orders.csv", null), "empty_file", "the file is empty; it needs a header row");
    }

    @Test
    void refusesAFileWhoseFirstLineIsEmpty() {
        // given
        byte[] content = utf8("\n" + HEADER + "\n");
        // when
        Result<ParsedOrderFile> result = parser().parse("orders.csv", content);
        // then
        assertFailed(result, "header_empty", "the first line is empty; it must be the header row with the column"
                + " names");
    }

    @Test
    void anUnclosedQuoteFailsTheFileNamingTheRowItStartsIn() {
        // given
        String text = HEADER + "\n"
                + "1,2024-05-01,Ann,2 High St,Leeds,GB,MUG-RED,1\n"
                + "2,2024-05-01,\"Bob,1 Low St,York,GB,MUG-RED,1\n"
                + "3,2024-05-01,Cy,3 Mid St,Hull,GB,MUG-RED,1\n";
        // when
        Result<ParsedOrderFile> result = parser().parse("orders.csv", utf8(text));
        // then
        assertFailed(result, "unclosed_quote", "a quoted value starting in data row 2 is never closed: a double"
                + " quote is missing, so the rest of the file cannot be split into rows");
    }

    @Test
    void textAfterAClosingQuoteFailsTheFileNamingTheRow() {
        // given
        String text = HEADER + "\n"
                + "1,2024-05-01,Ann,2 High St,Leeds,GB,MUG-RED,1\n"
                + "2,2024-05-01,Bob,1 Low St,York,GB,MUG-RED,1\n"
                + "3,2024-05-01,\"Cy \"The Kid\" Lee\",3 Mid St,Hull,GB,MUG-RED,1\n";
        // when
        Result<ParsedOrderFile> result = parser().parse("orders.csv", utf8(text));
        // then
        assertFailed(result, "text_after_quote", "data row 3 has text after the closing double quote of a value;"
                + " inside a quoted value write a double quote as two (\"\")");
    }

    @Test
    void aQuoteInsideAnUnquotedValueIsKept() {
        // given a 5" screen protector
        String text = HEADER + "\n1,2024-05-01,Ann,2 High St,Leeds,GB,SCREEN-5\",1\n";
        // when
        Result<ParsedOrderFile> result = parser().parse("orders.csv", utf8(text));
        // then
        assertEquals(List.of(new Line("SCREEN-5\"", 1)), result.value().orders().get(0).order().lines());
    }

    @Test
    void refusesFilesOver20Mb() {
        // given
        byte[] content = new byte[20 * 1024 * 1024 + 1];
        // when
        Result<ParsedOrderFile> result = parser().parse("orders.csv", content);
        // then
        assertFailed(result, "file_too_large", "the file is 20.0 MB; files over 20 MB are refused, split it into"
                + " smaller files");
    }

    @Test
    void refusesFilesOver200000Rows() {
        // given 200,001 data rows (blank ones count too) in well under 20 MB
        StringBuilder text = new StringBuilder(HEADER).append('\n').append("1,2024-05-01,A,B,C,GB,S,1\n");
        text.append("\n".repeat(200_000));
        // when
        Result<ParsedOrderFile> result = parser().parse("orders.csv", utf8(text.toString()));
        // then
        assertFailed(result, "too_many_rows", "the file has more than 200000 data rows; split it into smaller"
                + " files");
    }

    @Test
    void exactly200000RowsAreRead() {
        // given
        StringBuilder text = new StringBuilder(HEADER).append('\n').append("1,2024-05-01,A,B,C,GB,S,1\n");
        text.append("\n".repeat(199_999));
        // when
        Result<ParsedOrderFile> result = parser().parse("orders.csv", utf8(text.toString()));
        // then
        assertTrue(result.isOk(), result.messages().toString());
        assertEquals(200_000, result.value().dataRows());
    }

    @Test
    void anUnexpectedExceptionBecomesAParseError() {
        // given a reader that breaks
        CsvOrderFileParser parser = new CsvOrderFileParser() {
            @Override
            OrderFileReader reader(java.time.ZoneId zone) {
                throw new IllegalStateException("boom");
            }
        };
        // when
        Result<ParsedOrderFile> result = parser.parse("orders.csv", utf8(HEADER));
        // then
        assertFailed(result, "parse_error", "could not read 'orders.csv' because of an internal error"
                + " (IllegalStateException: boom); please report it");
    }

    @Test
    void aBadZoneSettingFailsEveryParseUntilFixed() {
        // given
        CsvOrderFileParser parser = parser("Mars/Olympus");
        // when
        Result<ParsedOrderFile> result = parser.parse("orders.csv", bytes("orders-example.csv"));
        // then
        assertFailed(result, "bad_config", "the setting zone = 'Mars/Olympus' is not a time zone; use a zone id"
                + " like Asia/Shanghai or an offset like +08:00");
        // and when it is fixed
        parser.configure(TestFiles.config("+08:00"));
        Result<ParsedOrderFile> fixed = parser.parse("orders.csv", bytes("orders-example.csv"));
        // then dates without offset are read in that zone
        assertTrue(fixed.isOk());
        assertEquals(Instant.parse("2024-05-01T06:30:00Z"), byNo(fixed.value()).get("1001").order().createdAt());
    }

    // ----- volume

    @Test
    void readsA100000RowFile() {
        // given 50,000 orders of two lines each, names in several scripts
        String[] names = {"张伟", "Иван Петров", "محمد العتيبي", "Ann \"Nan\" Lee", "Dupont, Marie"};
        StringBuilder text = new StringBuilder(HEADER).append("\r\n");
        for (int order = 1; order <= 50_000; order++) {
            String name = names[order % names.length].replace("\"", "\"\"");
            for (int line = 1; line <= 2; line++) {
                text.append("ORD-").append(order).append(",2024-05-01 10:00,\"").append(name).append("\",")
                        .append(order).append(" High St,Leeds,GB,SKU-").append(line).append(',').append(line)
                        .append("\r\n");
            }
        }
        // when
        Result<ParsedOrderFile> result = parser().parse("big.csv", text.toString().getBytes(StandardCharsets.UTF_8));
        // then
        assertTrue(result.isOk(), result.messages().toString());
        ParsedOrderFile parsed = result.value();
        assertEquals(100_000, parsed.dataRows());
        assertEquals(List.of(), parsed.problems());
        assertEquals(50_000, parsed.orders().size());
        ParsedOrder last = parsed.orders().get(49_999);
        assertEquals("ORD-50000", last.order().orderNo());
        assertEquals(List.of(99_999, 100_000), last.rows());
        assertEquals(List.of(new Line("SKU-1", 1), new Line("SKU-2", 2)), last.order().lines());
        assertEquals("张伟", last.order().shipTo().name());
        assertEquals("Ann \"Nan\" Lee", parsed.orders().get(2).order().shipTo().name());
    }

    // ----- helpers

    /** The problems as row, column and English reason (the codes are checked in {@link ProblemCodesTest}). */
    private static List<Problem> texts(List<Problem> problems) {
        return problems.stream().map(p -> new Problem(p.row(), p.column(), p.reason())).toList();
    }

    private static List<String> orderNos(ParsedOrderFile file) {
        return file.orders().stream().map(o -> o.order().orderNo()).toList();
    }

    private static Map<String, ParsedOrder> byNo(ParsedOrderFile file) {
        return file.orders().stream().collect(Collectors.toMap(o -> o.order().orderNo(), Function.identity()));
    }

    private static void assertFailed(Result<ParsedOrderFile> result, String code, String text) {
        assertFalse(result.isOk());
        assertNull(result.value());
        // the params of the code (SPI platform 1.7) are FileProblemCodesTest's
        assertEquals(List.of(Message.error(code, text)), result.messages().stream()
                .map(m -> new Message(m.code(), m.severity(), m.text(), m.retryAfter())).toList());
    }

    // ----- order value (unit price, currency, total, shipping paid, ship-by)

    @Test
    void readsTheOrderValueColumns() {
        // given
        byte[] content = utf8("order_no,order_date,buyer_name,address1,city,state,postal_code,country,phone,email,"
                + "sku,quantity,unit_price,currency,order_total,shipping_paid,ship_by\n"
                + "5001,2024-05-01 10:00,Ann,1 Main St,Springfield,IL,62704,US,+1 217 555 0100,ann@example.com,"
                + "MUG-RED,2,12.99,usd,30.98,4.00,2024-05-03\n"
                + "5001,2024-05-01 10:00,Ann,1 Main St,Springfield,IL,62704,US,+1 217 555 0100,ann@example.com,"
                + "TEE-M,1,1,USD,30.980,4,2024-05-03\n"
                + "5002,2024-05-01 10:00,Bob,2 Main St,Springfield,IL,62704,US,,,MUG-RED,1,,,,,\n");
        // when
        Result<ParsedOrderFile> result = parser("UTC").parse("valued.csv", content);
        // then
        assertTrue(result.isOk(), result.messages().toString());
        assertEquals(List.of(), result.value().problems());
        PlatformOrder valued = byNo(result.value()).get("5001").order();
        assertEquals(List.of(new Line("MUG-RED", 2, new java.math.BigDecimal("12.99"), "USD"),
                new Line("TEE-M", 1, new java.math.BigDecimal("1"), "USD")), valued.lines());
        assertEquals(new PlatformOrder.Value(new java.math.BigDecimal("30.98"), new java.math.BigDecimal("4.00"),
                "USD", "+1 217 555 0100", "ann@example.com", Instant.parse("2024-05-03T23:59:59Z")),
                valued.value());
        PlatformOrder plain = byNo(result.value()).get("5002").order();
        assertEquals(List.of(new Line("MUG-RED", 1)), plain.lines());
        assertEquals(PlatformOrder.Value.NONE, plain.value());
    }

    @Test
    void readsTheBuyerNoteOfAnOrderUnderEnglishAndChineseHeaders() {
        // given
        byte[] english = utf8(HEADER + ",buyer_note\n"
                + "7001,2024-05-01 10:00,Ann,1 Main St,Springfield,US,MUG-RED,1,\" Gift wrap, please \"\n"
                + "7002,2024-05-01 10:00,Bob,2 Main St,Springfield,US,MUG-RED,1,\n");
        byte[] chinese = utf8("订单号,下单时间,收件人,地址1,城市,国家,SKU,数量,买家留言\n"
                + "CN-7003,2024-05-01 10:00,李娜,世纪大道100号,上海,CN,MUG-RED,1,请用礼品包装\n");
        // when
        Result<ParsedOrderFile> en = parser("UTC").parse("notes.csv", english);
        Result<ParsedOrderFile> zh = parser("Asia/Shanghai").parse("留言.csv", chinese);
        // then
        assertTrue(en.isOk(), en.messages().toString());
        assertEquals(List.of(), en.value().problems());
        assertEquals("Gift wrap, please", byNo(en.value()).get("7001").order().value().buyerNote());
        assertNull(byNo(en.value()).get("7002").order().value().buyerNote());
        assertEquals(PlatformOrder.Value.NONE, byNo(en.value()).get("7002").order().value());
        assertTrue(zh.isOk(), zh.messages().toString());
        assertEquals("请用礼品包装", zh.value().orders().get(0).order().value().buyerNote());
    }

    @Test
    void readsTheOrderValueColumnsUnderChineseHeaders() {
        // given
        byte[] content = utf8("订单号,下单时间,收件人,地址1,城市,省州,邮编,国家,电话,邮箱,SKU,数量,单价,币种,订单金额,运费,"
                + "最晚发货时间\n"
                + "CN-3001,2024-05-01 10:00,李娜,世纪大道100号,上海,上海市,200120,CN,13900000000,li@example.cn,"
                + "MUG-RED,2,59.5,CNY,129,10,2024-05-03 18:00\n");
        // when
        Result<ParsedOrderFile> result = parser("Asia/Shanghai").parse("中文.csv", content);
        // then
        assertTrue(result.isOk(), result.messages().toString());
        assertEquals(List.of(), result.value().problems());
        PlatformOrder o = result.value().orders().get(0).order();
        assertEquals(List.of(new Line("MUG-RED", 2, new java.math.BigDecimal("59.5"), "CNY")), o.lines());
        assertEquals(new PlatformOrder.Value(new java.math.BigDecimal("129"), new java.math.BigDecimal("10"), "CNY",
                "13900000000", "li@example.cn", Instant.parse("2024-05-03T10:00:00Z")), o.value());
    }

    @Test
    void refusesUnreadableAmountsCurrenciesAndShipByDates() {
        // given
        byte[] content = utf8(HEADER + ",unit_price,currency,order_total,shipping_paid,ship_by\n"
                + "6001,2024-05-01,Ann,1 Main St,Leeds,GB,MUG-RED,1,\"12,50\",EUR,,,\n"
                + "6002,2024-05-01,Ann,1 Main St,Leeds,GB,MUG-RED,1,-3,EUR,,,\n"
                + "6003,2024-05-01,Ann,1 Main St,Leeds,GB,MUG-RED,1,3,€,,,\n"
                + "6004,2024-05-01,Ann,1 Main St,Leeds,GB,MUG-RED,1,3,,,,\n"
                + "6005,2024-05-01,Ann,1 Main St,Leeds,GB,MUG-RED,1,3,EUR,,,05/03/2024\n"
                + "6006,2024-05-01,Ann,1 Main St,Leeds,GB,MUG-RED,1,3,EUR,10,,\n"
                + "6006,2024-05-01,Ann,1 Main St,Leeds,GB,MUG-BLUE,1,3,EUR,11,,\n");
        // when
        Result<ParsedOrderFile> result = parser("UTC").parse("bad-values.csv", content);
        // then
        assertTrue(result.isOk(), result.messages().toString());
        assertEquals(List.of(), result.value().orders());
        List<String> reasons = result.value().problems().stream().map(p -> p.row() + " " + p.column() + ": "
                + p.reason()).toList();
        assertEquals(List.of(
                "1 unit_price: unit_price must be an amount like 12, 12.5 or 0.99 (digits and a decimal point, no "
                        + "currency sign, thousands separator or decimal comma), got '12,50'; order 6001 is left out "
                        + "(row 1)",
                "2 unit_price: unit_price must be an amount like 12, 12.5 or 0.99 (digits and a decimal point, no "
                        + "currency sign, thousands separator or decimal comma), got '-3'; order 6002 is left out "
                        + "(row 2)",
                "3 currency: currency must be a three-letter ISO 4217 code such as USD, EUR or CNY, got '€'; order "
                        + "6003 is left out (row 3)",
                "4 currency: currency is empty but the row has an amount; say which currency it is in (e.g. USD); "
                        + "order 6004 is left out (row 4)",
                "5 ship_by: ship_by must be a date like 2024-05-03 or 2024-05-03 18:00, got '05/03/2024'; order 6005 "
                        + "is left out (row 5)",
                "7 order_total: order_total is '11' here but '10' in row 6; every row of order 6006 must have the "
                        + "same order_total (it belongs to the order; unit_price is per row); order 6006 is left out "
                        + "(rows 6, 7)"), reasons);
    }

    @Test
    void anAmountWithoutACurrencyColumnIsRefused() {
        byte[] content = utf8(HEADER + ",unit_price\n" + "7001,2024-05-01,Ann,1 Main St,Leeds,GB,MUG-RED,1,3\n");
        Result<ParsedOrderFile> result = parser("UTC").parse("no-currency.csv", content);
        assertTrue(result.isOk(), result.messages().toString());
        assertEquals("the file has unit_price but no currency column; add a currency column (e.g. USD) so the "
                + "amount can be read; order 7001 is left out (row 1)", result.value().problems().get(0).reason());
    }
}
