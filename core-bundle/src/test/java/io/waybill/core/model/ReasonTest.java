package io.waybill.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class ReasonTest {

    @Test
    void englishSentencesAreTheOnesTheShellPrinted() {
        assertEquals("Warehouse SZ-01", Reason.of(Reason.WAREHOUSE, "SZ-01").english());
        assertEquals("Carrier demo-post / STD", Reason.of(Reason.CARRIER_SERVICE, "demo-post", "STD").english());
        assertEquals("Weight 0.800 kg (expected 0.790 kg ± 0.040 kg)", Reason.of(Reason.WEIGHED, 800, 790, 40).english());
        assertEquals("Fetching the carrier's label again from demo-post",
                Reason.of(Reason.LABEL_REQUESTED, "demo-post").english());
        assertEquals("Waiting for the marketplace plugin 'shopify' of store S1, which is not installed; sent once it is",
                Reason.of(Reason.SYNC_WAITING, "shopify", "S1").english());
        assertEquals("Weight override by supervisor boss: measured 1.200 kg, expected 0.790 kg ± 0.040 kg. Reason: box",
                Reason.of(Reason.WEIGHT_OVERRIDE, "boss", 1200, 790, 40, "box").english());
    }

    @Test
    void listCodesJoinTheirItems() {
        assertEquals("Out of stock: A missing 1, B missing 2",
                Reason.of(Reason.OUT_OF_STOCK, "A", 1, "B", 2).english());
        assertEquals("A missing 1", Reason.of(Reason.SHORTAGES, "A", 1).english());
    }

    @Test
    void paramsSurviveTheirColumn() {
        Reason r = Reason.of(Reason.CARRIER_SERVICE, "demo-post", "");
        assertEquals(r.params(), Reason.decodeParams(r.encodedParams()));
        assertEquals(List.of(), Reason.decodeParams(null));
        assertEquals(List.of("a, b", "c"), Reason.decodeParams(Reason.of("x", "a, b", "c").encodedParams()));
    }

    private static final java.util.regex.Pattern CUSTOM = java.util.regex.Pattern.compile(
            "\\{\\d+,(weight|status|verb|field|column|reasons|rows)}");

    @Test
    void customArgumentTypes() {
        assertEquals("Package WB1 has already been shipped (sync failed); it cannot be voided.",
                Reason.of(Reason.ALREADY_SHIPPED, "WB1", "SYNC_FAILED", "VOIDED").english());
        assertEquals("Package WB2 is voided; it cannot be uploaded to a carrier.",
                Reason.of(Reason.ALREADY_VOIDED, "WB2", "TRACKED").english());
        assertEquals("Package WB3 is waiting; it cannot be printed now.",
                Reason.of(Reason.ILLEGAL_STATE, "WB3", "WAITING", "PRINTED").english());
        assertEquals("Weight n/a (expected 0.010 kg ± 0.001 kg)", Reason.of(Reason.WEIGHED, "n/a", 10, 1).english());
        // every template with them parses once they are plain arguments
        for (String code : Reason.CODES) {
            new MessageFormat(CUSTOM.matcher(Reason.englishTemplate(code)).replaceAll("{0}"), Locale.ENGLISH);
        }
    }

    @Test
    void everyEnglishTemplateIsAValidMessageFormatGivingTheSameSentence() {
        for (String code : Reason.CODES) {
            String template = Reason.englishTemplate(code);
            assertNotNull(template, code);
            if (CUSTOM.matcher(template).find()) {
                continue; // Waybill's own argument types: see customArgumentTypes
            }
            // a template must parse as a MessageFormat (the UI formats it so) and agree with english()
            MessageFormat f = new MessageFormat(template, Locale.ENGLISH);
            Object[] args = new Object[f.getFormatsByArgumentIndex().length];
            for (int i = 0; i < args.length; i++) {
                args[i] = f.getFormatsByArgumentIndex()[i] == null ? "p" + i : (Object) 7L;
            }
            String filled = Reason.fill(template, java.util.Arrays.stream(args).map(String::valueOf).toList());
            assertEquals(f.format(args), filled, code);
            assertFalse(filled.contains("{"), code);
        }
    }

    @Test
    void unknownCodeStillSaysSomething() {
        assertEquals("mystery [a]", Reason.of("mystery", "a").english());
    }

    @Test
    void theRefusalsAnOperatorMeetsAreSentences() {
        assertEquals("Package WB1 is held: an order line's SKU is not matched to a product; map it in \"SKU not "
                + "matched\" (or waybill:sku-alias) first. It cannot be allocated now.",
                Reason.of(Reason.HELD_SKU_UNMATCHED, "WB1", "ALLOCATED").english());
        assertEquals("Package WB1 is already queued to be uploaded to a carrier.",
                Reason.of(Reason.ALREADY_QUEUED, "WB1", "AWAITING_TRACKING").english());
        assertEquals("The store of package WB1 has no default shipping method; set one in Settings -> Shipping "
                + "methods.", Reason.of(Reason.NO_SHIPPING_METHOD, "WB1").english());
        assertEquals("The carrier plugin 'easypost' is not installed (the shipping method of package WB1); nothing was "
                + "sent. Install the plugin or choose another default shipping method, then upload again.",
                Reason.of(Reason.CARRIER_MISSING, "easypost", "WB1").english());
        assertEquals("Package WB1 is not waiting for a tracking number (printed).",
                Reason.of(Reason.NOT_PENDING, "WB1", "PRINTED").english());
        assertEquals("Package WB1 is shipped; rules apply only to packages not allocated yet.",
                Reason.of(Reason.RULES_NOT_APPLICABLE, "WB1", "SHIPPED").english());
        assertEquals("Package WB1 is not held for review (waiting).", Reason.of(Reason.NOT_HELD, "WB1", "WAITING")
                .english());
        assertEquals("Package WB1 is already synchronised.", Reason.of(Reason.ALREADY_SYNCED, "WB1").english());
        assertEquals("Package WB1 has not been shipped.", Reason.of(Reason.NOT_SHIPPED, "WB1").english());
        assertEquals("Store S1 needs the marketplace plugin 'ebay', which is not installed or not configured for this "
                + "store: install or configure it, then sync again.",
                Reason.of(Reason.PLUGIN_MISSING, "S1", "ebay").english());
        assertEquals("Package WB1 is tracked; its customs declaration can change only before it is uploaded to a "
                + "carrier.", Reason.of(Reason.CUSTOMS_LOCKED, "WB1", "TRACKED").english());
        assertEquals("Package WB1 is queued for upload; its customs declaration can change only before it is "
                + "uploaded to a carrier.", Reason.of(Reason.CUSTOMS_LOCKED_QUEUED, "WB1").english());
        assertEquals("ann is not a supervisor; the package was not shipped.",
                Reason.of(Reason.NOT_SUPERVISOR, "ann").english());
        assertEquals("Supervisor name or password is wrong; the package was not shipped.",
                Reason.of(Reason.SUPERVISOR_AUTH_FAILED).english());
        assertEquals("A supervisor's approval is required.", Reason.of(Reason.SUPERVISOR_REQUIRED).english());
        // the scan station's: the English the station and the shell have always shown
        assertEquals("Nothing was scanned.", Reason.of(Reason.EMPTY_SCAN).english());
        assertEquals("UNKNOWN PACKAGE: no package or tracking number 'RR9XX'.",
                Reason.of(Reason.SCAN_UNKNOWN, "RR9XX").english());
        assertEquals("ALREADY SHIPPED: package WB1 has already been shipped.",
                Reason.of(Reason.SCAN_ALREADY_SHIPPED, "WB1").english());
        assertEquals("VOIDED: package WB1 was cancelled. Do not ship it.", Reason.of(Reason.VOIDED, "WB1").english());
        assertEquals("NOT PRINTED: package WB1 is tracked; print its label first.",
                Reason.of(Reason.NOT_PRINTED, "WB1", "TRACKED").english());
        assertEquals("WEIGHING FAILED: package WB1 weighed 0.900 kg, expected 0.800 kg ± 0.040 kg; only a supervisor "
                + "can ship it.", Reason.of(Reason.WEIGHING_FAILED, "WB1", 900, 800, 40).english());
    }

    @Test
    void nestedReasonsSurviveTheirParamAndReadInEnglish() {
        List<Reason> problems = List.of(Reason.of(Reason.CUSTOMS_HS_MISSING, "A"), Reason.of(Reason.CUSTOMS_NO_LINES),
                Reason.of(Reason.SERVICE_CURRENCY, "RA", "CNY", "EUR,USD"));
        assertEquals(problems, Reason.decode(Reason.encode(problems)));
        assertEquals(List.of(), Reason.decode(""));
        Reason r = Reason.of(Reason.CUSTOMS_NOT_READY, "WB1", Reason.encode(problems));
        assertEquals("The customs declaration of package WB1 is not ready; nothing was sent: A: HS code missing "
                + "(customs declaration); The customs declaration has no lines; Service RA does not accept "
                + "declarations in CNY (accepted: EUR,USD). Correct it on the package page, in the catalogue or in "
                + "the store settings, then upload again.", r.english());
        // stored in one column like any params
        assertEquals(r.params(), Reason.decodeParams(r.encodedParams()));
    }

    @Test
    void aScalesStatusCodeIsAReasonOfItsOwn() {
        assertEquals(new Reason(Reason.SCALE_NO_ANSWER, List.of("COM3", "SI", "2000")),
                Reason.ofScale("no_answer", List.of("COM3", "SI", "2000")));
        assertEquals("no answer to SI within 2000 ms from COM3",
                Reason.ofScale("no_answer", List.of("COM3", "SI", "2000")).english());
        assertEquals("cannot open /dev/ttyUSB9: port does not exist",
                Reason.ofScale("open_failed", List.of("/dev/ttyUSB9", "port does not exist")).english());
        assertNull(Reason.ofScale("made_up", List.of()));
        assertNull(Reason.ofScale(null, List.of()));
    }

    @Test
    void everyRowProblemCodeOfTheFilePluginSpiIsAReasonOfItsOwn() throws IllegalAccessException {
        // every code of SPI platform 1.5 ParsedOrderFile.Problem, prefixed row_
        for (java.lang.reflect.Field f : io.waybill.spi.platform.ParsedOrderFile.Problem.class.getFields()) {
            if (java.lang.reflect.Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                String code = (String) f.get(null);
                assertTrue(Reason.CODES.contains("row_" + code), code);
            }
        }
        assertEquals(new Reason(Reason.ROW_QUANTITY, List.of("two")), Reason.ofFileRow("quantity", List.of("two")));
        assertNull(Reason.ofFileRow("quantity", List.of()), "params that do not fit: the plugin's text");
        assertNull(Reason.ofFileRow("made_up", List.of()));
        assertNull(Reason.ofFileRow(null, List.of()));
    }

    @Test
    void aRowProblemReadsAsTheCsvPluginWroteIt() {
        // the English sentences are the plugin's (platform-plugins/csv RowReader, OrderAssembler)
        Reason quantity = Reason.ofFileRow("quantity", List.of("two"));
        assertEquals("quantity must be a whole number greater than 0, got 'two'; order 1001 is left out (rows 1, 2)",
                Reason.leftOut(quantity, "1001", List.of(1, 2)).english());
        assertEquals("order_no is empty; every row needs the order number; this row is left out",
                Reason.leftOut(Reason.ofFileRow("order_no_empty", List.of()), null, List.of()).english());
        assertEquals("address1 contains U+000A (line break) at character 5; only printable text is allowed",
                Reason.ofFileRow("line_break", List.of("address1", "5", "U+000A")).english());
        assertEquals("city is 'York' here but 'Leeds' in row 1; every row of order 7 must have the same ship-to "
                + "address", Reason.ofFileRow("rows_differ_address", List.of("city", "York", "Leeds", "1", "7"))
                .english());
        assertEquals("order_total is '9' here but '8' in row 1; every row of order 7 must have the same order_total "
                + "(it belongs to the order; unit_price is per row)", Reason.ofFileRow("rows_differ_order_amount",
                List.of("order_total", "9", "8", "1", "7")).english());
    }

    @Test
    void everyFileProblemCodeOfTheFilePluginSpiIsAReasonOfItsOwn() throws IllegalAccessException {
        // every code of SPI platform 1.7 OrderFileParser, with params of its shape, maps to a file_* reason
        java.util.Map<String, List<String>> shapes = new java.util.HashMap<>();
        shapes.put("empty_file", List.of());
        shapes.put("header_empty", List.of());
        shapes.put("file_too_large", List.of("25.0", "20"));
        shapes.put("too_many_rows", List.of("200000"));
        shapes.put("bad_encoding", List.of("0xD5", "82", "2"));
        shapes.put("bad_encoding_utf16", List.of("0x00", "2"));
        shapes.put("bad_encoding_truncated", List.of("UTF-8", "9"));
        shapes.put("bad_encoding_utf16_no_bom", List.of("UTF-16LE"));
        shapes.put("missing_columns", List.of("'A'", "city", "town"));
        shapes.put("duplicate_column", List.of("sku", "7", "9", "sku", "SKU"));
        shapes.put("unclosed_quote", List.of("2"));
        shapes.put("text_after_quote", List.of("3"));
        shapes.put("malformed_csv", List.of("3", "odd"));
        shapes.put("bad_config", List.of("zone", "Mars", "Asia/Shanghai"));
        shapes.put("parse_error", List.of("a.csv", "IllegalStateException: boom"));
        java.util.Set<String> spi = new java.util.TreeSet<>();
        for (java.lang.reflect.Field f : io.waybill.spi.platform.OrderFileParser.class.getFields()) {
            if (java.lang.reflect.Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                spi.add((String) f.get(null));
            }
        }
        assertEquals(spi, new java.util.TreeSet<>(shapes.keySet()), "a shape for every code of the SPI");
        for (java.util.Map.Entry<String, List<String>> e : shapes.entrySet()) {
            Reason r = Reason.ofFile(e.getKey(), e.getValue());
            assertNotNull(r, e.getKey());
            assertTrue(r.code().startsWith("file_") && Reason.CODES.contains(r.code()), r::code);
            assertFalse(r.english().contains("{"), r::english);
            // params that do not fit: the plugin's text
            List<String> more = new ArrayList<>(e.getValue());
            more.add("x");
            more.add("y");
            if (!e.getKey().equals("missing_columns")) {
                assertNull(Reason.ofFile(e.getKey(), more), e.getKey());
            }
        }
        assertNull(Reason.ofFile("missing_columns", List.of("'A'", "city")));
        assertNull(Reason.ofFile("unclosed_quote", List.of("two")));
        assertNull(Reason.ofFile("made_up", List.of()));
        assertNull(Reason.ofFile(null, List.of()));
    }

    @Test
    void aFileProblemReadsAsTheCsvPluginSaysIt() {
        assertEquals("The header row lacks required columns: order_no (or order_number, 订单号); city (or town). "
                + "Found: 'Bestellnummer', 'Stadt'.", Reason.ofFile("missing_columns", List.of("'Bestellnummer', "
                + "'Stadt'", "order_no", "order_number, 订单号", "city", "town")).english());
        assertEquals("The file is not UTF-8 text: byte 0xD5 at offset 82 (line 2). Save it as \"CSV UTF-8\" (Excel) "
                + "or choose UTF-8 when exporting, then upload it again.", Reason.ofFile("bad_encoding",
                List.of("0xD5", "82", "2")).english());
        // a problem in the header row (row 0) has its own sentence
        assertEquals(Reason.of(Reason.FILE_QUOTE_UNCLOSED_HEADER), Reason.ofFile("unclosed_quote", List.of("0")));
        assertEquals(Reason.of(Reason.FILE_TEXT_AFTER_QUOTE_HEADER), Reason.ofFile("text_after_quote", List.of("0")));
        assertEquals(Reason.of(Reason.FILE_MALFORMED_HEADER, "odd"), Reason.ofFile("malformed_csv", List.of("0",
                "odd")));
        assertEquals("A quoted value starting in data row 2 is never closed: a double quote is missing, so the rest "
                + "of the file cannot be split into rows.", Reason.ofFile("unclosed_quote", List.of("2")).english());
        assertEquals("The header has the column sku twice (fields 7 and 9: 'sku' and 'SKU'); keep one.",
                Reason.ofFile("duplicate_column", List.of("sku", "7", "9", "sku", "SKU")).english());
        assertEquals("The order-file plugin's setting zone = 'Mars' is not valid; use a value like Asia/Shanghai. No "
                + "order file can be read until it is corrected in the plugin's settings.", Reason.ofFile(
                "bad_config", List.of("zone", "Mars", "Asia/Shanghai")).english());
    }

    @Test
    void reasonsNestInNestedReasons() {
        // a refusal naming a file problem that names its columns: three levels, each read back whole
        Reason columns = Reason.ofFile("missing_columns", List.of("'A', 'B'", "order_no", "order_number",
                "city", "town"));
        Reason refusal = Reason.nesting(Reason.UNREADABLE_FILE, columns);
        List<Reason> back = Reason.decode(refusal.params().get(0));
        assertEquals(List.of(columns), back);
        assertEquals(2, Reason.decode(back.get(0).params().get(0)).size());
        assertEquals("The header row lacks required columns: order_no (or order_number); city (or town). Found: "
                + "'A', 'B'.", refusal.english());
        // what was encoded before nesting went deeper decodes as it did; an escape character in a value survives
        assertEquals(List.of(new Reason("a", List.of("1", "2")), new Reason("b", List.of())),
                Reason.decode("a\u001d1\u001d2\u001cb"));
        Reason odd = new Reason("x", List.of("\u001b1\u001b", ""));
        assertEquals(List.of(odd), Reason.decode(Reason.encode(List.of(odd))));
    }
}
