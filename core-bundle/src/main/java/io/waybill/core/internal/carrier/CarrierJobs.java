package io.waybill.core.internal.carrier;

import io.waybill.core.api.PackageService;
import io.waybill.core.internal.customs.CustomsServiceImpl;
import io.waybill.core.internal.persistence.CarrierLabels;
import io.waybill.core.internal.plugin.PluginRegistryImpl;

import io.waybill.core.api.Permission;
import io.waybill.core.internal.security.Authorizer;
import io.waybill.core.api.CarrierUploadService;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.internal.db.Database;
import io.waybill.core.internal.persistence.Jdbc;
import io.waybill.core.internal.lifecycle.PackageLifecycle;
import io.waybill.core.model.BatchResult;
import io.waybill.core.model.PackageStatus;
import io.waybill.core.model.ShippingMethodInfo;
import io.waybill.core.model.UploadState;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The durable carrier job queue (table WB_CARRIER_JOB): enqueueing uploads, polls and carrier-label fetches, and
 * the job states the UI shows (of uploads and polls; label fetches show in the package's history). The worker ({@link CarrierJobWorker}) executes the jobs.
 */
@Component(service = {CarrierUploadService.class, CarrierJobs.class})
public class CarrierJobs implements CarrierUploadService {
    /** Who may call what: checked first in every method that changes data. */
    private volatile Authorizer authorizer;

    @Reference
    public void setAuthorizer(Authorizer authorizer) {
        this.authorizer = authorizer;
    }

    /**
     * The carrier plugins registered now: an upload to a carrier whose plugin is not installed is refused when it is
     * queued ({@code carrier_missing}), so the operator reads the reason in the upload's own result instead of a
     * failure half a minute later. Null outside OSGi when a test or benchmark sets none (then not checked).
     */
    private volatile PluginRegistryImpl plugins;

    @Reference
    public void setPlugins(PluginRegistryImpl plugins) {
        this.plugins = plugins;
    }

    /**
     * Customs declarations: an upload whose declaration has problems (HS code missing, EU up to EUR 150 without
     * IOSS, total 0, a currency or line count the service does not take, ...) is refused when it is queued, with
     * the first problem's reason. Null outside OSGi when a test or benchmark sets none (then not checked).
     */
    private volatile CustomsServiceImpl customs;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    public void setCustoms(CustomsServiceImpl customs) {
        this.customs = customs;
    }

    public void unsetCustoms(CustomsServiceImpl customs) {
        if (this.customs == customs) {
            this.customs = null;
        }
    }

    /** The package service the customs check reads the package with (set with {@link #setCustoms} in OSGi). */
    private volatile PackageService packageService;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    public void setPackageService(PackageService packageService) {
        this.packageService = packageService;
    }

    public void unsetPackageService(PackageService packageService) {
        if (this.packageService == packageService) {
            this.packageService = null;
        }
    }

    static final String UPLOAD = "UPLOAD";
    static final String POLL = "POLL";
    static final String LABEL = "LABEL";
    static final String QUEUED = "QUEUED";
    static final String RUNNING = "RUNNING";
    static final String DONE = "DONE";
    static final String FAILED = "FAILED";
    static final String CANCELLED = "CANCELLED";
    /** Refusal code of an upload whose carrier plugin is not installed. */
    public static final String CARRIER_MISSING = io.waybill.core.model.Reason.CARRIER_MISSING;

    private final DataSource ds;
    private final Clock clock;

    @Activate
    public CarrierJobs(@Reference Database db) {
        this(db.dataSource(), Clock.systemUTC());
    }

    CarrierJobs(DataSource ds, Clock clock) {
        this.ds = ds;
        this.clock = clock;
    }

    DataSource dataSource() {
        return ds;
    }

    Clock clock() {
        return clock;
    }

    @Override
    public BatchResult upload(List<Long> packageIds, String actor) {
        authorizer.require(actor, Permission.UPLOAD_TO_CARRIER);
        return perPackage(packageIds, actor, (c, id, no, status, storeId, who) -> {
            if (status != PackageStatus.ALLOCATED && status != PackageStatus.UPLOAD_FAILED) {
                PackageLifecycle.check(no, status, PackageStatus.AWAITING_TRACKING);
                throw new OperationRefusedException(io.waybill.core.model.Reason.of(
                        io.waybill.core.model.Reason.ILLEGAL_STATE, no, status, PackageStatus.AWAITING_TRACKING));
            }
            if (hasOpenJob(c, id)) {
                throw new OperationRefusedException(io.waybill.core.model.Reason.of(
                        io.waybill.core.model.Reason.ALREADY_QUEUED, no, PackageStatus.AWAITING_TRACKING));
            }
            // a logistics rule's shipping method (issue 14) comes before the store's default
            java.util.Optional<String[]> assigned = ruleMethod(c, id);
            String[] method = assigned.isPresent() ? assigned.get() : defaultMethod(c, storeId).orElseThrow(() ->
                    new OperationRefusedException(io.waybill.core.model.Reason.of(
                            io.waybill.core.model.Reason.NO_SHIPPING_METHOD, no)));
            PluginRegistryImpl registry = plugins;
            if (registry != null && registry.carrier(method[0]).isEmpty()) {
                throw new OperationRefusedException(io.waybill.core.model.Reason.of(CARRIER_MISSING, method[0], no));
            }
            CustomsServiceImpl declarations = customs;
            PackageService pkgs = packageService;
            if (declarations != null && pkgs != null) {
                var detail = pkgs.detail(id);
                if (detail.isPresent()) {
                    CustomsServiceImpl.UploadCheck check = declarations.check(detail.get(), method[0], method[1]);
                    if (!check.problems().isEmpty()) {
                        throw check.refusal(no);
                    }
                }
            }
            int generation;
            try (PreparedStatement ps = c.prepareStatement("UPDATE WB_PACKAGE SET UPLOAD_GENERATION = "
                    + "UPLOAD_GENERATION + 1, LAST_ERROR = NULL, VERSION = VERSION + 1 WHERE ID = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            generation = intQuery(c, "SELECT UPLOAD_GENERATION FROM WB_PACKAGE WHERE ID = ?", id);
            CarrierLabels.delete(c, id);
            insertJob(c, id, UPLOAD, method[0], method[1], no + "-" + generation, clock.instant());
            Jdbc.audit(c, id, null, who, clock.instant(), "UPLOAD_QUEUED", status.name(), status.name(),
                    method[1] == null ? io.waybill.core.model.Reason.of(io.waybill.core.model.Reason.CARRIER, method[0])
                            : io.waybill.core.model.Reason.of(io.waybill.core.model.Reason.CARRIER_SERVICE, method[0], method[1]));
        });
    }

    @Override
    public BatchResult refreshTracking(List<Long> packageIds, String actor) {
        authorizer.require(actor, Permission.REFRESH_TRACKING);
        return perPackage(packageIds, actor, (c, id, no, status, storeId, who) -> {
            if ((status == PackageStatus.TRACKED || status == PackageStatus.PRINTED) && refetchLabel(c, id, who)) {
                return;
            }
            if (status != PackageStatus.AWAITING_TRACKING) {
                throw new OperationRefusedException(io.waybill.core.model.Reason.of(
                        io.waybill.core.model.Reason.NOT_PENDING, no, status));
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE WB_CARRIER_JOB SET NEXT_RUN_AT = ?, "
                    + "UPDATED_AT = ? WHERE PACKAGE_ID = ? AND KIND = 'POLL' AND STATE = 'QUEUED'")) {
                ps.setTimestamp(1, Timestamp.from(clock.instant()));
                ps.setTimestamp(2, Timestamp.from(clock.instant()));
                ps.setLong(3, id);
                if (ps.executeUpdate() == 0 && !hasOpenJob(c, id)) {
                    String[] carrier = lastCarrier(c, id);
                    insertJob(c, id, POLL, carrier[0], carrier[1], carrier[2], clock.instant());
                }
            }
        });
    }

    /**
     * Queues fetching the carrier's label again for a tracked package whose last fetch failed (none is stored and
     * none is underway). Returns false when there is nothing to fetch.
     */
    private boolean refetchLabel(Connection c, long id, String who) throws SQLException {
        if (CarrierLabels.formatOf(c, id) != null) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT STATE, CARRIER_ID, SERVICE_CODE, IDEMPOTENCY_KEY "
                + "FROM WB_CARRIER_JOB WHERE PACKAGE_ID = ? AND KIND = 'LABEL' ORDER BY ID DESC")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !FAILED.equals(rs.getString(1))) {
                    return false;
                }
                insertJob(c, id, LABEL, rs.getString(2), rs.getString(3), rs.getString(4), clock.instant());
                Jdbc.audit(c, id, null, who, clock.instant(), "LABEL_REQUESTED", null, null,
                        io.waybill.core.model.Reason.of(io.waybill.core.model.Reason.LABEL_REQUESTED, rs.getString(2)));
                return true;
            }
        }
    }

    @Override
    public Map<Long, UploadState> uploadStates(Collection<Long> packageIds) {
        List<Long> ids = packageIds.stream().distinct().toList();
        Map<Long, UploadState> result = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
            Jdbc.inTransaction(ds, c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT PACKAGE_ID, KIND, STATE, CARRIER_ID, "
                        + "ATTEMPTS, LAST_ERROR, NEXT_RUN_AT FROM WB_CARRIER_JOB WHERE KIND <> 'LABEL' AND "
                        + "PACKAGE_ID IN (" + marks + ") ORDER BY ID")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setLong(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long id = rs.getLong(1);
                            String state = displayState(rs.getString(2), rs.getString(3));
                            Timestamp next = rs.getTimestamp(7);
                            result.put(id, new UploadState(id, state, rs.getString(4), rs.getInt(5),
                                    rs.getString(6), QUEUED.equals(rs.getString(3)) && next != null
                                    ? next.toInstant() : null));
                        }
                    }
                }
                return null;
            });
        }
        return result;
    }

    static String displayState(String kind, String state) {
        return switch (state) {
            case QUEUED -> POLL.equals(kind) ? "AWAITING_TRACKING" : "QUEUED";
            case RUNNING -> POLL.equals(kind) ? "AWAITING_TRACKING" : "UPLOADING";
            default -> state;
        };
    }

    @Override
    public List<ShippingMethodInfo> shippingMethods(String storeCode) {
        return Jdbc.inTransaction(ds, c -> {
            List<ShippingMethodInfo> result = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT s.CODE, m.CODE, m.CARRIER_ID, m.SERVICE_CODE, "
                    + "m.IS_DEFAULT FROM WB_SHIPPING_METHOD m JOIN WB_STORE s ON s.ID = m.STORE_ID "
                    + "WHERE ? IS NULL OR s.CODE = ? ORDER BY s.CODE, m.CODE")) {
                ps.setString(1, storeCode);
                ps.setString(2, storeCode);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(new ShippingMethodInfo(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getBoolean(5)));
                    }
                }
            }
            return result;
        });
    }

    @Override
    public ShippingMethodInfo saveShippingMethod(ShippingMethodInfo m, String actor) {
        authorizer.require(actor, Permission.SET_SHIPPING_METHOD);
        ShippingMethodRows.check(m);
        return Jdbc.inTransaction(ds, c -> {
            long storeId;
            try (PreparedStatement ps = c.prepareStatement("SELECT ID FROM WB_STORE WHERE CODE = ?")) {
                ps.setString(1, m.storeCode());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new OperationRefusedException(io.waybill.core.model.Reason.of(
                                io.waybill.core.model.Reason.UNKNOWN_STORE, m.storeCode()));
                    }
                    storeId = rs.getLong(1);
                }
            }
            ShippingMethodInfo saved = ShippingMethodRows.save(c, storeId, m);
            Jdbc.audit(c, null, null, actor == null ? "system" : actor, clock.instant(), "SHIPPING_METHOD_SAVED",
                    null, null, m.storeCode() + " " + saved.code() + " -> " + saved.carrierId() + "/"
                            + saved.serviceCode());
            return saved;
        });
    }

    @FunctionalInterface
    private interface PackageAction {
        void apply(Connection c, long id, String packageNo, PackageStatus status, long storeId, String actor)
                throws SQLException;
    }

    private BatchResult perPackage(List<Long> ids, String actor, PackageAction action) {
        if (ids == null || ids.isEmpty()) {
            throw new OperationRefusedException("empty_selection", "Select at least one package.");
        }
        String who = actor == null || actor.isBlank() ? "system" : actor.strip();
        List<Long> done = new ArrayList<>();
        List<BatchResult.Failure> failures = new ArrayList<>();
        for (Long id : ids) {
            String[] no = {String.valueOf(id)};
            try {
                Jdbc.inTransaction(ds, c -> {
                    try (PreparedStatement ps = c.prepareStatement("SELECT p.PACKAGE_NO, p.STATUS, o.STORE_ID "
                            + "FROM WB_PACKAGE p JOIN WB_ORDER o ON o.ID = p.ORDER_ID WHERE p.ID = ?")) {
                        ps.setLong(1, id);
                        try (ResultSet rs = ps.executeQuery()) {
                            if (!rs.next()) {
                                throw new OperationRefusedException("unknown_package", "No package with id " + id);
                            }
                            no[0] = rs.getString(1);
                            action.apply(c, id, rs.getString(1), PackageStatus.valueOf(rs.getString(2)),
                                    rs.getLong(3), who);
                        }
                    }
                    return null;
                });
                done.add(id);
            } catch (OperationRefusedException e) {
                failures.add(new BatchResult.Failure(id, no[0], e.code(), e.getMessage(), e.params()));
            }
        }
        return new BatchResult(ids.size(), done, failures);
    }

    static boolean hasOpenJob(Connection c, long packageId) throws SQLException {
        return intQuery(c, "SELECT COUNT(*) FROM WB_CARRIER_JOB WHERE PACKAGE_ID = ? AND KIND <> 'LABEL' AND "
                + "STATE IN ('QUEUED', 'RUNNING')", packageId) > 0;
    }

    static void insertJob(Connection c, long packageId, String kind, String carrierId, String serviceCode,
                          String key, Instant runAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO WB_CARRIER_JOB (PACKAGE_ID, KIND, STATE, "
                + "CARRIER_ID, SERVICE_CODE, IDEMPOTENCY_KEY, ATTEMPTS, NEXT_RUN_AT, CREATED_AT, UPDATED_AT) "
                + "VALUES (?, ?, 'QUEUED', ?, ?, ?, 0, ?, ?, ?)")) {
            ps.setLong(1, packageId);
            ps.setString(2, kind);
            ps.setString(3, carrierId);
            ps.setString(4, serviceCode);
            ps.setString(5, key);
            ps.setTimestamp(6, Timestamp.from(runAt));
            ps.setTimestamp(7, Timestamp.from(runAt));
            ps.setTimestamp(8, Timestamp.from(runAt));
            ps.executeUpdate();
        }
    }

    /** The carrier and service a logistics rule assigned to the package, if any (V22). */
    private static java.util.Optional<String[]> ruleMethod(Connection c, long packageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT RULE_CARRIER_ID, RULE_SERVICE_CODE FROM WB_PACKAGE "
                + "WHERE ID = ? AND RULE_CARRIER_ID IS NOT NULL")) {
            ps.setLong(1, packageId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.Optional.of(new String[] {rs.getString(1), rs.getString(2)})
                        : java.util.Optional.empty();
            }
        }
    }

    private static java.util.Optional<String[]> defaultMethod(Connection c, long storeId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT CARRIER_ID, SERVICE_CODE FROM WB_SHIPPING_METHOD "
                + "WHERE STORE_ID = ? AND IS_DEFAULT = TRUE")) {
            ps.setLong(1, storeId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.Optional.of(new String[] {rs.getString(1), rs.getString(2)})
                        : java.util.Optional.empty();
            }
        }
    }

    /** Carrier id, service and idempotency key of the package's last upload. */
    private static String[] lastCarrier(Connection c, long packageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT CARRIER_ID, SERVICE_CODE, IDEMPOTENCY_KEY FROM "
                + "WB_CARRIER_JOB WHERE PACKAGE_ID = ? AND KIND = 'UPLOAD' ORDER BY ID DESC")) {
            ps.setLong(1, packageId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new OperationRefusedException("never_uploaded", "The package was never uploaded.");
                }
                return new String[] {rs.getString(1), rs.getString(2), rs.getString(3)};
            }
        }
    }

    static int intQuery(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
