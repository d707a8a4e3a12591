package io.waybill.core.internal;

import static io.waybill.core.internal.Fixtures.order;
import static io.waybill.core.internal.Fixtures.scalar;
import static io.waybill.core.internal.Fixtures.string;
import static io.waybill.core.internal.security.TestAuthorizers.authorized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.Permission;
import io.waybill.core.internal.capture.OrderCaptureServiceImpl;
import io.waybill.core.internal.catalogue.ProductServiceImpl;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.rulestore.RuleServiceImpl;
import io.waybill.core.internal.rulestore.RuleStore;
import io.waybill.core.internal.security.TestAuthorizers;
import io.waybill.core.internal.service.PackageServiceImpl;
import io.waybill.core.internal.workflow.FulfilmentServiceImpl;
import io.waybill.core.internal.workflow.StockServiceImpl;
import io.waybill.core.model.BatchResult;
import io.waybill.core.model.PackageHold;
import io.waybill.core.model.Reason;
import io.waybill.core.model.RuleDryRun;
import io.waybill.spi.common.Address;
import io.waybill.spi.platform.PlatformOrder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 on Derby, end to end in the core: rules run at capture and on demand, each decision is in the history with
 * its rule (structured reason), the dry run equals the real run, the allocation takes the rule's warehouse first, and
 * a held package cannot be allocated until it is released (or is voided).
 */
class RulesAppliedTest {

    private DatabaseEngine db;
    private io.waybill.core.internal.plugin.PluginRegistryImpl registry;
    private RuleServiceImpl rules;
    private OrderCaptureServiceImpl capture;
    private FulfilmentServiceImpl fulfilment;

    @BeforeEach
    void setUp() throws Exception {
        db = TestDatabase.inMemory();
        Fixtures.basic(db);
        Fixtures.exec(db, "UPDATE WB_SKU SET DG_BATTERY = TRUE WHERE CODE = 'B'");
        Clock clock = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);
        rules = new RuleServiceImpl(new RuleStore(db.dataSource(), clock), new PackageServiceImpl(db),
                new ProductServiceImpl(db.dataSource(), clock), clock);
        rules.setAuthorizer(TestAuthorizers.of(Map.of("sup", Set.of("supervisor"), "op", Set.of("operator"))));
        // carrier "air": STD carries no dangerous goods; DG carries batteries (SPI carrier 1.2 service limits)
        registry = Fixtures.registry();
        registry.bindCarrier(Fixtures.reference(), new io.waybill.spi.carrier.CarrierGateway() {
            @Override
            public io.waybill.spi.common.PluginDescriptor descriptor() {
                return new io.waybill.spi.common.PluginDescriptor("air", "Air", "test carrier");
            }

            @Override
            public List<io.waybill.spi.carrier.CarrierService> services() {
                return List.of(io.waybill.spi.carrier.CarrierService.of("STD", "Standard"),
                        new io.waybill.spi.carrier.CarrierService("DG", "Batteries", Set.of(), null, null, null,
                                Set.of(io.waybill.spi.carrier.CarrierService.DangerousGoods.BATTERY), false, Set.of(),
                                null));
            }
        });
        rules.setPlugins(registry);
        capture = authorized(new OrderCaptureServiceImpl(db, registry));
        fulfilment = authorized(new FulfilmentServiceImpl(db));
        StockServiceImpl stock = authorized(new StockServiceImpl(db));
        for (String w : List.of("W1", "W2")) {
            for (String sku : List.of("A", "B", "C")) {
                stock.set(w, sku, 50, "sup");
            }
        }
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static PlatformOrder to(String country, String id, Object... skuQty) {
        PlatformOrder o = order(id, skuQty);
        Address a = o.shipTo();
        return new PlatformOrder(o.platformOrderId(), o.orderNo(), false, o.createdAt(), new Address(a.name(), null,
                a.line1(), null, a.city(), country.equals("US") ? "IL" : null, country.equals("US") ? "62704" : "10115", country,
                null, null), o.lines());
    }

    private long packageOf(String orderId) throws Exception {
        return scalar(db, "SELECT p.ID FROM WB_PACKAGE p JOIN WB_ORDER o ON o.ID = p.ORDER_ID "
                + "WHERE o.PLATFORM_ORDER_ID = '" + orderId + "'");
    }

    /**
     * The package's history rows written by the rules, each as {@code ACTION -> TO: item; item} where an item is
     * {@code code [params]}: a combined row ({@code rule_decisions}) lists its items, an older single row its reason.
     */
    private List<String> history(long packageId) throws Exception {
        List<String> out = new ArrayList<>();
        try (var c = db.dataSource().getConnection(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT ACTION, REASON_CODE, REASON_PARAMS, TO_STATUS, REASON FROM "
                     + "WB_AUDIT_EVENT WHERE PACKAGE_ID = " + packageId + " AND REASON_CODE LIKE 'rule%' ORDER BY ID")) {
            while (rs.next()) {
                Reason r = new Reason(rs.getString(2), Reason.decodeParams(rs.getString(3)));
                // the stored English is the structured reason's, whole
                assertEquals(r.english(), rs.getString(5));
                List<String> items = new ArrayList<>();
                for (Reason item : items(r)) {
                    items.add(item.code() + " " + item.params());
                }
                out.add(rs.getString(1) + " -> " + rs.getString(4) + ": " + String.join("; ", items));
            }
        }
        return out;
    }

    /** The items of a history reason: a combined one's, or the reason itself. */
    private static List<Reason> items(Reason r) {
        return r.code().equals(Reason.RULE_DECISIONS) ? Reason.decode(r.params().get(0)) : List.of(r);
    }

    /** Every item the rules recorded for the package, as {@code code [params]}, over all its rows. */
    private List<String> items(long packageId) throws Exception {
        List<String> out = new ArrayList<>();
        for (String row : history(packageId)) {
            out.addAll(List.of(row.substring(row.indexOf(": ") + 2).split("; ")));
        }
        return out;
    }

    @Test
    void captureAppliesTheRulesAndWritesEachDecisionWithItsRuleToTheHistory() throws Exception {
        rules.add("Battery", true, List.of("flag battery"), List.of("ship pool SEA-DG", "tag DG"), "sup");
        rules.add("Germany", true, List.of("country DE"), List.of("hold check IOSS", "warehouse W2"), "sup");

        capture.capture("S1", List.of(to("DE", "de1", "A", 1), to("US", "us1", "B", 2), to("US", "us2", "A", 1)),
                "importer");

        long de = packageOf("de1");
        long us = packageOf("us1");
        assertEquals("HELD", string(db, "SELECT STATUS FROM WB_PACKAGE WHERE ID = " + de));
        // one history row per package, carrying every decision with its rule
        assertEquals(List.of("HELD -> HELD: rule_hold [check IOSS, 2, Germany]; rule_warehouse [W2, 2, Germany]"),
                history(de));
        assertEquals(12, scalar(db, "SELECT RULE_WAREHOUSE_ID FROM WB_PACKAGE WHERE ID = " + de));
        assertEquals(List.of("RULE_APPLIED -> WAITING: rule_shipping_method [pool, SEA-DG, 1, Battery]; "
                + "rule_tag [DG, 1, Battery]"), history(us));
        assertEquals("pool SEA-DG", string(db, "SELECT RULE_CARRIER_ID || ' ' || RULE_SERVICE_CODE FROM WB_PACKAGE "
                + "WHERE ID = " + us));
        assertEquals("DG", string(db, "SELECT TAG FROM WB_PACKAGE_TAG WHERE PACKAGE_ID = " + us));
        assertEquals(List.of(), history(packageOf("us2")));
        assertEquals("Shipping method pool / SEA-DG by rule #1 \"Battery\"; Tag DG by rule #1 \"Battery\"",
                string(db, "SELECT REASON FROM WB_AUDIT_EVENT WHERE REASON_CODE = 'rule_decisions' AND PACKAGE_ID = "
                        + us));
        assertEquals(Map.of(de, new PackageHold(de, "check IOSS", "Germany")), rules.holds(List.of(de, us)));
    }

    @Test
    void theShellShowsTheRulesRowWithEachDecisionOnALineOfItsOwnAndOlderSingleRowsAsBefore() throws Exception {
        rules.add("Battery", true, List.of("flag battery"), List.of("ship pool SEA-DG", "tag DG"), "sup");
        capture.capture("S1", List.of(to("US", "us1", "B", 2)), "importer");
        long us = packageOf("us1");
        // a row as rules wrote it before one row per package (core model 1.14): one decision, its own sentence
        Reason old = Reason.of(Reason.RULE_WAREHOUSE, "W2", 3, "Old rule");
        Fixtures.exec(db, "INSERT INTO WB_AUDIT_EVENT (PACKAGE_ID, ACTOR, OCCURRED_AT, ACTION, FROM_STATUS, "
                + "TO_STATUS, REASON, REASON_CODE, REASON_PARAMS) VALUES (" + us + ", 'old', CURRENT_TIMESTAMP, "
                + "'RULE_APPLIED', 'WAITING', 'WAITING', '" + old.english().replace("'", "''") + "', '"
                + old.code() + "', '" + old.encodedParams() + "')");

        List<String> shown = io.waybill.core.internal.shell.PackageShowLines.of(
                new PackageServiceImpl(db).detail(us).orElseThrow());

        String all = String.join("\n", shown);
        int head = shown.indexOf(shown.stream().filter(l -> l.contains("  importer  RULE_APPLIED  WAITING -> WAITING"))
                .findFirst().orElseThrow(() -> new AssertionError(all)));
        assertEquals("      Shipping method pool / SEA-DG by rule #1 \"Battery\"", shown.get(head + 1), all);
        assertEquals("      Tag DG by rule #1 \"Battery\"", shown.get(head + 2), all);
        assertTrue(shown.stream().anyMatch(l -> l.endsWith("  old  RULE_APPLIED  WAITING -> WAITING  (Warehouse W2 by "
                + "rule #3 \"Old rule\")")), all);
    }

    @Test
    void theDryRunDecidesExactlyWhatTheRealRunRecords() throws Exception {
        capture.capture("S1", List.of(to("DE", "d", "A", 1), to("US", "u", "B", 1), to("FR", "f", "C", 30)), "x");
        rules.add("Heavy", true, List.of("weight 1000.."), List.of("warehouse W2"), "sup");
        rules.add("EU", true, List.of("country EU"), List.of("hold IOSS missing", "tag EU"), "sup");
        rules.add("Battery", true, List.of("flag battery"), List.of("ship pool DG", "warehouse W1"), "sup");
        rules.add("Nowhere", true, List.of(), List.of("warehouse NOPE"), "sup");
        List<Long> ids = List.of(packageOf("d"), packageOf("u"), packageOf("f"));

        List<RuleDryRun> dry = rules.dryRun(ids, "op");
        BatchResult applied = rules.apply(ids, "op");

        assertEquals(ids, applied.succeeded());
        List<String> recorded = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(1, history(ids.get(i)).size(), "one history row per package");
            for (String item : items(ids.get(i))) {
                if (!item.startsWith("rule_service_") && !item.startsWith("rule_warehouse_unknown")) {
                    recorded.add(i + " " + item);
                }
            }
            for (RuleDryRun.Decision d : dry.get(i).decisions()) {
                String value = d.action().substring(d.action().indexOf(' ') + 1);
                List<String> params = new ArrayList<>(d.kind().equals("SHIPPING_METHOD")
                        ? List.of(value.split(" ", 2)) : List.of(value));
                params.add(String.valueOf(d.position()));
                params.add(d.ruleName());
                predicted.add(i + " " + code(d) + " " + params);
            }
        }
        assertEquals(predicted, recorded);
        assertEquals(List.of("0 rule_hold [IOSS missing, 2, EU]", "0 rule_tag [EU, 2, EU]"), recorded.subList(0, 2));
        // the unknown warehouse skips its rule, in the dry run and in the history, and the next rule decides
        assertTrue(dry.get(0).skipped().contains("rule #4 \"Nowhere\": warehouse NOPE - refused: warehouse NOPE does "
                + "not exist or is disabled"), dry.get(0).skipped().toString());
        assertTrue(items(ids.get(0)).contains("rule_warehouse_unknown [NOPE, 4, Nowhere]"), items(ids.get(0))
                .toString());
        assertEquals(new RuleDryRun.Decision("WAREHOUSE", "warehouse W2", 1, "Heavy"), dry.get(2).decisions().get(0));
        assertEquals(new RuleDryRun.Decision("WAREHOUSE", "warehouse W1", 3, "Battery"), dry.get(1).decisions().get(1));
    }

    private static String code(RuleDryRun.Decision d) {
        return switch (d.kind()) {
            case "WAREHOUSE" -> "rule_warehouse";
            case "SHIPPING_METHOD" -> "rule_shipping_method";
            case "HOLD" -> "rule_hold";
            default -> "rule_tag";
        };
    }

    @Test
    void aRuleWhoseCarrierServiceCannotTakeThePackageIsSkippedInTheDryRunAndTheHistory() throws Exception {
        rules.add("Cheap", true, List.of(), List.of("ship air STD"), "sup");
        rules.add("Batteries", true, List.of("flag battery"), List.of("ship air DG"), "sup");
        capture.capture("S1", List.of(to("US", "bat", "B", 1), to("US", "mug", "A", 1)), "x");
        long bat = packageOf("bat");

        List<RuleDryRun> dry = rules.dryRun(List.of(bat, packageOf("mug")), "op");

        assertEquals(List.of(new RuleDryRun.Decision("SHIPPING_METHOD", "ship air DG", 2, "Batteries")),
                dry.get(0).decisions());
        assertEquals("rule #1 \"Cheap\": shipping method air / STD - refused: Service STD does not carry battery.",
                dry.get(0).skipped().get(0));
        assertEquals(new Reason(Reason.RULE_SERVICE_DANGEROUS_GOODS, List.of("STD", "battery", "1", "Cheap")),
                dry.get(0).skips().get(0).refusal());
        // the decisions first, then the rules skipped because their action was refused
        assertEquals(List.of("RULE_APPLIED -> WAITING: rule_shipping_method [air, DG, 2, Batteries]; "
                + "rule_service_dangerous_goods [STD, battery, 1, Cheap]"), history(bat));
        assertEquals(List.of("RULE_APPLIED -> WAITING: rule_shipping_method [air, STD, 1, Cheap]"),
                history(packageOf("mug")));
        // "why this carrier", in the shell and in English: the decision with its rule, the skipped rule with why
        assertEquals("Shipping method air / DG by rule #2 \"Batteries\"; Rule #1 \"Cheap\" skipped: service STD does "
                + "not carry battery", string(db, "SELECT REASON FROM WB_AUDIT_EVENT WHERE REASON_CODE = "
                + "'rule_decisions' AND PACKAGE_ID = " + bat));
    }

    @Test
    void allocationTakesTheRuleAssignedWarehouseBeforeTheStorePriority() throws Exception {
        rules.add("Heavy to W2", true, List.of("items 3.."), List.of("warehouse W2"), "sup");
        capture.capture("S1", List.of(order("big", "A", 3), order("small", "A", 1)), "x");

        fulfilment.allocate(List.of(packageOf("big"), packageOf("small")), "op");

        assertEquals(12, scalar(db, "SELECT WAREHOUSE_ID FROM WB_PACKAGE WHERE ID = " + packageOf("big")));
        assertEquals(11, scalar(db, "SELECT WAREHOUSE_ID FROM WB_PACKAGE WHERE ID = " + packageOf("small")));
    }

    @Test
    void aHeldPackageCannotBeAllocatedUntilReleasedAndCanBeVoided() throws Exception {
        rules.add("Review all", true, List.of(), List.of("hold new customer"), "sup");
        capture.capture("S1", List.of(order("h1", "A", 1), order("h2", "A", 1)), "x");
        long h1 = packageOf("h1");
        long h2 = packageOf("h2");

        BatchResult refused = fulfilment.allocate(List.of(h1), "op");
        assertEquals("held_for_review", refused.failures().get(0).code());
        assertEquals(Permission.NOT_PERMITTED, assertThrows(OperationRefusedException.class,
                () -> rules.release(List.of(h1), "op")).code());

        BatchResult released = rules.release(List.of(h1, h1), "sup");
        assertEquals(List.of(h1), released.succeeded());
        assertEquals("WAITING", string(db, "SELECT STATUS FROM WB_PACKAGE WHERE ID = " + h1));
        assertEquals(null, string(db, "SELECT HOLD_REASON FROM WB_PACKAGE WHERE ID = " + h1));
        assertEquals("not_held", rules.release(List.of(h1), "sup").failures().get(0).code());
        assertEquals(List.of(h1), fulfilment.allocate(List.of(h1), "op").succeeded());
        assertEquals("hold_released", string(db, "SELECT REASON_CODE FROM WB_AUDIT_EVENT WHERE ACTION = 'RELEASED'"));

        assertEquals(List.of(h2), fulfilment.voidPackages(List.of(h2), "wrong address", "sup").succeeded());
        assertEquals("rules_not_applicable", rules.apply(List.of(h1, h2), "op").failures().get(0).code());
    }

    @Test
    void reApplyingReleasesAPackageTheRulesNoLongerHold() throws Exception {
        var hold = rules.add("EU", true, List.of("country EU"), List.of("hold IOSS"), "sup");
        capture.capture("S1", List.of(to("DE", "d", "A", 1)), "x");
        long d = packageOf("d");
        assertEquals("HELD", string(db, "SELECT STATUS FROM WB_PACKAGE WHERE ID = " + d));

        rules.setEnabled(hold.id(), false, "sup");
        assertEquals(List.of(d), rules.apply(List.of(d), "op").succeeded());

        assertEquals("WAITING", string(db, "SELECT STATUS FROM WB_PACKAGE WHERE ID = " + d));
        assertEquals(List.of("HELD -> HELD: rule_hold [IOSS, 1, EU]", "RELEASED -> WAITING: rules_released []"),
                history(d));
    }
}
