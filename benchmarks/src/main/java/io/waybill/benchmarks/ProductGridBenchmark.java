package io.waybill.benchmarks;

import io.waybill.core.internal.catalogue.ProductServiceImpl;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.model.ProductPage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Issue 12: the Products view's first page with N products stored (default 100,000, the catalogue of
 * {@link CatalogueImportBenchmark}, stored by batched inserts). Timed exactly as the view asks the core for it on
 * opening or on a filter change ({@code ProductsView.reload}): {@code list(filter, 0, 0)} for the count above the
 * grid (the grid's first count request reuses it), then the grid's first fetch {@code list(filter, 0, 50)} — and
 * the fetch call alone. The grid has one order, by SKU (the view's columns are not sortable and the service
 * has no sort parameter), so there is no second sort order to time. Filters: none, a SKU prefix, a word of the
 * English name, a Chinese name part, an exact barcode. p50 / p99 / max over R repetitions (default 60) after 10
 * warm-up rounds, beside raw JDBC of the same page in the same run: {@code SELECT COUNT(*)} and
 * {@code SELECT ... ORDER BY CODE FETCH FIRST 50 ROWS ONLY} with the same WHERE clause and plan (no barcodes or
 * components).
 */
public final class ProductGridBenchmark {
    static final int PAGE = 50;
    private static final String COLUMNS = "s.ID, s.CODE, s.NAME, s.NAME_ZH, s.WEIGHT_GRAMS, s.WEIGHT_TOLERANCE_GRAMS, "
            + "s.LENGTH_MM, s.WIDTH_MM, s.HEIGHT_MM, s.DECLARED_VALUE, s.CURRENCY, s.HS_CODE, s.ORIGIN_COUNTRY, "
            + "s.MATERIAL, s.DG_BATTERY, s.DG_LIQUID, s.DG_MAGNET, s.DG_POWDER, s.ENABLED";

    private ProductGridBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int reps = args.length > 1 ? Math.max(50, Integer.parseInt(args[1])) : 60;
        Path dir = Files.createTempDirectory("waybill-product-grid-bench-");
        System.out.printf("Waybill product grid benchmark: %,d products, %d repetitions, Derby at %s; load %s%n", n,
                reps, dir, CatalogueImportBenchmark.load());
        List<List<String>> rows = CatalogueImportBenchmark.rows(n);
        String barcode = rows.get(n / 2 + 1).get(3).split("\\|")[0];
        String[][] filters = {
            {"none", ""},
            {"SKU prefix", "CBL-0123"},
            {"English name word", "lamp no. 4242"},
            {"Chinese name part", "蓝牙音箱 1"},
            {"barcode", barcode},
        };
        try (DatabaseEngine db = CatalogueImportBenchmark.open(dir.resolve("grid"))) {
            long t0 = System.nanoTime();
            CatalogueImportBenchmark.rawInsert(db, CatalogueImportBenchmark.typed(rows));
            System.out.printf("stored %,d products in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
            ProductServiceImpl products = CatalogueImportBenchmark.service(db);
            for (int w = 0; w < 10; w++) {
                for (String[] f : filters) {
                    viewFirstPage(products, f[1]);
                    raw(db, f[1]);
                }
            }
            System.out.printf("%n%-18s %-16s %9s | %-29s | %-29s | %-29s%n", "filter", "value", "matches",
                    "view: count + fetch (ms)", "service fetch list(f,0,50)", "raw COUNT + FETCH FIRST 50");
            for (String[] f : filters) {
                long[] view = new long[reps];
                long[] fetch = new long[reps];
                long[] raw = new long[reps];
                int total = 0;
                for (int i = 0; i < reps; i++) {
                    long a = System.nanoTime();
                    total = viewFirstPage(products, f[1]);
                    long b = System.nanoTime();
                    products.list(f[1], 0, PAGE);
                    long c = System.nanoTime();
                    int rawTotal = raw(db, f[1]);
                    long d = System.nanoTime();
                    if (rawTotal != total) {
                        throw new IllegalStateException("raw count " + rawTotal + " != " + total);
                    }
                    view[i] = b - a;
                    fetch[i] = c - b;
                    raw[i] = d - c;
                }
                System.out.printf("%-18s %-16s %,9d | %s | %s | %s   load %s%n", f[0], "'" + f[1] + "'", total,
                        stats(view), stats(fetch), stats(raw), CatalogueImportBenchmark.load());
            }
        }
        System.out.println("target: the view's first page p99 <= 300 ms");
    }

    /** What ProductsView.reload() and the grid's first request ask: the count, then the first fetch. */
    private static int viewFirstPage(ProductServiceImpl products, String filter) {
        int total = products.list(filter, 0, 0).total();
        ProductPage page = products.list(filter, 0, PAGE);
        if (page.total() != total || page.products().size() != Math.min(PAGE, total)) {
            throw new IllegalStateException("page of " + page.products().size() + " with total " + total);
        }
        return total;
    }

    /** The same page in plain JDBC: count and the 50 rows with the service's WHERE clause. */
    private static int raw(DatabaseEngine db, String filter) throws Exception {
        String where = "";
        String like = filter.toUpperCase(Locale.ROOT);
        if (!filter.isEmpty()) {
            where = " WHERE (UPPER(s.CODE) LIKE ? OR UPPER(s.NAME) LIKE ? OR s.NAME_ZH LIKE ? OR s.ID IN "
                    + "(SELECT b.SKU_ID FROM WB_SKU_BARCODE b WHERE b.BARCODE = ?))";
        }
        try (Connection c = db.dataSource().getConnection()) {
            int total;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM WB_SKU s" + where)) {
                bind(ps, filter, like);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getInt(1);
                }
            }
            // with a filter, the plan the service uses (table scan + sort of the matches, not the SKU index walk)
            String from = filter.isEmpty() ? " FROM WB_SKU s" : " FROM WB_SKU s --DERBY-PROPERTIES index=null\n";
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + from + where
                    + " ORDER BY s.CODE FETCH FIRST " + PAGE + " ROWS ONLY")) {
                bind(ps, filter, like);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(2);
                    }
                }
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
            return total;
        }
    }

    private static void bind(PreparedStatement ps, String filter, String like) throws Exception {
        if (!filter.isEmpty()) {
            ps.setString(1, like + "%");
            ps.setString(2, "%" + like + "%");
            ps.setString(3, "%" + filter + "%");
            ps.setString(4, filter);
        }
    }

    /** p50 / p99 / max in ms. */
    private static String stats(long[] nanos) {
        long[] t = nanos.clone();
        Arrays.sort(t);
        int p99 = Math.min(t.length - 1, (int) Math.ceil(t.length * 0.99) - 1);
        return String.format("p50 %7.1f p99 %7.1f max %7.1f", t[t.length / 2] / 1e6, t[p99] / 1e6,
                t[t.length - 1] / 1e6);
    }
}
