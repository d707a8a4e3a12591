package io.waybill.benchmarks;

import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.db.JdbcSettings;
import io.waybill.core.internal.persistence.Ids;
import io.waybill.core.internal.persistence.PackageNumbers;

import java.net.URL;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Random;

/**
 * Issue 15: fills a Waybill database (embedded Derby directory, or any JDBC URL) with N packages as a year of work
 * leaves them, for the screen benchmarks ({@link ScreensBenchmark}), the search benchmark and the browser check.
 *
 * <p>Not through the write paths (they would take hours at 1,000,000 on this machine): batched JDBC inserts of the
 * rows those paths write, with their ids from the shared sequence ({@link Ids#reserve}, as {@code OrderWriter} takes
 * them: order, its lines, its package): per order an {@code WB_ORDER} row (store, order no., buyer name, e-mail,
 * phone, address in one of 12 countries), 1-3 {@code WB_ORDER_LINE}s over 400 SKUs, one {@code WB_PACKAGE} and its
 * {@code CAPTURED} audit event. Statuses follow age: created every 30 s over a year, the oldest three quarters are
 * shipped and confirmed ({@code SYNCED} 96 %, {@code VOIDED} 3 %, {@code SYNC_FAILED} 1 %), the newest quarter is
 * the working backlog (80 % {@code WAITING}, the rest spread over the other tabs). From {@code ALLOCATED} on a
 * package has a warehouse, from {@code AWAITING_TRACKING} a carrier, from {@code TRACKED} a tracking number
 * ({@code LX#########CN}), from {@code SHIPPED} a shipped time and measured weight; the stock of the packages
 * that hold it (allocated to printed) is reserved in {@code WB_STOCK}. Not written: carrier/sync jobs, labels (the screens do not read them for a page; the package page reads them by key).
 *
 * <p>Reference data: 12 stores on 4 platforms with a default shipping method each, 3 warehouses, 400 SKUs. Buyer
 * names are drawn from Latin and Chinese first and last names, so a name prefix matches from a few to a few
 * thousand packages, as with real buyers.
 *
 * <p>Derby: {@code derby.system.durability=test} while filling (no log sync per commit; the database is consistent
 * after a clean close, which this does). Usage: {@code benchmarks/run.sh PackageDataGenerator <derby directory>
 * [packages=1000000]}; an existing database with packages is left as it is.
 */
public final class PackageDataGenerator {

    static final String[] STORES = {"AMZ-DE", "AMZ-UK", "AMZ-US", "AMZ-JP", "EBAY-DE", "EBAY-US", "SHOP-EU",
        "SHOP-US", "SHOP-CN", "ALI-RU", "ALI-BR", "ALI-FR"};
    static final String[] PLATFORMS = {"amazon", "amazon", "amazon", "amazon", "ebay", "ebay", "shopify", "shopify",
        "shopify", "aliexpress", "aliexpress", "aliexpress"};
    static final String[] COUNTRIES = {"DE", "DE", "DE", "GB", "GB", "US", "US", "US", "FR", "FR", "ES", "IT", "NL",
        "PL", "JP", "AU", "CA", "BR"};
    static final String[] FIRST = {"Anna", "Ben", "Chloe", "David", "Emma", "Felix", "Grace", "Hugo", "Ida", "Jonas",
        "Klara", "Lukas", "Mia", "Noah", "Olivia", "Paul", "Quinn", "Rosa", "Sophie", "Tom", "Ulla", "Victor",
        "Wen", "Xavier", "Yuki", "Zoe", "Maria", "José", "Luca", "Sven"};
    static final String[] LAST = {"Schmidt", "Müller", "Smith", "Johnson", "Martin", "Bernard", "Garcia", "Rossi",
        "Jansen", "Kowalski", "Tanaka", "Brown", "Wilson", "Dubois", "Fischer", "Weber", "Taylor", "Moreau",
        "Lopez", "Bianchi", "Novak", "Sato", "Clarke", "Lambert", "Becker", "Hoffmann", "Evans", "Petit"};
    static final String[] ZH_LAST = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵"};
    static final String[] ZH_FIRST = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋"};
    static final int SKUS = 400;
    static final long FIRST_ID = 100_000;
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final int BATCH = 2_000;

    private PackageDataGenerator() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: PackageDataGenerator <derby directory> [packages=1000000]");
            System.exit(2);
        }
        System.setProperty("derby.system.durability", "test");
        Path dir = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        try (DatabaseEngine db = open(dir)) {
            generate(db, n);
        }
    }

    static DatabaseEngine open(Path dir) throws Exception {
        URL root = PackageDataGenerator.class.getProtectionDomain().getCodeSource().getLocation();
        return new DatabaseEngine(new JdbcSettings(JdbcSettings.derbyUrl(dir), "", "", 16), root,
                PackageDataGenerator.class.getClassLoader());
    }

    /** Fills an empty database with {@code n} packages; returns false (and writes nothing) when it has packages. */
    static boolean generate(DatabaseEngine db, int n) throws Exception {
        long t0 = System.nanoTime();
        try (Connection c = db.dataSource().getConnection()) {
            if (count(c, "SELECT COUNT(*) FROM WB_PACKAGE") > 0) {
                System.out.printf("%,d packages already stored; left as they are%n",
                        count(c, "SELECT COUNT(*) FROM WB_PACKAGE"));
                return false;
            }
            c.setAutoCommit(false);
            reference(c);
            c.commit();
            Random random = new Random(15);
            try (PreparedStatement po = c.prepareStatement("INSERT INTO WB_ORDER (ID, VERSION, STORE_ID, "
                    + "PLATFORM_ORDER_ID, ORDER_NO, BUYER_NAME, LINE1, CITY, POSTAL_CODE, COUNTRY_CODE, PHONE, EMAIL, "
                    + "CANCELLED, CREATED_AT, CAPTURED_AT, UPDATED_AT, CURRENCY, TOTAL, SHIPPING_PAID, BUYER_PHONE, "
                    + "BUYER_EMAIL) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?, 'EUR', ?, 0, ?, ?)");
                 PreparedStatement pl = c.prepareStatement("INSERT INTO WB_ORDER_LINE (ID, VERSION, ORDER_ID, "
                         + "LINE_NO, SKU_ID, QUANTITY, UNIT_PRICE, CURRENCY) VALUES (?, 1, ?, ?, ?, ?, ?, 'EUR')");
                 PreparedStatement pp = c.prepareStatement("INSERT INTO WB_PACKAGE (ID, VERSION, PACKAGE_NO, "
                         + "ORDER_ID, STATUS, WAREHOUSE_ID, EXPECTED_WEIGHT_GRAMS, CARRIER_ID, TRACKING_NO, "
                         + "PRINT_COUNT, CREATED_AT, UPDATED_AT, SHIPPING_METHOD_ID, SHIPPED_AT, "
                         + "MEASURED_WEIGHT_GRAMS) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement pa = c.prepareStatement("INSERT INTO WB_AUDIT_EVENT (PACKAGE_ID, ORDER_ID, ACTOR, "
                         + "OCCURRED_AT, ACTION, FROM_STATUS, TO_STATUS) VALUES (?, ?, 'system', ?, 'CAPTURED', NULL, "
                         + "?)")) {
                long next = 0;
                // what allocation reserved for the packages that hold stock (ALLOCATED .. PRINTED), per warehouse/SKU
                int[][] reserved = new int[3][SKUS];
                for (int i = 1; i <= n; i++) {
                    if (i % BATCH == 1) {
                        // one block per batch, as OrderWriter reserves per import chunk (unused ids are gaps)
                        next = Ids.reserve(c, 5L * BATCH);
                    }
                    int lines = 1 + (random.nextInt(10) < 7 ? 0 : random.nextInt(3));
                    long orderId = next;
                    long packageId = orderId + 1 + lines;
                    next = packageId + 1;
                    int store = random.nextInt(STORES.length);
                    String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
                    Timestamp at = Timestamp.from(START.plusSeconds(i * 30L));
                    String name = buyer(random);
                    String email = email(name, i);
                    po.setLong(1, orderId);
                    po.setLong(2, store + 1);
                    po.setString(3, "P" + STORES[store] + "-" + i);
                    po.setString(4, orderNo(store, i));
                    po.setString(5, name);
                    po.setString(6, (1 + random.nextInt(200)) + " Main Street");
                    po.setString(7, "City " + random.nextInt(500));
                    po.setString(8, String.format("%05d", random.nextInt(99_999)));
                    po.setString(9, country);
                    po.setString(10, "+49 30 " + (1_000_000 + i));
                    po.setString(11, email);
                    po.setTimestamp(12, at);
                    po.setTimestamp(13, at);
                    po.setTimestamp(14, at);
                    po.setBigDecimal(15, java.math.BigDecimal.valueOf(500 + random.nextInt(20_000), 2));
                    po.setString(16, "+49 30 " + (1_000_000 + i));
                    po.setString(17, email);
                    po.addBatch();
                    String status = status(i, n, random);
                    int rank = rank(status);
                    boolean holds = rank >= rank("ALLOCATED") && rank <= rank("PRINTED");
                    int weight = 0;
                    for (int l = 1; l <= lines; l++) {
                        int sku = random.nextInt(SKUS);
                        int qty = 1 + (random.nextInt(10) < 8 ? 0 : random.nextInt(3));
                        weight += qty * skuWeight(sku);
                        if (holds) {
                            reserved[store % 3][sku] += qty;
                        }
                        pl.setLong(1, orderId + l);
                        pl.setLong(2, orderId);
                        pl.setInt(3, l);
                        pl.setLong(4, 1000 + sku);
                        pl.setInt(5, qty);
                        pl.setBigDecimal(6, java.math.BigDecimal.valueOf(199 + sku * 10L, 2));
                        pl.addBatch();
                    }
                    pp.setLong(1, packageId);
                    pp.setString(2, PackageNumbers.format(packageId));
                    pp.setLong(3, orderId);
                    pp.setString(4, status);
                    setLong(pp, 5, rank >= rank("ALLOCATED") && !status.equals("VOIDED") ? (long) (1 + store % 3) : null);
                    pp.setInt(6, weight);
                    boolean carrier = rank >= rank("AWAITING_TRACKING") && !status.equals("VOIDED");
                    boolean tracked = rank >= rank("TRACKED") && !status.equals("VOIDED");
                    pp.setString(7, carrier ? (store % 2 == 0 ? "yunexpress" : "4px") : null);
                    pp.setString(8, tracked ? tracking(packageId) : null);
                    pp.setInt(9, rank >= rank("PRINTED") && tracked ? 1 : 0);
                    pp.setTimestamp(10, at);
                    pp.setTimestamp(11, at);
                    setLong(pp, 12, carrier ? (long) (store + 1) : null);
                    boolean shipped = rank >= rank("SHIPPED") && !status.equals("VOIDED");
                    pp.setTimestamp(13, shipped ? Timestamp.from(at.toInstant().plusSeconds(86_400)) : null);
                    if (shipped) {
                        pp.setInt(14, weight + random.nextInt(20));
                    } else {
                        pp.setNull(14, java.sql.Types.INTEGER);
                    }
                    pp.addBatch();
                    pa.setLong(1, packageId);
                    pa.setLong(2, orderId);
                    pa.setTimestamp(3, at);
                    pa.setString(4, "WAITING");
                    pa.addBatch();
                    if (i % BATCH == 0 || i == n) {
                        po.executeBatch();
                        pl.executeBatch();
                        pp.executeBatch();
                        pa.executeBatch();
                        c.commit();
                    }
                    if (i % 100_000 == 0) {
                        System.out.printf("  %,d packages (%.0f s)%n", i, (System.nanoTime() - t0) / 1e9);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE WB_STOCK SET RESERVED = ? WHERE WAREHOUSE_ID = ? "
                        + "AND SKU_ID = ?")) {
                    for (int w = 0; w < 3; w++) {
                        for (int k = 0; k < SKUS; k++) {
                            ps.setInt(1, reserved[w][k]);
                            ps.setLong(2, w + 1);
                            ps.setLong(3, 1000 + k);
                            ps.addBatch();
                        }
                    }
                    ps.executeBatch();
                }
            }
            c.commit();
            c.setAutoCommit(true);
            System.out.printf("generated %,d packages in %.0f s; per status:%n", n, (System.nanoTime() - t0) / 1e9);
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT STATUS, COUNT(*) FROM WB_PACKAGE GROUP BY STATUS")) {
                while (rs.next()) {
                    System.out.printf("  %-18s %,d%n", rs.getString(1), rs.getLong(2));
                }
            }
        }
        return true;
    }

    /** The workflow order of the statuses, for which columns a package has. */
    private static int rank(String status) {
        return switch (status) {
            case "WAITING", "OUT_OF_STOCK", "SKU_UNMATCHED" -> 0;
            case "ALLOCATED" -> 1;
            case "AWAITING_TRACKING", "UPLOAD_FAILED" -> 2;
            case "TRACKED" -> 3;
            case "PRINTED" -> 4;
            case "SHIPPED", "SYNC_FAILED", "SYNCED" -> 5;
            case "VOIDED" -> 6;
            default -> throw new IllegalArgumentException(status);
        };
    }

    static String status(int i, int n, Random random) {
        int r = random.nextInt(1000);
        if (i <= n * 3L / 4) {
            return r < 960 ? "SYNCED" : r < 990 ? "VOIDED" : "SYNC_FAILED";
        }
        if (r < 800) {
            return "WAITING";
        }
        String[] rest = {"OUT_OF_STOCK", "SKU_UNMATCHED", "ALLOCATED", "AWAITING_TRACKING", "UPLOAD_FAILED",
            "TRACKED", "PRINTED", "SHIPPED", "VOIDED", "ALLOCATED"};
        return rest[(r - 800) / 20];
    }

    static String buyer(Random random) {
        if (random.nextInt(10) < 2) {
            return ZH_LAST[random.nextInt(ZH_LAST.length)] + ZH_FIRST[random.nextInt(ZH_FIRST.length)]
                    + (random.nextBoolean() ? ZH_FIRST[random.nextInt(ZH_FIRST.length)] : "");
        }
        return FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
    }

    static String email(String name, int i) {
        String local = name.chars().allMatch(ch -> ch < 128)
                ? name.toLowerCase(Locale.ROOT).replace(' ', '.') : "buyer";
        return local + i + "@example.com";
    }

    static String orderNo(int store, int i) {
        return switch (PLATFORMS[store]) {
            case "amazon" -> String.format("%03d-%07d-%07d", 300 + store, i, (i * 7919L) % 10_000_000);
            case "ebay" -> String.format("%02d-%05d-%05d", 10 + store, i / 100_000, i % 100_000);
            case "shopify" -> "#" + (1000 + i);
            default -> String.valueOf(8_000_000_000L + i);
        };
    }

    static String tracking(long packageId) {
        return String.format("LX%09dCN", packageId);
    }

    private static int skuWeight(int sku) {
        return 50 + (sku * 37) % 900;
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws Exception {
        if (value == null) {
            ps.setNull(index, java.sql.Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    private static void reference(Connection c) throws Exception {
        try (PreparedStatement store = c.prepareStatement("INSERT INTO WB_STORE (ID, VERSION, CODE, NAME, PLATFORM) "
                + "VALUES (?, 1, ?, ?, ?)");
             PreparedStatement method = c.prepareStatement("INSERT INTO WB_SHIPPING_METHOD (STORE_ID, CODE, "
                     + "CARRIER_ID, SERVICE_CODE, IS_DEFAULT) VALUES (?, ?, ?, 'STD', TRUE)");
             PreparedStatement link = c.prepareStatement("INSERT INTO WB_STORE_WAREHOUSE VALUES (?, ?, ?)");
             PreparedStatement sku = c.prepareStatement("INSERT INTO WB_SKU (ID, VERSION, CODE, NAME, WEIGHT_GRAMS) "
                     + "VALUES (?, 1, ?, ?, ?)");
             PreparedStatement stock = c.prepareStatement("INSERT INTO WB_STOCK (ID, VERSION, WAREHOUSE_ID, SKU_ID, "
                     + "ON_HAND, RESERVED) VALUES (?, 1, ?, ?, 100000, 0)");
             Statement st = c.createStatement()) {
            String[] warehouses = {"SZ", "Shenzhen", "CN", "LA", "Los Angeles", "US", "FRA", "Frankfurt", "DE"};
            for (int w = 0; w < 3; w++) {
                st.execute("INSERT INTO WB_WAREHOUSE (ID, VERSION, CODE, NAME, COUNTRY_CODE) VALUES (" + (w + 1)
                        + ", 1, '" + warehouses[3 * w] + "', '" + warehouses[3 * w + 1] + "', '" + warehouses[3 * w + 2]
                        + "')");
            }
            for (int s = 0; s < STORES.length; s++) {
                store.setLong(1, s + 1);
                store.setString(2, STORES[s]);
                store.setString(3, STORES[s].replace('-', ' ') + " store");
                store.setString(4, PLATFORMS[s]);
                store.addBatch();
                method.setLong(1, s + 1);
                method.setString(2, "STD");
                method.setString(3, s % 2 == 0 ? "yunexpress" : "4px");
                method.addBatch();
                link.setLong(1, s + 1);
                link.setLong(2, 1 + s % 3);
                link.setInt(3, 1);
                link.addBatch();
            }
            store.executeBatch();
            method.executeBatch();
            link.executeBatch();
            for (int k = 0; k < SKUS; k++) {
                sku.setLong(1, 1000 + k);
                sku.setString(2, String.format("%s-%04d", new String[] {"MUG", "CBL", "LMP", "TSH", "BAG"}[k % 5], k));
                sku.setString(3, "Item " + k + " / 商品 " + k);
                sku.setInt(4, skuWeight(k));
                sku.addBatch();
                for (int w = 1; w <= 3; w++) {
                    stock.setLong(1, 10_000 + k * 3L + w);
                    stock.setLong(2, w);
                    stock.setLong(3, 1000 + k);
                    stock.addBatch();
                }
            }
            sku.executeBatch();
            stock.executeBatch();
            st.execute("UPDATE WB_SEQUENCE SET SEQ_COUNT = " + FIRST_ID);
        }
    }

    private static long count(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
