package io.waybill.platform.csv.internal;

import io.waybill.spi.common.Result;
import io.waybill.spi.platform.ParsedOrderFile;
import io.waybill.spi.platform.ParsedOrderFile.LeftOut;
import io.waybill.spi.platform.ParsedOrderFile.Problem;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.waybill.platform.csv.internal.TestFiles.parser;
import static io.waybill.platform.csv.internal.TestFiles.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every row problem the parser reports says why as data (SPI platform 1.5): a code of {@link Problem}, its params in
 * the order the constant names them, and what was left out because of it; the English reason stays as it was. A
 * table of files, one per code, and a check that the table meets every code the SPI defines.
 */
class ProblemCodesTest {

    private static final String HEADER = "order_no,order_date,buyer_name,address1,city,country,sku,quantity,cancelled,"
            + "unit_price,currency,ship_by";
    private static final List<String> GOOD = List.of("1", "2024-05-01", "Ann", "1 Main St", "Leeds", "GB", "A", "1",
            "no", "1.5", "USD", "2024-05-03");

    /** The good row with the values of some columns replaced (by header name). */
    private static String row(String... columnValue) {
        List<String> header = List.of(HEADER.split(","));
        List<String> values = new ArrayList<>(GOOD);
        for (int i = 0; i < columnValue.length; i += 2) {
            values.set(header.indexOf(columnValue[i]), columnValue[i + 1]);
        }
        return String.join(",", values);
    }

    private static List<Problem> problems(String header, String... rows) {
        Result<ParsedOrderFile> r = parser("UTC").parse("orders.csv", utf8(header + "\n" + String.join("\n", rows)
                + "\n"));
        assertTrue(r.isOk(), () -> "parsed: " + r.messages());
        return r.value().problems();
    }

    /** code -> the problems of a file that has that problem (and no other). */
    private static Map<String, List<Problem>> table() {
        Map<String, List<Problem>> t = new LinkedHashMap<>();
        t.put(Problem.FIELD_COUNT, problems(HEADER, "1,2024-05-01,Ann"));
        t.put(Problem.LINE_BREAK, problems(HEADER, row("buyer_name", "\"An\nn\"")));
        t.put(Problem.TAB, problems(HEADER, row("buyer_name", "An\tn")));
        t.put(Problem.NUL, problems(HEADER, row("buyer_name", "An\u0000n")));
        t.put(Problem.CONTROL_CHAR, problems(HEADER, row("buyer_name", "An\u0007n")));
        t.put(Problem.REPLACEMENT_CHAR, problems(HEADER, row("buyer_name", "An\uFFFDn")));
        t.put(Problem.ORDER_NO_EMPTY, problems(HEADER, row("order_no", "")));
        t.put(Problem.EMPTY, problems(HEADER, row("sku", "")));
        t.put(Problem.QUANTITY, problems(HEADER, row("quantity", "two")));
        t.put(Problem.ORDER_DATE, problems(HEADER, row("order_date", "yesterday")));
        t.put(Problem.SHIP_BY, problems(HEADER, row("ship_by", "soon")));
        t.put(Problem.COUNTRY, problems(HEADER, row("country", "ZZ")));
        t.put(Problem.FLAG, problems(HEADER, row("cancelled", "maybe")));
        t.put(Problem.AMOUNT, problems(HEADER, row("unit_price", "$1")));
        t.put(Problem.CURRENCY, problems(HEADER, row("currency", "US")));
        t.put(Problem.CURRENCY_EMPTY, problems(HEADER, row("currency", "")));
        t.put(Problem.CURRENCY_COLUMN_MISSING, problems("order_no,order_date,buyer_name,address1,city,country,sku,"
                + "quantity,unit_price", "1,2024-05-01,Ann,1 Main St,Leeds,GB,A,1,1.5"));
        t.put(Problem.ROWS_DIFFER, problems(HEADER, row(), row("order_date", "2024-05-02", "sku", "B")));
        t.put(Problem.ROWS_DIFFER_ADDRESS, problems(HEADER, row(), row("city", "York", "sku", "B")));
        t.put(Problem.ROWS_DIFFER_ORDER_AMOUNT, problems(HEADER, row(), row("currency", "EUR", "sku", "B")));
        return t;
    }

    /** How many params each code takes (the constants' comments). */
    private static final Map<String, Integer> PARAMS = Map.ofEntries(Map.entry(Problem.FIELD_COUNT, 2),
            Map.entry(Problem.LINE_BREAK, 3), Map.entry(Problem.TAB, 3), Map.entry(Problem.NUL, 3),
            Map.entry(Problem.CONTROL_CHAR, 3), Map.entry(Problem.REPLACEMENT_CHAR, 3),
            Map.entry(Problem.ORDER_NO_EMPTY, 0), Map.entry(Problem.EMPTY, 1), Map.entry(Problem.QUANTITY, 1),
            Map.entry(Problem.ORDER_DATE, 1), Map.entry(Problem.SHIP_BY, 1), Map.entry(Problem.COUNTRY, 1),
            Map.entry(Problem.FLAG, 2), Map.entry(Problem.AMOUNT, 2), Map.entry(Problem.CURRENCY, 1),
            Map.entry(Problem.CURRENCY_EMPTY, 0), Map.entry(Problem.CURRENCY_COLUMN_MISSING, 1),
            Map.entry(Problem.ROWS_DIFFER, 5), Map.entry(Problem.ROWS_DIFFER_ADDRESS, 5),
            Map.entry(Problem.ROWS_DIFFER_ORDER_AMOUNT, 5));

    private static Set<String> spiCodes() throws IllegalAccessException {
        Set<String> codes = new TreeSet<>();
        for (Field f : Problem.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                codes.add((String) f.get(null));
            }
        }
        return codes;
    }

    @Test
    void everyRowProblemHasACodeOfTheSpiWithItsParamsAndWhatWasLeftOut() throws IllegalAccessException {
        Set<String> met = new TreeSet<>();
        for (Map.Entry<String, List<Problem>> e : table().entrySet()) {
            List<Problem> problems = e.getValue();
            assertEquals(1, problems.size(), () -> e.getKey() + ": " + problems);
            Problem p = problems.get(0);
            assertEquals(e.getKey(), p.code(), p::toString);
            met.add(p.code());
            assertEquals(PARAMS.get(p.code()), p.params().size(), p::toString);
            assertNotNull(p.leftOut(), p::toString);
            assertTrue(!p.reason().isBlank() && p.reason().contains(" is left out"), p::reason);
        }
        assertEquals(spiCodes(), met, "every code of the SPI is met by a file of the table");
        assertEquals(spiCodes(), new TreeSet<>(PARAMS.keySet()));
    }

    @Test
    void theParamsAreTheFactsOfTheEnglishReason() {
        Problem quantity = problems(HEADER, row("quantity", "two")).get(0);
        assertEquals("quantity must be a whole number greater than 0, got 'two'; order 1 is left out (row 1)",
                quantity.reason());
        assertEquals(List.of("two"), quantity.params());
        assertEquals(LeftOut.order("1", List.of(1)), quantity.leftOut());

        Problem lineBreak = problems(HEADER, row("buyer_name", "\"An\nn\"")).get(0);
        assertEquals(List.of("buyer_name", "3", "U+000A"), lineBreak.params());

        Problem fields = problems(HEADER, "1,2024-05-01,Ann").get(0);
        assertEquals(List.of("3", "12"), fields.params());
        assertEquals(LeftOut.order("1", List.of(1)), fields.leftOut());

        Problem noOrder = problems(HEADER, row("order_no", "")).get(0);
        assertEquals(LeftOut.row(), noOrder.leftOut());
        assertTrue(noOrder.reason().endsWith("; this row is left out"), noOrder::reason);

        // the order's rows; a value shortened and its control characters shown as the reason quotes it
        List<Problem> differ = problems(HEADER, row(), row("sku", "B"), row("city", "Y".repeat(50) + "\u202E",
                "sku", "C"));
        assertEquals(1, differ.size(), differ::toString);
        Problem p = differ.get(0);
        assertEquals(List.of("city", "Y".repeat(40) + "...", "Leeds", "1", "1"), p.params());
        assertEquals(LeftOut.order("1", List.of(1, 2, 3)), p.leftOut());
        assertEquals(3, p.row());

        // an amount names its column; the currency column missing names the amount's
        assertEquals(List.of("unit_price", "$1"), problems(HEADER, row("unit_price", "$1")).get(0).params());
    }
}
