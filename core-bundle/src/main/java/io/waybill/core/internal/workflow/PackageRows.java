package io.waybill.core.internal.workflow;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.internal.lifecycle.PackageLifecycle;
import io.waybill.core.internal.lifecycle.StatusGate;
import io.waybill.core.internal.persistence.PackageContents;
import io.waybill.core.model.BatchResult;
import io.waybill.core.model.PackageStatus;
import io.waybill.core.model.Reason;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The package rows as allocation, void and mark-printed read and change them, one package per transaction: claim
 * (read and lock, refusing an illegal transition), move through the {@link StatusGate}, and the rows that go with it.
 */
final class PackageRows {
    private PackageRows() {
    }

    /** A package claimed for a change: its row is locked until the transaction ends. */
    record Claimed(long id, String packageNo, long orderId, long storeId, PackageStatus status, Long warehouseId,
                   Long ruleWarehouseId) {
    }

    /** Thrown inside a package transaction to roll it back and report a per-package failure. */
    static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String code;
        final String packageNo;
        /** The structured reason's params (empty when the message is free text). */
        final List<String> params;

        Refusal(String code, String packageNo, String message) {
            this(code, packageNo, message, List.of());
        }

        Refusal(String code, String packageNo, String message, List<String> params) {
            super(message, null, false, false);
            this.code = code;
            this.packageNo = packageNo;
            this.params = List.copyOf(params);
        }

        Refusal(Reason reason, String packageNo) {
            this(reason.code(), packageNo, reason.english(), reason.params());
        }

        /** The per-package failure of a batch. */
        BatchResult.Failure failure(long id) {
            return new BatchResult.Failure(id, packageNo, code, getMessage(), params);
        }
    }

    /** The gates of the moves that also set the package's warehouse: allocated, out of stock, voided. */
    private static final Map<PackageStatus, StatusGate> WITH_WAREHOUSE = Map.of(
            PackageStatus.ALLOCATED, warehouseGate(PackageStatus.ALLOCATED),
            PackageStatus.OUT_OF_STOCK, warehouseGate(PackageStatus.OUT_OF_STOCK),
            PackageStatus.VOIDED, warehouseGate(PackageStatus.VOIDED));

    private static StatusGate warehouseGate(PackageStatus to) {
        return StatusGate.to(to).set("WAREHOUSE_ID = ?, UPDATED_AT = ?");
    }

    /** Reads the package and takes its row lock, refusing illegal transitions. */
    static Claimed claim(Connection c, long id, PackageStatus target) throws SQLException {
        Claimed p;
        try (PreparedStatement ps = c.prepareStatement("SELECT p.PACKAGE_NO, p.ORDER_ID, o.STORE_ID, p.STATUS, "
                + "p.WAREHOUSE_ID, p.RULE_WAREHOUSE_ID FROM WB_PACKAGE p JOIN WB_ORDER o ON o.ID = p.ORDER_ID "
                + "WHERE p.ID = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new Refusal(Reason.of(Reason.UNKNOWN_PACKAGE_ID, id), String.valueOf(id));
                }
                long wh = rs.getLong(5);
                Long warehouse = rs.wasNull() ? null : wh;
                long rw = rs.getLong(6);
                Long ruleWarehouse = rs.wasNull() ? null : rw;
                p = new Claimed(id, rs.getString(1), rs.getLong(2), rs.getLong(3),
                        PackageStatus.valueOf(rs.getString(4)), warehouse, ruleWarehouse);
            }
        }
        try {
            PackageLifecycle.check(p.packageNo(), p.status(), target);
        } catch (OperationRefusedException e) {
            throw new Refusal(e.code(), p.packageNo(), e.getMessage(), e.params());
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE WB_PACKAGE SET VERSION = VERSION + 1 WHERE ID = ? AND STATUS = ?")) {
            ps.setLong(1, id);
            ps.setString(2, p.status().name());
            if (ps.executeUpdate() != 1) {
                throw concurrentChange(p.packageNo());
            }
        }
        return p;
    }

    /** Moves a claimed package to {@code status} (allocated, out of stock or voided) and sets its warehouse. */
    static void move(Connection c, Claimed p, PackageStatus status, Long warehouse, Instant now) throws SQLException {
        StatusGate gate = WITH_WAREHOUSE.get(status);
        try (PreparedStatement ps = gate.prepare(c)) {
            if (warehouse == null) {
                ps.setNull(1, java.sql.Types.BIGINT);
            } else {
                ps.setLong(1, warehouse);
            }
            ps.setTimestamp(2, Timestamp.from(now));
            if (!gate.apply(ps, p.id())) {
                throw concurrentChange(p.packageNo());
            }
        }
    }

    /**
     * Gives back to {@code warehouseId}'s WB_STOCK what the package holds ({@link Kits#held}: bundle lines as the
     * components they reserved at allocation), the one way a reservation is released (void, undo of a split whose
     * packages are at different steps); returns the units released.
     *
     * @throws IllegalStateException when the reserved stock is lower than the package holds (inconsistent data)
     */
    static List<Kits.Units> release(Connection c, long packageId, long orderId, String packageNo, long warehouseId)
            throws SQLException {
        List<Kits.Units> held = Kits.held(c, packageId, orderId);
        try (PreparedStatement ps = c.prepareStatement("UPDATE WB_STOCK SET RESERVED = RESERVED - ?, "
                + "VERSION = VERSION + 1 WHERE WAREHOUSE_ID = ? AND SKU_ID = ? AND RESERVED >= ?")) {
            for (Kits.Units n : held) {
                ps.setInt(1, n.quantity());
                ps.setLong(2, warehouseId);
                ps.setLong(3, n.skuId());
                ps.setInt(4, n.quantity());
                if (ps.executeUpdate() != 1) {
                    throw new IllegalStateException("Reserved stock of " + n.code() + " is lower than package "
                            + packageNo + " holds; stock data is inconsistent");
                }
            }
        }
        return held;
    }

    static Refusal concurrentChange(String packageNo) {
        return new Refusal(Reason.of(Reason.CONCURRENT_CHANGE, packageNo), packageNo);
    }

    /** The package's order lines ({@link PackageContents}), one per SKU, sorted by SKU id. */
    static List<AllocationPolicy.Line> lines(Connection c, long packageId) throws SQLException {
        java.util.TreeMap<Long, AllocationPolicy.Line> bySku = new java.util.TreeMap<>();
        for (PackageContents.Line l : PackageContents.lines(c, packageId)) {
            bySku.merge(l.skuId(), new AllocationPolicy.Line(l.skuId(), l.skuCode(), l.quantity()),
                    (a, b) -> new AllocationPolicy.Line(a.skuId(), a.skuCode(), a.quantity() + b.quantity()));
        }
        return new ArrayList<>(bySku.values());
    }

    static void deleteShortages(Connection c, long packageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM WB_PACKAGE_SHORTAGE WHERE PACKAGE_ID = ?")) {
            ps.setLong(1, packageId);
            ps.executeUpdate();
        }
    }
}
