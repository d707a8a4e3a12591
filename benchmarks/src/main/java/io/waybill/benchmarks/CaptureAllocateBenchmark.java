package io.waybill.benchmarks;

import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.db.JdbcSettings;
import io.waybill.core.internal.security.Authorizer;
import io.waybill.core.internal.capture.OrderCaptureServiceImpl;
import io.waybill.core.internal.plugin.PluginRegistryImpl;
import io.waybill.core.internal.workflow.FulfilmentServiceImpl;
import io.waybill.core.model.BatchResult;
import io.waybill.core.model.CaptureResult;
import io.waybill.core.model.ImportPreview;
import io.waybill.platform.csv.internal.CsvOrderFileParser;
import org.osgi.framework.ServiceReference;

import java.lang.reflect.Proxy;
import java.net.URL;
import java.nio.charset.StandardCharsets;
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
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Issue-3 benchmark on embedded Derby (on disk): capture 100,000 orders from a generated CSV through the real
 * import path (CSV plugin parse -> validation -> preview -> confirm), then allocate 10,000 packages as one batch
 * and another 10,000 as 8 concurrent batches, three rounds on fresh packages, median reported (after 20,000
 * allocated in batches of 5,000 as a warm-up, like the raw baselines' warm-up); and, in the same run, the raw JDBC rates for the same rows: batched inserts, and 8
 * threads of the conditional stock reservation UPDATE. Prints figures; asserts nothing.
 */
public final class CaptureAllocateBenchmark {
    /** Every service method checks the caller's permission: the benchmark runs as an admin. */
    private static final Authorizer ADMIN = new Authorizer(name -> java.util.Set.of("admin"));


    static final int SKUS = 200;
    /** Packages allocated before the measured runs and not counted. */
    static final int WARM_UP = 20_000;
    /** Measured rounds of (one batch, 8 concurrent batches); the median is the figure. */
    static final int ROUNDS = 3;
    private static final com.sun.management.OperatingSystemMXBean OS = (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) throws Exception {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int allocate = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        Path dir = Files.createTempDirectory("waybill-bench-");
        System.out.printf("Waybill capture/allocate benchmark: %,d orders, %,d allocations, Derby at %s%n",
                orders, allocate, dir);

        byte[] csv = generateCsv(orders, new Random(42));
        System.out.printf("generated CSV: %,d bytes%n", csv.length);

        // --- raw JDBC batched inserts of the same rows -------------------------------------------------------
        long rawRows;
        double rawSeconds;
        // the rows are split before the clock starts; a first run on a throwaway database warms the JIT up, so the
        // baseline is JDBC and Derby at their best, not CSV parsing or a cold JVM
        List<String[]> parsed = parse(csv);
        try (DatabaseEngine warm = open(dir.resolve("raw-warm-up"))) {
            setup(warm);
            rawInsert(warm, parsed);
        }
        try (DatabaseEngine raw = open(dir.resolve("raw"))) {
            setup(raw);
            long t0 = System.nanoTime();
            rawRows = rawInsert(raw, parsed);
            rawSeconds = (System.nanoTime() - t0) / 1e9;
        }
        double rawRate = rawRows / rawSeconds;
        System.out.printf("raw JDBC batched insert: %,d rows in %.2f s = %,.0f rows/s%n", rawRows, rawSeconds, rawRate);

        try (DatabaseEngine db = open(dir.resolve("waybill"))) {
            setup(db);
            PluginRegistryImpl registry = new PluginRegistryImpl();
            registry.bindFileParser(reference(), new CsvOrderFileParser());
            OrderCaptureServiceImpl capture = new OrderCaptureServiceImpl(db, registry);
            capture.setAuthorizer(ADMIN);

            long t0 = System.nanoTime();
            ImportPreview preview = capture.previewImport("BENCH", "orders.csv", csv);
            long t1 = System.nanoTime();
            CaptureResult result = capture.confirmImport(preview.previewId(), "bench");
            long t2 = System.nanoTime();
            long rows = countRows(db);
            double seconds = (t2 - t0) / 1e9;
            System.out.printf("capture (parse+validate %.2f s, write %.2f s): %,d orders, %,d rows in %.2f s = "
                            + "%,.0f orders/s, %,.0f rows/s = %.0f%% of raw insert rate (target >= 50%%)%n",
                    (t1 - t0) / 1e9, (t2 - t1) / 1e9, result.created(), rows, seconds, result.created() / seconds,
                    rows / seconds, 100.0 * (rows / seconds) / rawRate);
            if (!preview.errors().isEmpty()) {
                System.out.println("unexpected import problems: " + preview.errors().subList(0, 3));
            }

            // --- allocation: one batch of `allocate` packages (the operator's "Allocate Inventory" on a
            // selection), then 8 concurrent batches over as many other packages, ROUNDS times, each on fresh
            // packages; the raw reservation rate is measured before and after them and averaged, so a change in
            // machine load hits both sides
            List<Long> ids = new ArrayList<>();
            try (Connection c = db.dataSource().getConnection();
                 ResultSet rs = c.createStatement().executeQuery(
                         "SELECT ID FROM WB_PACKAGE WHERE STATUS = 'WAITING' ORDER BY ID")) {
                while (rs.next() && ids.size() < 2 * ROUNDS * allocate + WARM_UP) {
                    ids.add(rs.getLong(1));
                }
            }
            if (ids.size() < 2 * ROUNDS * allocate + WARM_UP) {
                throw new IllegalArgumentException("need " + (2 * ROUNDS * allocate + WARM_UP) + " orders for "
                        + allocate + " allocations");
            }
            double rawBefore = rawReservations(db, 1);
            // warm-up, as for the raw baselines: the allocation code paths are compiled before the clock starts
            for (int from = 0; from < WARM_UP; from += 5_000) {
                double[] warm = allocate(db, ids.subList(from, Math.min(from + 5_000, WARM_UP)), 1);
                System.out.printf("allocation warm-up: %,d packages in %.2f s (not counted; JIT compiling %.2f s)%n",
                        (long) warm[1], warm[4], warm[6]);
            }
            List<double[]> runs = new ArrayList<>();
            int next = WARM_UP;
            for (int round = 0; round < ROUNDS; round++) {
                runs.add(allocate(db, ids.subList(next, next + allocate), 1));
                next += allocate;
                runs.add(allocate(db, ids.subList(next, next + allocate), 8));
                next += allocate;
            }
            double rawAfter = rawReservations(db, 2);
            double rawTxRate = (rawBefore + rawAfter) / 2;
            System.out.printf("raw JDBC conditional reservation UPDATE, 8 threads, one transaction each: %,.0f tx/s "
                    + "before and %,.0f tx/s after the allocations, mean %,.0f tx/s%n", rawBefore, rawAfter, rawTxRate);
            for (int threads : new int[] {1, 8}) {
                List<Double> rates = new ArrayList<>();
                for (double[] r : runs) {
                    if (r[0] != threads) {
                        continue;
                    }
                    rates.add(r[1] / r[4]);
                    System.out.printf("allocation, %s: %,d packages (%,d allocated, %,d failed) in %.2f s = "
                                    + "%,.0f packages/s = %.0f%% of raw reservation rate; "
                                    + "process CPU %.0f us per package, JIT compiling %.2f s%n",
                            threads == 1 ? "one batch" : threads + " concurrent batches", (long) r[1], (long) r[2],
                            (long) r[3], r[4], r[1] / r[4], 100.0 * (r[1] / r[4]) / rawTxRate, r[5], r[6]);
                }
                rates.sort(null);
                double median = rates.get(rates.size() / 2);
                System.out.printf("allocation, %s, median of %d rounds: %,.0f packages/s = %.0f%% of raw reservation "
                                + "rate (target >= 25%%); %,d packages in %.2f s%n",
                        threads == 1 ? "one batch" : threads + " concurrent batches", rates.size(), median,
                        100.0 * median / rawTxRate, allocate, allocate / median);
            }
        }
    }

    /** Allocates the packages in {@code threads} concurrent batches: {threads, packages, ok, failed, seconds}. */
    static double[] allocate(DatabaseEngine db, List<Long> ids, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<BatchResult>> futures = new ArrayList<>();
        long cpu0 = OS.getProcessCpuTime();
        long jit0 = java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        long a0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            List<Long> mine = ids.subList(t * ids.size() / threads, (t + 1) * ids.size() / threads);
            FulfilmentServiceImpl service = new FulfilmentServiceImpl(db);
            service.setAuthorizer(ADMIN);
            futures.add(pool.submit(() -> {
                return service.allocate(mine, "bench");
            }));
        }
        int ok = 0;
        int failed = 0;
        for (Future<BatchResult> f : futures) {
            ok += f.get().succeeded().size();
            failed += f.get().failures().size();
        }
        double seconds = (System.nanoTime() - a0) / 1e9;
        pool.shutdown();
        return new double[] {threads, ids.size(), ok, failed, seconds,
                (OS.getProcessCpuTime() - cpu0) / 1e3 / ids.size(), (java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jit0) / 1e3};
    }

    /** 8 threads of the conditional reservation UPDATE, autocommit (one transaction each): tx/s. */
    static double rawReservations(DatabaseEngine db, int seed) throws Exception {
        int threads = 8;
        int rawTx = 40_000;
        ExecutorService rawPool = Executors.newFixedThreadPool(threads);
        List<Future<?>> rawFutures = new ArrayList<>();
        long cpu0 = OS.getProcessCpuTime();
        long r0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int s = seed * 100 + t;
            rawFutures.add(rawPool.submit(() -> {
                Random random = new Random(s);
                try (Connection c = db.dataSource().getConnection();
                     PreparedStatement ps = c.prepareStatement("UPDATE WB_STOCK SET RESERVED = RESERVED + ? "
                             + "WHERE WAREHOUSE_ID = 2 AND SKU_ID = ? AND ON_HAND - RESERVED >= ?")) {
                    c.setAutoCommit(true);
                    for (int i = 0; i < rawTx / threads; i++) {
                        ps.setInt(1, 1);
                        ps.setLong(2, 1000 + random.nextInt(SKUS));
                        ps.setInt(3, 1);
                        ps.executeUpdate();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : rawFutures) {
            f.get();
        }
        double seconds = (System.nanoTime() - r0) / 1e9;
        rawPool.shutdown();
        System.out.printf("raw reservation UPDATE: process CPU %.0f us per transaction%n",
                (OS.getProcessCpuTime() - cpu0) / 1e3 / rawTx);
        return rawTx / seconds;
    }

    static DatabaseEngine open(Path dir) throws Exception {
        URL root = CaptureAllocateBenchmark.class.getProtectionDomain().getCodeSource().getLocation();
        return new DatabaseEngine(new JdbcSettings(JdbcSettings.derbyUrl(dir), "", "", 16), root,
                CaptureAllocateBenchmark.class.getClassLoader());
    }

    /** Store BENCH, warehouses 1 and 2, SKUS SKUs with ids 1000.., plenty of stock in warehouse 1. */
    static void setup(DatabaseEngine db) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("INSERT INTO WB_STORE (ID, VERSION, CODE, NAME, PLATFORM) VALUES (1, 1, 'BENCH', 'Bench', 'csv')");
            st.execute("INSERT INTO WB_WAREHOUSE (ID, VERSION, CODE, NAME, COUNTRY_CODE) VALUES (1, 1, 'W1', 'One', 'CN')");
            st.execute("INSERT INTO WB_WAREHOUSE (ID, VERSION, CODE, NAME, COUNTRY_CODE) VALUES (2, 1, 'W2', 'Two', 'US')");
            st.execute("INSERT INTO WB_STORE_WAREHOUSE VALUES (1, 1, 1)");
            try (PreparedStatement sku = c.prepareStatement(
                    "INSERT INTO WB_SKU (ID, VERSION, CODE, NAME, WEIGHT_GRAMS) VALUES (?, 1, ?, ?, ?)");
                 PreparedStatement stock = c.prepareStatement(
                         "INSERT INTO WB_STOCK (ID, VERSION, WAREHOUSE_ID, SKU_ID, ON_HAND, RESERVED) VALUES (?, 1, ?, ?, ?, 0)")) {
                for (int i = 0; i < SKUS; i++) {
                    sku.setLong(1, 1000 + i);
                    sku.setString(2, String.format("SKU-%04d", i));
                    sku.setString(3, "Benchmark item " + i + " / 测试商品");
                    sku.setInt(4, 50 + i);
                    sku.addBatch();
                    for (int w = 1; w <= 2; w++) {
                        stock.setLong(1, 5000 + i * 2 + w);
                        stock.setInt(2, w);
                        stock.setLong(3, 1000 + i);
                        stock.setInt(4, 1_000_000);
                        stock.addBatch();
                    }
                }
                sku.executeBatch();
                stock.executeBatch();
            }
            st.execute("UPDATE WB_SEQUENCE SET SEQ_COUNT = 100000");
            c.commit();
        }
    }

    static byte[] generateCsv(int orders, Random random) {
        return generateCsv(0, orders, random);
    }

    /** Orders {@code B-(100000 + first)} to {@code B-(100000 + first + orders - 1)}, 1.5 lines each on average. */
    static byte[] generateCsv(int first, int orders, Random random) {
        String[][] people = {
                {"张伟", "朝阳区建国路88号", "北京", "北京市", "100022", "CN"},
                {"Emily Johnson", "742 Evergreen Terrace", "Springfield", "IL", "62704", "US"},
                {"Иван Петров", "ул. Тверская, д. 7", "Москва", "", "125009", "RU"},
                {"محمد العتيبي", "طريق الملك فهد", "الرياض", "", "12214", "SA"},
                {"Oliver Smith", "10 Downing Street", "London", "", "SW1A 2AA", "GB"}};
        StringBuilder sb = new StringBuilder(orders * 160);
        sb.append("order_no,order_date,buyer_name,address1,city,state,postal_code,country,sku,quantity\n");
        for (int i = first; i < first + orders; i++) {
            String[] p = people[i % people.length];
            int lines = 1 + random.nextInt(2); // 1.5 lines per order: 100,000 orders stay under the 200,000-row file limit
            for (int l = 0; l < lines; l++) {
                sb.append("B-").append(100000 + i).append(",2026-11-20 10:").append(String.format("%02d", i % 60))
                        .append(',').append(p[0]).append(",\"").append(p[1]).append("\",").append(p[2]).append(',')
                        .append(p[3]).append(',').append(p[4]).append(',').append(p[5]).append(',')
                        .append(String.format("SKU-%04d", (i * 7 + l * 13) % SKUS)).append(',')
                        .append(1 + random.nextInt(3)).append('\n');
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Inserts the rows a capture of this CSV writes (order, lines, package, audit), batched, plain JDBC. */
    static List<String[]> parse(byte[] csv) {
        String[] lines = new String(csv, StandardCharsets.UTF_8).split("\n");
        List<String[]> rows = new ArrayList<>(lines.length);
        for (int i = 1; i < lines.length; i++) {
            rows.add(lines[i].split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)"));
        }
        return rows;
    }

    static long rawInsert(DatabaseEngine db, List<String[]> lines) throws Exception {
        long rows = 0;
        long id = 200_000;
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement po = c.prepareStatement("INSERT INTO WB_ORDER (ID, VERSION, STORE_ID, "
                     + "PLATFORM_ORDER_ID, ORDER_NO, BUYER_NAME, LINE1, CITY, STATE, POSTAL_CODE, COUNTRY_CODE, "
                     + "CANCELLED, CREATED_AT, CAPTURED_AT, UPDATED_AT) VALUES (?, 1, 1, ?, ?, ?, ?, ?, ?, ?, ?, "
                     + "FALSE, ?, ?, ?)");
             PreparedStatement pl = c.prepareStatement("INSERT INTO WB_ORDER_LINE (ID, VERSION, ORDER_ID, LINE_NO, "
                     + "SKU_ID, QUANTITY) VALUES (?, 1, ?, ?, ?, ?)");
             PreparedStatement pp = c.prepareStatement("INSERT INTO WB_PACKAGE (ID, VERSION, PACKAGE_NO, ORDER_ID, "
                     + "STATUS, EXPECTED_WEIGHT_GRAMS, PRINT_COUNT, CREATED_AT, UPDATED_AT) VALUES (?, 1, ?, ?, "
                     + "'WAITING', ?, 0, ?, ?)");
             PreparedStatement pa = c.prepareStatement("INSERT INTO WB_AUDIT_EVENT (PACKAGE_ID, ORDER_ID, ACTOR, "
                     + "OCCURRED_AT, ACTION, TO_STATUS) VALUES (?, ?, 'bench', ?, 'CAPTURED', 'WAITING')")) {
            c.setAutoCommit(false);
            String currentOrder = null;
            long orderId = 0;
            int lineNo = 0;
            int pending = 0;
            for (String[] f : lines) {
                if (!f[0].equals(currentOrder)) {
                    currentOrder = f[0];
                    orderId = id++;
                    lineNo = 0;
                    po.setLong(1, orderId);
                    po.setString(2, f[0]);
                    po.setString(3, f[0]);
                    po.setString(4, f[2]);
                    po.setString(5, f[3].replace("\"", ""));
                    po.setString(6, f[4]);
                    po.setString(7, f[5]);
                    po.setString(8, f[6]);
                    po.setString(9, f[7]);
                    po.setTimestamp(10, now);
                    po.setTimestamp(11, now);
                    po.setTimestamp(12, now);
                    po.addBatch();
                    long packageId = id++;
                    pp.setLong(1, packageId);
                    pp.setString(2, String.format("WB%08d", packageId));
                    pp.setLong(3, orderId);
                    pp.setInt(4, 500);
                    pp.setTimestamp(5, now);
                    pp.setTimestamp(6, now);
                    pp.addBatch();
                    pa.setLong(1, packageId);
                    pa.setLong(2, orderId);
                    pa.setTimestamp(3, now);
                    pa.addBatch();
                    rows += 3;
                }
                pl.setLong(1, id++);
                pl.setLong(2, orderId);
                pl.setInt(3, ++lineNo);
                pl.setLong(4, 1000 + Integer.parseInt(f[8].substring(4)));
                pl.setInt(5, Integer.parseInt(f[9].trim()));
                pl.addBatch();
                rows++;
                if (++pending >= 2000) {
                    po.executeBatch();
                    pl.executeBatch();
                    pp.executeBatch();
                    pa.executeBatch();
                    pending = 0;
                }
            }
            po.executeBatch();
            pl.executeBatch();
            pp.executeBatch();
            pa.executeBatch();
            c.commit();
        }
        return rows;
    }

    static long countRows(DatabaseEngine db) throws Exception {
        long rows = 0;
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            for (String t : new String[] {"WB_ORDER", "WB_ORDER_LINE", "WB_PACKAGE", "WB_AUDIT_EVENT"}) {
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + t)) {
                    rs.next();
                    rows += rs.getLong(1);
                }
            }
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    static <T> ServiceReference<T> reference() {
        return (ServiceReference<T>) Proxy.newProxyInstance(CaptureAllocateBenchmark.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, a) -> switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == a[0];
                    default -> null;
                });
    }

    static Clock clock() {
        return Clock.systemUTC();
    }
}
