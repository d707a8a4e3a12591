package io.waybill.core.internal.rulestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.waybill.core.internal.TestDatabase;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.rules.Action;
import io.waybill.core.internal.rules.Condition;
import io.waybill.core.internal.rules.InvalidRuleException;
import io.waybill.core.internal.rules.Rule;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Migration V21 and the stored rule list on Derby (and, through {@link #run}, on PostgreSQL). */
class RuleStoreTest {

    @Test
    void rulesAreStoredOrderedAndRefusedWithoutAPartialWrite() throws Exception {
        try (DatabaseEngine db = TestDatabase.inMemory()) {
            run(db);
        }
    }

    static void run(DatabaseEngine db) throws Exception {
        RuleStore store = new RuleStore(db.dataSource(),
                Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC));
        assertEquals(List.of(), store.list());

        Rule battery = store.add("Battery by sea", true, "flag battery", "ship pool-main SEA-DG", "admin");
        Rule eu = store.add("EU low value", true, "country EU\nvalue ..150 EUR", "hold IOSS number missing\ntag ioss",
                "admin");
        Rule heavy = store.add("Heavy", false, "weight 2001..", "warehouse W2", "admin");
        Rule all = store.add("Fallback", true, "", "warehouse W1", "admin");
        assertEquals(List.of(battery, eu, heavy, all), store.list());
        assertEquals(List.of(Condition.CountryIn.region("EU"),
                new Condition.ValueBetween(null, new BigDecimal("150"), "EUR")), store.list().get(1).conditions());
        assertEquals(List.of(new Action.HoldForReview("IOSS number missing"), new Action.AddTag("ioss")),
                store.list().get(1).actions());

        // refused: nothing written
        assertEquals("duplicate_name", code(() -> store.add("heavy", true, "", "tag x", "admin")));
        assertEquals("invalid", code(() -> store.add("Bad", true, "colour red", "tag x", "admin")));
        assertEquals("required", code(() -> store.add("No action", true, "country DE", "", "admin")));
        assertEquals("duplicate_action_kind", code(() -> store.add("Two", true, "", "tag a\ntag b", "admin")));
        assertEquals(4, store.list().size());

        assertEquals(heavy.withEnabled(true), store.setEnabled(heavy.id(), true, "sup"));
        assertEquals(true, store.list().get(2).enabled());
        assertEquals("rule_not_found", code(() -> store.setEnabled(999_999, false, "sup")));

        assertEquals(List.of(heavy.id(), battery.id(), eu.id(), all.id()),
                ids(store.move(heavy.id(), 1, "sup")));
        assertEquals(List.of(heavy.id(), battery.id(), eu.id(), all.id()), ids(store.list()));
        assertEquals(List.of(battery.id(), eu.id(), all.id(), heavy.id()), ids(store.move(heavy.id(), 4, "sup")));
        assertEquals("invalid_range", code(() -> store.move(heavy.id(), 5, "sup")));
        assertEquals("invalid_range", code(() -> store.move(heavy.id(), 0, "sup")));
        assertEquals("rule_not_found", code(() -> store.move(424242, 1, "sup")));

        // edited in place: same id and position, new name, conditions, actions; refused edits write nothing
        Rule edited = store.update(all.id(), "Fallback W2", false, "note yes\nitems 2..", "warehouse W2\ntag gift",
                "sup");
        assertEquals(new Rule(all.id(), "Fallback W2", false, List.of(new Condition.BuyerNote(true),
                new Condition.ItemsBetween(2, null)), List.of(new Action.AssignWarehouse("W2"),
                new Action.AddTag("gift"))), edited);
        assertEquals(List.of(battery.id(), eu.id(), all.id(), heavy.id()), ids(store.list()));
        assertEquals(edited, store.list().get(2));
        assertEquals(edited, store.update(all.id(), "Fallback W2", false, "note yes\nitems 2..",
                "warehouse W2\ntag gift", "sup"), "unchanged: nothing written");
        assertEquals("duplicate_name", code(() -> store.update(all.id(), "battery BY SEA", true, "", "tag x",
                "sup")));
        assertEquals("invalid", code(() -> store.update(all.id(), "X", true, "note maybe", "tag x", "sup")));
        assertEquals("required", code(() -> store.update(all.id(), "X", true, "", "", "sup")));
        assertEquals("rule_not_found", code(() -> store.update(424242, "X", true, "", "tag x", "sup")));
        assertEquals(edited, store.list().get(2));
        // a rule may keep its own name in another case
        assertEquals("fallback w2", store.update(all.id(), "fallback w2", false, "note yes\nitems 2..",
                "warehouse W2\ntag gift", "sup").name());

        store.delete(eu.id(), "sup");
        assertEquals(List.of(battery.id(), all.id(), heavy.id()), ids(store.list()));
        assertEquals(List.of(1, 2, 3), positions(db));
        assertEquals("rule_not_found", code(() -> store.delete(eu.id(), "sup")));

        assertEquals(List.of("RULE_ADDED", "RULE_ADDED", "RULE_ADDED", "RULE_ADDED", "RULE_ENABLED", "RULE_MOVED",
                "RULE_MOVED", "RULE_CHANGED", "RULE_CHANGED", "RULE_DELETED"), audit(db));
    }

    private static String code(Runnable r) {
        return assertThrows(InvalidRuleException.class, r::run).code();
    }

    private static List<Long> ids(List<Rule> rules) {
        return rules.stream().map(Rule::id).toList();
    }

    private static List<Integer> positions(DatabaseEngine db) throws Exception {
        List<Integer> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT POSITION FROM WB_RULE ORDER BY POSITION")) {
            while (rs.next()) {
                out.add(rs.getInt(1));
            }
        }
        return out;
    }

    private static List<String> audit(DatabaseEngine db) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT ACTION FROM WB_AUDIT_EVENT WHERE ACTION LIKE 'RULE_%' "
                     + "AND PACKAGE_ID IS NULL ORDER BY ID")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
