package io.waybill.core.model;

import java.time.Instant;
import java.util.List;

/**
 * One run of a batch action over a "select all" selection (issue 15 item 2, issue 13 item 1): the core walks the
 * selection's filter page by page by package id and applies the action chunk by chunk, so a selection of 250,000
 * packages never becomes a list in memory or in the browser. What the operator sees of it: progress
 * ({@code processed} / {@code total}), done and failed counts, the first {@link #MAX_FAILURES} failures with their
 * reasons, and whether it is still running. Since 1.18.
 *
 * @param id        the run's number (unique while the core runs)
 * @param kind      the action
 * @param state     running, stopping (asked to stop: ends after the chunk in hand), or how it ended
 * @param actor     who started it
 * @param started   when it started
 * @param finished  when it ended, null while it runs
 * @param total     how many packages matched the selection when it started (the progress bar's size; packages
 *                  that leave or join the filter meanwhile make the final count differ)
 * @param processed packages handled so far (done + failed)
 * @param succeeded packages the action was applied to
 * @param failed    packages it was not applied to
 * @param failures  the first {@link #MAX_FAILURES} failures, in the order they happened
 * @param error     why the run ended early (code + params), null unless it {@link State#FAILED}
 */
public record BulkRun(long id, Kind kind, State state, String actor, Instant started, Instant finished, long total,
                      long processed, long succeeded, long failed, List<BatchResult.Failure> failures, Reason error) {

    /** How many failures a run keeps with their reasons (the counts go on). */
    public static final int MAX_FAILURES = 200;

    public BulkRun {
        failures = failures == null ? List.of() : List.copyOf(failures);
    }

    /** The batch actions that run over a whole selection. */
    public enum Kind {
        /** Allocate inventory ({@code FulfilmentService.allocate}). */
        ALLOCATE,
        /** Upload to the carrier ({@code CarrierUploadService.upload}): the packages are queued. */
        UPLOAD,
        /** Void with a reason ({@code FulfilmentService.voidPackages}). */
        VOID,
        /** Mark printed after the labels came out ({@code FulfilmentService.markPrinted}). */
        MARK_PRINTED
    }

    /** Where a run is. */
    public enum State {
        RUNNING, STOPPING,
        /** Every package of the selection was handled. */
        DONE,
        /** Stopped by a user: what was done stays done, the rest was not touched. */
        STOPPED,
        /** Ended by an unexpected error (the selection could not be read): see {@link BulkRun#error()}. */
        FAILED;

        public boolean running() {
            return this == RUNNING || this == STOPPING;
        }
    }

    public boolean running() {
        return state.running();
    }
}
