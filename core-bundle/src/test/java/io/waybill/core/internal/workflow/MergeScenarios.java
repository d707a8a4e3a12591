package io.waybill.core.internal.workflow;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.internal.Fixtures;
import io.waybill.core.internal.capture.OrderCaptureServiceImpl;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.plugin.PluginRegistryImpl;
import io.waybill.core.internal.security.TestAuthorizers;
import io.waybill.core.internal.service.PackageServiceImpl;
import io.waybill.core.internal.sync.RecordingMarketplace;
import io.waybill.core.internal.sync.SyncJobWorker;
import io.waybill.core.internal.sync.SyncServiceImpl;
import io.waybill.core.model.AuditEntry;
import io.waybill.core.model.MergeSuggestion;
import io.waybill.core.model.PackageDetail;
import io.waybill.core.model.PackageStatus;
import io.waybill.core.model.Reason;
import io.waybill.spi.platform.PlatformOrder;
import io.waybill.spi.platform.ShipmentConfirmation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.waybill.core.internal.Fixtures.exec;
import static io.waybill.core.internal.Fixtures.scalar;
import static io.waybill.core.internal.security.TestAuthorizers.authorized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Merge and its undo (issue 14, 审单) as scenarios over one database, run on Derby ({@link PackageMergeTest}) and
 * PostgreSQL ({@link PostgresPackageMergeTest}). Each scenario uses its own orders ({@code tag}) and measures stock
 * as differences, so the scenarios can share a database. Stock rows 9xx are created by {@link #stock}.
 */
abstract class MergeScenarios extends WorkflowScenarios {

    /** Stock for the scenarios: plenty of A and B in W1. */
    static void stock(DatabaseEngine db) throws Exception {
        exec(db, "INSERT INTO WB_STOCK VALUES (901, 1, 11, 21, NULL, 1000, 0)");
        exec(db, "INSERT INTO WB_STOCK VALUES (902, 1, 11, 22, NULL, 1000, 0)");
    }

    static PlatformOrder order(String id, String buyer, Object... skuQty) {
        PlatformOrder o = Fixtures.order(id, skuQty);
        return new PlatformOrder(o.platformOrderId(), o.orderNo(), false, Instant.parse("2026-11-01T10:00:00Z"),
                Fixtures.address(buyer), o.lines());
    }

    /** Captures the orders into store S1 and returns their packages' ids, in the orders' order. */
    List<Long> capture(PlatformOrder... orders) throws Exception {
        authorized(new OrderCaptureServiceImpl(db(), Fixtures.registry())).capture("S1", List.of(orders), "load");
        return java.util.Arrays.stream(orders).map(o -> {
            try {
                return (long) scalar(db(), "SELECT p.ID FROM WB_PACKAGE p JOIN WB_ORDER o ON o.ID = p.ORDER_ID "
                        + "WHERE o.PLATFORM_ORDER_ID = '" + o.platformOrderId() + "'");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    int reserved(String sku) throws Exception {
        return scalar(db(), "SELECT RESERVED FROM WB_STOCK s JOIN WB_SKU k ON k.ID = s.SKU_ID WHERE s.WAREHOUSE_ID = "
                + "11 AND k.CODE = '" + sku + "'");
    }

    /** Every list's statuses checked by {@link #countsAreExact}: each status alone and the tabs of several. */
    static final List<Set<PackageStatus>> COUNTED = java.util.stream.Stream.concat(
            java.util.Arrays.stream(PackageStatus.values()).map(s -> (Set<PackageStatus>) java.util.EnumSet.of(s)),
            java.util.stream.Stream.of(java.util.EnumSet.of(PackageStatus.SHIPPED, PackageStatus.SYNCED,
                    PackageStatus.SYNC_FAILED), java.util.EnumSet.of(PackageStatus.WAITING, PackageStatus.ALLOCATED,
                    PackageStatus.MERGED, PackageStatus.VOIDED))).toList();

    /**
     * The lists' counts by store and by country (from the package's own copy of its order's store and country, V35)
     * equal the exact counts through the orders, for every status and tab; no package's copy differs from its order.
     */
    void countsAreExact(String step) throws Exception {
        assertEquals(0, scalar(db(), "SELECT COUNT(*) FROM WB_PACKAGE p JOIN WB_ORDER o ON o.ID = p.ORDER_ID WHERE "
                + "p.STORE_ID IS NULL OR p.COUNTRY_CODE IS NULL OR p.STORE_ID <> o.STORE_ID "
                + "OR p.COUNTRY_CODE <> o.COUNTRY_CODE OR p.BUYER_NAME IS NULL OR p.BUYER_NAME <> o.BUYER_NAME "
                + "OR p.ORDER_NO IS NULL OR p.ORDER_NO <> o.ORDER_NO"),
                step + ": a package's store, country, buyer or order no. differs from its order's");
        PackageServiceImpl packages = packages();
        for (Set<PackageStatus> statuses : COUNTED) {
            String in = statuses.stream().map(s -> "'" + s.name() + "'").collect(java.util.stream.Collectors.joining(
                    ", "));
            for (String store : List.of("S1", "S2")) {
                int exact = scalar(db(), "SELECT COUNT(*) FROM WB_PACKAGE p JOIN WB_ORDER o ON o.ID = p.ORDER_ID "
                        + "JOIN WB_STORE s ON s.ID = o.STORE_ID WHERE p.STATUS IN (" + in + ") AND s.CODE = '" + store
                        + "'");
                assertEquals(exact, packages.count(new io.waybill.core.model.PackageQuery(statuses, Set.of(store),
                        Set.of(), null)), step + ": " + statuses + " in store " + store);
            }
            for (String country : List.of("US", "DE", "FR")) {
                int exact = scalar(db(), "SELECT COUNT(*) FROM WB_PACKAGE p JOIN WB_ORDER o ON o.ID = p.ORDER_ID "
                        + "WHERE p.STATUS IN (" + in + ") AND o.COUNTRY_CODE = '" + country + "'");
                var query = new io.waybill.core.model.PackageQuery(statuses, Set.of(), Set.of(country), null);
                assertEquals(exact, packages.count(query), step + ": " + statuses + " to " + country);
                assertEquals(Math.min(exact, 50), packages.find(query, 0, 50, List.of()).size(), step + ": page");
            }
            int both = scalar(db(), "SELECT COUNT(*) FROM WB_PACKAGE p JOIN WB_ORDER o ON o.ID = p.ORDER_ID JOIN "
                    + "WB_STORE s ON s.ID = o.STORE_ID WHERE p.STATUS IN (" + in + ") AND s.CODE IN ('S1', 'S2') AND "
                    + "o.COUNTRY_CODE = 'DE'");
            assertEquals(both, packages.count(new io.waybill.core.model.PackageQuery(statuses, Set.of("S1", "S2"),
                    Set.of("DE"), null)), step + ": " + statuses + " in S1 + S2 to DE");
            int all = scalar(db(), "SELECT COUNT(*) FROM WB_PACKAGE WHERE STATUS IN (" + in + ")");
            assertEquals(all, packages.count(new io.waybill.core.model.PackageQuery(statuses, Set.of(), Set.of(),
                    null)), step + ": " + statuses);
        }
        assertEquals(0, packages.count(new io.waybill.core.model.PackageQuery(Set.of(), Set.of("NO-SUCH-STORE"),
                Set.of(), null)), "an unknown store matches nothing");
    }

    /** Each status's exact count now, through SQL. */
    Map<PackageStatus, Long> exactByStatus() throws Exception {
        Map<PackageStatus, Long> out = new java.util.EnumMap<>(PackageStatus.class);
        for (PackageStatus s : PackageStatus.values()) {
            out.put(s, (long) scalar(db(), "SELECT COUNT(*) FROM WB_PACKAGE WHERE STATUS = '" + s.name() + "'"));
        }
        return out;
    }

    // ---- scenarios

    /**
     * A merged parcel is all its orders to the rules (issue 14): after a merge, "Re-apply rules" sees the SKUs, units,
     * flags, value (the orders' totals added), buyer note (any order's) and ship-by (the earliest) of every order, so
     * the rule that matches only the combined parcel wins; the dry run shows exactly what the real run records; the
     * carriers' quotes are asked for the whole parcel and the customs declaration declares every order's lines.
     */
    void rulesSeeEveryOrderOfAMergedParcel(String tag, int skuId) throws Exception {
        String t = tag.toUpperCase(java.util.Locale.ROOT);
        String ma = "MA" + t;
        String mb = "MB" + t;
        exec(db(), "INSERT INTO WB_SKU (ID, VERSION, CODE, NAME, WEIGHT_GRAMS, HS_CODE, ORIGIN_COUNTRY) VALUES ("
                + skuId + ", 1, '" + ma + "', 'Mug', 600, '691200', 'CN')");
        exec(db(), "INSERT INTO WB_SKU (ID, VERSION, CODE, NAME, WEIGHT_GRAMS, DG_BATTERY, HS_CODE, ORIGIN_COUNTRY) "
                + "VALUES (" + (skuId + 1) + ", 1, '" + mb + "', 'Power bank', 700, TRUE, '850760', 'CN')");
        io.waybill.core.internal.rulestore.RuleServiceImpl rules = rules();
        List<Long> added = new java.util.ArrayList<>();
        try {
            added.add(rules.add("Big parcel " + tag, true, List.of("sku " + mb, "value 150.. EUR", "weight 1900..",
                    "items 3..", "note yes", "shipby 48"), List.of("warehouse W2", "tag big" + tag), "sup").id());
            added.add(rules.add("Any parcel " + tag, true, List.of("sku " + ma + "," + mb),
                    List.of("warehouse W1", "tag small" + tag), "sup").id());
            List<Long> ids = capture(order(tag + "a", "Buyer " + tag, ma, 2), order(tag + "b", "Buyer " + tag, mb, 1));
            long a = ids.get(0);
            long b = ids.get(1);
            Instant soon = Instant.now().plusSeconds(3600);
            exec(db(), "UPDATE WB_ORDER SET TOTAL = 80, CURRENCY = 'EUR' WHERE PLATFORM_ORDER_ID = '" + tag + "a'");
            try (java.sql.Connection c = db().dataSource().getConnection();
                 java.sql.PreparedStatement ps = c.prepareStatement("UPDATE WB_ORDER SET TOTAL = 90.5, CURRENCY = "
                         + "'EUR', BUYER_NOTE = 'ring twice', SHIP_BY = ? WHERE PLATFORM_ORDER_ID = ?")) {
                ps.setTimestamp(1, java.sql.Timestamp.from(soon));
                ps.setString(2, tag + "b");
                ps.executeUpdate();
                if (!c.getAutoCommit()) {
                    c.commit();
                }
            }
            exec(db(), "UPDATE WB_ORDER_LINE SET UNIT_PRICE = 40, CURRENCY = 'EUR' WHERE SKU_ID = " + skuId);
            exec(db(), "UPDATE WB_ORDER_LINE SET UNIT_PRICE = 90.5, CURRENCY = 'EUR' WHERE SKU_ID = " + (skuId + 1));
            // alone, each order is only "any parcel": the first lacks the power bank, the second the value
            assertEquals(List.of("rule_warehouse", "rule_tag"), ruleItems(a).stream().map(Reason::code).toList());
            assertEquals("W1", ruleItems(a).get(0).params().get(0));
            assertEquals("W1", ruleItems(b).get(0).params().get(0));

            long merged = merges().merge(List.of(a, b), "op");
            assertEquals(a, merged);
            var dry = rules.dryRun(List.of(merged), "op");
            assertEquals(1, rules.apply(List.of(merged), "op").succeeded().size());

            // the big-parcel rule wins on the orders together: SKU of the second, value 80 + 90.5, weight, units,
            // the second order's note and ship-by
            assertEquals(List.of(new io.waybill.core.model.RuleDryRun.Decision("WAREHOUSE", "warehouse W2", 1,
                    "Big parcel " + tag), new io.waybill.core.model.RuleDryRun.Decision("TAG", "tag big" + tag, 1,
                    "Big parcel " + tag)), dry.get(0).decisions());
            List<Reason> recorded = ruleItems(merged);
            assertEquals(List.of(Reason.of(Reason.RULE_WAREHOUSE, "W2", "1", "Big parcel " + tag),
                    Reason.of(Reason.RULE_TAG, "big" + tag, "1", "Big parcel " + tag)), recorded);
            // the dry run equals the real run: each dry-run decision is a recorded one, in order
            assertEquals(dry.get(0).decisions().stream().map(d -> d.ruleName() + "#" + d.position()).toList(),
                    recorded.stream().map(r -> r.params().get(r.params().size() - 1) + "#"
                            + r.params().get(r.params().size() - 2)).toList());
            assertEquals(12L, (long) scalar(db(), "SELECT RULE_WAREHOUSE_ID FROM WB_PACKAGE WHERE ID = " + merged));

            io.waybill.core.internal.rules.RuleInput in;
            io.waybill.spi.carrier.CarrierService.Parcel parcel;
            try (java.sql.Connection c = db().dataSource().getConnection()) {
                in = new io.waybill.core.internal.rulestore.RuleApplier().evaluate(c, List.of(merged), Instant.now())
                        .packages().get(0).input();
                parcel = new io.waybill.core.internal.rulestore.RuleApplier().parcel(c, merged).orElseThrow();
            }
            assertEquals(List.of(new io.waybill.core.internal.rules.RuleInput.Line(ma, 2, Set.of()),
                    new io.waybill.core.internal.rules.RuleInput.Line(mb, 1, Set.of(
                            io.waybill.core.internal.rules.ProductFlag.BATTERY))), in.lines());
            assertEquals(3, in.itemCount());
            assertEquals(0, new java.math.BigDecimal("170.5").compareTo(in.orderValue()), "80 + 90.5");
            assertEquals("ring twice", in.buyerNote());
            assertEquals(soon.toEpochMilli() / 1000, in.shipBy().toEpochMilli() / 1000, "the earliest ship-by");
            assertEquals(weight(merged), in.weightGrams());
            // the carriers' quotes: the parcel of both orders, as the rules and the services' limits see it
            assertEquals(new io.waybill.spi.carrier.CarrierService.Parcel("US", weight(merged), in.orderValue(),
                    "EUR", Set.of(io.waybill.spi.carrier.CarrierService.DangerousGoods.BATTERY), 2, true), parcel);
            // the customs declaration: every order's lines, at the prices paid
            io.waybill.core.model.PackageDeclaration declared = io.waybill.core.internal.customs.Declarations.build(
                    detail(merged), sku -> null, new io.waybill.core.model.StoreCustoms(null, null, false));
            assertEquals(List.of(ma + " x2 40", mb + " x1 90.5"), declared.lines().stream().map(l -> l.sku() + " x"
                    + l.quantity() + " " + l.unitValue().stripTrailingZeros().toPlainString()).toList());
            assertEquals(0, new java.math.BigDecimal("170.5").compareTo(declared.total()));
        } finally {
            for (long id : added) {
                rules.delete(id, "sup"); // the rules are every capture's: on PostgreSQL the scenarios share them
            }
        }
    }

    /**
     * Undo merge applies the rules again by themselves (issue 14): the rules decided for the parcel of both orders, each
     * package is its own order again; each package's history row starts with "rules applied again: the merge was
     * undone" and names the rule that decided; a shipping method assigned by hand (not by the rules' last run) is
     * kept, and the row says why.
     */
    void undoMergeAppliesTheRulesAgainKeepingWhatWasAssignedByHand(String tag, int skuId) throws Exception {
        String t = tag.toUpperCase(java.util.Locale.ROOT);
        String ua = "UA" + t;
        String ub = "UB" + t;
        exec(db(), "INSERT INTO WB_SKU (ID, VERSION, CODE, NAME, WEIGHT_GRAMS) VALUES (" + skuId + ", 1, '" + ua
                + "', 'Cup', 300)");
        exec(db(), "INSERT INTO WB_SKU (ID, VERSION, CODE, NAME, WEIGHT_GRAMS) VALUES (" + (skuId + 1) + ", 1, '" + ub
                + "', 'Saucer', 200)");
        io.waybill.core.internal.rulestore.RuleServiceImpl rules = rules();
        List<Long> added = new java.util.ArrayList<>();
        try {
            String big = "Set " + tag;
            String any = "Piece " + tag;
            added.add(rules.add(big, true, List.of("sku " + ub, "items 3.."), List.of("warehouse W2",
                    "ship pool-main SET" + t), "sup").id());
            added.add(rules.add(any, true, List.of("sku " + ua + "," + ub), List.of("warehouse W1"), "sup").id());
            List<Long> ids = capture(order(tag + "a", "Buyer " + tag, ua, 2), order(tag + "b", "Buyer " + tag, ub, 1));
            long a = ids.get(0);
            long b = ids.get(1);
            long merged = merges().merge(List.of(a, b), "op");
            rules.apply(List.of(merged), "op");
            assertEquals(List.of(Reason.of(Reason.RULE_WAREHOUSE, "W2", "1", big), Reason.of(Reason.RULE_SHIPPING_METHOD,
                    "pool-main", "SET" + t, "1", big)), ruleItems(merged));
            // while merged, someone assigns the second package's shipping method by hand (no rule decided it)
            exec(db(), "UPDATE WB_PACKAGE SET RULE_CARRIER_ID = 'hand-post', RULE_SERVICE_CODE = 'EXPRESS' WHERE ID = "
                    + b);

            merges().undoMerge(merged, "op");

            // the first package alone is no set: the piece rule decides again, the set's shipping method is gone
            assertEquals(List.of(Reason.of(Reason.RULES_MERGE_UNDONE), Reason.of(Reason.RULE_WAREHOUSE, "W1", "2",
                    any)), ruleItems(a));
            assertEquals(11L, (long) scalar(db(), "SELECT RULE_WAREHOUSE_ID FROM WB_PACKAGE WHERE ID = " + a));
            assertEquals(0, scalar(db(), "SELECT COUNT(*) FROM WB_PACKAGE WHERE RULE_CARRIER_ID IS NOT NULL AND ID = "
                    + a));
            AuditEntry row = detail(a).history().stream().filter(h -> Reason.RULE_DECISIONS.equals(h.reasonCode()))
                    .reduce((x, y) -> y).orElseThrow();
            assertEquals("RULE_APPLIED", row.action());
            assertEquals("op", row.actor());
            assertTrue(row.reason().startsWith("Rules applied again: the merge was undone; Warehouse W1 by rule #2"),
                    row.reason());
            // the second keeps its shipping method by hand, and says why; its warehouse is the rules' again
            assertEquals(List.of(Reason.of(Reason.RULES_MERGE_UNDONE), Reason.of(Reason.RULE_WAREHOUSE, "W1", "2",
                    any), Reason.of(Reason.RULE_KEPT_SHIPPING_METHOD, "hand-post", "EXPRESS")), ruleItems(b));
            assertEquals(1, scalar(db(), "SELECT COUNT(*) FROM WB_PACKAGE WHERE RULE_CARRIER_ID = 'hand-post' AND "
                    + "RULE_SERVICE_CODE = 'EXPRESS' AND ID = " + b));
            assertEquals(List.of(PackageStatus.WAITING, PackageStatus.WAITING), List.of(status(a), status(b)));

            // merged and undone again: the kept method is still by hand (the rules' last run kept it, decided none)
            long again = merges().merge(List.of(a, b), "op");
            merges().undoMerge(again, "op");
            assertEquals(Reason.of(Reason.RULE_KEPT_SHIPPING_METHOD, "hand-post", "EXPRESS"),
                    ruleItems(b).get(ruleItems(b).size() - 1));
        } finally {
            for (long id : added) {
                rules.delete(id, "sup"); // the rules are every capture's: on PostgreSQL the scenarios share them
            }
        }
    }

    /** The items of the package's last rules history row. */
    List<Reason> ruleItems(long id) {
        AuditEntry row = detail(id).history().stream().filter(h -> Reason.RULE_DECISIONS.equals(h.reasonCode()))
                .reduce((x, y) -> y).orElseThrow(() -> new AssertionError("no rules row for " + id));
        return Reason.decode(row.reasonParams().get(0));
    }

    /**
     * Issue 15: tab labels and unfiltered lists show a large status's count of up to a minute ago as an estimate and
     * recount it in the background once it is older; small statuses, filtered lists and counts too old for an
     * estimate are exact. Here every status with a package is "large" (from 1), the clock is the test's and the
     * background recount runs at once.
     */
    void tabCountsAreEstimatedAndFollowStatusChanges(String tag) throws Exception {
        long minute = 60_000_000_000L;
        java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong();
        List<Runnable> recounts = new java.util.ArrayList<>();
        PackageServiceImpl packages = packages();
        packages.setEstimates(1, minute, clock::get, recounts::add);
        capture(order(tag + "-0", "Buyer " + tag, "A", 1));

        Map<PackageStatus, Long> first = exactByStatus();
        var tabs = packages.countsForTabs(null);
        for (PackageStatus s : PackageStatus.values()) {
            assertEquals(new io.waybill.core.model.ListCount(first.get(s), false), tabs.get(s), "first count: " + s);
        }

        List<Long> ids = capture(order(tag + "-1", "Buyer " + tag, "A", 1), order(tag + "-2", "Other " + tag, "B", 1));
        long waiting = first.get(PackageStatus.WAITING);
        assertEquals(new io.waybill.core.model.ListCount(waiting, true), packages.countsForTabs(null).get(
                PackageStatus.WAITING), "within the minute: the count of before, as an estimate");
        assertEquals(new io.waybill.core.model.ListCount(waiting, true), packages.countForList(
                io.waybill.core.model.PackageQuery.status(PackageStatus.WAITING)), "the list's badge: the same");
        var byStore = new io.waybill.core.model.PackageQuery(Set.of(PackageStatus.WAITING), Set.of("S1"), Set.of(),
                null);
        assertEquals(new io.waybill.core.model.ListCount(scalar(db(), "SELECT COUNT(*) FROM WB_PACKAGE WHERE STATUS "
                + "= 'WAITING' AND STORE_ID = 1"), false), packages.countForList(byStore), "a filtered list: exact");
        assertTrue(recounts.isEmpty(), "no recount within the minute");

        assertEquals(2, fulfilment().allocate(ids, "op").succeeded().size());
        clock.addAndGet(minute);
        assertEquals(new io.waybill.core.model.ListCount(waiting, true), packages.countsForTabs(null).get(
                PackageStatus.WAITING), "a minute old: still shown while it is counted again");
        packages.countsForTabs(null);
        assertEquals(countLarge(first), recounts.size(), "one recount per large status, however often asked");
        recounts.forEach(Runnable::run);
        recounts.clear();
        Map<PackageStatus, Long> now = exactByStatus();
        tabs = packages.countsForTabs(null);
        for (PackageStatus s : PackageStatus.values()) {
            assertEquals(now.get(s), tabs.get(s).value(), "after the recount: " + s);
        }
        assertEquals(waiting, now.get(PackageStatus.WAITING), "two captured, two allocated");
        assertTrue(tabs.get(PackageStatus.ALLOCATED).estimate());
        var shipped = Set.of(PackageStatus.SHIPPED, PackageStatus.SYNCED, PackageStatus.SYNC_FAILED);
        assertEquals(shipped.stream().mapToLong(now::get).sum(), packages.countForList(
                io.waybill.core.model.PackageQuery.all().withStatuses(shipped)).value(), "a tab of three statuses");

        fulfilment().voidPackages(List.of(ids.get(0)), "test", "op");
        clock.addAndGet(5 * minute);
        now = exactByStatus();
        tabs = packages.countsForTabs(null);
        for (PackageStatus s : PackageStatus.values()) {
            assertEquals(new io.waybill.core.model.ListCount(now.get(s), false), tabs.get(s),
                    "too old for an estimate: counted again by the caller: " + s);
        }
        assertTrue(recounts.isEmpty());
    }

    /** The ids a query returns, in its order. */
    List<Long> ids(String sql) throws Exception {
        List<Long> out = new java.util.ArrayList<>();
        try (var c = db().dataSource().getConnection(); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    /**
     * Issue 15 (V37, V38): pages sorted by store, buyer, country, package no., order no. and weight, read from the
     * package's own copies and indexes (by store: store by store), equal the join's order (store name, store, created
     * newest first, id; the key, created newest first, id), for one status and a tab of several, both directions,
     * with a filter, at offsets; a buyer renamed and an order renumbered on the order move the package.
     */
    void sortedPagesEqualTheJoinsOrder(String tag) throws Exception {
        if (scalar(db(), "SELECT COUNT(*) FROM WB_STORE WHERE CODE = 'S2'") == 0) {
            exec(db(), "INSERT INTO WB_STORE (ID, VERSION, CODE, NAME, PLATFORM) VALUES (2, 1, 'S2', 'Store two', "
                    + "'test')");
        }
        String[] buyers = {"anna " + tag, "Zoë " + tag, "李娜 " + tag, "Bob " + tag, "anna " + tag, "émile " + tag};
        PlatformOrder[] orders = new PlatformOrder[buyers.length];
        for (int i = 0; i < buyers.length; i++) {
            orders[i] = order(tag + "-" + i, buyers[i], i % 2 == 0 ? "A" : "B", 1);
        }
        List<Long> ids = capture(orders);
        exec(db(), "UPDATE WB_ORDER SET STORE_ID = 2, COUNTRY_CODE = 'DE' WHERE PLATFORM_ORDER_ID IN ('" + tag + "-1', '"
                + tag + "-2')");
        exec(db(), "UPDATE WB_ORDER SET COUNTRY_CODE = 'FR' WHERE PLATFORM_ORDER_ID = '" + tag + "-3'");
        exec(db(), "UPDATE WB_ORDER SET BUYER_NAME = 'Aaron " + tag + "' WHERE PLATFORM_ORDER_ID = '" + tag + "-5'");
        // order numbers out of the packages' order, one renumbered on the order; weights with ties
        exec(db(), "UPDATE WB_ORDER SET ORDER_NO = '0-" + tag + "' WHERE PLATFORM_ORDER_ID = '" + tag + "-4'");
        int[] grams = {300, 120, 300, 4500, 120, 300};
        for (int i = 0; i < ids.size(); i++) {
            exec(db(), "UPDATE WB_PACKAGE SET EXPECTED_WEIGHT_GRAMS = " + grams[i] + " WHERE ID = " + ids.get(i));
        }
        assertEquals(2, fulfilment().allocate(List.of(ids.get(0), ids.get(3)), "op").succeeded().size(), "in S1");
        fulfilment().voidPackages(List.of(ids.get(2)), "test", "op");
        countsAreExact("sort keys copied");
        PackageServiceImpl packages = packages();
        var tabs = List.of(Set.of(PackageStatus.WAITING), Set.of(PackageStatus.WAITING, PackageStatus.ALLOCATED,
                PackageStatus.VOIDED));
        for (Set<PackageStatus> statuses : tabs) {
            String in = statuses.stream().map(st -> "'" + st.name() + "'").collect(java.util.stream.Collectors.joining(
                    ", "));
            for (boolean asc : List.of(true, false)) {
                String dir = asc ? " ASC" : " DESC";
                Map<io.waybill.core.model.PackageSort.Field, String> joinOrder = Map.of(
                        io.waybill.core.model.PackageSort.Field.STORE, "s.NAME" + dir + ", s.ID" + dir,
                        io.waybill.core.model.PackageSort.Field.BUYER, "o.BUYER_NAME" + dir,
                        io.waybill.core.model.PackageSort.Field.COUNTRY, "o.COUNTRY_CODE" + dir,
                        io.waybill.core.model.PackageSort.Field.PACKAGE_NO, "p.PACKAGE_NO" + dir,
                        io.waybill.core.model.PackageSort.Field.ORDER_NO, "o.ORDER_NO" + dir,
                        io.waybill.core.model.PackageSort.Field.WEIGHT, "p.EXPECTED_WEIGHT_GRAMS" + dir);
                for (var e : joinOrder.entrySet()) {
                    for (String country : java.util.Arrays.asList(null, "DE")) {
                        List<Long> expected = ids("SELECT p.ID FROM WB_PACKAGE p JOIN WB_ORDER o ON o.ID = p.ORDER_ID "
                                + "JOIN WB_STORE s ON s.ID = o.STORE_ID WHERE p.STATUS IN (" + in + ")"
                                + (country == null ? "" : " AND o.COUNTRY_CODE = '" + country + "'") + " ORDER BY "
                                + e.getValue() + ", p.CREATED_AT DESC, p.ID ASC");
                        var query = new io.waybill.core.model.PackageQuery(statuses, Set.of(), country == null
                                ? Set.of() : Set.of(country), null);
                        var sort = List.of(new io.waybill.core.model.PackageSort(e.getKey(), asc));
                        String what = statuses + " by " + e.getKey() + dir + (country == null ? "" : " to " + country);
                        assertEquals(expected, packages.find(query, 0, 1000, sort).stream().map(
                                io.waybill.core.model.PackageRow::id).toList(), what);
                        for (int offset : new int[] {0, 2, 5}) {
                            assertEquals(expected.subList(Math.min(offset, expected.size()), Math.min(offset + 3,
                                    expected.size())), packages.find(query, offset, 3, sort).stream().map(
                                    io.waybill.core.model.PackageRow::id).toList(), what + " from " + offset);
                        }
                    }
                }
            }
        }
        fulfilment().voidPackages(List.of(ids.get(0), ids.get(1), ids.get(3), ids.get(4), ids.get(5)), "test", "op");
    }

    /** How many statuses hold at least one package. */
    private static long countLarge(Map<PackageStatus, Long> counts) {
        return counts.values().stream().filter(n -> n > 0).count();
    }

    /**
     * Issue 15 (V35): the store and country counts stay exact through capture, allocation, a merge, an address
     * change to another country, an order moved to another store, a package written directly (as imports of old
     * data and generators do), a void and an undone merge.
     */
    void storeAndCountryCountsStayExact(String tag) throws Exception {
        if (scalar(db(), "SELECT COUNT(*) FROM WB_STORE WHERE CODE = 'S2'") == 0) {
            exec(db(), "INSERT INTO WB_STORE (ID, VERSION, CODE, NAME, PLATFORM) VALUES (2, 1, 'S2', 'Store two', "
                    + "'test')");
        }
        countsAreExact("before");
        List<Long> ids = capture(order(tag + "-1", "Buyer " + tag, "A", 1), order(tag + "-2", "Buyer " + tag, "B", 1),
                order(tag + "-3", "Other " + tag, "A", 2), order(tag + "-4", "Third " + tag, "B", 2));
        countsAreExact("captured");
        assertEquals(3, fulfilment().allocate(ids.subList(0, 3), "op").succeeded().size());
        countsAreExact("allocated");
        long merged = merges().merge(ids.subList(0, 2), "op");
        countsAreExact("merged");
        var capture = authorized(new OrderCaptureServiceImpl(db(), Fixtures.registry()));
        capture.updateAddress(ids.get(3), new io.waybill.spi.common.Address("Third " + tag, null, "Hauptstrasse 1",
                null, "Berlin", null, "10115", "DE", null, null), "op");
        assertEquals("DE", packages().detail(ids.get(3)).orElseThrow().row().countryCode());
        countsAreExact("address to DE");
        exec(db(), "UPDATE WB_ORDER SET STORE_ID = 2 WHERE PLATFORM_ORDER_ID = '" + tag + "-3'");
        countsAreExact("order moved to S2");
        exec(db(), "UPDATE WB_ORDER SET COUNTRY_CODE = 'FR', STORE_ID = 1 WHERE PLATFORM_ORDER_ID = '" + tag + "-3'");
        countsAreExact("order back to S1, to FR");
        long orderId = scalar(db(), "SELECT ORDER_ID FROM WB_PACKAGE WHERE ID = " + ids.get(3));
        long direct = 990_000 + Math.floorMod(tag.hashCode(), 1000);
        exec(db(), "INSERT INTO WB_PACKAGE (ID, VERSION, PACKAGE_NO, ORDER_ID, STATUS, EXPECTED_WEIGHT_GRAMS, "
                + "PRINT_COUNT, CREATED_AT, UPDATED_AT) VALUES (" + direct + ", 1, 'WBX" + direct + "', " + orderId
                + ", 'VOIDED', 100, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        assertEquals("DE", io.waybill.core.internal.Fixtures.string(db(), "SELECT COUNTRY_CODE FROM WB_PACKAGE "
                + "WHERE ID = " + direct), "a row written directly takes its order's country");
        countsAreExact("written directly");
        assertEquals(List.of(merged), fulfilment().voidPackages(List.of(merged), "test", "op").succeeded());
        countsAreExact("voided");
        List<Long> more = capture(order(tag + "-5", "Fifth " + tag, "A", 1), order(tag + "-6", "Fifth " + tag, "A", 1));
        long second = merges().merge(more, "op");
        merges().undoMerge(second, "op");
        countsAreExact("merge undone");
        fulfilment().voidPackages(List.of(ids.get(2), ids.get(3), more.get(0), more.get(1)), "test", "op");
        countsAreExact("all voided");
    }

    /** Allocated packages merge without a stock change and come back exactly; voiding them all frees everything. */
    void mergeOfAllocatedPackagesKeepsReservationsAndUndoRestoresThem(String tag) throws Exception {
        int a0 = reserved("A");
        int b0 = reserved("B");
        List<Long> ids = capture(order(tag + "-1", "Buyer " + tag, "A", 2), order(tag + "-2", "Buyer " + tag, "A", 1,
                "B", 3));
        assertEquals(2, fulfilment().allocate(ids, "op").succeeded().size());
        assertEquals(a0 + 3, reserved("A"));
        assertEquals(b0 + 3, reserved("B"));
        int w1 = detail(ids.get(0)).row().expectedWeightGrams();
        int w2 = detail(ids.get(1)).row().expectedWeightGrams();

        long merged = merges().merge(List.of(ids.get(1), ids.get(0)), "op");

        assertEquals(ids.get(0), merged, "the lowest-numbered package ships for all");
        assertEquals(PackageStatus.ALLOCATED, status(merged));
        assertEquals(PackageStatus.MERGED, status(ids.get(1)));
        PackageDetail d = detail(merged);
        assertEquals(3, units(d, "A"));
        assertEquals(3, units(d, "B"));
        assertEquals(w1 + w2, d.row().expectedWeightGrams());
        assertEquals(a0 + 3, reserved("A"), "a merge moves no stock: nothing reserved twice, nothing lost");
        assertEquals(b0 + 3, reserved("B"));
        assertEquals("MERGED", last(d).action());
        assertEquals(Reason.MERGED_FROM, last(d).reasonCode());
        assertEquals(List.of(detail(ids.get(1)).row().packageNo()), last(d).reasonParams());
        assertEquals(Reason.MERGED_INTO, last(detail(ids.get(1))).reasonCode());
        assertEquals("op", last(detail(ids.get(1))).actor());
        io.waybill.core.model.BatchResult taken = fulfilment().allocate(List.of(ids.get(1)), "op");
        assertEquals(Reason.ILLEGAL_STATE, taken.failures().get(0).code(), "no step takes a merged package");

        assertEquals(List.of(ids.get(1)), merges().undoMerge(merged, "op"));

        assertEquals(PackageStatus.ALLOCATED, status(ids.get(0)));
        assertEquals(PackageStatus.ALLOCATED, status(ids.get(1)));
        assertEquals("W1", detail(ids.get(1)).warehouseCode());
        assertEquals(2, units(detail(ids.get(0)), "A"));
        assertEquals(0, units(detail(ids.get(0)), "B"));
        assertEquals(w1, detail(ids.get(0)).row().expectedWeightGrams());
        assertEquals(w2, detail(ids.get(1)).row().expectedWeightGrams());
        assertEquals(a0 + 3, reserved("A"));
        assertEquals(b0 + 3, reserved("B"));
        assertEquals(Reason.MERGE_UNDONE, last(detail(ids.get(0))).reasonCode());
        assertEquals(Reason.MERGE_UNDONE, last(detail(ids.get(1))).reasonCode());
        assertEquals(0, scalar(db(), "SELECT COUNT(*) FROM WB_PACKAGE WHERE MERGED_INTO = " + merged));

        assertEquals(2, fulfilment().voidPackages(ids, "test over", "op").succeeded().size());
        assertEquals(a0, reserved("A"));
        assertEquals(b0, reserved("B"));
    }

    /** A re-capture that changes the parcel's own order keeps the weight of what was merged into it. */
    void recaptureOfAMergedParcelsOrderKeepsTheMergedWeight(String tag) throws Exception {
        List<Long> ids = capture(order(tag + "-1", "Buyer " + tag, "A", 1), order(tag + "-2", "Buyer " + tag, "B", 2));
        int member = detail(ids.get(1)).row().expectedWeightGrams();
        long merged = merges().merge(ids, "op");
        assertEquals(PackageStatus.WAITING, status(merged));

        capture(order(tag + "-1", "Buyer " + tag, "A", 3));

        int own = (int) scalar(db(), "SELECT EXPECTED_WEIGHT_GRAMS FROM WB_PACKAGE WHERE ID = " + merged) - member;
        assertEquals(3, units(detail(merged), "A"), "the parcel holds its order's new lines");
        assertEquals(2, units(detail(merged), "B"), "and still the merged package's");
        assertTrue(own > 0, "the parcel's own order weighs something: " + own);
        assertEquals(List.of(ids.get(1)), merges().undoMerge(merged, "op"));
        assertEquals(own, detail(ids.get(0)).row().expectedWeightGrams(), "after the undo it weighs its own order");
        assertEquals(member, detail(ids.get(1)).row().expectedWeightGrams());
    }

    /** Voiding a merged parcel voids the packages merged into it: no order is left merged into nothing. */
    void voidingAMergedParcelVoidsThePackagesMergedIntoIt(String tag) throws Exception {
        int a0 = reserved("A");
        int b0 = reserved("B");
        List<Long> ids = capture(order(tag + "-1", "Buyer " + tag, "A", 2), order(tag + "-2", "Buyer " + tag, "B", 1));
        assertEquals(2, fulfilment().allocate(ids, "op").succeeded().size());
        long merged = merges().merge(ids, "op");
        String parcelNo = detail(merged).row().packageNo();

        assertEquals(List.of(merged), fulfilment().voidPackages(List.of(merged), "Buyer cancelled", "op").succeeded());

        assertEquals(PackageStatus.VOIDED, status(ids.get(0)));
        assertEquals(PackageStatus.VOIDED, status(ids.get(1)));
        assertEquals(a0, reserved("A"), "the parcel's lines, its own and the merged ones, are released once");
        assertEquals(b0, reserved("B"));
        AuditEntry member = last(detail(ids.get(1)));
        assertEquals("VOIDED", member.action());
        assertEquals(PackageStatus.MERGED, member.from());
        assertEquals("op", member.actor());
        assertEquals("Buyer cancelled (" + parcelNo + ")", member.reason());
        assertThrows(io.waybill.core.api.OperationRefusedException.class, () -> merges().undoMerge(merged, "op"),
                "a voided parcel has nothing to undo");
        assertEquals(PackageStatus.VOIDED, status(ids.get(1)));
    }

    /** Waiting packages merged then allocated reserve once for all; the undo hands each its share; void frees all. */
    void mergedWaitingPackagesAllocateOnceForAllOrders(String tag) throws Exception {
        int a0 = reserved("A");
        int b0 = reserved("B");
        List<Long> ids = capture(order(tag + "-1", "Buyer " + tag, "A", 1), order(tag + "-2", "Buyer " + tag, "B", 2),
                order(tag + "-3", "Buyer " + tag, "A", 4));
        long merged = merges().merge(ids, "op");
        assertEquals(2, scalar(db(), "SELECT MERGE_SIZE FROM WB_PACKAGE WHERE ID = " + merged));
        assertEquals(1, fulfilment().allocate(List.of(merged), "op").succeeded().size());
        assertEquals(a0 + 5, reserved("A"));
        assertEquals(b0 + 2, reserved("B"));
        assertEquals(PackageStatus.MERGED, status(ids.get(1)));
        assertEquals(PackageStatus.MERGED, status(ids.get(2)));

        merges().undoMerge(merged, "op");
        for (long id : ids) {
            assertEquals(PackageStatus.ALLOCATED, status(id));
        }
        assertEquals(a0 + 5, reserved("A"));
        assertEquals(b0 + 2, reserved("B"));
        // each voided on its own releases exactly its own lines
        fulfilment().voidPackages(List.of(ids.get(2)), "test", "op");
        assertEquals(a0 + 1, reserved("A"));
        fulfilment().voidPackages(List.of(ids.get(0), ids.get(1)), "test", "op");
        assertEquals(a0, reserved("A"));
        assertEquals(b0, reserved("B"));
    }

    /** What a merge refuses, with its reason, writing nothing. */
    void refusalsWriteNothing(String tag) throws Exception {
        List<Long> ids = capture(order(tag + "-1", "Buyer " + tag, "A", 1), order(tag + "-2", "Buyer " + tag, "A", 1),
                order(tag + "-3", "Other " + tag, "A", 1), order(tag + "-4", "Buyer " + tag, "A", 1));
        PackageMergeServiceImpl m = merges();
        assertEquals(Reason.MERGE_TOO_FEW, assertThrows(OperationRefusedException.class,
                () -> m.merge(List.of(ids.get(0)), "op")).code());
        assertEquals(Reason.MERGE_MISMATCH, assertThrows(OperationRefusedException.class,
                () -> m.merge(List.of(ids.get(0), ids.get(2)), "op")).code());
        fulfilment().allocate(List.of(ids.get(3)), "op");
        OperationRefusedException step = assertThrows(OperationRefusedException.class,
                () -> m.merge(List.of(ids.get(0), ids.get(3)), "op"));
        assertEquals(Reason.MERGE_STEP, step.code());
        assertEquals(PackageStatus.WAITING.name(), step.params().get(1));
        // a queued upload, then an upload done: the one rule of edits before upload
        fulfilment().allocate(List.of(ids.get(1)), "op");
        exec(db(), "INSERT INTO WB_CARRIER_JOB (PACKAGE_ID, KIND, CARRIER_ID, IDEMPOTENCY_KEY, STATE, ATTEMPTS, "
                + "NEXT_RUN_AT, CREATED_AT, UPDATED_AT) VALUES (" + ids.get(1) + ", 'UPLOAD', 'pool', 'k-" + tag
                + "', 'QUEUED', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        assertEquals(Reason.UPLOAD_IN_PROGRESS, assertThrows(OperationRefusedException.class,
                () -> m.merge(List.of(ids.get(1), ids.get(3)), "op")).code());
        exec(db(), "UPDATE WB_CARRIER_JOB SET STATE = 'DONE' WHERE PACKAGE_ID = " + ids.get(1));
        exec(db(), "UPDATE WB_PACKAGE SET STATUS = 'TRACKED', TRACKING_NO = 'T-" + tag + "' WHERE ID = " + ids.get(1));
        OperationRefusedException uploaded = assertThrows(OperationRefusedException.class,
                () -> m.merge(List.of(ids.get(1), ids.get(3)), "op"));
        assertEquals(Reason.EDIT_LOCKED, uploaded.code());
        assertEquals("contents", uploaded.params().get(2));
        assertEquals(Reason.NOT_MERGED, assertThrows(OperationRefusedException.class,
                () -> m.undoMerge(ids.get(0), "op")).code());
        PackageMergeServiceImpl nobody = new PackageMergeServiceImpl(db().dataSource(), Clock.systemUTC());
        nobody.setAuthorizer(TestAuthorizers.of(Map.of("viewer", Set.of())));
        assertEquals("not_permitted", assertThrows(OperationRefusedException.class,
                () -> nobody.merge(List.of(ids.get(0), ids.get(1)), "viewer")).code());
        nobody.setAuthorizer(TestAuthorizers.of(Map.of("operator", Set.of("operator"))));
        // nothing was written by any refusal
        assertEquals(0, scalar(db(), "SELECT COUNT(*) FROM WB_PACKAGE WHERE MERGED_INTO IS NOT NULL AND ID IN ("
                + ids.get(0) + ", " + ids.get(1) + ", " + ids.get(2) + ", " + ids.get(3) + ")"));
        assertEquals(PackageStatus.WAITING, status(ids.get(0)));
        assertEquals(PackageStatus.WAITING, status(ids.get(2)));

        // an operator may merge (the permission matrix: operator and up); undo is refused once uploaded
        long fifth = capture(order(tag + "-5", "Buyer " + tag, "B", 1)).get(0);
        long merged = nobody.merge(List.of(fifth, ids.get(0)), "operator");
        exec(db(), "UPDATE WB_PACKAGE SET STATUS = 'PRINTED' WHERE ID = " + merged);
        OperationRefusedException late = assertThrows(OperationRefusedException.class,
                () -> m.undoMerge(merged, "op"));
        assertEquals(Reason.EDIT_LOCKED, late.code());
        assertEquals(1, scalar(db(), "SELECT MERGE_SIZE FROM WB_PACKAGE WHERE ID = " + merged));
    }

    /** The suggestions of the To review tab: packages of one buyer at one step. */
    void suggestsPackagesOfOneBuyer(String tag) throws Exception {
        List<Long> ids = capture(order(tag + "-1", "Buyer " + tag, "A", 1), order(tag + "-2", "Buyer " + tag, "B", 1),
                order(tag + "-3", "Other " + tag, "A", 1));
        List<MergeSuggestion> found = merges().suggestions().stream()
                .filter(s -> s.packageIds().contains(ids.get(0))).toList();
        assertEquals(1, found.size());
        assertEquals(List.of(ids.get(0), ids.get(1)), found.get(0).packageIds());
        assertEquals("Buyer " + tag, found.get(0).buyerName());
        merges().merge(found.get(0).packageIds(), "op");
        assertTrue(merges().suggestions().stream().noneMatch(s -> s.packageIds().contains(ids.get(0))));
    }

    /** The merged package's tracking number is confirmed to every source order, once each. */
    void syncConfirmsEverySourceOrderOnce(String tag) throws Exception {
        List<Long> ids = capture(order(tag + "-1", "Buyer " + tag, "A", 1), order(tag + "-2", "Buyer " + tag, "B", 1));
        long merged = merges().merge(ids, "op");
        exec(db(), "UPDATE WB_PACKAGE SET STATUS = 'SHIPPED', CARRIER_ID = 'pool', TRACKING_NO = 'RR" + tag
                + "', SHIPPED_AT = CURRENT_TIMESTAMP WHERE ID = " + merged);
        exec(db(), "UPDATE WB_STORE SET PLATFORM = 'test'");
        SyncServiceImpl sync = authorized(new SyncServiceImpl(db().dataSource(), Clock.systemUTC()));
        RecordingMarketplace marketplace = new RecordingMarketplace("test");
        PluginRegistryImpl registry = Fixtures.registry();
        registry.bindPlatform(Fixtures.reference(), marketplace);
        SyncJobWorker worker = SyncJobWorker.standalone(sync, registry, false);
        try {
            assertEquals(1, sync.startSync(List.of(merged), "op").succeeded().size());
            worker.start(10);
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (status(merged) != PackageStatus.SYNCED) {
                if (System.nanoTime() > deadline) {
                    fail("the merged package was not synced");
                }
                Thread.sleep(20);
            }
        } finally {
            worker.stop();
        }
        assertEquals(List.of(tag + "-1", tag + "-2"), marketplace.confirmed.stream()
                .map(ShipmentConfirmation::platformOrderId).sorted().toList());
        assertTrue(marketplace.confirmed.stream().allMatch(c -> c.trackingNumber().equals("RR" + tag)));
        assertEquals(PackageStatus.MERGED, status(ids.get(1)));
        assertNull(detail(ids.get(1)).row().trackingNo());
    }

    /**
     * A user sees merge suggestions for, merges and undoes merges of only packages in the user's store / warehouse
     * scope (PackageService.visible, the one scope rule); outside it a package is unknown and nothing is written.
     */
    void mergeRespectsTheUsersScope(String tag) throws Exception {
        List<Long> ids = capture(order(tag + "-1", "Buyer " + tag, "A", 1), order(tag + "-2", "Buyer " + tag, "A", 2));
        assertEquals(2, fulfilment().allocate(ids, "op").succeeded().size());
        PackageServiceImpl scoped = packages();
        scoped.setScopes(user -> switch (user) {
            case "w1op" -> io.waybill.security.AccountStates.State.DEFAULT.withScope(Set.of("W1"), Set.of());
            case "w2op" -> io.waybill.security.AccountStates.State.DEFAULT.withScope(Set.of("W2"), Set.of());
            default -> io.waybill.security.AccountStates.State.DEFAULT;
        });
        PackageMergeServiceImpl m = new PackageMergeServiceImpl(db().dataSource(), Clock.systemUTC());
        m.setAuthorizer(TestAuthorizers.of(Map.of("w1op", Set.of("operator"), "w2op", Set.of("operator"))));
        m.setPackages(scoped);

        // allocated in W1: out of the W2 user's scope
        assertTrue(m.suggestions("w2op").stream().noneMatch(s -> s.packageIds().contains(ids.get(0))));
        assertEquals(List.of(ids.get(0), ids.get(1)), m.suggestions("w1op").stream()
                .filter(s -> s.packageIds().contains(ids.get(0))).findFirst().orElseThrow().packageIds());
        OperationRefusedException unknown = assertThrows(OperationRefusedException.class,
                () -> m.merge(ids, "w2op"));
        assertEquals(Reason.UNKNOWN_PACKAGE_ID, unknown.code());
        assertEquals(0, scalar(db(), "SELECT COUNT(*) FROM WB_PACKAGE WHERE MERGED_INTO = " + ids.get(0)));
        assertEquals(0, scalar(db(), "SELECT MERGE_SIZE FROM WB_PACKAGE WHERE ID = " + ids.get(0)));

        long merged = m.merge(ids, "w1op");
        assertEquals(Reason.UNKNOWN_PACKAGE_ID, assertThrows(OperationRefusedException.class,
                () -> m.undoMerge(merged, "w2op")).code());
        assertEquals(1, scalar(db(), "SELECT MERGE_SIZE FROM WB_PACKAGE WHERE ID = " + merged));
        assertEquals(List.of(ids.get(1)), m.undoMerge(merged, "w1op"));
        fulfilment().voidPackages(ids, "test over", "op");
    }
}
