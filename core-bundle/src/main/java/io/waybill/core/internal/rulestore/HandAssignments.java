package io.waybill.core.internal.rulestore;

import io.waybill.core.model.Reason;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Whether a package's assigned warehouse / shipping method ({@code RULE_WAREHOUSE_ID}, {@code RULE_CARRIER_ID} /
 * {@code RULE_SERVICE_CODE}, V22) is the rules' or was assigned otherwise, by hand: the one reading of that. Each
 * rules run writes those columns (null for a kind no rule decided) and names every decision in the package's history
 * ({@link Reason#RULE_DECISIONS}); so a value the package's last rules run did not decide (or kept by hand) was set
 * since by someone else — a split by warehouse gives each new package its warehouse, an operator or an integration may
 * edit the row — and the rules applied again by themselves (after an undo) keep it.
 */
final class HandAssignments {

    /** What was assigned by hand; a null field: that kind is the rules' (or unassigned). */
    record Hand(Long warehouseId, String warehouseCode, String carrier, String service) {
        boolean warehouse() {
            return warehouseId != null;
        }

        boolean method() {
            return carrier != null;
        }
    }

    /** The actions of the history rows the rules write ({@link RuleApplier}). */
    private static final List<String> RULE_ACTIONS = List.of(RuleApplier.RULE_APPLIED, RuleApplier.HELD,
            RuleApplier.RELEASED, RuleApplier.RULE_SKIPPED);

    private HandAssignments() {
    }

    /** The packages among these with something assigned by hand, by id (absent: nothing by hand). */
    static Map<Long, Hand> read(Connection c, Collection<Long> ids) throws SQLException {
        Map<Long, Hand> out = new LinkedHashMap<>();
        try (PreparedStatement row = c.prepareStatement("SELECT p.RULE_WAREHOUSE_ID, w.CODE, p.RULE_CARRIER_ID, "
                + "p.RULE_SERVICE_CODE FROM WB_PACKAGE p LEFT JOIN WB_WAREHOUSE w ON w.ID = p.RULE_WAREHOUSE_ID "
                + "WHERE p.ID = ?");
             PreparedStatement history = c.prepareStatement("SELECT OCCURRED_AT, REASON_CODE, REASON_PARAMS FROM "
                     + "WB_AUDIT_EVENT WHERE PACKAGE_ID = ? AND ACTION IN ('" + String.join("', '", RULE_ACTIONS)
                     + "') ORDER BY OCCURRED_AT DESC, ID DESC")) {
            for (long id : new LinkedHashSet<>(ids)) {
                row.setLong(1, id);
                Long warehouseId;
                String warehouseCode;
                String carrier;
                String service;
                try (ResultSet rs = row.executeQuery()) {
                    if (!rs.next()) {
                        continue;
                    }
                    long w = rs.getLong(1);
                    warehouseId = rs.wasNull() ? null : w;
                    warehouseCode = rs.getString(2);
                    carrier = rs.getString(3);
                    service = rs.getString(4);
                }
                if (warehouseId == null && carrier == null) {
                    continue;
                }
                history.setLong(1, id);
                List<Reason> lastRun = lastRun(history);
                Hand hand = decide(warehouseId, warehouseCode, carrier, service, lastRun);
                if (hand != null) {
                    out.put(id, hand);
                }
            }
        }
        return out;
    }

    /**
     * What is by hand of the assigned values, given the items of the package's last rules run (empty: the rules never
     * ran on it): a value is the rules' when that run decided exactly it; else it is by hand. Null when nothing is.
     */
    static Hand decide(Long warehouseId, String warehouseCode, String carrier, String service, List<Reason> lastRun) {
        boolean warehouseByRules = warehouseId == null;
        boolean methodByRules = carrier == null;
        for (Reason r : lastRun) {
            List<String> p = r.params();
            if (Reason.RULE_WAREHOUSE.equals(r.code()) && !p.isEmpty() && warehouseCode != null
                    && p.get(0).toUpperCase(Locale.ROOT).equals(warehouseCode.toUpperCase(Locale.ROOT))) {
                warehouseByRules = true;
            }
            if (Reason.RULE_SHIPPING_METHOD.equals(r.code()) && p.size() > 1 && p.get(0).equals(carrier)
                    && Objects.equals(p.get(1), service)) {
                methodByRules = true;
            }
        }
        if (warehouseByRules && methodByRules) {
            return null;
        }
        return new Hand(warehouseByRules ? null : warehouseId, warehouseByRules ? null : warehouseCode,
                methodByRules ? null : carrier, methodByRules ? null : service);
    }

    /**
     * The items of the package's last rules run: its rows of the latest time the rules wrote one (a run may go on in
     * further rows); a row written before core model 1.15 is one item itself.
     */
    private static List<Reason> lastRun(PreparedStatement history) throws SQLException {
        List<Reason> items = new ArrayList<>();
        Timestamp run = null;
        try (ResultSet rs = history.executeQuery()) {
            while (rs.next()) {
                String code = rs.getString(2);
                if (code == null || !code.startsWith("rule")) {
                    continue; // a user's release (hold_released), or a row without a code
                }
                Timestamp at = rs.getTimestamp(1);
                if (run != null && !run.equals(at)) {
                    break;
                }
                run = at;
                List<String> params = Reason.decodeParams(rs.getString(3));
                if (Reason.RULE_DECISIONS.equals(code)) {
                    items.addAll(params.isEmpty() ? List.of() : Reason.decode(params.get(0)));
                } else {
                    items.add(new Reason(code, params));
                }
            }
        }
        return items;
    }
}
