package io.waybill.spi.platform;

import java.util.List;

/**
 * A parsed order file.
 *
 * @param dataRows number of data rows (header excluded)
 * @param orders   orders built from well-formed rows
 * @param problems malformed rows: row, column, reason
 */
public record ParsedOrderFile(int dataRows, List<ParsedOrder> orders, List<Problem> problems) {
    public ParsedOrderFile {
        orders = List.copyOf(orders);
        problems = List.copyOf(problems);
    }

    /**
     * An order and the file rows it came from (1-based data row numbers), so later checks can point at them.
     *
     * @param order the order
     * @param rows  data rows, one per line of the order
     */
    public record ParsedOrder(PlatformOrder order, List<Integer> rows) {
        public ParsedOrder {
            rows = List.copyOf(rows);
        }
    }

    /**
     * A malformed row.
     *
     * <p>Since 1.5 a problem may also say why as data: a {@link #code} (one of the constants below, or a code of the
     * plugin's own) and the values its sentence names ({@link #params}), so Waybill shows it in the operator's
     * language; and what the parser left out because of it ({@link #leftOut}). {@link #reason} stays the plugin's own
     * English text (logs, the shell, and any code Waybill does not know). A problem without a code (a 1.4 plugin) is
     * shown as its reason.
     *
     * <p>In the params a column is its canonical name ({@code order_no}, {@code quantity}: the names this SPI's
     * {@link PlatformOrder} fields have in an order file), a value is as the file has it (shortened when long, control
     * characters shown as {@code <U+000A>}), a number in decimal digits.
     *
     * @param row     1-based data row number
     * @param column  column name from the header
     * @param reason  reason an operator can read (English)
     * @param code    why, as a stable code, or null (since 1.5)
     * @param params  the values of the code's sentence, in the order the constant's comment gives (since 1.5)
     * @param leftOut what the parser left out of the file's orders because of this problem, or null when it does not
     *                say (since 1.5)
     */
    public record Problem(int row, String column, String reason, String code, List<String> params, LeftOut leftOut) {

        // Why a row is malformed (since 1.5): the code, then its params.
        /** The row has another number of fields than the header: [fields in the row, fields in the header]. */
        public static final String FIELD_COUNT = "field_count";
        /** A value contains a line break: [column, position of the character from 1, its code point as U+000A]. */
        public static final String LINE_BREAK = "line_break";
        /** A value contains a tab: [column, position, code point]. */
        public static final String TAB = "tab";
        /** A value contains the NUL character: [column, position, code point]. */
        public static final String NUL = "nul";
        /** A value contains another control character: [column, position, code point]. */
        public static final String CONTROL_CHAR = "control_char";
        /**
         * A value contains U+FFFD, the mark of an earlier broken conversion of the file: [column, position, code
         * point].
         */
        public static final String REPLACEMENT_CHAR = "replacement_char";
        /** The order number is empty: []. */
        public static final String ORDER_NO_EMPTY = "order_no_empty";
        /** A required value is empty: [column]. */
        public static final String EMPTY = "empty";
        /** The quantity is not a whole number greater than 0: [value]. */
        public static final String QUANTITY = "quantity";
        /** The order date is not a date the parser reads: [value]. */
        public static final String ORDER_DATE = "order_date";
        /** The ship-by date is not a date the parser reads: [value]. */
        public static final String SHIP_BY = "ship_by";
        /** The country is not an ISO 3166-1 alpha-2 code: [value]. */
        public static final String COUNTRY = "country";
        /** A yes/no value is neither: [column, value]. */
        public static final String FLAG = "flag";
        /** An amount is not digits with an optional decimal point: [column, value]. */
        public static final String AMOUNT = "amount";
        /** The currency is not three letters: [value]. */
        public static final String CURRENCY = "currency";
        /** The currency is empty but the row has an amount: []. */
        public static final String CURRENCY_EMPTY = "currency_empty";
        /** The file has an amount column but no currency column: [the amount's column]. */
        public static final String CURRENCY_COLUMN_MISSING = "currency_column_missing";
        /**
         * Rows of one order differ in a value of the order: [column, the value here, the value in the order's first
         * row, that row, order no.].
         */
        public static final String ROWS_DIFFER = "rows_differ";
        /** As {@link #ROWS_DIFFER} for a field of the ship-to address: the same params. */
        public static final String ROWS_DIFFER_ADDRESS = "rows_differ_address";
        /** As {@link #ROWS_DIFFER} for an amount of the order (currency, total, shipping paid): the same params. */
        public static final String ROWS_DIFFER_ORDER_AMOUNT = "rows_differ_order_amount";

        public Problem {
            params = params == null ? List.of() : params.stream().map(p -> p == null ? "" : p).toList();
        }

        /** The 1.4 form: a row, a column and a reason, no code. */
        public Problem(int row, String column, String reason) {
            this(row, column, reason, null, List.of(), null);
        }

        /** A problem with why as a code and its params, nothing said about what was left out. Since 1.5. */
        public Problem(int row, String column, String reason, String code, Object... params) {
            this(row, column, reason, code, strings(params), null);
        }

        /** This problem with what the parser left out because of it. Since 1.5. */
        public Problem withLeftOut(LeftOut what) {
            return new Problem(row, column, reason, code, params, what);
        }

        private static List<String> strings(Object... values) {
            return values == null ? List.of() : java.util.Arrays.stream(values)
                    .map(v -> v == null ? "" : String.valueOf(v)).toList();
        }
    }

    /**
     * What a parser left out of the file's orders because of a problem (since 1.5): the row alone (a row without an
     * order number: {@code orderNo} null) or a whole order with all its rows.
     *
     * @param orderNo the order left out, or null when only the problem's row is
     * @param rows    the order's data rows (empty for a row alone)
     */
    public record LeftOut(String orderNo, List<Integer> rows) {
        public LeftOut {
            rows = rows == null ? List.of() : List.copyOf(rows);
        }

        /** The problem's row alone is left out. */
        public static LeftOut row() {
            return new LeftOut(null, List.of());
        }

        /** The whole order is left out, with its rows. */
        public static LeftOut order(String orderNo, List<Integer> rows) {
            return new LeftOut(orderNo, rows);
        }
    }
}
