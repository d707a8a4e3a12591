package io.waybill.core.internal.rulestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.waybill.core.internal.Fixtures;
import io.waybill.core.internal.TestDatabase;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.persistence.Jdbc;
import io.waybill.core.internal.rules.Action;
import io.waybill.core.internal.rules.ProductFlag;
import io.waybill.core.internal.rules.RuleInput;
import io.waybill.spi.carrier.CarrierGateway;
import io.waybill.spi.carrier.CarrierService;
import io.waybill.spi.common.PluginDescriptor;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link RuleApplier} reads its packages set-based, a chunk of ids per IN list: what it reads, decides and records
 * must not depend on where the chunks end. A selection over every kind of input (duplicate ids, unknown ids, packages
 * rules do not apply to, two packages of one order, an order with a SKU on two lines, bundles nested in bundles, a
 * product with complete customs data, packages that already have tags, a held package) is evaluated and applied with
 * chunks of 1, 2, 3, 7 and the default 200 ids: the same inputs, decisions, refusals and rows written.
 */
class RuleApplierTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final String[] COUNTRIES = {"DE", "US", "FR", "CN", "IT"};

    /** Carrier "air": STD carries no dangerous goods, DG batteries, CUS only parcels with complete customs data. */
    private static final Function<String, Optional<CarrierGateway>> CARRIERS = id -> id.equals("air")
            ? Optional.of(new CarrierGateway() {
                @Override
                public PluginDescriptor descriptor() {
                    return new PluginDescriptor("air", "Air", "test carrier");
                }

                @Override
                public List<CarrierService> services() {
                    return List.of(CarrierService.of("STD", "Standard"),
                            new CarrierService("DG", "Batteries", Set.of(), null, null, null,
                                    Set.of(CarrierService.DangerousGoods.BATTERY), false, Set.of(), null),
                            new CarrierService("CUS", "Customs", Set.of(), null, null, null, Set.of(), true, Set.of(),
                                    null));
                }
            })
            : Optional.empty();

    /** The selection: every package, shuffled, some twice, an unknown id; and the ids of some of its packages. */
    private record Selection(List<Long> ids, long tenTags, long lowerEu, long gappedTags, long held, long bundle,
                             long customs, long twoLines, long allocated, long voided) {
    }

    /**
     * Stores S1 / S2, warehouses W1 / W2, SKUs A, B (battery), C (liquid), bundles KIT (2 A + C) and BOX (KIT + B), D
     * (HS code, value, origin); 24 orders with one package each over five countries, order 5 with a second package,
     * and the rules.
     */
    private static Selection seed(DatabaseEngine db) throws Exception {
        Fixtures.basic(db);
        Fixtures.bundles(db);
        Fixtures.exec(db, "INSERT INTO WB_STORE (ID, VERSION, CODE, NAME, PLATFORM) VALUES (2, 1, 'S2', 'Two', 'shop')");
        Fixtures.exec(db, "UPDATE WB_SKU SET DG_BATTERY = TRUE WHERE CODE = 'B'");
        Fixtures.exec(db, "UPDATE WB_SKU SET DG_LIQUID = TRUE WHERE CODE = 'C'");
        Fixtures.exec(db, "INSERT INTO WB_SKU (ID, VERSION, CODE, NAME, WEIGHT_GRAMS, HS_CODE, DECLARED_VALUE, "
                + "ORIGIN_COUNTRY) VALUES (26, 1, 'D', 'Sku D', 10, '610910', 12.50, 'CN')");
        long[][] lines = {{21}, {22}, {23}, {24}, {25}, {26}, {21, 23, 21, 23}, {26, 26}, {21, 26}, {22, 24}};
        List<Long> packages = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement order = c.prepareStatement("INSERT INTO WB_ORDER (ID, VERSION, STORE_ID, "
                    + "PLATFORM_ORDER_ID, ORDER_NO, BUYER_NAME, LINE1, CITY, STATE, POSTAL_CODE, COUNTRY_CODE, "
                    + "CANCELLED, CREATED_AT, CAPTURED_AT, UPDATED_AT, CURRENCY, TOTAL, SHIP_BY) "
                    + "VALUES (?, 1, ?, ?, ?, 'Buyer', '1 Main St', 'Town', ?, ?, ?, FALSE, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement line = c.prepareStatement("INSERT INTO WB_ORDER_LINE (ID, VERSION, ORDER_ID, "
                         + "LINE_NO, SKU_ID, QUANTITY) VALUES (?, 1, ?, ?, ?, ?)");
                 PreparedStatement pkg = c.prepareStatement("INSERT INTO WB_PACKAGE (ID, VERSION, PACKAGE_NO, "
                         + "ORDER_ID, STATUS, EXPECTED_WEIGHT_GRAMS, PRINT_COUNT, CREATED_AT, UPDATED_AT) "
                         + "VALUES (?, 1, ?, ?, ?, ?, 0, ?, ?)")) {
                Timestamp ts = Timestamp.from(NOW);
                long next = 2000;
                for (int n = 0; n < 24; n++) {
                    long orderId = next++;
                    order.setLong(1, orderId);
                    order.setLong(2, 1 + n % 2);
                    order.setString(3, "PO" + n);
                    order.setString(4, "O" + n);
                    order.setString(5, n % 3 == 0 ? "CA" : null);
                    order.setString(6, String.format("%05d", 10_000 + n * 37));
                    order.setString(7, COUNTRIES[n % COUNTRIES.length]);
                    order.setTimestamp(8, ts);
                    order.setTimestamp(9, ts);
                    order.setTimestamp(10, ts);
                    order.setString(11, n % 4 == 3 ? null : n % 2 == 0 ? "EUR" : "USD");
                    order.setBigDecimal(12, n % 4 == 3 ? null : BigDecimal.valueOf(500 + n * 731, 2));
                    order.setTimestamp(13, n % 5 == 4 ? null : Timestamp.from(NOW.plusSeconds(3600L * n)));
                    order.addBatch();
                    long[] skus = lines[n % lines.length];
                    for (int l = 0; l < skus.length; l++) {
                        line.setLong(1, next++);
                        line.setLong(2, orderId);
                        // line numbers stored out of order for order 6: the rules must see them in line order
                        line.setInt(3, n == 6 ? skus.length - l : l + 1);
                        line.setLong(4, skus[l]);
                        line.setInt(5, 1 + (n + l) % 3);
                        line.addBatch();
                    }
                    int copies = n == 5 ? 2 : 1;
                    for (int k = 0; k < copies; k++) {
                        long id = next++;
                        pkg.setLong(1, id);
                        pkg.setString(2, "WB" + id);
                        pkg.setLong(3, orderId);
                        pkg.setString(4, switch (n) {
                            case 9 -> "HELD";
                            case 10 -> "OUT_OF_STOCK";
                            case 11 -> "ALLOCATED";
                            case 12 -> "VOIDED";
                            default -> "WAITING";
                        });
                        pkg.setInt(5, 100 + n * 211);
                        pkg.setTimestamp(6, ts);
                        pkg.setTimestamp(7, ts);
                        pkg.addBatch();
                        packages.add(id);
                    }
                }
                order.executeBatch();
                line.executeBatch();
                pkg.executeBatch();
            }
            c.commit();
        }
        long held = packages.get(9 + 1);
        Fixtures.exec(db, "UPDATE WB_PACKAGE SET HOLD_REASON = 'old', HOLD_RULE = 'gone' WHERE ID = " + held);
        // tags already there: ten on one package, "eu" (lower case) on another, positions 0 and 5 on a third
        long tenTags = packages.get(0);
        long lowerEu = packages.get(4);
        long gappedTags = packages.get(3);
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement tag = c.prepareStatement("INSERT INTO WB_PACKAGE_TAG (PACKAGE_ID, TAG, POS, ADDED_AT) "
                     + "VALUES (?, ?, ?, ?)")) {
            List<Object[]> tags = new ArrayList<>();
            for (int t = 0; t < 10; t++) {
                tags.add(new Object[] {tenTags, "T" + t, t});
            }
            tags.add(new Object[] {lowerEu, "eu", 0});
            tags.add(new Object[] {gappedTags, "x", 0});
            tags.add(new Object[] {gappedTags, "y", 5});
            for (Object[] t : tags) {
                tag.setLong(1, (Long) t[0]);
                tag.setString(2, (String) t[1]);
                tag.setInt(3, (Integer) t[2]);
                tag.setTimestamp(4, Timestamp.from(NOW.minusSeconds(86_400)));
                tag.executeUpdate();
            }
        }

        RuleStore rules = new RuleStore(db.dataSource(), Clock.fixed(NOW, ZoneOffset.UTC));
        rules.add("France review", true, "country FR", "hold check address", "t");
        rules.add("EU", true, "country EU", "tag EU\nwarehouse W2", "t");
        rules.add("Battery", true, "flag battery", "ship air DG", "t");
        rules.add("Liquid", true, "flag liquid", "tag LIQ", "t");
        rules.add("Customs", true, "", "ship air CUS", "t");
        rules.add("Nowhere", true, "store S2", "warehouse NOPE", "t");
        rules.add("Default", true, "", "ship air STD\ntag ALL\nwarehouse W1", "t");

        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < packages.size(); i++) {
            ids.add(packages.get((i * 7) % packages.size()));
        }
        ids.add(3, packages.get(4));
        ids.add(999_999L);
        ids.add(packages.get(0));
        ids.add(10, 999_998L);
        // package indexes: order n's package is n up to order 5 (two packages: 5 and 6), n + 1 after it
        return new Selection(ids, tenTags, lowerEu, gappedTags, held, packages.get(4), packages.get(8),
                packages.get(7), packages.get(12), packages.get(13));
    }

    @Test
    void theInputsTheDecisionsAndTheRefusalsDoNotDependOnTheChunkSize() throws Exception {
        try (DatabaseEngine db = TestDatabase.inMemory()) {
            chunksAgree(db);
        }
    }

    /** On a database without packages yet: the selection evaluated in chunks of several sizes, then applied. */
    static void chunksAgree(DatabaseEngine db) throws Exception {
        Selection s = seed(db);
        RuleApplier.Outcome expected = Jdbc.inTransaction(db.dataSource(), c -> new RuleApplier(CARRIERS, 200)
                .evaluate(c, s.ids(), NOW));
        for (int chunk : new int[] {1, 2, 3, 7}) {
            RuleApplier.Outcome o = Jdbc.inTransaction(db.dataSource(), c -> new RuleApplier(CARRIERS, chunk)
                    .evaluate(c, s.ids(), NOW));
            assertEquals(expected.packages(), o.packages(), "chunk " + chunk);
            assertEquals(expected.evaluations(), o.evaluations(), "chunk " + chunk);
            assertEquals(new ArrayList<>(expected.refused().entrySet()), new ArrayList<>(o.refused().entrySet()),
                    "chunk " + chunk);
        }

        // each package once, in the order first selected; unknown and not applicable ones refused in that order
        assertEquals(24 + 1 - 2, expected.packages().size());
        assertEquals(Map.of(999_999L, "unknown_package", 999_998L, "unknown_package", s.allocated(),
                "rules_not_applicable", s.voided(), "rules_not_applicable"), expected.refused().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().code())));
        assertEquals(s.ids().stream().distinct().filter(expected.refused()::containsKey).toList(),
                new ArrayList<>(expected.refused().keySet()));
        assertEquals(s.ids().stream().distinct().filter(id -> !expected.refused().containsKey(id)).toList(),
                expected.packages().stream().map(RuleApplier.Loaded::id).toList());
        RuleInput twoLines = input(expected, s.twoLines());
        assertEquals(List.of("C", "A"), twoLines.lines().stream().map(RuleInput.Line::sku).toList());
        assertEquals(List.of(3, 4), twoLines.lines().stream().map(RuleInput.Line::quantity).toList());
        RuleInput box = input(expected, s.bundle());
        assertEquals(Set.of(ProductFlag.BATTERY, ProductFlag.LIQUID), box.lines().get(0).flags());
        // only the package whose every product has customs data is taken by the customs-only service
        // (a liquid without a battery gets none: STD carries no dangerous goods, DG only batteries)
        long byCustoms = expected.evaluations().stream().filter(e -> e.decision(Action.Kind.SHIPPING_METHOD)
                .filter(d -> d.ruleName().equals("Customs")).isPresent()).count();
        assertEquals("Customs", expected.evaluations().get(indexOf(expected, s.customs()))
                .decision(Action.Kind.SHIPPING_METHOD).orElseThrow().ruleName());
        assertEquals(5, byCustoms, "the packages of the orders of D lines only");

        Jdbc.inTransaction(db.dataSource(), c -> new RuleApplier(CARRIERS, 3).apply(c, s.ids(), "op", NOW));
        checkWritten(db, s);
    }

    /**
     * A tag already there in another case is not added again; ten tags are the most; positions go on after the
     * highest; the held package the rules no longer hold is waiting again, with a release line.
     */
    private static void checkWritten(DatabaseEngine db, Selection s) throws Exception {
        assertEquals(10, Fixtures.scalar(db, "SELECT COUNT(*) FROM WB_PACKAGE_TAG WHERE PACKAGE_ID = "
                + s.tenTags()));
        assertEquals(List.of("eu@0"), tags(db, s.lowerEu()));
        assertEquals(List.of("x@0", "y@5", "LIQ@6"), tags(db, s.gappedTags()));
        assertEquals(List.of("EU@0"), tags(db, s.held()));
        assertEquals("WAITING", Fixtures.string(db, "SELECT STATUS FROM WB_PACKAGE WHERE ID = " + s.held()));
        assertEquals(1, Fixtures.scalar(db, "SELECT COUNT(*) FROM WB_AUDIT_EVENT WHERE ACTION = 'RELEASED' "
                + "AND PACKAGE_ID = " + s.held()));
        assertEquals("ALLOCATED", Fixtures.string(db, "SELECT STATUS FROM WB_PACKAGE WHERE ID = "
                + s.allocated()));
        // one history row per package the rules did something to (the seeded packages have no other history; the
        // rules' own changes are package-less rows)
        assertEquals(0, Fixtures.scalar(db, "SELECT COUNT(*) FROM (SELECT PACKAGE_ID FROM WB_AUDIT_EVENT WHERE "
                + "PACKAGE_ID IS NOT NULL GROUP BY PACKAGE_ID HAVING COUNT(*) > 1) t"));
        assertEquals(23, Fixtures.scalar(db, "SELECT COUNT(*) FROM WB_AUDIT_EVENT WHERE PACKAGE_ID IS NOT NULL"),
                "every package read gets the default rule");
        // each row's stored English is its structured reason's, whole (the shell and logs read it)
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT REASON, REASON_CODE, REASON_PARAMS FROM WB_AUDIT_EVENT WHERE "
                     + "PACKAGE_ID IS NOT NULL")) {
            int combined = 0;
            while (rs.next()) {
                io.waybill.core.model.Reason r = new io.waybill.core.model.Reason(rs.getString(2),
                        io.waybill.core.model.Reason.decodeParams(rs.getString(3)));
                assertEquals(r.english(), rs.getString(1));
                combined += r.code().equals(io.waybill.core.model.Reason.RULE_DECISIONS) ? 1 : 0;
            }
            assertTrue(combined > 15, combined + " combined rows");
        }
    }

    private static int indexOf(RuleApplier.Outcome o, long id) {
        for (int i = 0; i < o.packages().size(); i++) {
            if (o.packages().get(i).id() == id) {
                return i;
            }
        }
        throw new AssertionError("package " + id + " not read");
    }

    private static RuleInput input(RuleApplier.Outcome o, long id) {
        return o.packages().get(indexOf(o, id)).input();
    }

    @Test
    void theRowsWrittenDoNotDependOnTheChunkSizeAndKeepTheTagRules() throws Exception {
        List<List<String>> dumps = new ArrayList<>();
        for (int chunk : new int[] {200, 3, 1}) {
            try (DatabaseEngine db = TestDatabase.inMemory()) {
                Selection s = seed(db);
                RuleApplier applier = new RuleApplier(CARRIERS, chunk);
                RuleApplier.Outcome dry = Jdbc.inTransaction(db.dataSource(), c -> applier.evaluate(c, s.ids(), NOW));
                RuleApplier.Outcome real = Jdbc.inTransaction(db.dataSource(), c -> applier.apply(c, s.ids(), "op",
                        NOW));
                assertEquals(dry.evaluations(), real.evaluations());
                dumps.add(dump(db));
                checkWritten(db, s);
            }
        }
        assertEquals(dumps.get(0), dumps.get(1));
        assertEquals(dumps.get(0), dumps.get(2));
        assertTrue(dumps.get(0).size() > 60, dumps.get(0).toString());
    }

    @Test
    void aPackagesHistoryIsOneRowUnlessItsItemsOverflowTheColumnsThenFurtherRowsCarryTheRestWhole() {
        io.waybill.core.model.Reason warehouse = io.waybill.core.model.Reason.of(
                io.waybill.core.model.Reason.RULE_WAREHOUSE, "W1", 1, "r");
        List<RuleApplier.Row> one = RuleApplier.rows(List.of(warehouse));
        assertEquals(1, one.size());
        assertEquals(warehouse.english(), one.get(0).english());
        assertTrue(one.get(0).decided());

        // 40 refused rules with 100-character names: more than one row's 1,000 characters of English
        List<io.waybill.core.model.Reason> items = new ArrayList<>(List.of(warehouse));
        for (int i = 0; i < 40; i++) {
            items.add(io.waybill.core.model.Reason.of(io.waybill.core.model.Reason.RULE_SERVICE_DANGEROUS_GOODS,
                    "STD", "battery", i + 2, ("rule " + i + " ").repeat(20).substring(0, 100)));
        }
        List<RuleApplier.Row> rows = RuleApplier.rows(items);
        assertTrue(rows.size() > 1, rows.size() + " rows");
        List<io.waybill.core.model.Reason> carried = new ArrayList<>();
        for (RuleApplier.Row r : rows) {
            assertTrue(r.english().length() <= RuleApplier.REASON_CHARS, r.english());
            assertTrue(r.params().length() <= RuleApplier.PARAMS_CHARS, r.params());
            io.waybill.core.model.Reason combined = new io.waybill.core.model.Reason(
                    io.waybill.core.model.Reason.RULE_DECISIONS, List.of(r.params()));
            // the stored English is the combined reason's as every reader renders it
            assertEquals(combined.english(), r.english());
            carried.addAll(io.waybill.core.model.Reason.decode(r.params()));
        }
        assertEquals(items, carried, "every item, in order, none cut");
        assertTrue(rows.get(0).decided());
        assertTrue(!rows.get(rows.size() - 1).decided());
    }

    @Test
    void withoutAnEnabledRuleAHeldPackageInALaterChunkIsStillReleased() throws Exception {
        try (DatabaseEngine db = TestDatabase.inMemory()) {
            Selection s = seed(db);
            Fixtures.exec(db, "UPDATE WB_RULE SET ENABLED = FALSE");
            List<Long> ids = new ArrayList<>(s.ids());
            ids.remove(s.held());
            ids.add(s.held());
            RuleApplier.Outcome o = Jdbc.inTransaction(db.dataSource(), c -> new RuleApplier(CARRIERS, 2)
                    .apply(c, ids, "op", NOW));
            assertEquals(23, o.packages().size());
            assertEquals("WAITING", Fixtures.string(db, "SELECT STATUS FROM WB_PACKAGE WHERE ID = " + s.held()));
            assertEquals(null, Fixtures.string(db, "SELECT HOLD_REASON FROM WB_PACKAGE WHERE ID = " + s.held()));

            // nothing held in the selection: nothing read, nothing written
            ids.remove(s.held());
            RuleApplier.Outcome none = Jdbc.inTransaction(db.dataSource(), c -> new RuleApplier(CARRIERS, 2)
                    .apply(c, ids, "op", NOW));
            assertEquals(List.of(), none.packages());
        }
    }

    private static List<String> tags(DatabaseEngine db, long packageId) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT TAG, POS FROM WB_PACKAGE_TAG WHERE PACKAGE_ID = " + packageId
                     + " ORDER BY POS")) {
            while (rs.next()) {
                out.add(rs.getString(1) + "@" + rs.getInt(2));
            }
        }
        return out;
    }

    /** The rows the rules write, with their values (audit lines in the order written). */
    private static List<String> dump(DatabaseEngine db) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            for (String sql : List.of("SELECT ID, STATUS, VERSION, RULE_WAREHOUSE_ID, RULE_CARRIER_ID, "
                            + "RULE_SERVICE_CODE, HOLD_REASON, HOLD_RULE, UPDATED_AT FROM WB_PACKAGE ORDER BY ID",
                    "SELECT PACKAGE_ID, TAG, POS, ADDED_AT FROM WB_PACKAGE_TAG ORDER BY PACKAGE_ID, TAG",
                    "SELECT PACKAGE_ID, ACTOR, OCCURRED_AT, ACTION, FROM_STATUS, TO_STATUS, REASON, REASON_CODE, "
                            + "REASON_PARAMS FROM WB_AUDIT_EVENT ORDER BY ID")) {
                try (ResultSet rs = st.executeQuery(sql)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder b = new StringBuilder();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            b.append(rs.getString(i)).append('|');
                        }
                        out.add(b.toString());
                    }
                }
            }
        }
        return out;
    }
}
