package io.waybill.core.internal.rulestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.Permission;
import io.waybill.core.internal.Fixtures;
import io.waybill.core.internal.TestDatabase;
import io.waybill.core.internal.catalogue.ProductServiceImpl;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.security.TestAuthorizers;
import io.waybill.core.internal.service.PackageServiceImpl;
import io.waybill.core.model.LogisticsRule;
import io.waybill.core.model.RuleDryRun;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RuleService on Derby: permission, refusals with codes, and a dry run over stored packages that changes nothing. */
class RuleServiceImplTest {

    private DatabaseEngine db;
    private RuleServiceImpl rules;

    @BeforeEach
    void setUp() throws Exception {
        db = TestDatabase.inMemory();
        Fixtures.basic(db);
        Fixtures.exec(db, "UPDATE WB_SKU SET DG_BATTERY = TRUE WHERE CODE = 'B'");
        // P1: DE, 1 x A, 300 g; P2: US, 2 x B (battery), 2500 g
        Object[][] packages = {{1, "DE", 300, 21, 1}, {2, "US", 2500, 22, 2}};
        for (Object[] p : packages) {
            int n = (Integer) p[0];
            Fixtures.exec(db, "INSERT INTO WB_ORDER (ID, VERSION, STORE_ID, PLATFORM_ORDER_ID, ORDER_NO, BUYER_NAME, "
                    + "LINE1, CITY, COUNTRY_CODE, CANCELLED, CREATED_AT, CAPTURED_AT, UPDATED_AT) VALUES (" + (100 + n)
                    + ", 1, 1, 'PO" + n + "', 'O" + n + "', 'Buyer', '1 Main St', 'Town', '" + p[1] + "', FALSE, "
                    + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            Fixtures.exec(db, "INSERT INTO WB_ORDER_LINE (ID, VERSION, ORDER_ID, LINE_NO, SKU_ID, QUANTITY) VALUES ("
                    + (300 + n) + ", 1, " + (100 + n) + ", 1, " + p[3] + ", " + p[4] + ")");
            Fixtures.exec(db, "INSERT INTO WB_PACKAGE (ID, VERSION, PACKAGE_NO, ORDER_ID, STATUS, "
                    + "EXPECTED_WEIGHT_GRAMS, PRINT_COUNT, CREATED_AT, UPDATED_AT) VALUES (" + (200 + n) + ", 1, 'P" + n
                    + "', " + (100 + n) + ", 'WAITING', " + p[2] + ", 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        }
        Clock clock = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);
        rules = new RuleServiceImpl(new RuleStore(db.dataSource(), clock), new PackageServiceImpl(db),
                new ProductServiceImpl(db.dataSource(), clock), clock);
        rules.setAuthorizer(TestAuthorizers.of(Map.of("sup", Set.of("supervisor"), "op", Set.of("operator"))));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void onlyASupervisorChangesRulesAndBadRulesAreRefusedWithACode() throws Exception {
        assertEquals(Permission.NOT_PERMITTED, refused(() -> rules.add("x", true, List.of(), List.of("tag a"), "op")));
        assertEquals("invalid", refused(() -> rules.add("x", true, List.of("colour red"), List.of("tag a"), "sup")));
        assertEquals("invalid", refused(() -> rules.add("x", true, List.of("country ASEAN"),
                List.of("tag a"), "sup")));
        LogisticsRule a = rules.add("Battery", true, List.of("flag battery"), List.of("ship pool SEA-DG"), "sup");
        assertEquals("duplicate_name", refused(() -> rules.add("battery", true, List.of(), List.of("tag a"), "sup")));
        assertEquals(new LogisticsRule(a.id(), 1, "Battery", true, List.of("flag battery"),
                List.of("ship pool SEA-DG")), a);
        assertEquals(Permission.NOT_PERMITTED, refused(() -> rules.setEnabled(a.id(), false, "op")));
        assertEquals(Permission.NOT_PERMITTED, refused(() -> rules.move(a.id(), 1, "op")));
        assertEquals(Permission.NOT_PERMITTED, refused(() -> rules.delete(a.id(), "op")));
        assertEquals("rule_not_found", refused(() -> rules.setEnabled(a.id() + 99, false, "sup")));
        assertEquals(List.of(a), rules.list("op"));
        assertEquals(0, Fixtures.scalar(db, "SELECT COUNT(*) FROM WB_RULE WHERE NAME <> 'Battery'"));
    }

    @Test
    void theDryRunShowsEachPackagesDecisionsWithTheirRulesAndChangesNothing() throws Exception {
        LogisticsRule battery = rules.add("Battery by sea", true, List.of("flag battery"),
                List.of("ship pool SEA-DG", "tag DG"), "sup");
        LogisticsRule heavy = rules.add("Heavy", true, List.of("weight 2001.."), List.of("warehouse W2"), "sup");
        LogisticsRule eu = rules.add("EU", true, List.of("country EU"), List.of("hold check IOSS"), "sup");
        LogisticsRule off = rules.add("Off", false, List.of(), List.of("warehouse W1"), "sup");
        rules.move(eu.id(), 1, "sup");
        int audit = Fixtures.scalar(db, "SELECT COUNT(*) FROM WB_AUDIT_EVENT");

        List<RuleDryRun> runs = rules.dryRun(List.of(201L, 202L, 999L), "op");

        assertEquals(List.of(
                new RuleDryRun("P1", List.of(new RuleDryRun.Decision("HOLD", "hold check IOSS", 1, "EU")), List.of(
                        "rule #2 \"Battery by sea\": any SKU flagged [battery] - not met: no flagged SKU",
                        "rule #3 \"Heavy\": weight >= 2001 g - not met: weight 300 g",
                        "rule #4 \"Off\": disabled")),
                new RuleDryRun("P2", List.of(
                        new RuleDryRun.Decision("SHIPPING_METHOD", "ship pool SEA-DG", 2, "Battery by sea"),
                        new RuleDryRun.Decision("TAG", "tag DG", 2, "Battery by sea"),
                        new RuleDryRun.Decision("WAREHOUSE", "warehouse W2", 3, "Heavy")), List.of(
                        "rule #1 \"EU\": country in region EU - not met: country US",
                        "rule #4 \"Off\": disabled"))), runs.stream()
                .map(r -> new RuleDryRun(r.packageNo(), r.decisions(), r.skipped())).toList());
        // the same skips as data, for the UI
        assertEquals(new RuleDryRun.Skip(3, "Heavy", "CONDITION_NOT_MET", "weight 2001..", "weight 300 g", List.of(),
                null), runs.get(0).skips().get(1));
        assertEquals(audit, Fixtures.scalar(db, "SELECT COUNT(*) FROM WB_AUDIT_EVENT"));
        assertEquals(2, Fixtures.scalar(db, "SELECT COUNT(*) FROM WB_PACKAGE WHERE STATUS = 'WAITING' AND VERSION = 1 "
                + "AND WAREHOUSE_ID IS NULL"));
        assertEquals(List.of(eu.id(), battery.id(), heavy.id(), off.id()),
                rules.list("op").stream().map(LogisticsRule::id).toList());
    }

    private static String refused(Runnable r) {
        return assertThrows(OperationRefusedException.class, r::run).code();
    }
}
