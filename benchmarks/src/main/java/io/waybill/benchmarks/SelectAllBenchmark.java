package io.waybill.benchmarks;

import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.service.PackageServiceImpl;
import io.waybill.core.model.PackageQuery;
import io.waybill.core.model.PackageSelection;
import io.waybill.core.model.PackageStatus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * Issue 13: "select all" of M filtered packages on a Delivery Management tab up to the batch action starting, with N
 * packages stored. Ticking "select all" and opening the confirm step query nothing (the count is the list's, already
 * shown); between the confirm click and the first chunk the server runs {@code PackageService.resolve} of the
 * selection (the filter minus a few unticked rows, one bounded query) — the browser holds no ids. Printed also: the
 * list's count plus resolve, for a filter changed just before. p50 / p99 / max of R
 * repetitions after 10 warm-up rounds; the raw JDBC baseline is the same id query without JPA.
 *
 * <p>{@code benchmarks/run.sh SelectAllBenchmark [stored=100000] [selected=10000] [reps=30]}
 *
 * <p>{@code benchmarks/run.sh SelectAllBenchmark runs [selected=250000] [batch=10000]}: the batch actions over such a
 * selection, allocate and void, run by the core page by page ({@link SelectAllRunsBenchmark}, issue 15 item 2).
 */
public final class SelectAllBenchmark {

    private SelectAllBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("runs")) {
            SelectAllRunsBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        int stored = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int selected = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int reps = args.length > 2 ? Math.max(20, Integer.parseInt(args[2])) : 30;
        if (selected > stored) {
            throw new IllegalArgumentException("selected > stored");
        }
        Path dir = Files.createTempDirectory("waybill-select-all-bench-");
        System.out.printf("Waybill select-all benchmark: %,d packages stored, %,d match the filter (Waiting, store "
                + "S2, DE), %d repetitions, Derby at %s; load %s%n", stored, selected, reps, dir,
                CatalogueImportBenchmark.load());
        try (DatabaseEngine db = CatalogueImportBenchmark.open(dir.resolve("select-all"))) {
            long t0 = System.nanoTime();
            fill(db, stored, selected);
            System.out.printf("stored %,d packages in %.1f s%n", stored, (System.nanoTime() - t0) / 1e9);
            PackageServiceImpl packages = new PackageServiceImpl(db);
            PackageQuery query = new PackageQuery(Set.of(PackageStatus.WAITING), Set.of("S2"), Set.of("DE"), null,
                    null);
            // three rows unticked after "select all"
            PackageSelection selection = new PackageSelection(query, Set.of(1L, 2L, 3L));
            long[] total = new long[reps];
            long[] resolve = new long[reps];
            long[] raw = new long[reps];
            for (int i = -10; i < reps; i++) {
                long a = System.nanoTime();
                long count = packages.count(query);
                long b = System.nanoTime();
                Map<Long, String> ids = packages.resolve(selection, PackageSelection.MAX_PACKAGES);
                long c = System.nanoTime();
                int rawIds = raw(db);
                long d = System.nanoTime();
                if (count != selected || ids.size() != selected - 3 || rawIds != selected) {
                    throw new IllegalStateException("count " + count + ", resolved " + ids.size() + ", raw " + rawIds);
                }
                if (i >= 0) {
                    total[i] = c - a;
                    resolve[i] = c - b;
                    raw[i] = d - c;
                }
            }
            System.out.printf("%n%-44s %s%n", "count (the list's badge) + resolve, ms", stats(total));
            System.out.printf("%-44s %s%n", "resolve (confirm -> first chunk), ms", stats(resolve));
            System.out.printf("%-44s %s%n", "raw JDBC SELECT ID, PACKAGE_NO ..., ms", stats(raw));
            System.out.printf("target: select-all -> batch started <= 1000 ms; load %s%n", CatalogueImportBenchmark.load());
        }
    }

    private static int raw(DatabaseEngine db) throws Exception {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT p.ID, p.PACKAGE_NO FROM WB_PACKAGE p "
                     + "JOIN WB_ORDER o ON o.ID = p.ORDER_ID JOIN WB_STORE s ON s.ID = o.STORE_ID "
                     + "WHERE p.STATUS = 'WAITING' AND s.CODE = 'S2' AND o.COUNTRY_CODE = 'DE' ORDER BY p.ID")) {
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getLong(1);
                    rs.getString(2);
                    n++;
                }
            }
            return n;
        }
    }

    /** Two stores; the first {@code selected} packages are S2 / DE / WAITING, the rest spread elsewhere. */
    private static void fill(DatabaseEngine db, int stored, int selected) throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO WB_STORE (ID, VERSION, CODE, NAME, PLATFORM) VALUES (1, 1, 'S1', 'One', "
                        + "'test')");
                st.executeUpdate("INSERT INTO WB_STORE (ID, VERSION, CODE, NAME, PLATFORM) VALUES (2, 1, 'S2', 'Two', "
                        + "'test')");
            }
            Timestamp now = Timestamp.from(Instant.now());
            String[] others = {"ALLOCATED", "TRACKED", "SHIPPED", "WAITING"};
            try (PreparedStatement o = c.prepareStatement("INSERT INTO WB_ORDER (ID, VERSION, STORE_ID, "
                    + "PLATFORM_ORDER_ID, ORDER_NO, BUYER_NAME, LINE1, CITY, COUNTRY_CODE, CANCELLED, CREATED_AT, "
                    + "CAPTURED_AT, UPDATED_AT) VALUES (?, 1, ?, ?, ?, ?, '1 Main St', 'Town', ?, FALSE, ?, ?, ?)");
                 PreparedStatement p = c.prepareStatement("INSERT INTO WB_PACKAGE (ID, VERSION, PACKAGE_NO, "
                         + "ORDER_ID, STATUS, EXPECTED_WEIGHT_GRAMS, PRINT_COUNT, CREATED_AT, UPDATED_AT) "
                         + "VALUES (?, 1, ?, ?, ?, 100, 0, ?, ?)")) {
                for (int i = 1; i <= stored; i++) {
                    boolean match = i <= selected;
                    o.setLong(1, i);
                    o.setLong(2, match || i % 2 == 0 ? 2 : 1);
                    o.setString(3, "PO" + i);
                    o.setString(4, "O" + i);
                    o.setString(5, "Buyer " + i);
                    o.setString(6, match ? "DE" : i % 3 == 0 ? "DE" : "GB");
                    o.setTimestamp(7, now);
                    o.setTimestamp(8, now);
                    o.setTimestamp(9, now);
                    o.addBatch();
                    p.setLong(1, i);
                    p.setString(2, String.format("WB%08d", i));
                    p.setLong(3, i);
                    // the rest never matches all three of WAITING, S2, DE
                    String status = match ? "WAITING" : others[i % others.length];
                    if (!match && "WAITING".equals(status) && i % 2 == 0 && i % 3 == 0) {
                        status = "ALLOCATED";
                    }
                    p.setString(4, status);
                    p.setTimestamp(5, now);
                    p.setTimestamp(6, now);
                    p.addBatch();
                    if (i % 1000 == 0 || i == stored) {
                        o.executeBatch();
                        p.executeBatch();
                    }
                }
            }
            c.commit();
        }
    }

    private static String stats(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format("p50 %.1f / p99 %.1f / max %.1f", s[s.length / 2] / 1e6,
                s[Math.min(s.length - 1, (int) Math.ceil(s.length * 0.99) - 1)] / 1e6, s[s.length - 1] / 1e6);
    }
}
