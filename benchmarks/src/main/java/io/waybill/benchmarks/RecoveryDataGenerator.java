package io.waybill.benchmarks;

import io.waybill.core.internal.capture.OrderCaptureServiceImpl;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.plugin.PluginRegistryImpl;
import io.waybill.core.model.CaptureResult;
import io.waybill.core.model.ImportPreview;
import io.waybill.platform.csv.internal.CsvOrderFileParser;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Random;

/**
 * Fills the Derby database of a stopped Waybill instance with stored packages for {@code benchmarks/recovery.sh}:
 * migrations through the production {@link DatabaseEngine}, store BENCH with warehouses and SKUs as in
 * {@link CaptureAllocateBenchmark#setup} (batched inserts), then orders through the real import path (CSV plugin
 * parse, validation, preview, confirm: orders, lines, one waiting package each, audit events) in files of 50,000
 * orders until the database holds the requested number of packages. The Karaf instance's demo seeder then leaves
 * the database alone (it only fills an empty one).
 * <p>Usage: {@code RecoveryDataGenerator <derby directory> [packages=250000]}
 */
public final class RecoveryDataGenerator {

    private static final int ORDERS_PER_FILE = 50_000;

    private RecoveryDataGenerator() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: RecoveryDataGenerator <derby directory> [packages=250000]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        long target = args.length > 1 ? Long.parseLong(args[1]) : 250_000;
        long t0 = System.nanoTime();
        try (DatabaseEngine db = CaptureAllocateBenchmark.open(dir)) {
            if (packages(db) == 0 && stores(db) == 0) {
                CaptureAllocateBenchmark.setup(db);
            }
            PluginRegistryImpl registry = new PluginRegistryImpl();
            registry.bindFileParser(CaptureAllocateBenchmark.reference(), new CsvOrderFileParser());
            OrderCaptureServiceImpl capture = new OrderCaptureServiceImpl(db, registry);
            Random random = new Random(250_000);
            long stored = packages(db);
            int first = (int) stored;
            while (stored < target) {
                int orders = (int) Math.min(ORDERS_PER_FILE, target - stored);
                byte[] csv = CaptureAllocateBenchmark.generateCsv(first, orders, random);
                ImportPreview preview = capture.previewImport("BENCH", "orders-" + first + ".csv", csv);
                if (!preview.errors().isEmpty()) {
                    throw new IllegalStateException("generated orders refused: " + preview.errors().subList(0,
                            Math.min(3, preview.errors().size())));
                }
                CaptureResult result = capture.confirmImport(preview.previewId(), "bench");
                first += orders;
                stored = packages(db);
                System.out.printf("imported %,d orders (%,d packages stored, %.0f s)%n", result.created(), stored,
                        (System.nanoTime() - t0) / 1e9);
            }
            System.out.printf("database %s: %,d packages stored (generated in %.0f s)%n", dir, stored,
                    (System.nanoTime() - t0) / 1e9);
        }
    }

    private static long packages(DatabaseEngine db) throws Exception {
        return count(db, "SELECT COUNT(*) FROM WB_PACKAGE");
    }

    private static long stores(DatabaseEngine db) throws Exception {
        return count(db, "SELECT COUNT(*) FROM WB_STORE");
    }

    private static long count(DatabaseEngine db, String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
