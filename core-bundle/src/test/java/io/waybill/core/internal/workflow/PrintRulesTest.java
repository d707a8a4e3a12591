package io.waybill.core.internal.workflow;

import io.waybill.core.internal.lifecycle.PackageLifecycle;
import io.waybill.core.api.NotPrintableException;
import io.waybill.core.api.PrintRules;
import io.waybill.core.api.PrintRules.Document;
import io.waybill.core.model.PackageRow;
import io.waybill.core.model.PackageStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every status x carrier label / picking list, and whole-request refusals (in the workflow package to compare
 * with the lifecycle's reservation rule). */
class PrintRulesTest {

    private static final Set<PackageStatus> LABEL = EnumSet.of(PackageStatus.TRACKED, PackageStatus.PRINTED,
            PackageStatus.SHIPPED, PackageStatus.SYNCED, PackageStatus.SYNC_FAILED);
    private static final Set<PackageStatus> PICKING = EnumSet.of(PackageStatus.ALLOCATED,
            PackageStatus.AWAITING_TRACKING, PackageStatus.UPLOAD_FAILED, PackageStatus.TRACKED, PackageStatus.PRINTED);

    private static PackageRow row(String no, PackageStatus status, String tracking) {
        return new PackageRow(1, no, "SO-1", "S", "Store", "manual", "Ann", "US", "A x1", 100, Instant.EPOCH, status,
                tracking);
    }

    @ParameterizedTest
    @EnumSource(PackageStatus.class)
    void carrierLabelNeedsATrackingNumberAndAPackageThatIsNotVoided(PackageStatus status) {
        // with a tracking number: allowed exactly in tracked, printed and the shipped states (reprints)
        String withTracking = PrintRules.refusal(Document.CARRIER_LABEL, status, "1Z999");
        assertEquals(LABEL.contains(status), withTracking == null, status + ": " + withTracking);
        // without one: never
        String without = PrintRules.refusal(Document.CARRIER_LABEL, status, null);
        assertNotNull(without, status.name());
        assertNotNull(PrintRules.refusal(Document.CARRIER_LABEL, status, "  "), status.name());
        if (status == PackageStatus.VOIDED) {
            assertEquals("is voided", withTracking);
            assertEquals("is voided", without);
        } else {
            assertTrue(without.startsWith("has no tracking number"), without);
        }
    }

    @ParameterizedTest
    @EnumSource(PackageStatus.class)
    void pickingListOnlyWhileStockIsHeld(PackageStatus status) {
        for (String tracking : new String[] {null, "1Z999"}) {
            String why = PrintRules.refusal(Document.PICKING_LIST, status, tracking);
            assertEquals(PICKING.contains(status), why == null, status + ": " + why);
        }
        // the same rule as the lifecycle's reservation
        assertEquals(PackageLifecycle.HOLDS_RESERVATION.contains(status),
                PrintRules.canPrint(Document.PICKING_LIST, status, null), status.name());
    }

    @ParameterizedTest
    @EnumSource(PackageStatus.class)
    void onlyTrackedOrPrintedPackagesAreMarkedPrinted(PackageStatus status) {
        assertEquals(status == PackageStatus.TRACKED || status == PackageStatus.PRINTED,
                PrintRules.canMarkPrinted(status), status.name());
        // and marking printed is a move the lifecycle allows
        if (PrintRules.canMarkPrinted(status)) {
            assertTrue(PackageLifecycle.canMove(status, PackageStatus.PRINTED));
        }
    }

    @Test
    void aMixedSelectionIsRefusedWholeNamingEveryRefusedPackage() {
        List<PackageRow> rows = List.of(row("PKG-1", PackageStatus.TRACKED, "1Z1"),
                row("PKG-2", PackageStatus.VOIDED, "1Z2"), row("PKG-3", PackageStatus.WAITING, null));

        NotPrintableException e = assertThrows(NotPrintableException.class,
                () -> PrintRules.require(Document.CARRIER_LABEL, rows));

        assertEquals("not_printable", e.code());
        assertEquals(Map.of("PKG-2", "is voided", "PKG-3", "has no tracking number yet (waiting for allocation)"),
                e.refused());
        assertEquals("Nothing was printed: 2 of 3 packages cannot have a carrier label: PKG-2 is voided; PKG-3 has no "
                + "tracking number yet (waiting for allocation).", e.getMessage());
        assertFalse(e.getMessage().contains("PKG-1"));
    }

    @Test
    void aPrintableSelectionPasses() {
        assertDoesNotThrow(() -> PrintRules.require(Document.CARRIER_LABEL, List.of(
                row("PKG-1", PackageStatus.TRACKED, "1Z1"), row("PKG-2", PackageStatus.SHIPPED, "1Z2"))));
        assertDoesNotThrow(() -> PrintRules.require(Document.PICKING_LIST, List.of(
                row("PKG-1", PackageStatus.ALLOCATED, null))));
    }

    @Test
    void shippedPackagesAreReprintedButNeverMarkedPrinted() {
        List<PackageRow> rows = List.of(row("PKG-9", PackageStatus.SHIPPED, "1Z9"));
        assertDoesNotThrow(() -> PrintRules.require(Document.CARRIER_LABEL, rows));
        NotPrintableException e = assertThrows(NotPrintableException.class, () -> PrintRules.requireMarkable(rows));
        assertTrue(e.getMessage().contains("PKG-9 is shipped"), e.getMessage());
    }

    @Test
    void aPickingListAfterShippingNamesWhy() {
        NotPrintableException e = assertThrows(NotPrintableException.class, () -> PrintRules.require(
                Document.PICKING_LIST, List.of(row("PKG-5", PackageStatus.SHIPPED, "1Z5"))));
        assertEquals("Nothing was printed: 1 of 1 package cannot have a picking list: PKG-5 has already shipped.",
                e.getMessage());
        assertNull(PrintRules.refusal(Document.PICKING_LIST, PackageStatus.ALLOCATED, null));
    }
}
