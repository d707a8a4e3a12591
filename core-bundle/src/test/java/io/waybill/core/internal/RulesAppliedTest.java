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

    private List<String> history(long packageId) throws Exception {
        List<String> out = new ArrayList<>();
        try (var c = db.dataSource().getConnection(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT ACTION, REASON_CODE, REASON_PARAMS, TO_STATUS FROM WB_AUDIT_EVENT "
                     + "WHERE PACKAGE_ID = " + packageId + " AND REASON_CODE LIKE 'rule%' ORDER BY ID")) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getString(2) + " " + Reason.decodeParams(rs.getString(3))
                        + " -> " + rs.getString(4));
            }
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
        assertEquals(List.of("HELD rule_hold [check IOSS, 2, Germany] -> HELD",
                "RULE_APPLIED rule_warehouse [W2, 2, Germany] -> WAITING"), history(de));
        assertEquals(12, scalar(db, "SELECT RULE_WAREHOUSE_ID FROM WB_PACKAGE WHERE ID = " + de));
        assertEquals(List.of("RULE_APPLIED rule_shipping_method [pool, SEA-DG, 1, Battery] -> WAITING",
                "RULE_APPLIED rule_tag [DG, 1, Battery] -> WAITING"), history(us));
        assertEquals("pool SEA-DG", string(db, "SELECT RULE_CARRIER_ID || ' ' || RULE_SERVICE_CODE FROM WB_PACKAGE "
                + "WHERE ID = " + us));
        assertEquals("DG", string(db, "SELECT TAG FROM WB_PACKAGE_TAG WHERE PACKAGE_ID = " + us));
        assertEquals(List.of(), history(packageOf("us2")));
        assertEquals("Shipping method pool / SEA-DG by rule #1 \"Battery\"", string(db, "SELECT REASON FROM "
                + "WB_AUDIT_EVENT WHERE REASON_CODE = 'rule_shipping_method'"));
        assertEquals(Map.of(de, new PackageHold(de, "check IOSS", "Germany")), rules.holds(List.of(de, us)));
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
            for (String line : history(ids.get(i))) {
                if (!line.startsWith("RULE_SKIPPED")) {
                    recorded.add(i + " " + line.substring(line.indexOf(' ') + 1, line.indexOf(" -> ")));
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
        assertEquals(1, scalar(db, "SELECT COUNT(*) FROM WB_AUDIT_EVENT WHERE ACTION = 'RULE_SKIPPED' AND "
                + "REASON_CODE = 'rule_warehouse_unknown' AND PACKAGE_ID = " + ids.get(0)));
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
        assertEquals(List.of("RULE_APPLIED rule_shipping_method [air, DG, 2, Batteries] -> WAITING",
                "RULE_SKIPPED rule_service_dangerous_goods [STD, battery, 1, Cheap] -> WAITING"), history(bat));
        assertEquals(List.of("RULE_APPLIED rule_shipping_method [air, STD, 1, Cheap] -> WAITING"),
                history(packageOf("mug")));
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
        assertEquals("rules_released", string(db, "SELECT REASON_CODE FROM WB_AUDIT_EVENT WHERE ACTION = "
                + "'RELEASED'"));
    }
}
