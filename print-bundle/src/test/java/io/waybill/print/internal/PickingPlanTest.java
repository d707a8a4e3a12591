package io.waybill.print.internal;

import io.waybill.core.model.PackageDetail;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PickingPlanTest {

    @Test
    void packagesFollowTheWalkThroughTheBins() {
        // given
        List<PackageDetail> details = new ArrayList<>(Fixtures.PACKAGES.values());

        // when
        PickingPlan plan = PickingPlan.of(details, Fixtures.stock());

        // then
        assertEquals(List.of("PKG-000101", "PKG-000103", "PKG-000102", "PKG-000104"),
                plan.packages().stream().map(d -> d.row().packageNo()).toList());
        assertEquals(List.of("A-2", "A-10", "B-01", "-"),
                plan.binRows().stream().map(r -> r.location() == null ? "-" : r.location()).toList());
        assertEquals(4, plan.binRows().get(0).quantity());
        assertEquals(9, plan.totalUnits());
    }

    @Test
    void aBundleLineIsPickedAsItsComponentsAtTheirBins() {
        // given: a package of 2 x GIFT-SET (a mug and a T-shirt each) and 1 cap
        PackageDetail base = Fixtures.PACKAGES.get(2L);
        PackageDetail.Line gift = new PackageDetail.Line("GIFT-SET", "Gift set", 2, 560, List.of(
                new PackageDetail.Line("MUG-01", "Ceramic mug 350 ml", 2, 380),
                new PackageDetail.Line("TEE-M", "T-shirt M", 2, 180)));
        PackageDetail kit = new PackageDetail(base.row(), base.platformOrderId(), false, base.shipTo(),
                List.of(gift, base.lines().get(0)), base.warehouseCode(), 0, List.of(), List.of());

        // when
        PickingPlan plan = PickingPlan.of(List.of(kit), Fixtures.stock());

        // then: the mugs at A-10 and the shirts at A-2 are picked, never a "GIFT-SET" without a bin
        assertEquals(List.of("TEE-M@A-2x2", "MUG-01@A-10x2", "CAP-01@B-01x1"), plan.binRows().stream()
                .map(r -> r.skuCode() + "@" + r.location() + "x" + r.quantity()).toList());
        assertEquals(5, plan.totalUnits());
        assertTrue(plan.totalsBySku().keySet().stream().noneMatch("GIFT-SET"::equals));
    }

    @Test
    void naturalOrderComparesNumbersByValue() {
        PickingPlan.NaturalOrder order = PickingPlan.NaturalOrder.INSTANCE;
        assertTrue(order.compare("A-2", "A-10") < 0);
        assertTrue(order.compare("A-10", "B-1") < 0);
        assertTrue(order.compare("a-02", "A-2") != 0);
        assertEquals(0, order.compare("A-2", "A-2"));
    }
}
