package io.waybill.core.internal.lifecycle;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.model.PackageStatus;
import io.waybill.core.model.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The lifecycle's one rule of edits before upload (address and customs declaration; the review queue). */
class EditGateTest {

    /** Before awaiting tracking: no carrier holds a shipment. */
    private static final Set<PackageStatus> EDITABLE = EnumSet.of(PackageStatus.WAITING, PackageStatus.OUT_OF_STOCK,
            PackageStatus.SKU_UNMATCHED, PackageStatus.HELD, PackageStatus.ALLOCATED, PackageStatus.UPLOAD_FAILED);

    @ParameterizedTest
    @EnumSource(PackageStatus.class)
    void everyStatusBeforeUploadMayBeEdited_everyOtherIsRefusedWithTheStatusAndWhat(PackageStatus status) {
        if (EDITABLE.contains(status)) {
            assertDoesNotThrow(() -> PackageLifecycle.checkEditable("WB1", status, false,
                    PackageLifecycle.EDIT_DECLARATION));
            assertEquals(true, PackageLifecycle.canEdit(status));
            return;
        }
        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> PackageLifecycle.checkEditable("WB1", status, false, PackageLifecycle.EDIT_SHIP_TO));
        assertEquals(Reason.EDIT_LOCKED, e.code());
        assertEquals(List.of("WB1", status.name(), "ship_to"), e.params());
        assertEquals(false, PackageLifecycle.canEdit(status));
    }

    @Test
    void aQueuedUploadRefusesTheEdit_andTheSentencesSayWhy() {
        OperationRefusedException queued = assertThrows(OperationRefusedException.class,
                () -> PackageLifecycle.checkEditable("WB7", PackageStatus.ALLOCATED, true,
                        PackageLifecycle.EDIT_DECLARATION));
        assertEquals(Reason.UPLOAD_IN_PROGRESS, queued.code());
        assertEquals("Package WB7 is being uploaded to its carrier; change its customs declaration when the upload "
                + "has finished or failed.", queued.getMessage());
        OperationRefusedException tracked = assertThrows(OperationRefusedException.class,
                () -> PackageLifecycle.checkEditable("WB7", PackageStatus.TRACKED, false,
                        PackageLifecycle.EDIT_SHIP_TO));
        assertEquals("Package WB7 is tracked: its ship-to address can change only before it is uploaded to a "
                + "carrier. Void it if the buyer's details are wrong.", tracked.getMessage());
    }

    @Test
    void theEditableStatusesAreExactlyThoseNotYetHandedToACarrier() {
        assertEquals(EDITABLE, PackageLifecycle.EDITABLE_BEFORE_UPLOAD);
        // none of them holds a tracking number or left the warehouse; each can still reach awaiting tracking or
        // is held before allocation
        for (PackageStatus s : EDITABLE) {
            assertEquals(false, PackageLifecycle.LEFT_WAREHOUSE.contains(s), s.name());
        }
    }
}
