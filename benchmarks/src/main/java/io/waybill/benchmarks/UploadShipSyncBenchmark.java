package io.waybill.benchmarks;

import io.waybill.core.internal.carrier.CarrierJobWorker;
import io.waybill.core.internal.carrier.CarrierJobs;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.service.PackageServiceImpl;
import io.waybill.core.internal.plugin.PluginRegistryImpl;
import io.waybill.core.internal.sync.SyncJobWorker;
import io.waybill.core.internal.sync.SyncServiceImpl;
import io.waybill.core.internal.workflow.ShippingServiceImpl;
import io.waybill.core.model.ScanResult;
import io.waybill.core.model.ShippingMethodInfo;
import io.waybill.spi.carrier.CarrierGateway;
import io.waybill.spi.carrier.ShipmentRequest;
import io.waybill.spi.carrier.ShipmentResponse;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.PluginDescriptor;
import io.waybill.spi.common.Result;
import io.waybill.spi.platform.MarketplaceConnector;
import io.waybill.spi.platform.RateLimit;
import io.waybill.spi.platform.ShipmentConfirmation;
import io.waybill.spi.platform.StoreContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue-4/5 benchmarks on embedded Derby (on disk), printing figures:
 * <ul>
 *   <li>{@code upload}: batch upload of 1,000 packages through the durable job queue to a stub carrier that
 *   answers after 50 ms: wall time and the concurrency used;</li>
 *   <li>{@code ship}: scan -> weigh-check -> ship (weight given) with N packages stored (default 1,000,000):
 *   p50/p99, next to a raw JDBC indexed lookup + update + commit on the same database;</li>
 *   <li>{@code sync}: 2,000 confirmations against a stub enforcing 20 req/s, burst 40: achieved rate vs the
 *   limit, lost and duplicated confirmations.</li>
 * </ul>
 * The stubs are in-process implementations of the plugin SPI with the latency / limit built in.
 */
public final class UploadShipSyncBenchmark {
    /** The services check permissions first (issue 11): the harness acts as an administrator. */
    static final io.waybill.core.internal.security.Authorizer ADMIN =
            new io.waybill.core.internal.security.Authorizer(name -> java.util.Set.of("admin"));


    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "all";
        if (what.equals("upload") || what.equals("all")) {
            upload(1000);
        }
        if (what.equals("ship") || what.equals("all")) {
            ship(args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000, 5_000);
        }
        if (what.equals("sync") || what.equals("all")) {
            sync(2000);
        }
        if (what.equals("shipdb")) {
            shipStored(java.nio.file.Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 2_000);
        }
    }

    /**
     * Issue 15: scan -> weigh-check -> ship on a generated database ({@link PackageDataGenerator}, its indexes as
     * migrated, its PRINTED packages by package no. in random order), the raw lookup + update + commit on the same
     * database interleaved (one raw transaction after each ship), p50 / p99 of both. Each run ships up to
     * {@code scans} of the stored PRINTED packages (a generated million has about 5,000).
     */
    static void shipStored(java.nio.file.Path dir, int scans) throws Exception {
        try (DatabaseEngine db = PackageDataGenerator.open(dir)) {
            List<Object[]> printed = new ArrayList<>();
            List<String> tracked = new ArrayList<>();
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT PACKAGE_NO, EXPECTED_WEIGHT_GRAMS, TRACKING_NO FROM "
                         + "WB_PACKAGE WHERE STATUS = 'PRINTED'")) {
                while (rs.next()) {
                    printed.add(new Object[] {rs.getString(1), rs.getInt(2)});
                    tracked.add(rs.getString(3));
                }
            }
            // a database generated before the generator reserved stock: hold all stock as reserved (ON_HAND 100,000
            // each), so the ship's keyed stock update (ON_HAND - q, RESERVED - q) runs as on reserved stock (not timed)
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE WB_STOCK SET RESERVED = ON_HAND WHERE NOT EXISTS (SELECT 1 FROM WB_STOCK "
                        + "WHERE RESERVED > 0)");
            }
            java.util.Collections.shuffle(printed, new java.util.Random(7));
            int n = Math.min(scans, printed.size());
            ShippingServiceImpl shipping = new ShippingServiceImpl(db.dataSource(), Clock.systemUTC(),
                    (u, p) -> Optional.empty());
            shipping.setAuthorizer(ADMIN);
            long[] ours = new long[n];
            long[] raw = new long[n];
            long[] oursCpu = new long[n];
            long[] rawCpu = new long[n];
            java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
            java.util.Random random = new java.util.Random(8);
            try (Connection c = db.dataSource().getConnection();
                 PreparedStatement find = c.prepareStatement("SELECT ID, STATUS FROM WB_PACKAGE WHERE TRACKING_NO = ?");
                 PreparedStatement up = c.prepareStatement("UPDATE WB_PACKAGE SET PRINT_COUNT = PRINT_COUNT + 1 "
                         + "WHERE ID = ?")) {
                c.setAutoCommit(false);
                for (int i = 0; i < n; i++) {
                    String code = (String) printed.get(i)[0];
                    int grams = (Integer) printed.get(i)[1] + 5;
                    long c0 = cpu.getCurrentThreadCpuTime();
                    long t = System.nanoTime();
                    ScanResult shipped = shipping.ship(code, grams, "bench");
                    ours[i] = System.nanoTime() - t;
                    oursCpu[i] = cpu.getCurrentThreadCpuTime() - c0;
                    if (!shipped.shipped()) {
                        throw new IllegalStateException("not shipped: " + code + " " + shipped);
                    }
                    c0 = cpu.getCurrentThreadCpuTime();
                    t = System.nanoTime();
                    find.setString(1, tracked.get(random.nextInt(tracked.size())));
                    try (ResultSet rs = find.executeQuery()) {
                        rs.next();
                        up.setLong(1, rs.getLong(1));
                    }
                    up.executeUpdate();
                    c.commit();
                    raw[i] = System.nanoTime() - t;
                    rawCpu[i] = cpu.getCurrentThreadCpuTime() - c0;
                }
            }
            System.out.printf("ship CPU per call (the benchmark thread's; Derby is embedded in it): p50 %.3f ms, p99 %.3f "
                    + "ms; raw: p50 %.3f ms, p99 %.3f ms%n", pct(oursCpu, 50), pct(oursCpu, 99), pct(rawCpu, 50),
                    pct(rawCpu, 99));
            System.out.printf("ship (stored database %s): scan -> weigh-check -> ship, %,d scans: p50 %.2f ms, p99 %.2f "
                    + "ms (target p99 <= 5 ms); raw indexed lookup + update + commit, interleaved: p50 %.3f ms, p99 "
                    + "%.3f ms; load %s%n", dir, n, pct(ours, 50), pct(ours, 99), pct(raw, 50), pct(raw, 99),
                    CatalogueImportBenchmark.load());
        }
    }

    /** Store BENCH (platform "bench"), warehouse 1, SKUs; n packages in the given status with tracking numbers. */
    static void bulkPackages(DatabaseEngine db, int n, String status) throws Exception {
        CaptureAllocateBenchmark.setup(db);
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement po = c.prepareStatement("INSERT INTO WB_ORDER (ID, VERSION, STORE_ID, "
                     + "PLATFORM_ORDER_ID, ORDER_NO, BUYER_NAME, LINE1, CITY, POSTAL_CODE, COUNTRY_CODE, CANCELLED, "
                     + "CREATED_AT, CAPTURED_AT, UPDATED_AT) VALUES (?, 1, 1, ?, ?, '张伟', '朝阳区建国路88号', '北京', "
                     + "'100022', 'CN', FALSE, ?, ?, ?)");
             PreparedStatement pl = c.prepareStatement("INSERT INTO WB_ORDER_LINE (ID, VERSION, ORDER_ID, LINE_NO, "
                     + "SKU_ID, QUANTITY) VALUES (?, 1, ?, 1, ?, 1)");
             PreparedStatement pp = c.prepareStatement("INSERT INTO WB_PACKAGE (ID, VERSION, PACKAGE_NO, ORDER_ID, "
                     + "STATUS, WAREHOUSE_ID, EXPECTED_WEIGHT_GRAMS, CARRIER_ID, TRACKING_NO, PRINT_COUNT, CREATED_AT, "
                     + "UPDATED_AT, SHIPPED_AT) VALUES (?, 1, ?, ?, ?, 1, ?, 'bench', ?, 1, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < n; i++) {
                long orderId = 1_000_000L + 3L * i;
                po.setLong(1, orderId);
                po.setString(2, "B" + i);
                po.setString(3, "B" + i);
                po.setTimestamp(4, now);
                po.setTimestamp(5, now);
                po.setTimestamp(6, now);
                po.addBatch();
                long sku = 1000 + (i % CaptureAllocateBenchmark.SKUS);
                pl.setLong(1, orderId + 1);
                pl.setLong(2, orderId);
                pl.setLong(3, sku);
                pl.addBatch();
                long packageId = orderId + 2;
                pp.setLong(1, packageId);
                pp.setString(2, String.format("WB%08d", packageId));
                pp.setLong(3, orderId);
                pp.setString(4, status);
                pp.setInt(5, 40 + 50 + (int) (sku - 1000));
                pp.setString(6, "TRK" + packageId);
                pp.setTimestamp(7, now);
                pp.setTimestamp(8, now);
                pp.setTimestamp(9, status.equals("SHIPPED") ? now : null);
                pp.addBatch();
                if (i % 5000 == 4999) {
                    po.executeBatch();
                    pl.executeBatch();
                    pp.executeBatch();
                    c.commit();
                }
            }
            po.executeBatch();
            pl.executeBatch();
            pp.executeBatch();
            // every package holds its reservation
            try (Statement st = c.createStatement()) {
                st.execute("UPDATE WB_STOCK SET RESERVED = " + (n / CaptureAllocateBenchmark.SKUS + 1)
                        + " WHERE WAREHOUSE_ID = 1");
                st.execute("UPDATE WB_SEQUENCE SET SEQ_COUNT = " + (2_000_000L + 3L * n));
            }
            c.commit();
        }
    }

    static void upload(int n) throws Exception {
        Path dir = Files.createTempDirectory("waybill-bench-upload-");
        try (DatabaseEngine db = CaptureAllocateBenchmark.open(dir.resolve("db"))) {
            bulkPackages(db, n, "ALLOCATED");
            AtomicInteger inFlight = new AtomicInteger();
            AtomicInteger maxInFlight = new AtomicInteger();
            Set<String> keys = ConcurrentHashMap.newKeySet();
            CarrierGateway stub = new CarrierGateway() {
                @Override
                public PluginDescriptor descriptor() {
                    return new PluginDescriptor("bench", "Stub carrier, 50 ms", "benchmark");
                }

                @Override
                public Result<ShipmentResponse> createShipment(ShipmentRequest r) {
                    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        inFlight.decrementAndGet();
                    }
                    keys.add(r.idempotencyKey());
                    return Result.ok(new ShipmentResponse(ShipmentResponse.State.TRACKED, r.idempotencyKey(),
                            "T" + r.packageNo()));
                }
            };
            PluginRegistryImpl registry = new PluginRegistryImpl();
            registry.bindCarrier(CaptureAllocateBenchmark.reference(), stub);
            CarrierJobs jobs = new CarrierJobs(db);
            jobs.setAuthorizer(ADMIN);
            jobs.saveShippingMethod(new ShippingMethodInfo("BENCH", "STD", "bench", null, true), "bench");
            PackageServiceImpl packages = new PackageServiceImpl(db);
            List<Long> ids = new ArrayList<>();
            try (Connection c = db.dataSource().getConnection();
                 ResultSet rs = c.createStatement().executeQuery("SELECT ID FROM WB_PACKAGE ORDER BY ID")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            int threads = 16;
            CarrierJobWorker worker = new CarrierJobWorker(jobs, registry, packages);
            long t0 = System.nanoTime();
            jobs.upload(ids, "bench");
            long queued = System.nanoTime();
            worker.start(threads, 20);
            while (count(db, "SELECT COUNT(*) FROM WB_PACKAGE WHERE STATUS = 'TRACKED'") < n) {
                Thread.sleep(50);
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            worker.stop();
            System.out.printf("upload: %,d packages, stub carrier 50 ms: queued in %.2f s, all tracked after %.2f s "
                            + "(%.0f packages/s), %d worker threads, max %d concurrent carrier calls, %d distinct "
                            + "idempotency keys (duplicates: %d)%n", n, (queued - t0) / 1e9, wall, n / wall, threads,
                    maxInFlight.get(), keys.size(), n - keys.size());
        }
    }

    static void ship(int stored, int scans) throws Exception {
        Path dir = Files.createTempDirectory("waybill-bench-ship-");
        try (DatabaseEngine db = CaptureAllocateBenchmark.open(dir.resolve("db"))) {
            long b0 = System.nanoTime();
            bulkPackages(db, stored, "PRINTED");
            System.out.printf("ship: stored %,d printed packages in %.0f s%n", stored, (System.nanoTime() - b0) / 1e9);
            ShippingServiceImpl shipping = new ShippingServiceImpl(db.dataSource(), Clock.systemUTC(),
                    (u, p) -> Optional.empty());
            shipping.setAuthorizer(ADMIN);
            long[] ours = new long[scans];
            java.util.Random random = new java.util.Random(7);
            for (int i = 0; i < scans; i++) {
                int index = random.nextInt(stored);
                long packageId = 1_000_000L + 3L * index + 2;
                String code = String.format("WB%08d", packageId);
                int grams = 40 + 50 + index % CaptureAllocateBenchmark.SKUS + 7; // on the scale: a little over
                long t = System.nanoTime();
                ScanResult shipped = shipping.ship(code, grams, "bench");
                ours[i] = System.nanoTime() - t;
                if (!shipped.shipped() && !"already_shipped".equals(shipped.code())) {
                    throw new IllegalStateException("not shipped: " + shipped);
                }
            }
            long[] raw = new long[scans];
            try (Connection c = db.dataSource().getConnection();
                 PreparedStatement find = c.prepareStatement("SELECT ID, STATUS FROM WB_PACKAGE WHERE TRACKING_NO = ?");
                 PreparedStatement up = c.prepareStatement("UPDATE WB_PACKAGE SET PRINT_COUNT = PRINT_COUNT + 1 WHERE ID = ?")) {
                c.setAutoCommit(false);
                for (int i = 0; i < scans; i++) {
                    long packageId = 1_000_000L + 3L * random.nextInt(stored) + 2;
                    long t = System.nanoTime();
                    find.setString(1, "TRK" + packageId);
                    try (ResultSet rs = find.executeQuery()) {
                        rs.next();
                        up.setLong(1, rs.getLong(1));
                    }
                    up.executeUpdate();
                    c.commit();
                    raw[i] = System.nanoTime() - t;
                }
            }
            System.out.printf("ship: scan -> weigh-check -> ship, %,d scans over %,d packages: p50 %.2f ms, p99 %.2f ms "
                            + "(target p99 <= 10 ms); raw JDBC indexed lookup + update + commit: p50 %.3f ms, p99 %.3f ms%n",
                    scans, stored, pct(ours, 50), pct(ours, 99), pct(raw, 50), pct(raw, 99));
        }
    }

    static void sync(int n) throws Exception {
        Path dir = Files.createTempDirectory("waybill-bench-sync-");
        try (DatabaseEngine db = CaptureAllocateBenchmark.open(dir.resolve("db"))) {
            bulkPackages(db, n, "SHIPPED");
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
                st.execute("UPDATE WB_STORE SET PLATFORM = 'bench'");
            }
            double limitRate = 20;
            int burst = 40;
            Set<String> confirmed = ConcurrentHashMap.newKeySet();
            AtomicInteger duplicates = new AtomicInteger();
            AtomicInteger rejectedByLimit = new AtomicInteger();
            AtomicLong firstCall = new AtomicLong();
            AtomicLong lastCall = new AtomicLong();
            MarketplaceConnector stub = new MarketplaceConnector() {
                private double tokens = burst;
                private long last = System.nanoTime();

                @Override
                public PluginDescriptor descriptor() {
                    return new PluginDescriptor("bench", "Stub marketplace 20 req/s burst 40", "benchmark");
                }

                @Override
                public RateLimit rateLimit(StoreContext store) {
                    return new RateLimit(limitRate, burst);
                }

                @Override
                public Result<Boolean> confirmShipment(StoreContext store, ShipmentConfirmation c) {
                    long now = System.nanoTime();
                    firstCall.compareAndSet(0, now);
                    lastCall.set(now);
                    synchronized (this) {
                        tokens = Math.min(burst, tokens + (now - last) / 1e9 * limitRate);
                        last = now;
                        if (tokens < 1) {
                            rejectedByLimit.incrementAndGet();
                            return Result.failure(Message.error("rate_limited", "retry_after=1"));
                        }
                        tokens -= 1;
                    }
                    if (!confirmed.add(c.platformOrderId())) {
                        duplicates.incrementAndGet();
                    }
                    return Result.ok(true);
                }
            };
            PluginRegistryImpl registry = new PluginRegistryImpl();
            registry.bindPlatform(CaptureAllocateBenchmark.reference(), stub);
            SyncServiceImpl sync = new SyncServiceImpl(db.dataSource(), Clock.systemUTC());
            sync.setAuthorizer(ADMIN);
            List<Long> ids = new ArrayList<>();
            try (Connection c = db.dataSource().getConnection();
                 ResultSet rs = c.createStatement().executeQuery("SELECT ID FROM WB_PACKAGE ORDER BY ID")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            sync.startSync(ids, "bench");
            SyncJobWorker worker = SyncJobWorker.standalone(sync, registry, false);
            long t0 = System.nanoTime();
            worker.start(10);
            while (count(db, "SELECT COUNT(*) FROM WB_PACKAGE WHERE STATUS = 'SYNCED'") < n) {
                Thread.sleep(100);
                if ((System.nanoTime() - t0) / 1e9 > 600) {
                    break;
                }
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            worker.stop();
            double active = (lastCall.get() - firstCall.get()) / 1e9;
            // the best possible: burst at once, then the sustained rate
            double ideal = (n - burst) / limitRate;
            System.out.printf("sync: %,d confirmations, stub limit %.0f req/s burst %d: %.1f s wall (%.1f s calling), "
                            + "%.1f req/s = %.0f%% of the limit (ideal %.1f s -> %.0f%% of ideal), lost %d, duplicates %d, "
                            + "refused by the stub's limiter %d%n", n, limitRate, burst, wall, active, n / active,
                    100 * (n / active) / limitRate, ideal, 100 * ideal / active, n - confirmed.size(), duplicates.get(),
                    rejectedByLimit.get());
        }
    }

    static int count(DatabaseEngine db, String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static double pct(long[] nanos, int p) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)] / 1e6;
    }
}
