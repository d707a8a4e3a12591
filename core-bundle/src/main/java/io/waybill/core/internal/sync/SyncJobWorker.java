package io.waybill.core.internal.sync;

import io.waybill.core.internal.workers.WorkerPool;
import io.waybill.core.internal.lifecycle.StatusGate;
import io.waybill.core.internal.plugin.PluginCalls;
import io.waybill.core.internal.plugin.PluginFailure;
import io.waybill.core.internal.plugin.PluginRegistryImpl;
import io.waybill.core.internal.persistence.Jdbc;
import io.waybill.core.internal.persistence.PackageContents;
import io.waybill.core.model.PackageStatus;
import io.waybill.core.model.SyncState;
import io.waybill.spi.common.MessageCodes;
import io.waybill.spi.common.Result;
import io.waybill.spi.platform.MarketplaceConnector;
import io.waybill.spi.platform.RateLimit;
import io.waybill.spi.platform.ShipmentConfirmation;
import io.waybill.spi.platform.StoreContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends queued shipment confirmations to the stores. Each store has a token bucket sized to its platform's
 * published rate limit, so Waybill never exceeds it; a "rate_limited" answer pauses that store until Retry-After.
 * confirmShipment is idempotent by contract (the plugins check the order's fulfillments before creating one), so
 * transient failures and jobs interrupted by a restart are retried; only one confirmation per order runs at a time,
 * so two of them never both find nothing and both create.
 */
@Component(immediate = true, service = SyncJobWorker.class)
public class SyncJobWorker {
    private static final Logger LOG = LoggerFactory.getLogger(SyncJobWorker.class);
    static final int MAX_ATTEMPTS = 8;
    static final int THREADS = 16;

    private final DataSource ds;
    private final Clock clock;
    private final PluginRegistryImpl plugins;
    private final Map<Long, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final Map<Long, RateLimit> limits = new ConcurrentHashMap<>();
    /** Owns the threads; the worker opens its dispatcher and its call pool there and closes them in stop(). */
    private final WorkerPool workers;
    private ScheduledExecutorService scheduler;
    private ExecutorService pool;

    @Activate
    public SyncJobWorker(@Reference SyncServiceImpl sync, @Reference PluginRegistryImpl plugins,
                         @Reference WorkerPool workers) {
        this(sync, plugins, workers, true);
    }

    /**
     * A worker for tests and benchmarks, with its own pool; {@code start} false leaves the poller off (runs are driven
     * by the caller). A factory, not a constructor: Felix SCR picks the constructor by its number of parameters, and
     * a second public three-argument constructor let it pick this one and fail to create the component.
     */
    public static SyncJobWorker standalone(SyncServiceImpl sync, PluginRegistryImpl plugins, boolean start) {
        return new SyncJobWorker(sync, plugins, new WorkerPool(), start);
    }

    SyncJobWorker(SyncServiceImpl sync, PluginRegistryImpl plugins, WorkerPool workers, boolean start) {
        this.workers = workers;
        this.ds = sync.dataSource();
        this.clock = sync.clock();
        this.plugins = plugins;
        if (start) {
            start(25);
        }
    }

    public void start(int tickMillis) {
        pool = workers.pool("sync", THREADS);
        scheduler = workers.scheduler("sync-queue");
        // jobs left RUNNING by a previous process: confirming again is safe
        Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE WB_SYNC_JOB SET STATE = 'QUEUED', LEASE_UNTIL = NULL WHERE STATE = 'RUNNING'")) {
                return ps.executeUpdate();
            }
        });
        scheduler.scheduleWithFixedDelay(this::dispatch, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    public void stop() {
        if (scheduler != null) {
            // no interrupt at first: the dispatcher may be inside a Derby call
            workers.close(scheduler, java.time.Duration.ofSeconds(10));
        }
        if (pool != null) {
            // let running confirmations finish: interrupting a thread inside Derby closes its connection
            workers.close(pool, java.time.Duration.ofSeconds(30));
        }
    }

    private record Job(long id, long packageId, long storeId, int attempts) {
    }

    private record Store(long id, String code, String platform) {
    }

    void dispatch() {
        try {
            Instant now = clock.instant();
            List<Store> stores = Jdbc.inTransaction(ds, c -> {
                List<Store> due = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT s.ID, s.CODE, s.PLATFORM FROM WB_STORE s "
                        + "WHERE s.ENABLED = TRUE AND EXISTS (SELECT 1 FROM WB_SYNC_JOB j WHERE j.STORE_ID = s.ID AND j.STATE = 'QUEUED' "
                        + "AND j.NEXT_RUN_AT <= ?)")) {
                    ps.setTimestamp(1, Timestamp.from(now));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            due.add(new Store(rs.getLong(1), rs.getString(2), rs.getString(3)));
                        }
                    }
                }
                return due;
            });
            for (Store store : stores) {
                Optional<MarketplaceConnector> connector = plugins.platform(store.platform(), store.code());
                if (connector.isEmpty()) {
                    // no call is made and no attempt counted: the jobs stay queued and go out once the plugin is
                    // installed; until then each says why on the sync list and in its package's history
                    markWaitingForPlugin(store);
                    continue;
                }
                TokenBucket bucket = bucket(store, connector.get());
                int tokens = bucket.take(200, System.nanoTime());
                if (tokens == 0) {
                    continue;
                }
                List<Job> claimed = claim(store.id(), tokens, now);
                if (claimed.size() < tokens) {
                    bucket.giveBack(tokens - claimed.size());
                }
                for (Job j : claimed) {
                    pool.execute(() -> run(j, store, connector.get(), bucket));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Sync dispatch failed: {}", e.getMessage());
        }
    }

    /**
     * The {@link SyncState#PLUGIN_MISSING} marker on the store's queued jobs that lack it, with one history line per
     * package; bounded per tick, the rest are marked on the next ones.
     */
    private void markWaitingForPlugin(Store store) {
        String marker = SyncState.pluginMissing(store.platform());
        Instant now = clock.instant();
        Jdbc.inTransaction(ds, c -> {
            List<long[]> jobs = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT ID, PACKAGE_ID FROM WB_SYNC_JOB WHERE STORE_ID = ? "
                    + "AND STATE = 'QUEUED' AND (LAST_ERROR IS NULL OR LAST_ERROR <> ?) "
                    + "FETCH FIRST 500 ROWS ONLY")) {
                ps.setLong(1, store.id());
                ps.setString(2, marker);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        jobs.add(new long[] {rs.getLong(1), rs.getLong(2)});
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE WB_SYNC_JOB SET LAST_ERROR = ?, UPDATED_AT = ? "
                    + "WHERE ID = ? AND STATE = 'QUEUED'")) {
                for (long[] job : jobs) {
                    ps.setString(1, marker);
                    ps.setTimestamp(2, Timestamp.from(now));
                    ps.setLong(3, job[0]);
                    if (ps.executeUpdate() == 1) {
                        Jdbc.audit(c, job[1], null, "sync", now, "SYNC_WAITING", null, null,
                                io.waybill.core.model.Reason.of(io.waybill.core.model.Reason.SYNC_WAITING, store.platform(), store.code()));
                    }
                }
            }
            return null;
        });
    }

    private TokenBucket bucket(Store store, MarketplaceConnector connector) {
        RateLimit limit;
        try {
            limit = connector.rateLimit(new StoreContext(store.code(), Map.of()));
        } catch (RuntimeException e) {
            limit = new RateLimit(1, 1);
        }
        RateLimit previous = limits.put(store.id(), limit);
        RateLimit current = limit;
        if (previous == null || !previous.equals(limit)) {
            buckets.put(store.id(), new TokenBucket(current.requestsPerSecond(), current.burst(), System.nanoTime()));
        }
        return buckets.get(store.id());
    }

    private List<Job> claim(long storeId, int max, Instant now) {
        return Jdbc.inTransaction(ds, c -> {
            // one confirmation per order at a time: the plugins check the order's fulfillments before creating one,
            // which holds only when no other confirmation for the same order runs beside it
            List<Job> candidates = new ArrayList<>();
            java.util.Set<Long> orders = new java.util.HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT j.ID, j.PACKAGE_ID, j.ATTEMPTS, p.ORDER_ID "
                    + "FROM WB_SYNC_JOB j JOIN WB_PACKAGE p ON p.ID = j.PACKAGE_ID "
                    + "WHERE j.STORE_ID = ? AND j.STATE = 'QUEUED' AND j.NEXT_RUN_AT <= ? "
                    + "AND NOT EXISTS (SELECT 1 FROM WB_SYNC_JOB r JOIN WB_PACKAGE rp ON rp.ID = r.PACKAGE_ID "
                    + "WHERE r.STATE = 'RUNNING' AND rp.ORDER_ID = p.ORDER_ID) ORDER BY j.NEXT_RUN_AT, j.ID")) {
                ps.setLong(1, storeId);
                ps.setTimestamp(2, Timestamp.from(now));
                ps.setMaxRows(max * 4);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next() && candidates.size() < max) {
                        if (orders.add(rs.getLong(4))) {
                            candidates.add(new Job(rs.getLong(1), rs.getLong(2), storeId, rs.getInt(3) + 1));
                        }
                    }
                }
            }
            List<Job> claimed = new ArrayList<>();
            try (PreparedStatement up = c.prepareStatement("UPDATE WB_SYNC_JOB SET STATE = 'RUNNING', "
                    + "ATTEMPTS = ATTEMPTS + 1, LEASE_UNTIL = ?, UPDATED_AT = ? WHERE ID = ? AND STATE = 'QUEUED'")) {
                for (Job j : candidates) {
                    up.setTimestamp(1, Timestamp.from(now.plusSeconds(300)));
                    up.setTimestamp(2, Timestamp.from(now));
                    up.setLong(3, j.id());
                    if (up.executeUpdate() == 1) {
                        claimed.add(j);
                    }
                }
            }
            return claimed;
        });
    }

    /** A package to confirm; {@code platformOrderIds}: its order's, then those of the orders merged into it. */
    private record Shipment(String packageNo, String status, List<String> platformOrderIds, String carrierId,
                            String trackingNo, Instant shippedAt, String carrierCode,
                            List<ShipmentConfirmation.Item> items) {
    }

    void run(Job j, Store store, MarketplaceConnector connector, TokenBucket bucket) {
        try {
            Shipment s = Jdbc.inTransaction(ds, c -> load(c, j.packageId(), store.platform()));
            if (s == null || !(s.status().equals("SHIPPED") || s.status().equals("SYNC_FAILED"))) {
                Jdbc.inTransaction(ds, c -> finish(c, j, "CANCELLED", "package is not shipped"));
                return;
            }
            if (s.trackingNo() == null) {
                Jdbc.inTransaction(ds, c -> fail(c, j, s, "The package has no tracking number to report."));
                return;
            }
            // one confirmation per order of the package: a merge ships for the orders merged into it too (issue
            // 14); each is idempotent, so a retry after one of them failed confirms the others again harmlessly
            Result<Boolean> r = null;
            for (String platformOrderId : s.platformOrderIds()) {
                r = PluginCalls.guarded("the marketplace plugin", () -> connector.confirmShipment(
                        new StoreContext(store.code(), Map.of()),
                        new ShipmentConfirmation(platformOrderId, s.carrierCode(), s.trackingNo(), s.shippedAt(),
                                s.items())));
                if (!r.isOk()) {
                    break;
                }
            }
            Result<Boolean> result = r;
            Jdbc.inTransaction(ds, c -> {
                if (result.isOk()) {
                    setStatus(c, j, s, PackageStatus.SYNCED, null, "SYNCED", io.waybill.core.model.Reason.of(
                            io.waybill.core.model.Reason.SYNC_CONFIRMED, store.code(), s.carrierCode(), s.trackingNo()),
                            null);
                    return finish(c, j, "DONE", null);
                }
                PluginFailure f = PluginFailure.of(result);
                String text = f.text("");
                if (f.rateLimited()) {
                    Duration pause = f.retryAfter().orElse(Duration.ofSeconds(1));
                    bucket.pauseUntil(System.nanoTime() + pause.toNanos());
                    return reschedule(c, j, clock.instant().plus(pause), text, false);
                }
                if (f.transientError() && j.attempts() < MAX_ATTEMPTS) {
                    long base = (long) Math.min(600_000, 2000 * Math.pow(2, j.attempts() - 1));
                    return reschedule(c, j, clock.instant().plusMillis(base + (long) (Math.random() * base / 4)),
                            text, true);
                }
                // a package of a split order the marketplace cannot take as a partial shipment: a structured reason
                io.waybill.core.model.Reason partial = f.has(MessageCodes.PARTIAL_UNMATCHED)
                        ? io.waybill.core.model.Reason.of(io.waybill.core.model.Reason.SYNC_PARTIAL_UNMATCHED,
                        store.code(), s.trackingNo(), text)
                        : f.has(MessageCodes.PARTIAL_NOT_SPLITTABLE)
                        ? io.waybill.core.model.Reason.of(io.waybill.core.model.Reason.SYNC_PARTIAL_NOT_SPLITTABLE,
                        store.code(), s.trackingNo(), text) : null;
                return fail(c, j, s, text.isBlank() ? "the marketplace refused the confirmation" : text, partial);
            });
        } catch (RuntimeException e) {
            LOG.warn("Sync job {} failed unexpectedly: {}", j.id(), e.toString());
            Jdbc.inTransaction(ds, c -> reschedule(c, j, clock.instant().plusSeconds(30), "internal error: " + e,
                    true));
        }
    }

    private Shipment load(Connection c, long packageId, String platform) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT p.PACKAGE_NO, p.STATUS, o.PLATFORM_ORDER_ID, "
                + "p.CARRIER_ID, p.TRACKING_NO, p.SHIPPED_AT, m.PLATFORM_CARRIER_CODE, p.SPLIT_LINES FROM WB_PACKAGE p "
                + "JOIN WB_ORDER o ON o.ID = p.ORDER_ID LEFT JOIN WB_CARRIER_CODE_MAP m ON m.PLATFORM = ? "
                + "AND m.CARRIER_ID = p.CARRIER_ID WHERE p.ID = ?")) {
            ps.setString(1, platform);
            ps.setLong(2, packageId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Timestamp shipped = rs.getTimestamp(6);
                String carrier = rs.getString(4);
                String code = rs.getString(7);
                List<String> orders = new ArrayList<>(List.of(rs.getString(3)));
                try (PreparedStatement merged = c.prepareStatement("SELECT o.PLATFORM_ORDER_ID FROM WB_PACKAGE m "
                        + "JOIN WB_ORDER o ON o.ID = m.ORDER_ID WHERE m.MERGED_INTO = ? ORDER BY m.ID")) {
                    merged.setLong(1, packageId);
                    try (ResultSet mr = merged.executeQuery()) {
                        while (mr.next()) {
                            orders.add(mr.getString(1));
                        }
                    }
                }
                // a package of a split order (V33) confirms only the items it carries: each package of the order its
                // own, with its own tracking number (PackageContents; a split package is never a merge)
                List<ShipmentConfirmation.Item> items = rs.getInt(8) > 0
                        ? items(PackageContents.lines(c, packageId)) : List.of();
                return new Shipment(rs.getString(1), rs.getString(2), List.copyOf(orders), carrier, rs.getString(5),
                        shipped == null ? clock.instant() : shipped.toInstant(), code != null ? code : carrier,
                        List.copyOf(items));
            }
        }
    }

    /**
     * The items a package of a split order confirms: one per marketplace line id (V39) with the units of that line it
     * carries, so the connector finds the line by id whatever SKU the marketplace names on it; the lines of an order
     * captured without line ids by SKU, as before (units of one SKU added up). Lines in the package's order.
     */
    public static List<ShipmentConfirmation.Item> items(List<PackageContents.Line> lines) {
        Map<String, ShipmentConfirmation.Item> byLine = new java.util.LinkedHashMap<>();
        Map<Long, ShipmentConfirmation.Item> bySku = new java.util.TreeMap<>();
        for (PackageContents.Line l : lines) {
            if (l.platformLineId() != null && !l.platformLineId().isBlank()) {
                byLine.merge(l.platformLineId(), new ShipmentConfirmation.Item(l.skuCode(), l.quantity(),
                        l.platformLineId()), (a, b) -> new ShipmentConfirmation.Item(a.sku(), a.quantity()
                        + b.quantity(), a.lineId()));
            } else {
                bySku.merge(l.skuId(), new ShipmentConfirmation.Item(l.skuCode(), l.quantity()),
                        (a, b) -> new ShipmentConfirmation.Item(a.sku(), a.quantity() + b.quantity()));
            }
        }
        List<ShipmentConfirmation.Item> items = new ArrayList<>(byLine.values());
        items.addAll(bySku.values());
        return List.copyOf(items);
    }

    private Void fail(Connection c, Job j, Shipment s, String reason) throws SQLException {
        return fail(c, j, s, reason, null);
    }

    /** As {@link #fail(Connection, Job, Shipment, String)}, the history line's reason {@code structured} when given. */
    private Void fail(Connection c, Job j, Shipment s, String reason, io.waybill.core.model.Reason structured)
            throws SQLException {
        setStatus(c, j, s, PackageStatus.SYNC_FAILED, reason, "SYNC_FAILED", structured, reason);
        return finish(c, j, "FAILED", reason);
    }

    /** A shipped package is confirmed to its store (or the confirmation failed); SHIPPED or SYNC_FAILED before. */
    private static final StatusGate SYNCED = StatusGate.to(PackageStatus.SYNCED).set("LAST_ERROR = ?, UPDATED_AT = ?");
    private static final StatusGate SYNC_FAILED = StatusGate.to(PackageStatus.SYNC_FAILED)
            .set("LAST_ERROR = ?, UPDATED_AT = ?");

    /** The history line's reason is {@code structured} when given, else the free {@code text}. */
    private void setStatus(Connection c, Job j, Shipment s, PackageStatus to, String error, String action,
                           io.waybill.core.model.Reason structured, String text) throws SQLException {
        StatusGate gate = to == PackageStatus.SYNCED ? SYNCED : SYNC_FAILED;
        try (PreparedStatement ps = gate.prepare(c)) {
            ps.setString(1, error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error);
            ps.setTimestamp(2, Timestamp.from(clock.instant()));
            if (gate.apply(ps, j.packageId())) {
                if (structured != null) {
                    Jdbc.audit(c, j.packageId(), null, "sync", clock.instant(), action, s.status(), to.name(),
                            structured);
                } else {
                    Jdbc.audit(c, j.packageId(), null, "sync", clock.instant(), action, s.status(), to.name(), text);
                }
            }
        }
    }

    private Void finish(Connection c, Job j, String state, String error) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE WB_SYNC_JOB SET STATE = ?, LAST_ERROR = ?, "
                + "LEASE_UNTIL = NULL, UPDATED_AT = ? WHERE ID = ?")) {
            ps.setString(1, state);
            ps.setString(2, error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error);
            ps.setTimestamp(3, Timestamp.from(clock.instant()));
            ps.setLong(4, j.id());
            ps.executeUpdate();
        }
        return null;
    }

    private Void reschedule(Connection c, Job j, Instant at, String error, boolean countsAsAttempt)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE WB_SYNC_JOB SET STATE = 'QUEUED', NEXT_RUN_AT = ?, "
                + "LAST_ERROR = ?, LEASE_UNTIL = NULL, ATTEMPTS = ATTEMPTS - ?, UPDATED_AT = ? WHERE ID = ?")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error);
            ps.setInt(3, countsAsAttempt ? 0 : 1);
            ps.setTimestamp(4, Timestamp.from(clock.instant()));
            ps.setLong(5, j.id());
            ps.executeUpdate();
        }
        return null;
    }
}
