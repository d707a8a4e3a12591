package io.waybill.ui.internal.views;

import io.waybill.core.model.ListCount;
import io.waybill.core.model.PackageStatus;
import io.waybill.core.model.Shortage;
import io.waybill.core.model.UploadState;
import io.waybill.core.model.VoidReason;
import io.waybill.ui.internal.views.DeliveryTab.BatchAction;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeliveryLogicTest {

    @Test
    void tabsHaveStableSlugsAndCoverEveryStatusOnce() {
        assertEquals("out_of_stock", DeliveryTab.OUT_OF_STOCK.slug());
        assertEquals(DeliveryTab.AWAITING_TRACKING, DeliveryTab.fromSlug("awaiting_tracking").orElseThrow());
        assertTrue(DeliveryTab.fromSlug("nonsense").isEmpty());
        assertTrue(DeliveryTab.fromSlug(null).isEmpty());
        for (PackageStatus status : PackageStatus.values()) {
            long tabs = java.util.Arrays.stream(DeliveryTab.values()).filter(t -> t.statuses().contains(status)).count();
            assertEquals(1, tabs, status.name());
        }
    }

    @Test
    void tabCountsAddUpTheirStatuses() {
        Map<PackageStatus, ListCount> counts = new EnumMap<>(PackageStatus.class);
        counts.put(PackageStatus.SHIPPED, ListCount.exact(3));
        counts.put(PackageStatus.SYNCED, ListCount.exact(4));
        counts.put(PackageStatus.WAITING, ListCount.exact(50));
        assertEquals(ListCount.exact(7), DeliveryTab.SHIPPED.listCount(counts));
        assertEquals(ListCount.exact(50), DeliveryTab.WAITING.listCount(counts));
        assertEquals(ListCount.exact(0), DeliveryTab.VOIDED.listCount(counts));
        // issue 15: a tab with one estimated status (Synced at a million) is an estimate as a whole
        counts.put(PackageStatus.SYNCED, new ListCount(719_763, true));
        assertEquals(new ListCount(719_766, true), DeliveryTab.SHIPPED.listCount(counts));
        assertEquals("720 K", Formats.about(719_766, java.util.Locale.ENGLISH));
        assertEquals("72 万", Formats.about(719_766, java.util.Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void actionsPerTabFollowTheWorkflow() {
        assertEquals(List.of(BatchAction.ALLOCATE, BatchAction.APPLY_RULES, BatchAction.DRY_RUN_RULES, BatchAction.VOID),
                DeliveryTab.WAITING.actions());
        assertEquals(List.of(BatchAction.RELEASE, BatchAction.EDIT_ADDRESS, BatchAction.EDIT_DECLARATION,
                BatchAction.APPLY_RULES, BatchAction.DRY_RUN_RULES, BatchAction.VOID), DeliveryTab.HELD.actions());
        assertTrue(DeliveryTab.HELD.showsHolds());
        assertEquals(DeliveryTab.HELD, DeliveryTab.fromSlug("held").orElseThrow());
        assertTrue(DeliveryTab.OUT_OF_STOCK.actions().contains(BatchAction.ALLOCATE));
        assertTrue(DeliveryTab.UPLOAD_FAILED.actions().contains(BatchAction.UPLOAD));
        assertTrue(DeliveryTab.PRINTED.actions().contains(BatchAction.PRINT_LABELS));
        for (DeliveryTab tab : DeliveryTab.values()) {
            assertEquals(tab.compareTo(DeliveryTab.SHIPPED) < 0, tab.actions().contains(BatchAction.VOID), tab.name());
        }
        assertEquals("action-refresh-tracking", BatchAction.REFRESH_TRACKING.buttonId());
        assertTrue(DeliveryTab.ALLOCATED.showsCarrierColumns());
        assertFalse(DeliveryTab.OUT_OF_STOCK.showsCarrierColumns());
        assertTrue(DeliveryTab.OUT_OF_STOCK.showsShortages());
    }

    @Test
    void shortagesReadAsSkuAndMissingQuantity() {
        assertEquals("MUG-CER-01 \u22122, TEE-BLK-M \u22121", Formats.shortages(List.of(
                new Shortage("MUG-CER-01", 3, 1), new Shortage("TEE-BLK-M", 1, 0))));
        assertEquals("", Formats.shortages(List.of()));
        assertEquals("", Formats.shortages(null));
    }

    @Test
    void uploadStatesAreDescribed() {
        UploadStates.Translator tr = (key, params) -> params.length == 0 ? key : key + "|" + params[0];
        assertEquals("", UploadStates.describe(null, tr));
        assertEquals("upload.state.queued", UploadStates.describe(state("QUEUED", null), tr));
        assertEquals("upload.state.awaiting", UploadStates.describe(state("awaiting_tracking", null), tr));
        assertEquals("upload.state.failed|Address rejected",
                UploadStates.describe(state("FAILED", " Address rejected "), tr));
        assertEquals("upload.state.failedPlain", UploadStates.describe(state("FAILED", ""), tr));
        // the core's own sentence for an upload a restart interrupted is translated, not quoted
        String interrupted = io.waybill.core.model.Reason.of(io.waybill.core.model.Reason.UPLOAD_INTERRUPTED).english();
        assertEquals("upload.state.interrupted", UploadStates.describe(state("FAILED", interrupted), tr));
        assertEquals("needs operator", UploadStates.describe(state("NEEDS_OPERATOR", null), tr));
    }

    private static UploadState state(String s, String error) {
        return new UploadState(1L, s, "pool", 1, error, Instant.EPOCH);
    }

    @Test
    void voidReasonPresetsAreLabelledAndOtherNeedsText() {
        assertEquals("Buyer cancelled",
                VoidReasons.check(VoidReason.BUYER_CANCELLED, "ignored", r -> "Buyer cancelled").reason());
        assertEquals("void.error.noReason", VoidReasons.check(null, "x", r -> "").errorKey());
        assertEquals("void.error.otherRequired", VoidReasons.check(VoidReason.OTHER, "   ", r -> "").errorKey());
        assertEquals("void.error.otherRequired", VoidReasons.check(VoidReason.OTHER, null, r -> "").errorKey());
        assertEquals("void.error.tooLong", VoidReasons.check(VoidReason.OTHER, "x".repeat(501), r -> "").errorKey());
        VoidReasons.Checked ok = VoidReasons.check(VoidReason.OTHER, "  收件人拒收  ", r -> "");
        assertTrue(ok.ok());
        assertEquals("收件人拒收", ok.reason());
        assertNull(ok.errorKey());
    }

    @Test
    void addressIsShownAsCapturedWithoutBlankLines() {
        var address = new io.waybill.spi.common.Address("王小明", "", "朝阳区建国路 88 号", null, "北京", "北京市",
                "100022", "CN", "+86 10 1234", "");
        List<String> lines = PackageDetailView.addressLines(address, java.util.Locale.ENGLISH);
        assertEquals(List.of("王小明", "朝阳区建国路 88 号", "100022 北京 北京市", "CN · China", "+86 10 1234"), lines);
    }
}
