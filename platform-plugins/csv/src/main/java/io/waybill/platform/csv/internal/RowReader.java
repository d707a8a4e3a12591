package io.waybill.platform.csv.internal;

import io.waybill.spi.platform.ParsedOrderFile.Problem;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the fields of one data row into an {@link OrderRow}, checking each value's shape: required values present,
 * no control characters, quantity a positive whole number, date readable, country an ISO code, yes/no flags.
 * Whether the content makes sense (known SKU, deliverable address) is for the core to check.
 */
final class RowReader {

    private static final int QUOTE_MAX = 40;

    private final Header header;
    private final ZoneId zone;

    RowReader(Header header, ZoneId zone) {
        this.header = header;
        this.zone = zone;
    }

    /** Whether every field of the row is empty or whitespace (a blank line, or a spreadsheet row of empty cells). */
    static boolean isBlank(List<String> fields) {
        for (String field : fields) {
            if (!TextRules.strip(field).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    OrderRow read(int row, List<String> fields) {
        List<Problem> problems = new ArrayList<>();
        if (fields.size() != header.size()) {
            String orderNo = null;
            int position = header.position(Column.ORDER_NO);
            if (position < fields.size()) {
                String candidate = TextRules.strip(fields.get(position));
                orderNo = candidate.isEmpty() || TextRules.firstRefusedChar(candidate) >= 0 ? null : candidate;
            }
            problems.add(new Problem(row, "", String.format(
                    "the row has %d fields but the header has %d; look for a missing or extra separator, or a value"
                            + " containing the separator that is not in double quotes",
                    fields.size(), header.size()), Problem.FIELD_COUNT, fields.size(), header.size()));
            return new OrderRow(row, orderNo, Map.of(), Map.of(), null, 0, false, null, problems);
        }

        Map<Column, String> text = new EnumMap<>(Column.class);
        for (Column column : Column.values()) {
            if (!header.has(column)) {
                continue;
            }
            String value = TextRules.strip(fields.get(header.position(column)));
            int refused = TextRules.firstRefusedChar(value);
            if (refused >= 0) {
                char c = value.charAt(refused);
                problems.add(problem(row, column, column.canonical() + " contains "
                        + TextRules.describeChar(c) + " at character " + (refused + 1)
                        + "; only printable text is allowed", TextRules.refusedCharCode(c), column.canonical(),
                        refused + 1, TextRules.codePoint(c)));
                continue; // no further checks on a value that is refused anyway
            }
            text.put(column, value);
        }

        String orderNo = text.get(Column.ORDER_NO);
        if (orderNo != null && orderNo.isEmpty()) {
            problems.add(problem(row, Column.ORDER_NO, "order_no is empty; every row needs the order number",
                    Problem.ORDER_NO_EMPTY));
            orderNo = null;
        }
        String sku = text.get(Column.SKU);
        if (sku != null && sku.isEmpty()) {
            problems.add(problem(row, Column.SKU, "sku is empty", Problem.EMPTY, Column.SKU.canonical()));
        }

        int quantity = 0;
        String quantityText = text.get(Column.QUANTITY);
        if (quantityText != null) {
            Integer n = TextRules.positiveInt(quantityText);
            if (n == null) {
                problems.add(problem(row, Column.QUANTITY,
                        "quantity must be a whole number greater than 0, got " + quote(quantityText),
                        Problem.QUANTITY, shown(quantityText)));
            } else {
                quantity = n;
            }
        }

        Instant createdAt = null;
        String dateText = text.get(Column.ORDER_DATE);
        if (dateText != null) {
            if (dateText.isEmpty()) {
                problems.add(problem(row, Column.ORDER_DATE, "order_date is empty", Problem.EMPTY,
                        Column.ORDER_DATE.canonical()));
            } else {
                createdAt = TextRules.instant(dateText, zone);
                if (createdAt == null) {
                    problems.add(problem(row, Column.ORDER_DATE, "order_date must be a date like 2024-05-01,"
                            + " 2024-05-01 14:30, 2024/5/1 14:30:05 or 2024-05-01T14:30:00+08:00, got "
                            + quote(dateText), Problem.ORDER_DATE, shown(dateText)));
                }
            }
        }

        String country = null;
        String countryText = text.get(Column.COUNTRY);
        if (countryText != null) {
            if (countryText.isEmpty()) {
                problems.add(problem(row, Column.COUNTRY, "country is empty", Problem.EMPTY,
                        Column.COUNTRY.canonical()));
            } else {
                country = TextRules.country(countryText);
                if (country == null) {
                    problems.add(problem(row, Column.COUNTRY, "country must be a two-letter ISO 3166-1 code such"
                            + " as CN, US or GB, got " + quote(countryText), Problem.COUNTRY, shown(countryText)));
                }
            }
        }

        Boolean cancelled = Boolean.FALSE;
        String cancelledText = text.get(Column.CANCELLED);
        if (cancelledText != null) {
            cancelled = TextRules.flag(cancelledText);
            if (cancelled == null) {
                problems.add(problem(row, Column.CANCELLED,
                        "cancelled must be one of true/false, yes/no, 1/0 (or empty), got " + quote(cancelledText),
                        Problem.FLAG, Column.CANCELLED.canonical(), shown(cancelledText)));
            }
        }

        Map<Column, BigDecimal> amounts = new EnumMap<>(Column.class);
        for (Column column : List.of(Column.UNIT_PRICE, Column.ORDER_TOTAL, Column.SHIPPING_PAID)) {
            String value = text.get(column);
            if (value == null || value.isEmpty()) {
                continue;
            }
            BigDecimal amount = TextRules.amount(value);
            if (amount == null) {
                problems.add(problem(row, column, column.canonical() + " must be an amount like 12, 12.5 or 0.99 "
                        + "(digits and a decimal point, no currency sign, thousands separator or decimal comma), got "
                        + quote(value), Problem.AMOUNT, column.canonical(), shown(value)));
            } else {
                amounts.put(column, amount);
            }
        }
        String currency = null;
        String currencyText = text.get(Column.CURRENCY);
        if (currencyText != null && !currencyText.isEmpty()) {
            currency = TextRules.currency(currencyText);
            if (currency == null) {
                problems.add(problem(row, Column.CURRENCY, "currency must be a three-letter ISO 4217 code such as "
                        + "USD, EUR or CNY, got " + quote(currencyText), Problem.CURRENCY, shown(currencyText)));
            }
        }
        if (currency == null && currencyText != null && currencyText.isEmpty() && !amounts.isEmpty()) {
            problems.add(problem(row, Column.CURRENCY, "currency is empty but the row has an amount; say which "
                    + "currency it is in (e.g. USD)", Problem.CURRENCY_EMPTY));
        } else if (currencyText == null && !amounts.isEmpty()) {
            Column first = amounts.keySet().iterator().next();
            problems.add(problem(row, first, "the file has " + first.canonical() + " but no currency column; add "
                    + "a currency column (e.g. USD) so the amount can be read", Problem.CURRENCY_COLUMN_MISSING,
                    first.canonical()));
        }
        Instant shipBy = null;
        String shipByText = text.get(Column.SHIP_BY);
        if (shipByText != null && !shipByText.isEmpty()) {
            shipBy = TextRules.instant(shipByText, zone);
            if (shipBy == null) {
                problems.add(problem(row, Column.SHIP_BY, "ship_by must be a date like 2024-05-03 or "
                        + "2024-05-03 18:00, got " + quote(shipByText), Problem.SHIP_BY, shown(shipByText)));
            } else if (shipByText.indexOf(':') < 0) {
                shipBy = shipBy.atZone(zone).plusDays(1).minusSeconds(1).toInstant(); // a date: by the end of it
            }
        }

        Map<Column, Object> orderKeys = new EnumMap<>(Column.class);
        for (Column column : Column.values()) {
            if (!column.orderLevel() || !text.containsKey(column)) {
                continue;
            }
            Object key = switch (column) {
                case ORDER_DATE -> createdAt != null ? createdAt : text.get(column);
                case COUNTRY -> country != null ? country : text.get(column);
                case CANCELLED -> cancelled != null ? cancelled : text.get(column);
                case PLATFORM_ORDER_ID -> text.get(column).isEmpty() && orderNo != null ? orderNo : text.get(column);
                case ORDER_TOTAL, SHIPPING_PAID -> amounts.containsKey(column)
                        ? amounts.get(column).stripTrailingZeros() : text.get(column);
                case CURRENCY -> currency != null ? currency : text.get(column);
                case SHIP_BY -> shipBy != null ? shipBy : text.get(column);
                default -> text.get(column);
            };
            orderKeys.put(column, key);
        }

        return new OrderRow(row, orderNo, text, orderKeys, createdAt, quantity,
                cancelled != null && cancelled, country, problems, amounts, currency, shipBy);
    }

    /** A problem of a column: its English reason, and why as a code ({@link Problem}'s) and params. */
    private Problem problem(int row, Column column, String reason, String code, Object... params) {
        return new Problem(row, header.name(column), reason, code, params);
    }

    /** A value quoted for a message, shortened when long. */
    static String quote(String value) {
        return "'" + shown(value) + "'";
    }

    /** A value as a problem's param shows it: shortened when long, control characters visible, not quoted. */
    static String shown(String value) {
        if (value.codePointCount(0, value.length()) <= QUOTE_MAX) {
            return TextRules.visible(value);
        }
        return TextRules.visible(value.substring(0, value.offsetByCodePoints(0, QUOTE_MAX))) + "...";
    }
}
