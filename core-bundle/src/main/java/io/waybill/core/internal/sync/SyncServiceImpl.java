package io.waybill.core.internal.sync;

import io.waybill.core.api.Permission;
import io.waybill.core.internal.security.Authorizer;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.SyncService;
import io.waybill.core.internal.db.Database;
import io.waybill.core.internal.persistence.Jdbc;
import io.waybill.core.internal.plugin.PluginRegistryImpl;
import io.waybill.core.internal.workflow.SyncQueue;
import io.waybill.core.model.BatchResult;
import io.waybill.core.model.CarrierCodeMapping;
import io.waybill.core.model.PackageStatus;
import io.waybill.core.model.Reason;
import io.waybill.core.model.SyncState;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The store-sync outbox: queueing, states, delivery settings and the carrier-name mapping table. */
@Component(service = {SyncService.class, SyncServiceImpl.class})
public class SyncServiceImpl implements SyncService {
    /** Who may call what: checked first in every method that changes data. */
    private volatile Authorizer authorizer;

    @Reference
    public void setAuthorizer(Authorizer authorizer) {
        this.authorizer = authorizer;
    }

    /** The installed plugins: a manual sync to a store whose marketplace plugin is missing is refused. */
    private volatile PluginRegistryImpl plugins;

    @Reference
    public void setPlugins(PluginRegistryImpl plugins) {
        this.plugins = plugins;
    }

    private final DataSource ds;
    private final Clock clock;

    @Activate
    public SyncServiceImpl(@Reference Database db) {
        this(db.dataSource(), Clock.systemUTC());
    }

    public SyncServiceImpl(DataSource ds, Clock clock) {
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
    public BatchResult startSync(List<Long> packageIds, String actor) {
        authorizer.require(actor, Permission.START_SYNC);
        if (packageIds == null || packageIds.isEmpty()) {
            throw new OperationRefusedException("empty_selection", "Select at least one package.");
        }
        String who = actor == null || actor.isBlank() ? "system" : actor.strip();
        List<Long> done = new ArrayList<>();
        List<BatchResult.Failure> failures = new ArrayList<>();
        for (Long id : packageIds) {
            BatchResult.Failure f = Jdbc.inTransaction(ds, c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT p.PACKAGE_NO, p.STATUS, o.STORE_ID, s.CODE, "
                        + "s.PLATFORM FROM WB_PACKAGE p JOIN WB_ORDER o ON o.ID = p.ORDER_ID "
                        + "JOIN WB_STORE s ON s.ID = o.STORE_ID WHERE p.ID = ?")) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return BatchResult.Failure.of(id, String.valueOf(id), Reason.of(Reason.UNKNOWN_PACKAGE_ID,
                                    id));
                        }
                        String no = rs.getString(1);
                        PackageStatus status = PackageStatus.valueOf(rs.getString(2));
                        if (status != PackageStatus.SHIPPED && status != PackageStatus.SYNC_FAILED) {
                            return BatchResult.Failure.of(id, no, Reason.of(status == PackageStatus.SYNCED
                                    ? Reason.ALREADY_SYNCED : Reason.NOT_SHIPPED, no));
                        }
                        PluginRegistryImpl registry = plugins;
                        String store = rs.getString(4);
                        String platform = rs.getString(5);
                        if (registry != null && registry.platform(platform, store).isEmpty()) {
                            // queued, it would wait with nothing to send it: say so now instead
                            return BatchResult.Failure.of(id, no, Reason.of(Reason.PLUGIN_MISSING, store, platform));
                        }
                        if (!SyncQueue.enqueue(c, id, rs.getLong(3), clock.instant())) {
                            return BatchResult.Failure.of(id, no, Reason.of(Reason.ALREADY_QUEUED, no,
                                    PackageStatus.SYNCED));
                        }
                        Jdbc.audit(c, id, null, who, clock.instant(), "SYNC_QUEUED", status.name(), status.name(),
                                (String) null);
                        return null;
                    }
                }
            });
            if (f == null) {
                done.add(id);
            } else {
                failures.add(f);
            }
        }
        return new BatchResult(packageIds.size(), done, failures);
    }

    @Override
    public Map<Long, SyncState> syncStates(Collection<Long> packageIds) {
        List<Long> ids = packageIds.stream().distinct().toList();
        Map<Long, SyncState> result = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            Jdbc.inTransaction(ds, c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT PACKAGE_ID, STATE, ATTEMPTS, LAST_ERROR, "
                        + "NEXT_RUN_AT FROM WB_SYNC_JOB WHERE PACKAGE_ID IN ("
                        + String.join(",", Collections.nCopies(chunk.size(), "?")) + ") ORDER BY ID")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setLong(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Timestamp next = rs.getTimestamp(5);
                            result.put(rs.getLong(1), new SyncState(rs.getLong(1), rs.getString(2), rs.getInt(3),
                                    rs.getString(4), "QUEUED".equals(rs.getString(2)) && next != null
                                    ? next.toInstant() : null));
                        }
                    }
                }
                return null;
            });
        }
        return result;
    }

    @Override
    public Map<String, Boolean> autoSync() {
        return Jdbc.inTransaction(ds, c -> {
            Map<String, Boolean> result = new TreeMap<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT DISTINCT PLATFORM FROM WB_STORE")) {
                while (rs.next()) {
                    result.put(rs.getString(1), false);
                }
            }
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT PLATFORM, AUTO_SYNC FROM WB_PLATFORM_SETTING")) {
                while (rs.next()) {
                    result.put(rs.getString(1), rs.getBoolean(2));
                }
            }
            return result;
        });
    }

    @Override
    public void setAutoSync(String platform, boolean automatic, String actor) {
        authorizer.require(actor, Permission.SET_SYNC_SETTINGS);
        if (platform == null || !platform.strip().matches("[a-z0-9_.-]{1,40}")) {
            throw new OperationRefusedException("invalid_platform", "Unknown platform '" + platform + "'.");
        }
        Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement up = c.prepareStatement(
                    "UPDATE WB_PLATFORM_SETTING SET AUTO_SYNC = ? WHERE PLATFORM = ?")) {
                up.setBoolean(1, automatic);
                up.setString(2, platform.strip());
                if (up.executeUpdate() == 0) {
                    try (PreparedStatement ins = c.prepareStatement(
                            "INSERT INTO WB_PLATFORM_SETTING (PLATFORM, AUTO_SYNC) VALUES (?, ?)")) {
                        ins.setString(1, platform.strip());
                        ins.setBoolean(2, automatic);
                        ins.executeUpdate();
                    }
                }
            }
            Jdbc.audit(c, null, null, actor == null ? "system" : actor, Instant.now(), "AUTO_SYNC_SET", null, null,
                    platform + " = " + automatic);
            return null;
        });
    }

    @Override
    public List<CarrierCodeMapping> carrierCodes() {
        return Jdbc.inTransaction(ds, c -> {
            List<CarrierCodeMapping> result = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT PLATFORM, CARRIER_ID, PLATFORM_CARRIER_CODE "
                    + "FROM WB_CARRIER_CODE_MAP ORDER BY PLATFORM, CARRIER_ID")) {
                while (rs.next()) {
                    result.add(new CarrierCodeMapping(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return result;
        });
    }

    @Override
    public void saveCarrierCode(CarrierCodeMapping m, String actor) {
        authorizer.require(actor, Permission.SET_SYNC_SETTINGS);
        if (m.platform() == null || m.platform().isBlank() || m.carrierId() == null || m.carrierId().isBlank()) {
            throw new OperationRefusedException("invalid_mapping", "Platform and carrier are required.");
        }
        String code = m.platformCarrierCode() == null ? "" : m.platformCarrierCode().strip();
        if (code.length() > 100 || io.waybill.core.internal.workflow.TextRules.controlCharAt(code) >= 0) {
            throw new OperationRefusedException("invalid_mapping", "The platform carrier code is not valid.");
        }
        Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement del = c.prepareStatement(
                    "DELETE FROM WB_CARRIER_CODE_MAP WHERE PLATFORM = ? AND CARRIER_ID = ?")) {
                del.setString(1, m.platform().strip());
                del.setString(2, m.carrierId().strip());
                del.executeUpdate();
            }
            if (!code.isEmpty()) {
                try (PreparedStatement ins = c.prepareStatement("INSERT INTO WB_CARRIER_CODE_MAP (PLATFORM, "
                        + "CARRIER_ID, PLATFORM_CARRIER_CODE) VALUES (?, ?, ?)")) {
                    ins.setString(1, m.platform().strip());
                    ins.setString(2, m.carrierId().strip());
                    ins.setString(3, code);
                    ins.executeUpdate();
                }
            }
            Jdbc.audit(c, null, null, actor == null ? "system" : actor, Instant.now(), "CARRIER_CODE_SET", null,
                    null, m.platform() + "/" + m.carrierId() + " = " + code);
            return null;
        });
    }
}
