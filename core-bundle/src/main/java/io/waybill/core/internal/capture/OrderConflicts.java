package io.waybill.core.internal.capture;

import io.waybill.core.model.Reason;
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
                List<String> others = new ArrayList<>();
                members.stream().filter(j -> j != i).forEach(j -> {
                    others.add(orderNo(orders.get(j)));
                    others.add(rowParam(orders.get(j)));
                });
                String list = Reason.encode(List.of(new Reason(Reason.CONFLICT_ORDERS, others)));
                boolean sameNumber = members.stream().allMatch(j -> orderNo(orders.get(j)).equals(orderNo(o)));
                Reason reason = sameNumber
                        ? Reason.of(Reason.CONFLICT_SAME_ORDER, orderNo(o), group.getKey(), list, rowParam(o))
                        : Reason.of(Reason.CONFLICT_PLATFORM_ID, group.getKey(), orderNo(o), list, rowParam(o));
                errors.add(new RowError(firstRow(o), PLATFORM_ORDER_ID, reason));
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
                List<String> listed = new ArrayList<>();
                others.forEach(j -> {
                    listed.add(orderNo(orders.get(j)));
                    listed.add(rowParam(orders.get(j)));
                    listed.add(platformId(orders.get(j)));
                });
                errors.add(new RowError(firstRow(o), ORDER_NO, Reason.of(Reason.CONFLICT_ORDER_NO, group.getKey(),
                        platformId(o), Reason.encode(List.of(new Reason(Reason.CONFLICT_ORDERS_WITH_ID, listed))),
                        rowParam(o))));
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
                            String packageNo = rs.getString(2);
                            errors.add(new RowError(firstRow(o), PLATFORM_ORDER_ID, packageNo == null
                                    ? Reason.of(Reason.CONFLICT_STORED_PLATFORM_ID, platformId, storeCode, storedNo,
                                            orderNo, rowParam(o))
                                    : Reason.of(Reason.CONFLICT_STORED_PLATFORM_ID_PACKAGE, platformId, storeCode,
                                            storedNo, orderNo, rowParam(o), packageNo)));
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
                        String packageNo = rs.getString(3);
                        errors.add(new RowError(firstRow(o), ORDER_NO, packageNo == null
                                ? Reason.of(Reason.CONFLICT_STORED_ORDER_NO, orderNo, storeCode, rs.getString(2),
                                        platformId, rowParam(o))
                                : Reason.of(Reason.CONFLICT_STORED_ORDER_NO_PACKAGE, orderNo, storeCode,
                                        rs.getString(2), platformId, rowParam(o), packageNo)));
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

    /** The rows of an order as a {@code {n,rows}} param ({@link Reason#rows}). */
    private static String rowParam(ParsedOrder o) {
        return o.rows().stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
