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
}
