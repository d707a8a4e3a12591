package io.waybill.platform.csv.internal;

import io.waybill.spi.platform.ParsedOrderFile.Problem;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One data row as read by {@link RowReader}: its values, what they mean, and its problems. Values that have a
 * problem are absent or {@code null}; a row with problems never becomes part of an order.
 *
 * @param row        1-based data row number
 * @param orderNo    the order number, or {@code null} when the row has none (or it cannot be found)
 * @param text       every column the file has, stripped of surrounding whitespace, as written
 * @param orderKeys  order-level columns in the form rows of one order are compared in (dates as instants...)
 * @param createdAt  order date
 * @param quantity   quantity, 0 when unreadable
 * @param cancelled  cancelled flag
 * @param country    upper-case country code
 * @param problems   what is wrong with the row
 * @param amounts    unit price, order total and shipping paid as read (absent when empty or not in the file)
 * @param currency   upper-case currency code, or null
 * @param shipBy     the ship-by instant (a date alone: the end of that day), or null
 */
record OrderRow(int row, String orderNo, Map<Column, String> text, Map<Column, Object> orderKeys, Instant createdAt,
                int quantity, boolean cancelled, String country, List<Problem> problems,
                Map<Column, BigDecimal> amounts, String currency, Instant shipBy) {

    OrderRow(int row, String orderNo, Map<Column, String> text, Map<Column, Object> orderKeys, Instant createdAt,
             int quantity, boolean cancelled, String country, List<Problem> problems) {
        this(row, orderNo, text, orderKeys, createdAt, quantity, cancelled, country, problems, Map.of(), null, null);
    }

    BigDecimal amount(Column column) {
        return amounts.get(column);
    }

    /** The stripped text of a column, empty when the file does not have it. */
    String get(Column column) {
        return text.getOrDefault(column, "");
    }
}
