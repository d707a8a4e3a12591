package io.waybill.ui.internal.views;

import io.waybill.core.model.PackageStatus;
import io.waybill.core.model.SyncState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyncStatesTest {

    private static final BiFunction<String, Object[], String> T =
            (key, params) -> params.length == 0 ? key : key + Arrays.toString(params);

    @Test
    void kindComesFromTheJobOrElseTheStatus() {
        assertEquals(SyncStates.Kind.PENDING, SyncStates.kind(new SyncState(1, "QUEUED", 0, null, null), null));
        assertEquals(SyncStates.Kind.PENDING, SyncStates.kind(new SyncState(1, "RUNNING", 1, null, null), null));
        assertEquals(SyncStates.Kind.SYNCED, SyncStates.kind(new SyncState(1, "DONE", 1, null, null), null));
        assertEquals(SyncStates.Kind.FAILED, SyncStates.kind(new SyncState(1, "FAILED", 3, "x", null), null));
        assertEquals(SyncStates.Kind.NONE, SyncStates.kind(null, PackageStatus.SHIPPED));
        assertEquals(SyncStates.Kind.SYNCED, SyncStates.kind(null, PackageStatus.SYNCED));
        assertEquals(SyncStates.Kind.FAILED, SyncStates.kind(null, PackageStatus.SYNC_FAILED));
        assertTrue(SyncStates.anyPending(List.of(new SyncState(1, "DONE", 1, null, null),
                new SyncState(2, "QUEUED", 0, null, null))));
        assertFalse(SyncStates.anyPending(List.of(new SyncState(1, "DONE", 1, null, null))));
    }

    @Test
    void descriptionsCarryReasonAttemptsAndNextTry() {
        Instant next = Instant.parse("2026-11-25T14:05:00Z");
        assertEquals("sync.state.pending \u00b7 sync.state.attempts[2] \u00b7 sync.state.next[2026-11-25 14:05]"
                + " \u00b7 sync.state.lastError[HTTP 429]",
                SyncStates.describe(new SyncState(1, "QUEUED", 2, "HTTP 429", next), PackageStatus.SHIPPED,
                        ZoneOffset.UTC, T));
        assertEquals("sync.state.running", SyncStates.describe(new SyncState(1, "RUNNING", 0, null, null),
                PackageStatus.SHIPPED, ZoneOffset.UTC, T));
        assertEquals("sync.state.failed[Order is already fulfilled] (sync.state.attempts[3])",
                SyncStates.describe(new SyncState(1, "FAILED", 3, "Order is already fulfilled", null),
                        PackageStatus.SYNC_FAILED, ZoneOffset.UTC, T));
        assertEquals("sync.state.failed[sync.state.noReason]",
                SyncStates.describe(null, PackageStatus.SYNC_FAILED, ZoneOffset.UTC, T));
        assertEquals("sync.state.synced", SyncStates.describe(new SyncState(1, "DONE", 1, null, null),
                PackageStatus.SYNCED, ZoneOffset.UTC, T));
        assertEquals("sync.state.none", SyncStates.describe(null, PackageStatus.SHIPPED, ZoneOffset.UTC, T));
    }

    @Test
    void aJobHeldByAMissingMarketplacePluginSaysWhichPluginInsteadOfANextTry() {
        SyncState held = new SyncState(1, "QUEUED", 0, SyncState.pluginMissing("shopify"),
                Instant.parse("2026-11-25T14:05:00Z"));
        assertEquals("sync.state.waitingForPlugin[shopify]",
                SyncStates.describe(held, PackageStatus.SHIPPED, ZoneOffset.UTC, T));
        assertEquals(SyncStates.Kind.PENDING, SyncStates.kind(held, null), "still pending: it goes once the plugin is back");
    }
}
