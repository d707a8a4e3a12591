package io.waybill.ui.internal.views;

import io.waybill.core.model.PackageStatus;
import io.waybill.core.model.SyncState;

import java.time.ZoneId;
import java.util.Collection;
import java.util.function.BiFunction;

/** How the "Sync delivery status" list describes a package's store sync. */
public final class SyncStates {

    private SyncStates() {
    }

    /** The kind of a sync state, for the cell style and the live refresh. */
    public enum Kind {
        /** No job yet (shipped, not queued). */
        NONE("wb-sync-none"),
        /** Queued or running: the list refreshes itself. */
        PENDING("wb-sync-pending"),
        /** Confirmed to the store. */
        SYNCED("wb-sync-ok"),
        /** The store refused; retry with "Start synchronisation". */
        FAILED("wb-sync-failed");

        private final String cssClass;

        Kind(String cssClass) {
            this.cssClass = cssClass;
        }

        public String cssClass() {
            return cssClass;
        }
    }

    /** Kind of the latest job, falling back to the package status when there is no job. */
    public static Kind kind(SyncState state, PackageStatus status) {
        if (state != null && state.state() != null) {
            switch (state.state()) {
                case "QUEUED", "RUNNING" -> {
                    return Kind.PENDING;
                }
                case "DONE" -> {
                    return Kind.SYNCED;
                }
                case "FAILED" -> {
                    return Kind.FAILED;
                }
                default -> {
                    // unknown state: decide by the package status
                }
            }
        }
        if (status == PackageStatus.SYNCED) {
            return Kind.SYNCED;
        }
        if (status == PackageStatus.SYNC_FAILED) {
            return Kind.FAILED;
        }
        return Kind.NONE;
    }

    /** Whether any of these jobs is still pending (the page then keeps refreshing). */
    public static boolean anyPending(Collection<SyncState> states) {
        return states.stream().anyMatch(s -> kind(s, null) == Kind.PENDING);
    }

    /**
     * The cell text: "Pending · attempt 2 · next try 2026-11-25 14:05", "Synced", "Failed: reason (3 attempts)",
     * "Not queued yet", or, for a job held because the store's marketplace plugin is missing, "Waiting for the
     * marketplace plugin 'shopify' (not installed)".
     *
     * @param t translation function (key, parameters)
     */
    public static String describe(SyncState state, PackageStatus status, ZoneId zone,
                                  BiFunction<String, Object[], String> t) {
        Kind kind = kind(state, status);
        int attempts = state == null ? 0 : state.attempts();
        return switch (kind) {
            case NONE -> t.apply("sync.state.none", new Object[0]);
            case SYNCED -> t.apply("sync.state.synced", new Object[0]);
            case PENDING -> {
                if (state.waitingForPlugin() != null) {
                    // not tried until the plugin appears: no attempts, no next try to show
                    yield t.apply("sync.state.waitingForPlugin", new Object[] {state.waitingForPlugin()});
                }
                String text = t.apply("RUNNING".equals(state.state()) ? "sync.state.running" : "sync.state.pending",
                        new Object[0]);
                if (attempts > 0) {
                    text += " \u00b7 " + t.apply("sync.state.attempts", new Object[] {attempts});
                }
                if (state.nextRunAt() != null) {
                    text += " \u00b7 " + t.apply("sync.state.next", new Object[] {
                            Formats.dateTime(state.nextRunAt(), zone)});
                }
                if (state.lastError() != null && !state.lastError().isBlank()) {
                    text += " \u00b7 " + t.apply("sync.state.lastError", new Object[] {state.lastError()});
                }
                yield text;
            }
            case FAILED -> {
                String reason = state == null || state.lastError() == null || state.lastError().isBlank()
                        ? t.apply("sync.state.noReason", new Object[0]) : state.lastError();
                String text = t.apply("sync.state.failed", new Object[] {reason});
                if (attempts > 0) {
                    text += " (" + t.apply("sync.state.attempts", new Object[] {attempts}) + ")";
                }
                yield text;
            }
        };
    }
}
