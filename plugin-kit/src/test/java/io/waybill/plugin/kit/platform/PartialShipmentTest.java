package io.waybill.plugin.kit.platform;

import io.waybill.spi.common.Message;
import io.waybill.spi.platform.ShipmentConfirmation.Item;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.waybill.plugin.kit.platform.PartialShipment.OpenLine;
import static io.waybill.plugin.kit.platform.PartialShipment.Take;
import static org.junit.jupiter.api.Assertions.*;

class PartialShipmentTest {

    private static final List<OpenLine> ORDER = List.of(new OpenLine("L1", "MUG-01", 2), new OpenLine("L2", "TEE-M", 1),
            new OpenLine("L3", "mug-01 ", 3), new OpenLine("L4", null, 5));

    @Test
    void takesExactlyThePackagesUnitsFromTheLinesOfItsSkus() {
        PartialShipment.Match m = PartialShipment.match(List.of(new Item(" mug-01", 3)), ORDER);
        assertTrue(m.complete());
        assertEquals(List.of(new Take("L1", 2), new Take("L3", 1)), m.takes());
    }

    @Test
    void itemsOfOneSkuAreAddedUp() {
        PartialShipment.Match m = PartialShipment.match(List.of(new Item("TEE-M", 1), new Item("MUG-01", 1),
                new Item("MUG-01", 1)), ORDER);
        assertEquals(List.of(new Take("L1", 2), new Take("L2", 1)), m.takes());
        assertEquals(List.of(), m.missing());
    }

    @Test
    void unitsNoLineHasAreMissingNotDropped() {
        PartialShipment.Match m = PartialShipment.match(List.of(new Item("MUG-01", 6), new Item("CAP", 1),
                new Item(null, 2), new Item("TEE-M", 0)), ORDER);
        assertFalse(m.complete());
        assertEquals(List.of("(no SKU) x2", "CAP x1", "MUG-01 x1"), m.missing());
    }

    @Test
    void nothingToTakeIsNotComplete() {
        assertFalse(PartialShipment.match(List.of(), ORDER).complete());
    }

    @Test
    void refusalsHaveTheirOwnCodesAndNameWhatIsMissing() {
        Message m = PartialShipment.unmatched("eBay", "12-345", List.of("CAP x1"), "TRK1");
        assertEquals(PartialShipment.UNMATCHED, m.code());
        assertEquals(Message.Severity.ERROR, m.severity());
        assertTrue(m.text().contains("12-345") && m.text().contains("CAP x1") && m.text().contains("TRK1"),
                m.text());
        Message n = PartialShipment.notSplittable("TikTok Shop", "5780", "order is on hold", "TRK2");
        assertEquals(PartialShipment.NOT_SPLITTABLE, n.code());
        assertTrue(n.text().contains("(order is on hold)"), n.text());
    }

    /** Shopify-like: fulfillment order line items (what ships) of the order's line items (what was captured). */
    private static final List<OpenLine> ALIASED = List.of(new OpenLine("FO-1", "MKT-MUG", 2, "LINE-1"),
            new OpenLine("FO-2", "TEE-M", 1, "LINE-2"), new OpenLine("FO-3", "MKT-MUG", 1, "LINE-3"));

    @Test
    void anItemWithALineIdTakesThatLineWhateverSkuTheMarketplaceNamesOnIt() {
        // given: Waybill's SKU MUG-01 is the marketplace's MKT-MUG (an alias); the package carries 1 of line LINE-3
        List<Item> items = List.of(new Item("MUG-01", 1, "LINE-3"));
        // when
        PartialShipment.Match m = PartialShipment.match(items, ALIASED);
        // then
        assertTrue(m.complete(), m.toString());
        assertEquals(List.of(new Take("FO-3", 1)), m.takes());
    }

    @Test
    void theSameAliasedItemWithoutALineIdIsUnmatchedAsBefore() {
        PartialShipment.Match m = PartialShipment.match(List.of(new Item("MUG-01", 1)), ALIASED);
        assertFalse(m.complete());
        assertEquals(List.of("MUG-01 x1"), m.missing());
    }

    @Test
    void anItemWithALineIdNeverFallsBackToItsSku() {
        // given: the line id is unknown to the order, the SKU would match line L1
        PartialShipment.Match m = PartialShipment.match(List.of(new Item("MUG-01", 1, "GONE")), ORDER);
        // then
        assertFalse(m.complete());
        assertEquals(List.of(), m.takes());
        assertEquals(List.of("MUG-01 (line GONE) x1"), m.missing());
    }

    @Test
    void unitsALineLacksAreMissingByLine() {
        PartialShipment.Match m = PartialShipment.match(List.of(new Item("MUG-01", 3, "LINE-1")), ALIASED);
        assertFalse(m.complete());
        assertEquals(List.of("MUG-01 (line LINE-1) x1"), m.missing());
    }

    @Test
    void itemsByIdComeFirstAndItemsBySkuTakeWhatIsLeft() {
        // given: L1 (MUG-01, 2 units) is asked for by id (2) and MUG-01 by SKU (1): the SKU takes from L3
        List<Item> items = List.of(new Item("MUG-01", 1), new Item("MUG-01", 2, "L1"));
        // when
        PartialShipment.Match m = PartialShipment.match(items, ORDER);
        // then
        assertTrue(m.complete(), m.toString());
        assertEquals(List.of(new Take("L1", 2), new Take("L3", 1)), m.takes());
    }

    @Test
    void oneUnitLinesOfOneCapturedLineAreTakenInTurn() {
        // given: TikTok-like, one open line per unit, all of the line captured as T1
        List<OpenLine> units = List.of(new OpenLine("U1", "MKT", 1, "T1"), new OpenLine("U2", "MKT", 1, "T1"),
                new OpenLine("U3", "OTHER", 1, "T3"));
        // when
        PartialShipment.Match m = PartialShipment.match(List.of(new Item("OURS", 2, "T1")), units);
        // then
        assertEquals(List.of(new Take("U1", 1), new Take("U2", 1)), m.takes());
        assertTrue(m.complete());
    }

    @Test
    void aLineOfTheThreeArgumentFormIsItsOwnLineId() {
        assertEquals("L9", new OpenLine("L9", "X", 1).lineId());
        assertNull(new Item("X", 1, "  ").lineId(), "a blank line id is none");
    }
}
