package io.waybill.platform.csv.internal;

import io.waybill.spi.common.Address;
import io.waybill.spi.platform.ParsedOrderFile;
import io.waybill.spi.platform.ParsedOrderFile.ParsedOrder;
import io.waybill.spi.platform.ParsedOrderFile.Problem;
import io.waybill.spi.platform.PlatformOrder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Groups the rows of a file into orders: rows with the same order number are one order, one line per row, and
 * must agree on everything that belongs to the order (address, date, ids, cancelled). An order with a problem on
 * any of its rows is left out as a whole; the first problem of that order says so.
 */
final class OrderAssembler {

    private static final int ROWS_LISTED = 10;

    /** Problems in row order, each remembering the order it belongs to (null: a row without order number). */
    private record Entry(Problem problem, String orderNo) {
    }

    private final Header header;
    private final Map<String, List<OrderRow>> orders = new LinkedHashMap<>();
    private final List<Entry> problems = new ArrayList<>();
    private int dataRows;

    OrderAssembler(Header header) {
        this.header = header;
    }

    /** Counts a data row that holds nothing (it keeps its number but is not read). */
    void skipBlank() {
        dataRows++;
    }

    void add(OrderRow row) {
        dataRows++;
        for (Problem p : row.problems()) {
            problems.add(new Entry(p, row.orderNo()));
        }
        if (row.orderNo() == null) {
            return;
        }
        List<OrderRow> rows = orders.computeIfAbsent(row.orderNo(), k -> new ArrayList<>());
        if (!rows.isEmpty()) {
            checkAgreement(rows.get(0), row);
        }
        rows.add(row);
    }

    private void checkAgreement(OrderRow first, OrderRow row) {
        for (Column column : header.columnsInFileOrder()) {
            if (!row.orderKeys().containsKey(column) || !first.orderKeys().containsKey(column)) {
                continue; // not order-level, or the value has a problem of its own
            }
            if (!Objects.equals(first.orderKeys().get(column), row.orderKeys().get(column))) {
                String what;
                String code;
                switch (column) {
                    case BUYER_NAME, COMPANY, ADDRESS1, ADDRESS2, CITY, STATE, POSTAL_CODE, COUNTRY, PHONE, EMAIL -> {
                        what = "the same ship-to address";
                        code = Problem.ROWS_DIFFER_ADDRESS;
                    }
                    case CURRENCY, ORDER_TOTAL, SHIPPING_PAID -> {
                        what = "the same " + column.canonical() + " (it belongs to the order; unit_price is per row)";
                        code = Problem.ROWS_DIFFER_ORDER_AMOUNT;
                    }
                    default -> {
                        what = "the same " + column.canonical();
                        code = Problem.ROWS_DIFFER;
                    }
                }
                problems.add(new Entry(new Problem(row.row(), header.name(column), String.format(
                        "%s is %s here but %s in row %d; every row of order %s must have %s",
                        column.canonical(), RowReader.quote(row.get(column)), RowReader.quote(first.get(column)),
                        first.row(), row.orderNo(), what), code, column.canonical(), RowReader.shown(row.get(column)),
                        RowReader.shown(first.get(column)), first.row(), row.orderNo()), row.orderNo()));
            }
        }
    }

    int dataRows() {
        return dataRows;
    }

    ParsedOrderFile result() {
        List<Problem> out = new ArrayList<>(problems.size());
        Set<String> noted = new HashSet<>();
        for (Entry e : problems) {
            Problem p = e.problem();
            if (e.orderNo() == null) {
                out.add(new Problem(p.row(), p.column(), p.reason() + "; this row is left out", p.code(), p.params(),
                        ParsedOrderFile.LeftOut.row()));
            } else if (noted.add(e.orderNo())) {
                List<OrderRow> rows = orders.get(e.orderNo());
                out.add(new Problem(p.row(), p.column(), p.reason() + "; order " + e.orderNo()
                        + " is left out (" + rowList(rows) + ")", p.code(), p.params(), ParsedOrderFile.LeftOut.order(
                        e.orderNo(), rows == null ? List.of() : rows.stream().map(OrderRow::row).toList())));
            } else {
                out.add(p);
            }
        }
        out.sort((a, b) -> Integer.compare(a.row(), b.row())); // stable: a row's problems keep their order

        List<ParsedOrder> parsed = new ArrayList<>();
        for (Map.Entry<String, List<OrderRow>> e : orders.entrySet()) {
            if (!noted.contains(e.getKey())) {
                parsed.add(order(e.getValue()));
            }
        }
        return new ParsedOrderFile(dataRows, parsed, out);
    }

    private static String rowList(List<OrderRow> rows) {
        if (rows == null || rows.isEmpty()) {
            return "no rows";
        }
        String listed = rows.stream().limit(ROWS_LISTED).map(r -> String.valueOf(r.row()))
                .collect(Collectors.joining(", "));
        String more = rows.size() > ROWS_LISTED ? " and " + (rows.size() - ROWS_LISTED) + " more" : "";
        return (rows.size() == 1 ? "row " : "rows ") + listed + more;
    }

    private static ParsedOrder order(List<OrderRow> rows) {
        OrderRow first = rows.get(0);
        String platformOrderId = first.get(Column.PLATFORM_ORDER_ID);
        if (platformOrderId.isEmpty()) {
            platformOrderId = first.orderNo();
        }
        Address shipTo = new Address(first.get(Column.BUYER_NAME), first.get(Column.COMPANY),
                first.get(Column.ADDRESS1), first.get(Column.ADDRESS2), first.get(Column.CITY),
                first.get(Column.STATE), first.get(Column.POSTAL_CODE), first.country(), first.get(Column.PHONE),
                first.get(Column.EMAIL));
        List<PlatformOrder.Line> lines = new ArrayList<>(rows.size());
        List<Integer> rowNumbers = new ArrayList<>(rows.size());
        for (OrderRow row : rows) {
            lines.add(new PlatformOrder.Line(row.get(Column.SKU), row.quantity(), row.amount(Column.UNIT_PRICE),
                    row.amount(Column.UNIT_PRICE) == null ? null : row.currency()));
            rowNumbers.add(row.row());
        }
        Instant createdAt = first.createdAt();
        // The file's phone and e-mail are the buyer's contact as well as the ship-to contact: order files have one.
        PlatformOrder.Value value = new PlatformOrder.Value(first.amount(Column.ORDER_TOTAL),
                first.amount(Column.SHIPPING_PAID), first.currency(), blankToNull(first.get(Column.PHONE)),
                blankToNull(first.get(Column.EMAIL)), first.shipBy(), blankToNull(first.get(Column.BUYER_NOTE)));
        return new ParsedOrder(new PlatformOrder(platformOrderId, first.orderNo(), first.cancelled(), createdAt,
                shipTo, lines, value), rowNumbers);
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
