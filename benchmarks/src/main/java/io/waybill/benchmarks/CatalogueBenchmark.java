package io.waybill.benchmarks;

import io.waybill.core.internal.catalogue.ProductServiceImpl;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.db.JdbcSettings;
import io.waybill.core.internal.security.Authorizer;
import io.waybill.core.model.CatalogueFormat;
import io.waybill.core.model.CatalogueImportPreview;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Catalogue import of N products (default 100,000) through the real path (file read -> validation -> checks against
 * the stored catalogue -> preview -> confirm, one transaction in JDBC batches), for CSV and XLSX, against batched raw
 * JDBC inserts of the same rows (WB_SKU + WB_SKU_BARCODE) in the same run; then the product grid's first page (50
 * products, with its total) with N products stored, unfiltered and filtered.
 */
public final class CatalogueBenchmark {
    static final int PAGE = 50;

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Files.createTempDirectory("waybill-catalogue-bench-");
        System.out.printf("Waybill catalogue benchmark: %,d products, Derby at %s%n", n, dir);
        List<String[]> rows = rows(n);
        byte[] csv = csv(rows);
        System.out.printf("generated CSV: %,d bytes%n", csv.length);

        // raw JDBC baseline: the same rows, pre-split, after a warm-up run on a throwaway database
        try (DatabaseEngine warm = open(dir.resolve("raw-warm-up"))) {
            rawInsert(warm, rows);
        }
        double rawSeconds;
        try (DatabaseEngine raw = open(dir.resolve("raw"))) {
            long t0 = System.nanoTime();
            rawInsert(raw, rows);
            rawSeconds = (System.nanoTime() - t0) / 1e9;
        }
        double rawRate = n / rawSeconds;
        System.out.printf("raw JDBC batched insert (product + barcode rows): %,d products in %.2f s = %,.0f "
                + "products/s%n", n, rawSeconds, rawRate);

        // warm-up of the real path on a throwaway database (JIT), not counted
        try (DatabaseEngine warm = open(dir.resolve("import-warm-up"))) {
            importFile(service(warm), "warm.csv", csv);
        }
        byte[] xlsx;
        try (DatabaseEngine db = open(dir.resolve("import-csv"))) {
            ProductServiceImpl products = service(db);
            double[] t = importFile(products, "catalogue.csv", csv);
            System.out.printf("catalogue import CSV (read+check %.2f s, write %.2f s): %,d products in %.2f s = "
                            + "%,.0f products/s = %.0f%% of raw insert rate (target >= 50%%)%n", t[0], t[1], n,
                    t[0] + t[1], n / (t[0] + t[1]), 100.0 * (n / (t[0] + t[1])) / rawRate);
            xlsx = products.exportCatalogue(CatalogueFormat.XLSX, false);
            System.out.printf("export XLSX of %,d products: %,d bytes%n", n, xlsx.length);
            gridFirstPage(products, n);
        }
        try (DatabaseEngine db = open(dir.resolve("import-xlsx"))) {
            double[] t = importFile(service(db), "catalogue.xlsx", xlsx);
            System.out.printf("catalogue import XLSX (read+check %.2f s, write %.2f s): %,d products in %.2f s = "
                            + "%,.0f products/s = %.0f%% of raw insert rate%n", t[0], t[1], n, t[0] + t[1],
                    n / (t[0] + t[1]), 100.0 * (n / (t[0] + t[1])) / rawRate);
        }
    }

    private static void gridFirstPage(ProductServiceImpl products, int n) {
        for (int i = 0; i < 20; i++) {
            products.list(null, 0, PAGE);
            products.list("SKU-0009", 0, PAGE);
        }
        for (String filter : new String[] {null, "SKU-0009", "Item 12345", "4"}) {
            long[] times = new long[21];
            int total = 0;
            for (int i = 0; i < times.length; i++) {
                long t0 = System.nanoTime();
                total = products.list(filter, 0, PAGE).total();
                times[i] = System.nanoTime() - t0;
            }
            Arrays.sort(times);
            System.out.printf("product grid first page (%d rows + total) with %,d products, filter %s: median %.1f ms, "
                            + "max %.1f ms (%,d match; target <= 300 ms)%n", PAGE, n,
                    filter == null ? "none" : "'" + filter + "'", times[times.length / 2] / 1e6,
                    times[times.length - 1] / 1e6, total);
        }
    }

    private static double[] importFile(ProductServiceImpl products, String name, byte[] content) {
        long t0 = System.nanoTime();
        CatalogueImportPreview preview = products.previewImport(name, content, false, "bench");
        long t1 = System.nanoTime();
        if (!preview.acceptable()) {
            throw new IllegalStateException("unexpected problems: " + preview.errors().subList(0,
                    Math.min(3, preview.errors().size())));
        }
        products.confirmImport(preview.previewId(), "bench");
        long t2 = System.nanoTime();
        return new double[] {(t1 - t0) / 1e9, (t2 - t1) / 1e9};
    }

    private static ProductServiceImpl service(DatabaseEngine db) {
        ProductServiceImpl s = new ProductServiceImpl(db.dataSource(), Clock.systemUTC());
        s.setAuthorizer(new Authorizer(name -> Set.of("admin")));
        return s;
    }

    /** sku, name, name_zh, barcode (EAN-13 in the 200-299 in-store range), weight, dims, value, currency, hs, origin. */
    static List<String[]> rows(int n) {
        List<String[]> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(new String[] {String.format("SKU-%07d", i), "Item " + i, "商品" + i, ean13(i),
                    Integer.toString(50 + i % 2000), Integer.toString(100 + i % 50), "80", "40",
                    (i % 100) + ".99", "USD", "392690", "CN"});
        }
        return rows;
    }

    static String ean13(int n) {
        String body = String.format("2%011d", n);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (body.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return body + (10 - sum % 10) % 10;
    }

    static byte[] csv(List<String[]> rows) {
        StringBuilder sb = new StringBuilder("sku,name,name_zh,barcodes,weight_g,length_mm,width_mm,height_mm,"
                + "declared_value,currency,hs_code,origin_country\n");
        for (String[] r : rows) {
            sb.append(String.join(",", r)).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static void rawInsert(DatabaseEngine db, List<String[]> rows) throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement sku = c.prepareStatement("INSERT INTO WB_SKU (ID, VERSION, CODE, NAME, NAME_ZH, "
                    + "WEIGHT_GRAMS, LENGTH_MM, WIDTH_MM, HEIGHT_MM, DECLARED_VALUE, CURRENCY, HS_CODE, ORIGIN_COUNTRY) "
                    + "VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement bc = c.prepareStatement(
                         "INSERT INTO WB_SKU_BARCODE (BARCODE, SKU_ID, POSITION) VALUES (?, ?, 0)")) {
                long id = 1_000_000;
                int k = 0;
                for (String[] r : rows) {
                    id++;
                    sku.setLong(1, id);
                    sku.setString(2, r[0]);
                    sku.setString(3, r[1]);
                    sku.setString(4, r[2]);
                    sku.setInt(5, Integer.parseInt(r[4]));
                    sku.setInt(6, Integer.parseInt(r[5]));
                    sku.setInt(7, Integer.parseInt(r[6]));
                    sku.setInt(8, Integer.parseInt(r[7]));
                    sku.setBigDecimal(9, new java.math.BigDecimal(r[8]));
                    sku.setString(10, r[9]);
                    sku.setString(11, r[10]);
                    sku.setString(12, r[11]);
                    sku.addBatch();
                    bc.setString(1, r[3]);
                    bc.setLong(2, id);
                    bc.addBatch();
                    if (++k % 500 == 0) {
                        sku.executeBatch();
                        bc.executeBatch();
                    }
                }
                sku.executeBatch();
                bc.executeBatch();
            }
            c.commit();
        }
    }

    static DatabaseEngine open(Path dir) throws Exception {
        URL root = CatalogueBenchmark.class.getProtectionDomain().getCodeSource().getLocation();
        return new DatabaseEngine(new JdbcSettings(JdbcSettings.derbyUrl(dir), "", "", 16), root,
                CatalogueBenchmark.class.getClassLoader());
    }
}
