package io.waybill.core.internal.workflow;

import io.waybill.core.internal.lifecycle.StatusGate;
import io.waybill.core.internal.persistence.PackageContents;
import io.waybill.core.internal.persistence.Jdbc;

import io.waybill.core.api.Permission;
import io.waybill.core.internal.security.Authorizer;
import io.waybill.core.api.AuthenticationService;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.ShippingService;
import io.waybill.core.internal.db.Database;
import io.waybill.core.model.BatchResult;
import io.waybill.core.model.PackageStatus;
import io.waybill.core.model.Reason;
import io.waybill.core.model.Weights;
import io.waybill.core.model.ScanResult;
import io.waybill.core.model.SkuTolerance;
import io.waybill.core.model.StoreTolerance;
import io.waybill.core.model.SupervisorApproval;
import io.waybill.core.model.UserIdentity;
import io.waybill.core.model.WeighingFailure;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Scan, weigh and ship. The weight tolerance of a package is the larger of the store's absolute grams and its
 * percentage of the expected weight, or the largest per-SKU override among its SKUs when that is larger (bulky or
 * variable items). Shipping is one transaction: status, stock (on hand and reservation), audit, sync job.
 */
@Component(service = ShippingService.class)
public class ShippingServiceImpl implements ShippingService {
    /** Who may call what: checked first in every method that changes data. */
    private volatile Authorizer authorizer;

    @Reference
    public void setAuthorizer(Authorizer authorizer) {
        this.authorizer = authorizer;
    }

    static final int MAX_GRAMS = 1_000_000;

    private final DataSource ds;
    private final Clock clock;
    private final AuthenticationService auth;

    @Activate
    public ShippingServiceImpl(@Reference Database db, @Reference AuthenticationService auth) {
        this(db.dataSource(), Clock.systemUTC(), auth);
    }

    public ShippingServiceImpl(DataSource ds, Clock clock, AuthenticationService auth) {
        this.ds = ds;
        this.clock = clock;
        this.auth = auth;
    }

    private record Pkg(long id, String packageNo, String trackingNo, PackageStatus status, long orderId,
                       Long warehouseId, int expected, int tolerance, long storeId, String platform) {
    }

    @Override
    public ScanResult check(String scanned, Integer measuredGrams) {
        return Jdbc.inTransaction(ds, c -> {
            Object found = find(c, scanned);
            if (found instanceof ScanResult refused) {
                return refused;
            }
            ScanResult v = verdict((Pkg) found, measuredGrams, false);
            recordWeighing(c, v);
            return v;
        });
    }

    @Override
    public ScanResult ship(String scanned, Integer measuredGrams, String actor) {
        authorizer.require(actor, Permission.SHIP_WEIGHED);
        return Jdbc.inTransaction(ds, c -> {
            Object found = find(c, scanned);
            if (found instanceof ScanResult refused) {
                return refused;
            }
            Pkg p = (Pkg) found;
            ScanResult v = verdict(p, measuredGrams, false);
            if (v.outcome() != ScanResult.Outcome.PASS) {
                recordWeighing(c, v);
                return v;
            }
            // the passing weighing is remembered by the ship's own update of the row (one update, not two)
            shipOne(c, p, measuredGrams, actor(actor), "SHIPPED", Reason.of(Reason.WEIGHED, measuredGrams,
                    p.expected(), p.tolerance()), true);
            return verdict(p, measuredGrams, true);
        });
    }

    @Override
    public ScanResult shipWithOverride(String scanned, Integer measuredGrams, String supervisorUser,
                                       char[] supervisorPassword, String reason, String actor) {
        authorizer.require(actor, Permission.SHIP_WEIGHED);
        Approved approved = approve(new SupervisorApproval(supervisorUser, supervisorPassword, reason));
        return Jdbc.inTransaction(ds, c -> {
            Object found = find(c, scanned);
            if (found instanceof ScanResult refused) {
                return refused;
            }
            Pkg p = (Pkg) found;
            shipOne(c, p, measuredGrams, actor(actor), "SHIPPED_OVERRIDE", measuredGrams == null
                    ? Reason.of(Reason.WEIGHT_OVERRIDE_UNWEIGHED, approved.supervisor(), p.expected(), p.tolerance(),
                            approved.reason())
                    : Reason.of(Reason.WEIGHT_OVERRIDE, approved.supervisor(), measuredGrams, p.expected(),
                            p.tolerance(), approved.reason()));
            ScanResult v = verdict(p, measuredGrams, true);
            return new ScanResult(v.outcome(), "override", "Shipped on " + approved.supervisor()
                    + "'s authority", v.packageId(), v.packageNo(), v.trackingNo(), v.expectedGrams(),
                    v.measuredGrams(), v.toleranceGrams(), true);
        });
    }

    /** A supervisor's approval that passed {@link #approve}: who approved, and the checked reason. */
    private record Approved(String supervisor, String reason) {
    }

    /**
     * The supervisor rule, one place for the scan station's override and batch delivery: a reason is required, the
     * credentials must be right and the user must have the supervisor role (admins have it).
     */
    private Approved approve(SupervisorApproval approval) {
        if (approval == null) {
            throw new OperationRefusedException(Reason.of(Reason.SUPERVISOR_REQUIRED));
        }
        String why = TextRules.requireReason(approval.reason(), 500);
        Optional<UserIdentity> supervisor = auth.authenticate(approval.user(), approval.password());
        if (supervisor.isEmpty()) {
            throw new OperationRefusedException(Reason.of(Reason.SUPERVISOR_AUTH_FAILED));
        }
        if (!supervisor.get().hasRole(UserIdentity.SUPERVISOR)) {
            throw new OperationRefusedException(Reason.of(Reason.NOT_SUPERVISOR, supervisor.get().name()));
        }
        return new Approved(supervisor.get().name(), why);
    }

    @Override
    public BatchResult shipBatch(List<Long> packageIds, String actor) {
        return shipBatch(packageIds, actor, null);
    }

    @Override
    public BatchResult shipBatch(List<Long> packageIds, String actor, SupervisorApproval approval) {
        authorizer.require(actor, Permission.SHIP_BATCH);
        if (packageIds == null || packageIds.isEmpty()) {
            throw new OperationRefusedException("empty_selection", "Select at least one package.");
        }
        Approved approved = approval == null ? null : approve(approval);
        String who = actor(actor);
        List<Long> done = new ArrayList<>();
        List<BatchResult.Failure> failures = new ArrayList<>();
        for (Long id : packageIds) {
            ScanResult r;
            try {
                r = Jdbc.inTransaction(ds, c -> {
                Object found = load(c, "p.ID = ?", id);
                if (found instanceof ScanResult refused) {
                    return refused;
                }
                Pkg p = (Pkg) found;
                WeighingFailure failed = lastFailedWeighing(c, p);
                if (failed == null) {
                    shipOne(c, p, null, who, "SHIPPED", Reason.of(Reason.BATCH_NOT_WEIGHED));
                } else if (approved == null) {
                    return ScanResult.refused("weighing_failed", Reason.of(Reason.WEIGHING_FAILED, p.packageNo(),
                            failed.measuredGrams(), p.expected(), p.tolerance()), p.id(), p.packageNo());
                } else {
                    shipOne(c, p, null, who, "SHIPPED_OVERRIDE", Reason.of(Reason.BATCH_WEIGHT_OVERRIDE,
                            approved.supervisor(), failed.measuredGrams(), p.expected(), p.tolerance(),
                            approved.reason()));
                }
                return verdict(p, null, true);
                });
            } catch (OperationRefusedException e) {
                r = new ScanResult(ScanResult.Outcome.REFUSED, e.code(), e.getMessage(), id, null, null, null, null,
                        null, false, e.reason() != null ? e.reason() : e.params().isEmpty() ? null
                        : new Reason(e.code(), e.params()));
            }
            if (r.shipped()) {
                done.add(id);
            } else {
                String no = r.packageNo() == null ? String.valueOf(id) : r.packageNo();
                // as data when it is (the reason's code then, as its params go with it)
                failures.add(r.reason() == null ? new BatchResult.Failure(id, no, r.code(), r.message())
                        : new BatchResult.Failure(id, no, r.reason().code(), r.message(), r.reason().params()));
            }
        }
        return new BatchResult(packageIds.size(), done, failures);
    }

    @Override
    public List<WeighingFailure> failedWeighings(List<Long> packageIds) {
        if (packageIds == null || packageIds.isEmpty()) {
            return List.of();
        }
        return Jdbc.inTransaction(ds, c -> {
            List<WeighingFailure> list = new ArrayList<>();
            List<Long> ids = packageIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
            for (int from = 0; from < ids.size(); from += 500) {
                List<Long> part = ids.subList(from, Math.min(ids.size(), from + 500));
                String marks = String.join(", ", java.util.Collections.nCopies(part.size(), "?"));
                List<Long> failedIds = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT ID FROM WB_PACKAGE WHERE ID IN (" + marks
                        + ") AND STATUS = 'PRINTED' AND LAST_WEIGHED_PASSED = FALSE")) {
                    for (int i = 0; i < part.size(); i++) {
                        ps.setLong(i + 1, part.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            failedIds.add(rs.getLong(1));
                        }
                    }
                }
                for (Long id : failedIds) {
                    if (load(c, "p.ID = ?", id) instanceof Pkg p) {
                        WeighingFailure f = lastFailedWeighing(c, p);
                        if (f != null) {
                            list.add(f);
                        }
                    }
                }
            }
            list.sort(java.util.Comparator.comparing(WeighingFailure::packageNo));
            return list;
        });
    }

    /** The package's last weighing when it failed, else null. */
    private static WeighingFailure lastFailedWeighing(Connection c, Pkg p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT LAST_WEIGHED_GRAMS, LAST_WEIGHED_AT FROM WB_PACKAGE "
                + "WHERE ID = ? AND LAST_WEIGHED_PASSED = FALSE AND LAST_WEIGHED_GRAMS IS NOT NULL")) {
            ps.setLong(1, p.id());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Timestamp at = rs.getTimestamp(2);
                return new WeighingFailure(p.id(), p.packageNo(), p.expected(), rs.getInt(1), p.tolerance(),
                        at == null ? null : at.toInstant());
            }
        }
    }

    /**
     * Remembers a weighing of a printed package with a usable weight (pass or mismatch), so that batch delivery
     * sees a failed one. Not a change of the package's state: the version is left alone.
     */
    private void recordWeighing(Connection c, ScanResult v) throws SQLException {
        boolean pass = v.outcome() == ScanResult.Outcome.PASS;
        if (!pass && v.outcome() != ScanResult.Outcome.WEIGHT_FAIL || v.measuredGrams() == null) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE WB_PACKAGE SET LAST_WEIGHED_GRAMS = ?, "
                + "LAST_WEIGHED_PASSED = ?, LAST_WEIGHED_AT = ? WHERE ID = ? AND STATUS = 'PRINTED'")) {
            ps.setInt(1, v.measuredGrams());
            ps.setBoolean(2, pass);
            ps.setTimestamp(3, Timestamp.from(clock.instant()));
            ps.setLong(4, v.packageId());
            ps.executeUpdate();
        }
    }

    private ScanResult verdict(Pkg p, Integer measured, boolean shipped) {
        if (measured == null) {
            return new ScanResult(ScanResult.Outcome.NO_WEIGHT, "no_weight", "No stable weight from the scale.",
                    p.id(), p.packageNo(), p.trackingNo(), p.expected(), null, p.tolerance(), shipped);
        }
        if (measured < 0 || measured > MAX_GRAMS) {
            return new ScanResult(ScanResult.Outcome.NO_WEIGHT, "invalid_weight", "The weight "
                    + Weights.format(measured) + " is not plausible.", p.id(), p.packageNo(), p.trackingNo(), p.expected(), measured,
                    p.tolerance(), shipped);
        }
        int diff = measured - p.expected();
        boolean pass = Math.abs(diff) <= p.tolerance();
        // weights as everywhere (kg, three decimals: Weights)
        String msg = pass ? "Weight OK: " + Weights.format(measured) + " (expected " + Weights.format(p.expected())
                + " ± " + Weights.format(p.tolerance()) + ")"
                : "WEIGHT MISMATCH: " + Weights.format(measured) + ", expected " + Weights.format(p.expected()) + " ± "
                + Weights.format(p.tolerance()) + " (" + (diff > 0 ? "+" : "-") + Weights.format(Math.abs(diff))
                + ")";
        return new ScanResult(pass ? ScanResult.Outcome.PASS : ScanResult.Outcome.WEIGHT_FAIL,
                pass ? "ok" : "weight_mismatch", msg, p.id(), p.packageNo(), p.trackingNo(), p.expected(), measured,
                p.tolerance(), shipped);
    }

    /** Finds a package by scanned package or tracking number; returns a Pkg or a REFUSED ScanResult. */
    private Object find(Connection c, String scanned) throws SQLException {
        String code = normalise(scanned);
        if (code.isEmpty()) {
            return ScanResult.refused("empty_scan", Reason.of(Reason.EMPTY_SCAN), null, null);
        }
        Object byNo = load(c, "p.PACKAGE_NO = ?", code);
        if (byNo instanceof ScanResult r && "unknown_package".equals(r.code())) {
            Object byTracking = load(c, "p.TRACKING_NO = ?", code);
            if (byTracking instanceof ScanResult r2 && "unknown_package".equals(r2.code())) {
                return ScanResult.refused("unknown_package", Reason.of(Reason.SCAN_UNKNOWN, code), null, null);
            }
            return byTracking;
        }
        return byNo;
    }

    /** Keeps printable characters only (scanners may add CR/LF or control prefixes). */
    static String normalise(String scanned) {
        if (scanned == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        scanned.strip().codePoints().filter(cp -> !Character.isISOControl(cp) && !Character.isWhitespace(cp))
                .forEach(sb::appendCodePoint);
        return sb.length() > 60 ? sb.substring(0, 60) : sb.toString();
    }

    private Object load(Connection c, String where, Object key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT p.ID, p.PACKAGE_NO, p.TRACKING_NO, p.STATUS, "
                + "p.ORDER_ID, p.WAREHOUSE_ID, p.EXPECTED_WEIGHT_GRAMS, s.WEIGHT_TOLERANCE_GRAMS, "
                + "s.WEIGHT_TOLERANCE_PERCENT, s.ID, s.PLATFORM, CAST(NULL AS INTEGER), p.MERGE_SIZE, p.SPLIT_LINES "
                + "FROM WB_PACKAGE p JOIN WB_ORDER o ON o.ID = p.ORDER_ID JOIN WB_STORE s ON s.ID = o.STORE_ID "
                + "WHERE " + where)) {
            ps.setObject(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return ScanResult.refused("unknown_package", Reason.of(Reason.UNKNOWN_PACKAGE_ID, key), null,
                            null);
                }
                long wh = rs.getLong(6);
                Long warehouse = rs.wasNull() ? null : wh;
                int expected = rs.getInt(7);
                int tolerance = Math.max(rs.getInt(8), (int) Math.round(expected * rs.getInt(9) / 100.0));
                boolean wholeOrder = rs.getInt(14) == 0;
                Integer skuOverride = wholeOrder ? orderSkuTolerance(c, rs.getLong(5)) : null;
                if (skuOverride != null) {
                    tolerance = Math.max(tolerance, skuOverride);
                }
                if (rs.getInt(13) > 0 || !wholeOrder) {
                    // a merge: the SKUs of the orders merged into it count too; a package of a split order: only the
                    // SKUs it carries (PackageContents)
                    tolerance = Math.max(tolerance, contentTolerance(c, rs.getLong(1)));
                }
                Pkg p = new Pkg(rs.getLong(1), rs.getString(2), rs.getString(3), PackageStatus.valueOf(rs.getString(4)),
                        rs.getLong(5), warehouse, expected, tolerance, rs.getLong(10), rs.getString(11));
                return switch (p.status()) {
                    case PRINTED -> p;
                    case SHIPPED, SYNCED, SYNC_FAILED -> ScanResult.refused("already_shipped",
                            Reason.of(Reason.SCAN_ALREADY_SHIPPED, p.packageNo()), p.id(), p.packageNo());
                    case VOIDED -> ScanResult.refused("voided", Reason.of(Reason.VOIDED, p.packageNo()), p.id(),
                            p.packageNo());
                    default -> ScanResult.refused("not_printed", Reason.of(Reason.NOT_PRINTED, p.packageNo(),
                            p.status()), p.id(), p.packageNo());
                };
            }
        }
    }

    /**
     * The largest SKU tolerance of an order's lines, or null when no SKU sets one: each line's SKU by its key (as a
     * join in the lookup's select list Derby hashed all of WB_SKU for every scan: issue 15, JFR of the ship path).
     */
    private static Integer orderSkuTolerance(Connection c, long orderId) throws SQLException {
        Integer max = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT (SELECT k.WEIGHT_TOLERANCE_GRAMS FROM WB_SKU k WHERE "
                + "k.ID = l.SKU_ID) FROM WB_ORDER_LINE l WHERE l.ORDER_ID = ?")) {
            ps.setLong(1, orderId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int t = rs.getInt(1);
                    if (!rs.wasNull()) {
                        max = max == null ? t : Math.max(max, t);
                    }
                }
            }
        }
        return max;
    }

    /** The largest SKU tolerance of the SKUs a package carries ({@link PackageContents}; 0 when none sets one). */
    private static int contentTolerance(Connection c, long packageId) throws SQLException {
        int max = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT WEIGHT_TOLERANCE_GRAMS FROM WB_SKU WHERE ID = ?")) {
            for (long sku : PackageContents.unitsBySku(c, packageId, null).keySet()) {
                ps.setLong(1, sku);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        max = Math.max(max, rs.getInt(1));
                    }
                }
            }
        }
        return max;
    }

    /** Printed packages leave the warehouse. */
    private static final StatusGate SHIP = StatusGate.to(PackageStatus.SHIPPED)
            .set("SHIPPED_AT = ?, MEASURED_WEIGHT_GRAMS = ?, UPDATED_AT = ?");

    /**
     * A package that passed the weight check leaves the warehouse: the same update also remembers that weighing (as
     * {@link #recordWeighing} does for a check), so the scan station's ship writes the row once.
     */
    private static final StatusGate SHIP_WEIGHED = StatusGate.to(PackageStatus.SHIPPED)
            .set("SHIPPED_AT = ?, MEASURED_WEIGHT_GRAMS = ?, UPDATED_AT = ?, LAST_WEIGHED_GRAMS = ?, "
                    + "LAST_WEIGHED_PASSED = TRUE, LAST_WEIGHED_AT = ?");

    private void shipOne(Connection c, Pkg p, Integer measured, String actor, String action, Reason reason)
            throws SQLException {
        shipOne(c, p, measured, actor, action, reason, false);
    }

    /** Ships one printed package; {@code passed}: {@code measured} passed the weight check and is remembered too. */
    private void shipOne(Connection c, Pkg p, Integer measured, String actor, String action, Reason reason,
                         boolean passed) throws SQLException {
        Instant now = clock.instant();
        StatusGate gate = passed && measured != null ? SHIP_WEIGHED : SHIP;
        try (PreparedStatement ps = gate.prepare(c)) {
            ps.setTimestamp(1, Timestamp.from(now));
            if (measured == null) {
                ps.setNull(2, java.sql.Types.INTEGER);
            } else {
                ps.setInt(2, measured);
            }
            ps.setTimestamp(3, Timestamp.from(now));
            if (gate == SHIP_WEIGHED) {
                ps.setInt(4, measured);
                ps.setTimestamp(5, Timestamp.from(now));
            }
            if (!gate.apply(ps, p.id())) {
                throw new OperationRefusedException("concurrent_change", "Package " + p.packageNo()
                        + " was changed at the same time; scan it again.");
            }
        }
        if (p.warehouseId() == null) {
            throw new IllegalStateException("Printed package " + p.packageNo() + " has no warehouse");
        }
        // what the package holds: a bundle line consumes the components it reserved at allocation
        try (PreparedStatement stock = c.prepareStatement("UPDATE WB_STOCK SET ON_HAND = ON_HAND - ?, "
                     + "RESERVED = RESERVED - ?, VERSION = VERSION + 1 WHERE WAREHOUSE_ID = ? AND SKU_ID = ? "
                     + "AND RESERVED >= ? AND ON_HAND >= ?")) {
            for (Kits.Units u : Kits.held(c, p.id(), p.orderId())) {
                int qty = u.quantity();
                stock.setInt(1, qty);
                stock.setInt(2, qty);
                stock.setLong(3, p.warehouseId());
                stock.setLong(4, u.skuId());
                stock.setInt(5, qty);
                stock.setInt(6, qty);
                if (stock.executeUpdate() != 1) {
                    throw new IllegalStateException("Stock of package " + p.packageNo()
                            + " is not reserved as expected; nothing was shipped");
                }
            }
        }
        Jdbc.audit(c, p.id(), p.orderId(), actor, now, action, PackageStatus.PRINTED.name(),
                PackageStatus.SHIPPED.name(), reason);
        SyncQueue.enqueueIfAutomatic(c, p.id(), p.storeId(), p.platform(), now);
    }

    private static String actor(String actor) {
        return actor == null || actor.isBlank() ? "system" : actor.strip();
    }

    @Override
    public List<StoreTolerance> storeTolerances() {
        return Jdbc.inTransaction(ds, c -> {
            List<StoreTolerance> list = new java.util.ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT CODE, NAME, WEIGHT_TOLERANCE_GRAMS, "
                    + "WEIGHT_TOLERANCE_PERCENT FROM WB_STORE ORDER BY CODE");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new StoreTolerance(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4)));
                }
            }
            return list;
        });
    }

    @Override
    public List<SkuTolerance> skuTolerances() {
        return Jdbc.inTransaction(ds, c -> {
            List<SkuTolerance> list = new java.util.ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT CODE, NAME, WEIGHT_TOLERANCE_GRAMS FROM WB_SKU "
                    + "WHERE WEIGHT_TOLERANCE_GRAMS IS NOT NULL ORDER BY CODE");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new SkuTolerance(rs.getString(1), rs.getString(2), rs.getInt(3)));
                }
            }
            return list;
        });
    }

    @Override
    public void setStoreTolerance(String storeCode, int grams, int percent, String actor) {
        authorizer.require(actor, Permission.SET_TOLERANCE);
        checkGrams(grams);
        if (percent < 0 || percent > MAX_TOLERANCE_PERCENT) {
            throw new OperationRefusedException("invalid_tolerance", "A tolerance in percent must be between 0 and "
                    + MAX_TOLERANCE_PERCENT + " (" + percent + " given).");
        }
        String code = storeCode == null ? "" : storeCode.strip();
        Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE WB_STORE SET WEIGHT_TOLERANCE_GRAMS = ?, "
                    + "WEIGHT_TOLERANCE_PERCENT = ?, VERSION = VERSION + 1 WHERE CODE = ?")) {
                ps.setInt(1, grams);
                ps.setInt(2, percent);
                ps.setString(3, code);
                if (ps.executeUpdate() != 1) {
                    throw new OperationRefusedException(Reason.of(Reason.UNKNOWN_STORE, code));
                }
            }
            Jdbc.audit(c, null, null, who(actor), clock.instant(), "TOLERANCE_CHANGED", null, null,
                    "Store " + code + ": " + grams + " g or " + percent + " %, the larger");
            return null;
        });
    }

    @Override
    public void setSkuTolerance(String skuCode, Integer grams, String actor) {
        authorizer.require(actor, Permission.SET_TOLERANCE);
        if (grams != null) {
            checkGrams(grams);
        }
        String code = skuCode == null ? "" : skuCode.strip();
        Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE WB_SKU SET WEIGHT_TOLERANCE_GRAMS = ?, "
                    + "VERSION = VERSION + 1 WHERE CODE = ?")) {
                if (grams == null) {
                    ps.setNull(1, java.sql.Types.INTEGER);
                } else {
                    ps.setInt(1, grams);
                }
                ps.setString(2, code);
                if (ps.executeUpdate() != 1) {
                    throw new OperationRefusedException("unknown_sku", "There is no SKU '" + code + "'.");
                }
            }
            Jdbc.audit(c, null, null, who(actor), clock.instant(), "TOLERANCE_CHANGED", null, null,
                    "SKU " + code + ": " + (grams == null ? "own tolerance removed" : grams + " g"));
            return null;
        });
    }

    private static void checkGrams(int grams) {
        if (grams < 0 || grams > MAX_TOLERANCE_GRAMS) {
            throw new OperationRefusedException("invalid_tolerance", "A tolerance in grams must be between 0 and "
                    + MAX_TOLERANCE_GRAMS + " (" + grams + " given).");
        }
    }

    private static String who(String actor) {
        return actor == null || actor.isBlank() ? "system" : actor.strip();
    }
}
