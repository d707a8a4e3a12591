package io.waybill.core.internal.capture;

import io.waybill.core.model.RowError;
import io.waybill.spi.platform.ParsedOrderFile.ParsedOrder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the orders of a file that would collapse into another order when written, because capture is idempotent on
 * (store, platform order id): two orders of the file with one platform order id, two with one order number, or an
 * order whose platform order id is stored under another order number (or whose order number is stored under another
 * platform order id) in the same store. Such orders are never imported and each is reported at its first row, so an
 * import writes exactly the orders it counted as valid.
 */
final class OrderConflicts {

    static final String PLATFORM_ORDER_ID = "platform_order_id";
    static final String ORDER_NO = "order_no";
    private static final int ROWS_LISTED = 5;

    /**
     * What the check found.
     *
     * @param errors   one per conflict, at the first row of the order concerned
     * @param refused  indexes (into the checked list) of the orders with a conflict
     * @param existing indexes of orders without conflict that are already stored with the same order number (an
     *                 import updates them)
     */
    record Found(List<RowError> errors, Set<Integer> refused, Set<Integer> existing) {
    }

    private OrderConflicts() {
    }

    /** Conflicts among the orders of one file; nothing is read from the database. */
    static Found inFile(List<ParsedOrder> orders) {
        List<RowError> errors = new ArrayList<>();
        Set<Integer> refused = new LinkedHashSet<>();
        Map<String, List<Integer>> byPlatformId = new LinkedHashMap<>();
        Map<String, List<Integer>> byOrderNo = new LinkedHashMap<>();
        for (int i = 0; i < orders.size(); i++) {
            byPlatformId.computeIfAbsent(platformId(orders.get(i)), k -> new ArrayList<>()).add(i);
            byOrderNo.computeIfAbsent(orderNo(orders.get(i)), k -> new ArrayList<>()).add(i);
        }
        for (Map.Entry<String, List<Integer>> group : byPlatformId.entrySet()) {
            List<Integer> members = group.getValue();
            if (members.size() < 2) {
                continue;
            }
            for (int i : members) {
                ParsedOrder o = orders.get(i);
                String others = members.stream().filter(j -> j != i).map(j -> describe(orders.get(j)))
                        .collect(Collectors.joining(", "));
                boolean sameNumber = members.stream().allMatch(j -> orderNo(orders.get(j)).equals(orderNo(o)));
                String reason = sameNumber
                        ? String.format("order %s (platform_order_id '%s') appears again as a separate order: %s;"
                        + " the lines of one order must be read as one order, so none of them is imported",
                        orderNo(o), group.getKey(), others)
                        : String.format("platform_order_id '%s' of order %s is also the platform_order_id of %s;"
                        + " one marketplace order cannot have two order numbers, so none of these orders is imported",
                        group.getKey(), orderNo(o), others);
                errors.add(new RowError(firstRow(o), PLATFORM_ORDER_ID, reason + " (" + rows(o) + ")"));
                refused.add(i);
            }
        }
        for (Map.Entry<String, List<Integer>> group : byOrderNo.entrySet()) {
            List<Integer> members = group.getValue();
            for (int i : members) {
                ParsedOrder o = orders.get(i);
                List<Integer> others = members.stream()
                        .filter(j -> !platformId(orders.get(j)).equals(platformId(o))).toList();
                if (others.isEmpty()) {
                    continue; // no other order, or only ones with the same platform id (reported above)
                }
                errors.add(new RowError(firstRow(o), ORDER_NO, String.format("order number %s (platform_order_id"
                        + " '%s') is also the order number of %s; two orders of one store cannot share an order"
                        + " number, so none of these orders is imported (%s)", group.getKey(), platformId(o),
                        others.stream().map(j -> describe(orders.get(j)) + " with platform_order_id '"
                                + platformId(orders.get(j)) + "'").collect(Collectors.joining(", ")), rows(o))));
                refused.add(i);
            }
        }
        return new Found(errors, refused, Set.of());
    }

    /**
     * Conflicts among the orders of one file and with the orders already stored for the store: one point lookup per
     * order through the unique (store, platform order id) index and one through the order number index.
     */
    static Found check(Connection c, long storeId, String storeCode, List<ParsedOrder> orders) throws SQLException {
        Found inFile = inFile(orders);
        List<RowError> errors = new ArrayList<>(inFile.errors());
        Set<Integer> refused = new LinkedHashSet<>(inFile.refused());
        Set<Integer> existing = new LinkedHashSet<>();
        try (PreparedStatement byId = c.prepareStatement("SELECT o.ORDER_NO, (SELECT MIN(p.PACKAGE_NO) FROM "
                + "WB_PACKAGE p WHERE p.ORDER_ID = o.ID) FROM WB_ORDER o WHERE o.STORE_ID = ? "
                + "AND o.PLATFORM_ORDER_ID = ?");
             // by order number alone, so the order number index is the one used; other stores are skipped here
             PreparedStatement byNo = c.prepareStatement("SELECT o.STORE_ID, o.PLATFORM_ORDER_ID, (SELECT "
                     + "MIN(p.PACKAGE_NO) FROM WB_PACKAGE p WHERE p.ORDER_ID = o.ID) FROM WB_ORDER o "
                     + "WHERE o.ORDER_NO = ?")) {
            byId.setLong(1, storeId);
            for (int i = 0; i < orders.size(); i++) {
                ParsedOrder o = orders.get(i);
                String platformId = platformId(o);
                String orderNo = orderNo(o);
                boolean conflict = false;
                boolean stored = false;
                byId.setString(2, platformId);
                try (ResultSet rs = byId.executeQuery()) {
                    if (rs.next()) {
                        String storedNo = rs.getString(1);
                        stored = orderNo.equals(storedNo);
                        if (!stored) {
                            errors.add(new RowError(firstRow(o), PLATFORM_ORDER_ID, String.format(
                                    "platform_order_id '%s' is already stored in store %s as order %s%s; this file"
                                            + " gives it the order number %s. An order number cannot change, so"
                                            + " this order is not imported (%s)", platformId, storeCode, storedNo,
                                    packageNo(rs.getString(2)), orderNo, rows(o))));
                            conflict = true;
                        }
                    }
                }
                byNo.setString(1, orderNo);
                try (ResultSet rs = byNo.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getLong(1) != storeId || platformId.equals(rs.getString(2))) {
                            continue;
                        }
                        errors.add(new RowError(firstRow(o), ORDER_NO, String.format("order number %s is already"
                                        + " stored in store %s for platform_order_id '%s'%s; this file gives it"
                                        + " platform_order_id '%s'. Two orders of one store cannot share an order"
                                        + " number (an export without the marketplace's order id would capture the"
                                        + " same order twice), so this order is not imported (%s)", orderNo,
                                storeCode, rs.getString(2), packageNo(rs.getString(3)), platformId, rows(o))));
                        conflict = true;
                        break;
                    }
                }
                if (conflict) {
                    refused.add(i);
                } else if (stored) {
                    existing.add(i);
                }
            }
            existing.removeAll(refused);
        }
        errors.sort((a, b) -> Integer.compare(a.row(), b.row()));
        return new Found(errors, refused, existing);
    }

    private static String platformId(ParsedOrder o) {
        return o.order().platformOrderId() == null ? "" : o.order().platformOrderId().strip();
    }

    private static String orderNo(ParsedOrder o) {
        return o.order().orderNo() == null ? "" : o.order().orderNo().strip();
    }

    private static int firstRow(ParsedOrder o) {
        return o.rows().isEmpty() ? 0 : o.rows().get(0);
    }

    private static String describe(ParsedOrder o) {
        return "order " + orderNo(o) + " (" + rows(o) + ")";
    }

    private static String packageNo(String packageNo) {
        return packageNo == null ? "" : ", package " + packageNo;
    }

    static String rows(ParsedOrder o) {
        List<Integer> rows = o.rows();
        if (rows.isEmpty()) {
            return "no row";
        }
        String listed = rows.stream().limit(ROWS_LISTED).map(String::valueOf).collect(Collectors.joining(", "));
        return (rows.size() == 1 ? "row " : "rows ") + listed
                + (rows.size() > ROWS_LISTED ? " and " + (rows.size() - ROWS_LISTED) + " more" : "");
    }
}
