package io.waybill.core.internal.capture;

import io.waybill.core.internal.lifecycle.StatusGate;
import io.waybill.core.internal.persistence.Ids;
import io.waybill.core.internal.persistence.Jdbc;
import io.waybill.core.internal.rulestore.RuleApplier;
import io.waybill.core.model.PackageStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Releases orders held in {@link PackageStatus#SKU_UNMATCHED} when a platform SKU of their store is mapped to a
 * product: the lines with that platform SKU move from WB_UNMATCHED_LINE to WB_ORDER_LINE (same line number, price
 * kept), the expected weight is recomputed, and a package whose lines are now all matched joins Waiting for Delivery.
 * Runs in the caller's transaction (the one that stores the alias), so an alias and its releases commit together.
 */
public final class HeldOrders {
    /** A held package whose SKUs are all mapped now goes back to waiting; otherwise it stays held. */
    private static final StatusGate RELEASE = StatusGate.to(PackageStatus.WAITING)
            .from(PackageStatus.SKU_UNMATCHED).set("EXPECTED_WEIGHT_GRAMS = ?, UPDATED_AT = ?");
    private static final StatusGate STILL_HELD = StatusGate.to(PackageStatus.SKU_UNMATCHED)
            .from(PackageStatus.SKU_UNMATCHED).set("EXPECTED_WEIGHT_GRAMS = ?, UPDATED_AT = ?");

    /** What a mapping did: packages released to WAITING and packages still held for another SKU. */
    public record Released(List<String> released, List<String> stillHeld) {
    }

    private HeldOrders() {
    }

    public static Released release(Connection c, long storeId, String platformSku, long skuId, String skuCode,
                                   String actor, Instant now) throws SQLException {
        record Held(long lineId, long orderId, long packageId, String packageNo) {
        }
        List<Held> lines = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT u.ID, u.ORDER_ID, p.ID, p.PACKAGE_NO "
                + "FROM WB_UNMATCHED_LINE u JOIN WB_ORDER o ON o.ID = u.ORDER_ID JOIN WB_PACKAGE p ON p.ORDER_ID = o.ID "
                + "WHERE o.STORE_ID = ? AND u.PLATFORM_SKU = ? AND p.STATUS = ? ORDER BY p.ID, u.LINE_NO")) {
            ps.setLong(1, storeId);
            ps.setString(2, platformSku);
            ps.setString(3, PackageStatus.SKU_UNMATCHED.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.add(new Held(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)));
                }
            }
        }
        if (lines.isEmpty()) {
            return new Released(List.of(), List.of());
        }
        long next = Ids.reserve(c, lines.size());
        Map<Long, Held> packages = new LinkedHashMap<>();
        try (PreparedStatement move = c.prepareStatement("INSERT INTO WB_ORDER_LINE (ID, VERSION, ORDER_ID, LINE_NO, "
                + "SKU_ID, QUANTITY, UNIT_PRICE, CURRENCY, PLATFORM_LINE_ID) SELECT ?, 1, ORDER_ID, LINE_NO, ?, "
                + "QUANTITY, UNIT_PRICE, CURRENCY, PLATFORM_LINE_ID FROM WB_UNMATCHED_LINE WHERE ID = ?");
             PreparedStatement delete = c.prepareStatement("DELETE FROM WB_UNMATCHED_LINE WHERE ID = ?")) {
            for (Held h : lines) {
                move.setLong(1, next++);
                move.setLong(2, skuId);
                move.setLong(3, h.lineId());
                move.addBatch();
                delete.setLong(1, h.lineId());
                delete.addBatch();
                packages.putIfAbsent(h.packageId(), h);
            }
            move.executeBatch();
            delete.executeBatch();
        }
        List<String> released = new ArrayList<>();
        List<String> stillHeld = new ArrayList<>();
        List<Long> releasedIds = new ArrayList<>();
        for (Held h : packages.values()) {
            List<String> remaining = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT PLATFORM_SKU FROM WB_UNMATCHED_LINE "
                    + "WHERE ORDER_ID = ? ORDER BY PLATFORM_SKU")) {
                ps.setLong(1, h.orderId());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        remaining.add(rs.getString(1));
                    }
                }
            }
            int grams = OrderWriter.PACKAGING_GRAMS;
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(s.WEIGHT_GRAMS * l.QUANTITY), 0) "
                    + "FROM WB_ORDER_LINE l JOIN WB_SKU s ON s.ID = l.SKU_ID WHERE l.ORDER_ID = ?")) {
                ps.setLong(1, h.orderId());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    grams += rs.getInt(1);
                }
            }
            String to = remaining.isEmpty() ? PackageStatus.WAITING.name() : PackageStatus.SKU_UNMATCHED.name();
            StatusGate gate = remaining.isEmpty() ? RELEASE : STILL_HELD;
            try (PreparedStatement ps = gate.prepare(c)) {
                ps.setInt(1, grams);
                ps.setTimestamp(2, Timestamp.from(now));
                gate.apply(ps, h.packageId());
            }
            io.waybill.core.model.Reason reason = remaining.isEmpty() ? io.waybill.core.model.Reason.of(io.waybill.core.model.Reason.SKU_MAPPED, platformSku, skuCode)
                    : io.waybill.core.model.Reason.of(io.waybill.core.model.Reason.SKU_MAPPED_STILL_HELD, platformSku, skuCode, String.join(", ", remaining));
            Jdbc.audit(c, h.packageId(), h.orderId(), actor, now, "SKU_MATCHED", PackageStatus.SKU_UNMATCHED.name(),
                    to, reason);
            (remaining.isEmpty() ? released : stillHeld).add(h.packageNo());
            if (remaining.isEmpty()) {
                releasedIds.add(h.packageId());
            }
        }
        // every line now matches: the logistics rules decide for the package as they do at capture
        new RuleApplier().applyToNew(c, releasedIds, actor, now);
        return new Released(released, stillHeld);
    }
}
