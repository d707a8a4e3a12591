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
    void naturalOrderComparesNumbersByValue() {
        PickingPlan.NaturalOrder order = PickingPlan.NaturalOrder.INSTANCE;
        assertTrue(order.compare("A-2", "A-10") < 0);
        assertTrue(order.compare("A-10", "B-1") < 0);
        assertTrue(order.compare("a-02", "A-2") != 0);
        assertEquals(0, order.compare("A-2", "A-2"));
    }
}
