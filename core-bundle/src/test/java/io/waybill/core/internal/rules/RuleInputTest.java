package io.waybill.core.internal.rules;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link RuleInput#of}: what a package of one or several source orders (a merged parcel) is to the rules, without a
 * database: lines, item count, SKUs, flags, value, buyer note and ship-by of all its orders.
 */
class RuleInputTest {

    private static final Instant MON = Instant.parse("2026-12-07T10:00:00Z");
    private static final Instant TUE = MON.plusSeconds(86_400);

    private static RuleInput of(RuleInput.Source... sources) {
        return RuleInput.of("WB1", "S1", "shopify", "de", "by", "80-331", 900, List.of(sources));
    }

    private static RuleInput.Source source(BigDecimal value, String currency, String note, Instant shipBy,
                                           RuleInput.Line... lines) {
        return new RuleInput.Source(List.of(lines), value, currency, note, shipBy);
    }

    private static RuleInput.Line line(String sku, int units, ProductFlag... flags) {
        return new RuleInput.Line(sku, units, Set.of(flags));
    }

    @Test
    void oneOrderIsThatOrderAsItIs() {
        RuleInput in = of(source(new BigDecimal("42.00"), "eur", " leave at door ", TUE, line("A", 2),
                line("CELL", 1, ProductFlag.BATTERY)));

        assertEquals(new RuleInput("WB1", "S1", "shopify", "DE", "BY", "80331", 900, new BigDecimal("42.00"), "EUR",
                List.of(line("A", 2), line("CELL", 1, ProductFlag.BATTERY)), " leave at door ", TUE), in);
        assertEquals(3, in.itemCount());
    }

    @Test
    void aMergeIsAllItsOrders_linesUnitsFlagsValueNoteAndEarliestShipBy() {
        RuleInput in = of(
                source(new BigDecimal("80.00"), "EUR", null, TUE, line("A", 1), line("CELL", 1, ProductFlag.BATTERY)),
                source(new BigDecimal("90.50"), "EUR", "ring twice", MON, line("B", 2), line("A", 3)),
                source(new BigDecimal("0.50"), "EUR", "  ", null, line("OIL", 1, ProductFlag.LIQUID)));

        assertEquals(List.of(line("A", 4), line("CELL", 1, ProductFlag.BATTERY), line("B", 2),
                line("OIL", 1, ProductFlag.LIQUID)), in.lines(), "each SKU once, in the order it first appears");
        assertEquals(8, in.itemCount());
        assertEquals(new BigDecimal("171.00"), in.orderValue());
        assertEquals("EUR", in.currency());
        assertTrue(in.hasBuyerNote(), "one of the orders has a note");
        assertEquals("ring twice", in.buyerNote());
        assertEquals(MON, in.shipBy(), "the earliest ship-by of the orders");
        assertEquals("DE", in.countryCode());
        assertEquals(900, in.weightGrams(), "the parcel's weight, already all its orders'");
    }

    @Test
    void theRulesMatchTheMergesCombinedValueUnitsSkusAndFlags() {
        RuleInput first = of(source(new BigDecimal("80"), "EUR", null, null, line("A", 1)));
        RuleInput merged = of(source(new BigDecimal("80"), "EUR", null, null, line("A", 1)),
                source(new BigDecimal("90"), "EUR", "note", null, line("CELL", 2, ProductFlag.BATTERY)));
        Condition value = new Condition.ValueBetween(new BigDecimal("150"), null, "EUR");
        Condition units = new Condition.ItemsBetween(3, null);
        Condition sku = new Condition.ContainsSku(Set.of("CELL"));
        Condition battery = new Condition.HasFlag(Set.of(ProductFlag.BATTERY));
        Condition note = new Condition.BuyerNote(true);

        for (Condition c : List.of(value, units, sku, battery, note)) {
            assertFalse(c.test(first, MON), "the first order alone: " + c);
            assertTrue(c.test(merged, MON), "the merged parcel: " + c);
        }
    }

    @Test
    void valuesAreAddedOnlyWhenEveryOrderHasOneInOneCurrency() {
        // one order without a value (or a split share with an unpriced line): no value, as for that order alone
        RuleInput unknown = of(source(new BigDecimal("10"), "EUR", null, null, line("A", 1)),
                source(null, "EUR", null, null, line("B", 1)));
        assertNull(unknown.orderValue());
        assertEquals("EUR", unknown.currency());
        // currencies differ: nothing is converted, so no value and no currency
        RuleInput mixed = of(source(new BigDecimal("10"), "EUR", null, null, line("A", 1)),
                source(new BigDecimal("10"), "USD", null, null, line("B", 1)));
        assertNull(mixed.orderValue());
        assertNull(mixed.currency());
        // an amount in no known currency cannot be added to another
        RuleInput noCurrency = of(source(new BigDecimal("10"), "EUR", null, null, line("A", 1)),
                source(new BigDecimal("10"), null, null, null, line("B", 1)));
        assertNull(noCurrency.orderValue());
    }

    @Test
    void notesOfSeveralOrdersAreAllKept_andNoSourceIsAnEmptyPackage() {
        RuleInput in = of(source(null, null, "first", null, line("A", 1)),
                source(null, null, "second", null, line("B", 1)));
        assertEquals("first\nsecond", in.buyerNote());

        RuleInput none = of();
        assertEquals(List.of(), none.lines());
        assertNull(none.orderValue());
        assertFalse(none.hasBuyerNote());
        assertNull(none.shipBy());
    }
}
