package io.waybill.benchmarks;

import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.security.Authorizer;
import io.waybill.core.internal.service.PackageServiceImpl;
import io.waybill.core.internal.workers.WorkerPool;
import io.waybill.core.internal.workflow.BulkRuns;
import io.waybill.core.internal.workflow.FulfilmentServiceImpl;
import io.waybill.core.model.BatchResult;
import io.waybill.core.model.BulkRun;
import io.waybill.core.model.PackageQuery;
import io.waybill.core.model.PackageSelection;
import io.waybill.core.model.PackageStatus;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Issue 15 item 2: allocate and void over a whole "select all" selection of M packages (default 250,000: the
 * Waiting tab filtered to DE), run by the core as the UI runs it ({@code BulkRuns}: keyset pages of 1,000 by id,
 * each handed to the real allocation / void), beside a B-package batch (default 10,000: today's largest batch, the
 * ids in one call) in the same run. Printed per action: packages/s, process CPU per package, the heap's high-water
 * mark while it ran (sampled every 50 ms) and the old generation's occupancy after collections (what stays); and the
 * raw baseline of {@code CaptureAllocateBenchmark}, 8 threads of the conditional reservation UPDATE, one transaction
 * each, measured before, between and after the rounds. Rows are written with batched inserts (those the capture
 * path writes: order, line, package), one SKU per package from 200 SKUs with plenty of stock. A warm-up of 10,000
 * packages runs both actions both ways first (not counted).
 *
 * <p>{@code benchmarks/run.sh SelectAllRunsBenchmark [selected=250000] [batch=10000]}; heap: BENCH_JAVA_OPTS
 */
public final class SelectAllRunsBenchmark {
    private static final com.sun.management.OperatingSystemMXBean OS = (com.sun.management.OperatingSystemMXBean)
            ManagementFactory.getOperatingSystemMXBean();
    private static final Authorizer ADMIN = new Authorizer(name -> Set.of("admin"));
    private static final int WARM_UP = 10_000;

    private SelectAllRunsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int selected = args.length > 0 ? Integer.parseInt(args[0]) : 250_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        Path dir = Files.createTempDirectory("waybill-select-all-runs-");
        System.out.printf("Waybill select-all runs: %,d selected packages (Waiting, DE) and a %,d batch, Derby at %s,"
                + " max heap %,d MB; load %s%n", selected, batch, dir, Runtime.getRuntime().maxMemory() >> 20,
                CatalogueImportBenchmark.load());
        try (DatabaseEngine db = CaptureAllocateBenchmark.open(dir.resolve("db"))) {
            CaptureAllocateBenchmark.setup(db);
            long t0 = System.nanoTime();
            // ids: warm-up (FR) first, then the batch (GB), then the selection (DE), interleaved a little with
            // others so the selection is a filter over more than itself
            fill(db, WARM_UP, "FR", 1_000_000);
            fill(db, batch, "GB", 2_000_000);
            fill(db, selected, "DE", 3_000_000);
            System.out.printf("stored %,d packages in %.1f s%n", WARM_UP + batch + selected,
                    (System.nanoTime() - t0) / 1e9);
            PackageServiceImpl packages = new PackageServiceImpl(db);
            FulfilmentServiceImpl fulfilment = new FulfilmentServiceImpl(db);
            fulfilment.setAuthorizer(ADMIN);
            WorkerPool workers = new WorkerPool();
            BulkRuns bulk = new BulkRuns(db, packages, fulfilment, null, workers);
            bulk.setAuthorizer(ADMIN);

            // warm-up: both actions, both ways
            List<Long> warm = ids(db, 1_000_000, WARM_UP);
            fulfilment.allocate(warm.subList(0, WARM_UP / 2), "bench");
            run(bulk, BulkRun.Kind.ALLOCATE, query(PackageStatus.WAITING, "FR"), null);
            fulfilment.voidPackages(warm.subList(0, WARM_UP / 2), "warm-up", "bench");
            run(bulk, BulkRun.Kind.VOID, query(PackageStatus.ALLOCATED, "FR"), "warm-up");

            List<String> lines = new ArrayList<>();
            double raw1 = CaptureAllocateBenchmark.rawReservations(db, 1);
            List<Long> batchIds = ids(db, 2_000_000, batch);
            lines.add(phase("allocate, batch of " + String.format("%,d", batch) + " ids", batch,
                    () -> check(fulfilment.allocate(batchIds, "bench"), batch)));
            lines.add(phase("allocate, select all " + String.format("%,d", selected), selected,
                    () -> check(run(bulk, BulkRun.Kind.ALLOCATE, query(PackageStatus.WAITING, "DE"), null), selected)));
            double raw2 = CaptureAllocateBenchmark.rawReservations(db, 2);
            lines.add(phase("void, batch of " + String.format("%,d", batch) + " ids", batch,
                    () -> check(fulfilment.voidPackages(batchIds, "bench", "bench"), batch)));
            lines.add(phase("void, select all " + String.format("%,d", selected), selected,
                    () -> check(run(bulk, BulkRun.Kind.VOID, query(PackageStatus.ALLOCATED, "DE"), "bench"),
                            selected)));
            double raw3 = CaptureAllocateBenchmark.rawReservations(db, 3);
            double raw = (raw1 + raw2 + raw3) / 3;
            System.out.printf("%nraw conditional reservation UPDATE (8 threads, one tx each): %,.0f / %,.0f / %,.0f "
                    + "tx/s (before / between / after), mean %,.0f tx/s%n", raw1, raw2, raw3, raw);
            System.out.printf("%-34s %10s %12s %12s %14s %16s%n", "action", "seconds", "packages/s", "% of raw",
                    "CPU us/pkg", "heap peak / old after GC, MB");
            for (String l : lines) {
                String[] f = l.split("\\|");
                double rate = Double.parseDouble(f[2]);
                System.out.printf("%-34s %10s %12.0f %11.0f%% %14s %16s%n", f[0], f[1], rate, 100 * rate / raw, f[3],
                        f[4]);
            }
            System.out.printf("load %s%n", CatalogueImportBenchmark.load());
            bulk.latest();
            workers.closeAll();
        }
    }

    private static PackageSelection query(PackageStatus status, String country) {
        return PackageSelection.all(new PackageQuery(Set.of(status), Set.of(), Set.of(country), null));
    }

    /** Runs a select-all action to its end (polled as the UI does): the run's end state. */
    private static BulkRun run(BulkRuns bulk, BulkRun.Kind kind, PackageSelection selection, String reason)
            throws InterruptedException {
        BulkRun run = bulk.start(kind, selection, reason, "bench");
        while (true) {
            BulkRun now = bulk.run(run.id()).orElseThrow();
            if (!now.running()) {
                return now;
            }
            Thread.sleep(100);
        }
    }

    private static Object check(BulkRun run, int expected) {
        if (run.state() != BulkRun.State.DONE || run.succeeded() != expected || run.failed() != 0) {
            throw new IllegalStateException("run ended as " + run);
        }
        return run;
    }

    private static Object check(BatchResult r, int expected) {
        if (r.succeeded().size() != expected) {
            throw new IllegalStateException(r.failures().size() + " failures, first " + r.failures().stream()
                    .limit(3).toList());
        }
        return r;
    }

    @FunctionalInterface
    private interface Work {
        Object run() throws Exception;
    }

    /** Runs one action: "name|seconds|packages/s|CPU us per package|heap peak / old gen after GC". */
    private static String phase(String name, int n, Work work) throws Exception {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        AtomicBoolean running = new AtomicBoolean(true);
        long[] peaks = new long[2];
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                long used = 0;
                long old = 0;
                for (MemoryPoolMXBean p : heap) {
                    used += p.getUsage().getUsed();
                    MemoryUsage after = p.getCollectionUsage();
                    if (p.getName().contains("Old") && after != null) {
                        old = Math.max(old, after.getUsed());
                    }
                }
                peaks[0] = Math.max(peaks[0], used);
                peaks[1] = Math.max(peaks[1], old);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long cpu0 = OS.getProcessCpuTime();
        long t0 = System.nanoTime();
        work.run();
        double seconds = (System.nanoTime() - t0) / 1e9;
        long cpu = OS.getProcessCpuTime() - cpu0;
        running.set(false);
        sampler.join();
        String line = String.format(java.util.Locale.ROOT, "%s|%.1f|%.1f|%.0f|%d / %d", name, seconds, n / seconds,
                cpu / 1e3 / n, peaks[0] >> 20, peaks[1] >> 20);
        System.out.println(line.replace('|', ' '));
        return line;
    }

    /** The ids of the packages written by {@link #fill} from {@code first}. */
    private static List<Long> ids(DatabaseEngine db, long first, int n) throws Exception {
        List<Long> ids = new ArrayList<>(n);
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT ID FROM WB_PACKAGE WHERE ID >= ? AND ID < ? "
                     + "ORDER BY ID")) {
            ps.setLong(1, first);
            ps.setLong(2, first + 3L * n);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        if (ids.size() != n) {
            throw new IllegalStateException(ids.size() + " packages from " + first + ", expected " + n);
        }
        return ids;
    }

    /**
     * {@code n} waiting packages to {@code country}, each of one order with one line (1 unit of one of the 200
     * SKUs), ids from {@code first} (order, line, package ids consecutive).
     */
    private static void fill(DatabaseEngine db, int n, String country, long first) throws Exception {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement po = c.prepareStatement("INSERT INTO WB_ORDER (ID, VERSION, STORE_ID, "
                     + "PLATFORM_ORDER_ID, ORDER_NO, BUYER_NAME, LINE1, CITY, POSTAL_CODE, COUNTRY_CODE, "
                     + "CANCELLED, CREATED_AT, CAPTURED_AT, UPDATED_AT) VALUES (?, 1, 1, ?, ?, ?, '1 Main St', "
                     + "'Town', '10115', ?, FALSE, ?, ?, ?)");
             PreparedStatement pl = c.prepareStatement("INSERT INTO WB_ORDER_LINE (ID, VERSION, ORDER_ID, LINE_NO, "
                     + "SKU_ID, QUANTITY) VALUES (?, 1, ?, 1, ?, 1)");
             PreparedStatement pp = c.prepareStatement("INSERT INTO WB_PACKAGE (ID, VERSION, PACKAGE_NO, ORDER_ID, "
                     + "STATUS, EXPECTED_WEIGHT_GRAMS, PRINT_COUNT, CREATED_AT, UPDATED_AT) VALUES (?, 1, ?, ?, "
                     + "'WAITING', 100, 0, ?, ?)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < n; i++) {
                long order = first + 3L * i + 1;
                long line = order + 1;
                long pkg = order;
                String no = country + "-" + first + "-" + i;
                po.setLong(1, order);
                po.setString(2, no);
                po.setString(3, no);
                po.setString(4, "Buyer " + i);
                po.setString(5, country);
                po.setTimestamp(6, now);
                po.setTimestamp(7, now);
                po.setTimestamp(8, now);
                po.addBatch();
                pl.setLong(1, line);
                pl.setLong(2, order);
                pl.setLong(3, 1000 + i % CaptureAllocateBenchmark.SKUS);
                pl.addBatch();
                pp.setLong(1, pkg);
                pp.setString(2, String.format("WB%08d", pkg));
                pp.setLong(3, order);
                pp.setTimestamp(4, now);
                pp.setTimestamp(5, now);
                pp.addBatch();
                if ((i + 1) % 2000 == 0 || i == n - 1) {
                    po.executeBatch();
                    pl.executeBatch();
                    pp.executeBatch();
                    c.commit();
                }
            }
        }
    }
}
