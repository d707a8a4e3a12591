package io.waybill.ui.internal.i18n;

import io.waybill.core.model.Reason;
import io.waybill.core.model.RowError;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.waybill.ui.internal.i18n.OrderReasonsTest.latinSentence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every row problem an order-file plugin reports as data (SPI platform 1.5, the core's {@code row_*} reasons) reads
 * whole in English and in 简体中文, alone and with what was left out because of it: a table of one problem per code
 * with the params the CSV plugin gives it, which must meet every {@code row_*} code of the core.
 */
class FileRowReasonsTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    /** One problem per code, with the data its params hold (the columns are names, not data). */
    private static Map<Reason, List<String>> table() {
        Map<Reason, List<String>> t = new LinkedHashMap<>();
        t.put(Reason.of(Reason.ROW_FIELD_COUNT, 3, 16), List.of());
        t.put(Reason.of(Reason.ROW_LINE_BREAK, "address1", 5, "U+000A"), List.of());
        t.put(Reason.of(Reason.ROW_TAB, "buyer_name", 2, "U+0009"), List.of());
        t.put(Reason.of(Reason.ROW_NUL, "city", 1, "U+0000"), List.of());
        t.put(Reason.of(Reason.ROW_CONTROL_CHAR, "company", 9, "U+0007"), List.of());
        t.put(Reason.of(Reason.ROW_REPLACEMENT_CHAR, "buyer_note", 4, "U+FFFD"), List.of());
        t.put(Reason.of(Reason.ROW_ORDER_NO_EMPTY), List.of());
        t.put(Reason.of(Reason.ROW_EMPTY, "order_date"), List.of());
        t.put(Reason.of(Reason.ROW_QUANTITY, "two"), List.of("two"));
        t.put(Reason.of(Reason.ROW_ORDER_DATE, "yesterday"), List.of("yesterday"));
        t.put(Reason.of(Reason.ROW_SHIP_BY, "next week"), List.of("next week"));
        t.put(Reason.of(Reason.ROW_COUNTRY, "Germany"), List.of("Germany"));
        t.put(Reason.of(Reason.ROW_FLAG, "cancelled", "maybe"), List.of("maybe"));
        t.put(Reason.of(Reason.ROW_AMOUNT, "unit_price", "$1,50"), List.of("$1,50"));
        t.put(Reason.of(Reason.ROW_CURRENCY, "dollars"), List.of("dollars"));
        t.put(Reason.of(Reason.ROW_CURRENCY_EMPTY), List.of());
        t.put(Reason.of(Reason.ROW_CURRENCY_COLUMN_MISSING, "order_total"), List.of());
        t.put(Reason.of(Reason.ROW_ROWS_DIFFER, "ship_by", "2024-05-04", "2024-05-03", 1, "1001"), List.of());
        t.put(Reason.of(Reason.ROW_ROWS_DIFFER_ADDRESS, "city", "York", "Leeds", 1, "1001"), List.of("York",
                "Leeds"));
        t.put(Reason.of(Reason.ROW_ROWS_DIFFER_ORDER_AMOUNT, "shipping_paid", "5", "4.5", 2, "1001"), List.of());
        return t;
    }

    @Test
    void everyRowProblemReadsWholeInBothLanguagesAloneAndWithWhatWasLeftOut() {
        Set<String> seen = new TreeSet<>();
        List<String> failures = new ArrayList<>();
        for (Map.Entry<Reason, List<String>> e : table().entrySet()) {
            Reason problem = e.getKey();
            seen.add(problem.code());
            for (Reason r : List.of(problem, Reason.leftOut(problem, null, List.of()),
                    Reason.leftOut(problem, "1001", List.of(1, 2, 3)))) {
                RowError row = new RowError(2, "", r);
                // English: the core's sentence, as the plugin wrote it
                assertEquals(r.english(), Reasons.rowError(Locale.ENGLISH, row), r::code);
                String zh = Reasons.rowError(ZH, row);
                assertNotNull(Reasons.text(ZH, r), r::code);
                List<String> data = new ArrayList<>(e.getValue());
                data.add("1001");
                if (latinSentence(zh, data) || zh.contains("{") || zh.contains("_")) {
                    failures.add(r.code() + ": " + zh);
                }
            }
        }
        assertTrue(failures.isEmpty(), () -> "not whole in Chinese: " + failures);
        Set<String> codes = new TreeSet<>();
        Reason.CODES.stream().filter(c -> c.startsWith("row_")).forEach(codes::add);
        codes.remove(Reason.ROW_LEFT_OUT);
        codes.remove(Reason.ROW_ORDER_LEFT_OUT);
        assertEquals(codes, seen, "every row_* code of the core is in the table");
    }

    @Test
    void readsAsTheOperatorExpects() {
        Reason quantity = Reason.leftOut(Reason.of(Reason.ROW_QUANTITY, "two"), "1001", List.of(1, 2));
        assertEquals("quantity must be a whole number greater than 0, got 'two'; order 1001 is left out (rows 1, 2)",
                Reasons.text(Locale.ENGLISH, quantity));
        assertEquals("数量须为大于 0 的整数，实际为“two”；订单 1001 不导入（第 1、2 行）", Reasons.text(ZH, quantity));
        Reason differ = Reason.of(Reason.ROW_ROWS_DIFFER_ADDRESS, "city", "York", "Leeds", 1, "7");
        assertEquals("此行的城市为“York”，而第 1 行为“Leeds”；订单 7 的每一行收件地址必须相同", Reasons.text(ZH, differ));
        assertEquals("此行不导入", Reasons.text(ZH, Reason.leftOut(Reason.of(Reason.ROW_ORDER_NO_EMPTY), null,
                List.of())).replaceFirst("^.*；", ""));
        assertEquals("下单时间为空", Reasons.text(ZH, Reason.of(Reason.ROW_EMPTY, "order_date")));
        // every column of an order file has its Chinese name
        for (String column : List.of("order_no", "platform_order_id", "order_date", "buyer_name", "company",
                "address1", "address2", "city", "state", "postal_code", "country", "phone", "email", "sku",
                "quantity", "cancelled", "unit_price", "currency", "order_total", "shipping_paid", "ship_by",
                "buyer_note")) {
            assertFalse(Reasons.column(ZH, column).matches(".*[a-z].*"), column);
        }
        // a problem the core does not know as data (a 1.4 plugin): the plugin's words in every language
        RowError plain = new RowError(3, "x", "bad x", null);
        assertEquals("bad x", Reasons.rowError(ZH, plain));
    }
}
