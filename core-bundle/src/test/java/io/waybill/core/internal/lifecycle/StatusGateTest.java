package io.waybill.core.internal.lifecycle;

import io.waybill.core.model.PackageStatus;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static io.waybill.core.model.PackageStatus.ALLOCATED;
import static io.waybill.core.model.PackageStatus.OUT_OF_STOCK;
import static io.waybill.core.model.PackageStatus.PRINTED;
import static io.waybill.core.model.PackageStatus.SHIPPED;
import static io.waybill.core.model.PackageStatus.SKU_UNMATCHED;
import static io.waybill.core.model.PackageStatus.SYNCED;
import static io.waybill.core.model.PackageStatus.SYNC_FAILED;
import static io.waybill.core.model.PackageStatus.TRACKED;
import static io.waybill.core.model.PackageStatus.WAITING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The guarded update is built from the lifecycle: only its allowed predecessors pass. */
class StatusGateTest {

    @Test
    void guardIsTheLifecyclesPredecessors() {
        for (PackageStatus to : PackageStatus.values()) {
            if (PackageLifecycle.sourcesOf(to).isEmpty()) {
                assertThrows(IllegalArgumentException.class, () -> StatusGate.to(to));
                continue;
            }
            StatusGate gate = StatusGate.to(to);
            assertEquals(PackageLifecycle.sourcesOf(to), gate.sources(), to.name());
            for (PackageStatus from : PackageStatus.values()) {
                assertEquals(PackageLifecycle.canMove(from, to), gate.sql().contains("'" + from.name() + "'")
                        && !(from == to && !PackageLifecycle.canMove(to, to)), from + " -> " + to);
            }
        }
        assertEquals("UPDATE WB_PACKAGE SET STATUS = 'SHIPPED', VERSION = VERSION + 1 WHERE STATUS IN ('PRINTED') "
                + "AND ID = ?", StatusGate.to(SHIPPED).sql());
        assertEquals(EnumSet.of(SHIPPED, SYNC_FAILED), StatusGate.to(SYNCED).sources());
    }

    @Test
    void extraColumnsAndConditions_idBoundLast() {
        StatusGate gate = StatusGate.to(ALLOCATED).set("WAREHOUSE_ID = ?, UPDATED_AT = ?")
                .where("STATUS = ? AND VERSION = ?");
        assertEquals("UPDATE WB_PACKAGE SET STATUS = 'ALLOCATED', WAREHOUSE_ID = ?, UPDATED_AT = ?, "
                + "VERSION = VERSION + 1 WHERE STATUS IN ('WAITING', 'OUT_OF_STOCK') AND STATUS = ? AND VERSION = ? "
                + "AND ID = ?", gate.sql());
    }

    @Test
    void narrowing_onlyToAllowedPredecessors_andStaying() {
        assertEquals(EnumSet.of(SKU_UNMATCHED), StatusGate.to(WAITING).from(SKU_UNMATCHED).sources());
        assertThrows(IllegalArgumentException.class, () -> StatusGate.to(SHIPPED).from(TRACKED));
        assertThrows(IllegalArgumentException.class, () -> StatusGate.to(WAITING).from(WAITING));
        assertEquals(EnumSet.of(SKU_UNMATCHED, WAITING), StatusGate.to(WAITING).orStaying().sources());
        assertEquals(EnumSet.of(TRACKED, PRINTED), StatusGate.to(PRINTED).orStaying().sources());
        assertEquals(EnumSet.of(WAITING, OUT_OF_STOCK), StatusGate.to(OUT_OF_STOCK).sources());
    }
}
