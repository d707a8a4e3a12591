package io.waybill.benchmarks;

import io.waybill.core.internal.catalogue.CatalogueFiles;
import io.waybill.core.internal.catalogue.ProductColumn;
import io.waybill.core.internal.catalogue.ProductServiceImpl;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.db.JdbcSettings;
import io.waybill.core.internal.security.Authorizer;
import io.waybill.core.model.CatalogueFormat;
import io.waybill.core.model.CatalogueImportPreview;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 12: catalogue import of N products (default 100,000) through the real path, exactly as
 * {@code waybill:sku-import} and the Products view's Import do it ({@code ProductService.previewImport} = file read,
 * {@code ProductValidator}, checks against the stored catalogue; then {@code confirmImport} = checked again inside
 * ONE transaction and written in JDBC batches of 500), as CSV and as XLSX; beside it, in the same run, the raw limit:
 * plain JDBC batched inserts of the same rows (typed beforehand, not timed) into the same tables (WB_SKU,
 * WB_SKU_BARCODE, WB_SKU_COMPONENT) of the same embedded Derby, batches of 500, one transaction — measured before
 * and after the imports and averaged. Prints both rates, the ratio (target >= 50 %) and the heap high-water and
 * process RSS high-water of each import.
 *
 * <p>The catalogue: names in English and Chinese, EAN-13 barcodes with valid check digits (every 10th product has a
 * second, UPC-A, code), weights, dimensions, declared value in five currencies, HS codes of 6, 8 and 10 digits,
 * five origins, materials, dangerous-goods flags on the electrical goods, and every 100th product a bundle of the
 * two products before it (no weight of its own: the sum of its components).
 */
public final class CatalogueImportBenchmark {
    static final int BATCH = 500;

    private static final String[][] KINDS = {
        // SKU prefix, English noun, Chinese noun, HS code, material, battery, magnet
        {"MUG", "ceramic mug", "陶瓷马克杯", "691200", "ceramic, tableware", "", ""},
        {"TSH", "cotton T-shirt", "纯棉T恤", "61091000", "100% cotton, apparel", "", ""},
        {"CBL", "USB-C cable", "USB-C数据线", "8544429090", "PVC, copper, data cable", "", ""},
        {"LMP", "LED desk lamp", "LED台灯", "94052000", "aluminium, lighting", "", ""},
        {"BAG", "canvas tote bag", "帆布手提袋", "420292", "canvas, carrying goods", "", ""},
        {"TOY", "wooden puzzle", "木制拼图", "950300", "beech wood, toy", "", ""},
        {"EAR", "wireless earbuds", "无线耳机", "85183000", "ABS, lithium battery, audio", "Y", "Y"},
        {"PWR", "power bank 10000 mAh", "充电宝10000毫安", "8507600090", "lithium-ion cell, charger", "Y", ""},
        {"SPK", "bluetooth speaker", "蓝牙音箱", "851822", "ABS, speaker", "Y", "Y"},
        {"NTB", "A5 notebook", "A5笔记本", "482010", "paper, stationery", "", ""},
    };
    private static final String[] COLOURS = {"black", "white", "red", "blue", "green", "grey", "pink", "yellow"};
    private static final String[] COLOURS_ZH = {"黑色", "白色", "红色", "蓝色", "绿色", "灰色", "粉色", "黄色"};
    private static final String[] CURRENCIES = {"USD", "EUR", "GBP", "CNY", "AUD"};
    private static final String[] ORIGINS = {"CN", "CN", "CN", "VN", "IN", "DE", "US"};

    private CatalogueImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Files.createTempDirectory("waybill-catalogue-import-bench-");
        System.out.printf("Waybill catalogue import benchmark: %,d products, Derby at %s, %d CPUs, -Xmx %d MB%n", n,
                dir, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("load at start: " + load());
        List<List<String>> rows = rows(n);
        List<Object[]> typed = typed(rows);
        long bundles = rows.stream().skip(1).filter(r -> !r.get(ProductColumn.COMPONENTS.ordinal()).isEmpty())
                .count();
        byte[] csv = CatalogueFiles.write(CatalogueFormat.CSV, "Products", rows, Set.of());
        byte[] xlsx = CatalogueFiles.write(CatalogueFormat.XLSX, "Products", rows, numericColumns());
        System.out.printf("generated catalogue: %,d products (%,d bundles, %,d barcodes): CSV %,d bytes, XLSX %,d "
                + "bytes%n", n, bundles, typed.stream().mapToInt(r -> ((List<?>) r[20]).size()).sum(), csv.length,
                xlsx.length);

        // warm-up (JIT) of both paths on throwaway databases with a fifth of the rows, not counted
        int warm = Math.max(1000, n / 5);
        List<List<String>> warmRows = rows.subList(0, warm + 1);
        try (DatabaseEngine db = open(dir.resolve("raw-warm-up"))) {
            rawInsert(db, typed.subList(0, warm));
        }
        try (DatabaseEngine db = open(dir.resolve("import-warm-up"))) {
            importFile(service(db), "warm.csv", CatalogueFiles.write(CatalogueFormat.CSV, "Products", warmRows,
                    Set.of()));
        }
        try (DatabaseEngine db = open(dir.resolve("import-warm-up-xlsx"))) {
            importFile(service(db), "warm.xlsx", CatalogueFiles.write(CatalogueFormat.XLSX, "Products", warmRows,
                    numericColumns()));
        }

        double raw1 = timedRaw(dir.resolve("raw-1"), typed, n);
        Result csvResult;
        try (DatabaseEngine db = open(dir.resolve("import-csv"))) {
            csvResult = importFile(service(db), "catalogue.csv", csv);
            verify(db, n, bundles);
        }
        String csvLoad = load();
        Result xlsxResult;
        try (DatabaseEngine db = open(dir.resolve("import-xlsx"))) {
            xlsxResult = importFile(service(db), "catalogue.xlsx", xlsx);
            verify(db, n, bundles);
        }
        String xlsxLoad = load();
        double raw2 = timedRaw(dir.resolve("raw-2"), typed, n);
        double rawRate = n / ((raw1 + raw2) / 2);
        System.out.printf("%nRAW LIMIT  plain JDBC batched insert (WB_SKU + WB_SKU_BARCODE + WB_SKU_COMPONENT, "
                + "batches of %d, one transaction): %.2f s before, %.2f s after the imports = %,.0f products/s%n",
                BATCH, raw1, raw2, rawRate);
        csvResult.print("CSV ", n, rawRate, csvLoad);
        xlsxResult.print("XLSX", n, rawRate, xlsxLoad);
        System.out.println("load at end: " + load());
    }

    /** The real path's time split, with the heap high-water (sampled every 20 ms) and the RSS high-water. */
    record Result(double previewSeconds, double confirmSeconds, long heapPeakBytes, long heapBeforeBytes,
                  long rssHwmKb) {
        void print(String format, int n, double rawRate, String load) {
            double s = previewSeconds + confirmSeconds;
            System.out.printf("IMPORT %s preview %.2f s + confirm %.2f s = %.2f s = %,.0f products/s = %.0f %% of "
                            + "the raw insert rate (target >= 50 %%); heap high-water %,d MB (%,d MB before); "
                            + "process RSS high-water so far %,d MB; load %s%n", format, previewSeconds,
                    confirmSeconds, s, n / s, 100 * (n / s) / rawRate, heapPeakBytes >> 20, heapBeforeBytes >> 20,
                    rssHwmKb >> 10, load);
        }
    }

    static Result importFile(ProductServiceImpl products, String name, byte[] content) throws Exception {
        System.gc();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        try {
            long t0 = System.nanoTime();
            CatalogueImportPreview preview = products.previewImport(name, content, false, "bench");
            long t1 = System.nanoTime();
            if (!preview.acceptable()) {
                throw new IllegalStateException(preview.errors().size() + " unexpected problems, e.g. "
                        + preview.errors().subList(0, Math.min(3, preview.errors().size())));
            }
            int written = products.confirmImport(preview.previewId(), "bench");
            long t2 = System.nanoTime();
            if (written != preview.newProducts()) {
                throw new IllegalStateException(written + " written of " + preview.newProducts());
            }
            return new Result((t1 - t0) / 1e9, (t2 - t1) / 1e9, peak.get(), before, rssHighWaterKb());
        } finally {
            running.set(false);
            sampler.join();
        }
    }

    /** The import really wrote every product, barcode and component. */
    static void verify(DatabaseEngine db, int n, long bundles) throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            long skus = count(c, "SELECT COUNT(*) FROM WB_SKU");
            long parts = count(c, "SELECT COUNT(*) FROM WB_SKU_COMPONENT");
            if (skus != n || parts != 2 * bundles) {
                throw new IllegalStateException(skus + " products and " + parts + " components stored");
            }
        }
    }

    private static long count(Connection c, String sql) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double timedRaw(Path dbDir, List<Object[]> typed, int n) throws Exception {
        try (DatabaseEngine db = open(dbDir)) {
            long t0 = System.nanoTime();
            rawInsert(db, typed);
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("raw JDBC batched insert: %,d products in %.2f s = %,.0f products/s; load %s%n", n, s,
                    n / s, load());
            return s;
        }
    }

    static ProductServiceImpl service(DatabaseEngine db) {
        ProductServiceImpl s = new ProductServiceImpl(db.dataSource(), Clock.systemUTC());
        s.setAuthorizer(new Authorizer(name -> Set.of("admin")));
        return s;
    }

    static DatabaseEngine open(Path dir) throws Exception {
        URL root = CatalogueImportBenchmark.class.getProtectionDomain().getCodeSource().getLocation();
        return new DatabaseEngine(new JdbcSettings(JdbcSettings.derbyUrl(dir), "", "", 16), root,
                CatalogueImportBenchmark.class.getClassLoader());
    }

    // ---- the catalogue

    /** The catalogue file's rows, English header first, columns in {@link ProductColumn} order. */
    static List<List<String>> rows(int n) {
        List<List<String>> rows = new ArrayList<>(n + 1);
        List<String> header = new ArrayList<>();
        for (ProductColumn c : ProductColumn.values()) {
            header.add(c.header(false));
        }
        rows.add(header);
        for (int i = 0; i < n; i++) {
            String[] kind = KINDS[i % KINDS.length];
            int colour = (i / KINDS.length) % COLOURS.length;
            String sku = sku(i);
            boolean bundle = i % 100 == 99;
            String barcodes = ean13("69" + String.format("%010d", i));
            if (i % 10 == 3) {
                barcodes += ProductColumn.BARCODE_SEPARATOR + gtin("0" + String.format("%010d", 4_000_000_000L + i));
            }
            Map<ProductColumn, String> m = new HashMap<>();
            m.put(ProductColumn.SKU, sku);
            m.put(ProductColumn.NAME, (bundle ? "Gift set: " : "") + COLOURS[colour] + " " + kind[1] + " no. " + i);
            m.put(ProductColumn.NAME_ZH, (bundle ? "礼盒套装：" : "") + COLOURS_ZH[colour] + kind[2] + " " + i + "号");
            m.put(ProductColumn.BARCODES, barcodes);
            m.put(ProductColumn.WEIGHT, bundle ? "" : Integer.toString(20 + (i * 37) % 4980));
            m.put(ProductColumn.WEIGHT_TOLERANCE, i % 4 == 0 ? Integer.toString(5 + i % 20) : "");
            m.put(ProductColumn.LENGTH, Integer.toString(50 + i % 450));
            m.put(ProductColumn.WIDTH, Integer.toString(30 + i % 300));
            m.put(ProductColumn.HEIGHT, Integer.toString(10 + i % 200));
            m.put(ProductColumn.DECLARED_VALUE, (1 + i % 250) + "." + String.format("%02d", i % 100));
            m.put(ProductColumn.CURRENCY, CURRENCIES[i % CURRENCIES.length]);
            m.put(ProductColumn.HS_CODE, kind[3]);
            m.put(ProductColumn.ORIGIN_COUNTRY, ORIGINS[i % ORIGINS.length]);
            m.put(ProductColumn.MATERIAL, kind[4]);
            m.put(ProductColumn.BATTERY, kind[5].isEmpty() ? "N" : "Y");
            m.put(ProductColumn.LIQUID, "N");
            m.put(ProductColumn.MAGNET, kind[6].isEmpty() ? "N" : "Y");
            m.put(ProductColumn.POWDER, "N");
            m.put(ProductColumn.ENABLED, i % 50 == 7 ? "N" : "Y");
            m.put(ProductColumn.COMPONENTS, bundle ? sku(i - 1) + "*1;" + sku(i - 2) + "*2" : "");
            List<String> row = new ArrayList<>();
            for (ProductColumn c : ProductColumn.values()) {
                row.add(m.getOrDefault(c, ""));
            }
            rows.add(row);
        }
        return rows;
    }

    static String sku(int i) {
        return KINDS[i % KINDS.length][0] + "-" + String.format("%06d", i);
    }

    /** A 13-digit EAN from 12 digits, with its check digit. */
    static String ean13(String twelve) {
        return gtin(twelve);
    }

    /** GTIN check digit (weights 3,1,3,... from the right of the body) appended. */
    static String gtin(String body) {
        int sum = 0;
        for (int k = 0; k < body.length(); k++) {
            int d = body.charAt(body.length() - 1 - k) - '0';
            sum += k % 2 == 0 ? 3 * d : d;
        }
        return body + (10 - sum % 10) % 10;
    }

    /**
     * The same rows as typed column values for the raw insert: 0 sku, 1-18 the WB_SKU fields after the code, 20
     * barcodes, 21 components as [skuIndex, quantity] pairs. Converted before timing: the raw limit is the database's.
     */
    static List<Object[]> typed(List<List<String>> rows) {
        Map<String, Integer> index = new HashMap<>();
        List<Object[]> out = new ArrayList<>(rows.size() - 1);
        for (int i = 1; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            index.put(r.get(0), i - 1);
            Object[] t = new Object[22];
            t[0] = r.get(ProductColumn.SKU.ordinal());
            t[1] = r.get(ProductColumn.NAME.ordinal());
            t[2] = r.get(ProductColumn.NAME_ZH.ordinal());
            String w = r.get(ProductColumn.WEIGHT.ordinal());
            t[3] = w.isEmpty() ? 0 : Integer.parseInt(w);
            t[4] = intOrNull(r.get(ProductColumn.WEIGHT_TOLERANCE.ordinal()));
            t[5] = intOrNull(r.get(ProductColumn.LENGTH.ordinal()));
            t[6] = intOrNull(r.get(ProductColumn.WIDTH.ordinal()));
            t[7] = intOrNull(r.get(ProductColumn.HEIGHT.ordinal()));
            t[8] = new BigDecimal(r.get(ProductColumn.DECLARED_VALUE.ordinal()));
            t[9] = r.get(ProductColumn.CURRENCY.ordinal());
            t[10] = r.get(ProductColumn.HS_CODE.ordinal());
            t[11] = r.get(ProductColumn.ORIGIN_COUNTRY.ordinal());
            t[12] = r.get(ProductColumn.MATERIAL.ordinal());
            t[13] = "Y".equals(r.get(ProductColumn.BATTERY.ordinal()));
            t[14] = "Y".equals(r.get(ProductColumn.LIQUID.ordinal()));
            t[15] = "Y".equals(r.get(ProductColumn.MAGNET.ordinal()));
            t[16] = "Y".equals(r.get(ProductColumn.POWDER.ordinal()));
            t[17] = "Y".equals(r.get(ProductColumn.ENABLED.ordinal()));
            t[20] = List.of(r.get(ProductColumn.BARCODES.ordinal()).split("\\|"));
            List<int[]> parts = new ArrayList<>();
            String comp = r.get(ProductColumn.COMPONENTS.ordinal());
            if (!comp.isEmpty()) {
                for (String part : comp.split(";")) {
                    String[] sq = part.split("\\*");
                    parts.add(new int[] {index.get(sq[0]), Integer.parseInt(sq[1])});
                }
            }
            t[21] = parts;
            out.add(t);
        }
        return out;
    }

    private static Integer intOrNull(String s) {
        return s.isEmpty() ? null : Integer.valueOf(s);
    }

    /** Plain JDBC: the same rows into the same tables, batches of {@link #BATCH}, one transaction. */
    @SuppressWarnings("unchecked")
    static void rawInsert(DatabaseEngine db, List<Object[]> typed) throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement sku = c.prepareStatement("INSERT INTO WB_SKU (ID, VERSION, CODE, NAME, NAME_ZH, "
                    + "WEIGHT_GRAMS, WEIGHT_TOLERANCE_GRAMS, LENGTH_MM, WIDTH_MM, HEIGHT_MM, DECLARED_VALUE, CURRENCY, "
                    + "HS_CODE, ORIGIN_COUNTRY, MATERIAL, DG_BATTERY, DG_LIQUID, DG_MAGNET, DG_POWDER, ENABLED) "
                    + "VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement bc = c.prepareStatement(
                         "INSERT INTO WB_SKU_BARCODE (BARCODE, SKU_ID, POSITION) VALUES (?, ?, ?)");
                 PreparedStatement comp = c.prepareStatement("INSERT INTO WB_SKU_COMPONENT (BUNDLE_SKU_ID, "
                         + "COMPONENT_SKU_ID, QUANTITY, POSITION) VALUES (?, ?, ?, ?)")) {
                long base = 1_000_000;
                int k = 0;
                int b = 0;
                for (Object[] t : typed) {
                    long id = base + k;
                    sku.setLong(1, id);
                    sku.setString(2, (String) t[0]);
                    sku.setString(3, (String) t[1]);
                    sku.setString(4, (String) t[2]);
                    sku.setInt(5, (Integer) t[3]);
                    for (int j = 4; j <= 7; j++) {
                        if (t[j] == null) {
                            sku.setNull(j + 2, Types.INTEGER);
                        } else {
                            sku.setInt(j + 2, (Integer) t[j]);
                        }
                    }
                    sku.setBigDecimal(10, (BigDecimal) t[8]);
                    sku.setString(11, (String) t[9]);
                    sku.setString(12, (String) t[10]);
                    sku.setString(13, (String) t[11]);
                    sku.setString(14, (String) t[12]);
                    for (int j = 13; j <= 17; j++) {
                        sku.setBoolean(j + 2, (Boolean) t[j]);
                    }
                    sku.addBatch();
                    if (++k % BATCH == 0) {
                        sku.executeBatch();
                    }
                }
                sku.executeBatch();
                k = 0;
                for (Object[] t : typed) {
                    int pos = 0;
                    for (int[] part : (List<int[]>) t[21]) {
                        comp.setLong(1, base + k);
                        comp.setLong(2, base + part[0]);
                        comp.setInt(3, part[1]);
                        comp.setInt(4, pos++);
                        comp.addBatch();
                    }
                    pos = 0;
                    for (String code : (List<String>) t[20]) {
                        bc.setString(1, code);
                        bc.setLong(2, base + k);
                        bc.setInt(3, pos++);
                        bc.addBatch();
                        if (++b % BATCH == 0) {
                            bc.executeBatch();
                        }
                    }
                    k++;
                }
                comp.executeBatch();
                bc.executeBatch();
            }
            c.commit();
        }
    }

    static Set<Integer> numericColumns() {
        return Set.of(ProductColumn.WEIGHT.ordinal(), ProductColumn.WEIGHT_TOLERANCE.ordinal(),
                ProductColumn.LENGTH.ordinal(), ProductColumn.WIDTH.ordinal(), ProductColumn.HEIGHT.ordinal(),
                ProductColumn.DECLARED_VALUE.ordinal());
    }

    // ---- the machine

    /** The load average (1, 5, 15 min) as {@code uptime} shows it. */
    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** The process's resident set high-water (VmHWM) in kB, 0 where /proc is absent. */
    static long rssHighWaterKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return 0;
    }
}
