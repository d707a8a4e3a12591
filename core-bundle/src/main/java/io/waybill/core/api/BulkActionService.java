package io.waybill.core.api;

import io.waybill.core.model.BulkRun;
import io.waybill.core.model.PackageSelection;

import java.util.List;
import java.util.Optional;

/**
 * Batch actions over a whole "select all" selection (issue 15 item 2, issue 13 item 1): allocate, upload, void and
 * mark printed over every package matching a list's filter, however many (250,000 and more). The core walks the
 * filter page by page by package id ({@link PackageService#idsAfter}: ids after the last one handled, never an
 * offset, so packages the action moves out of the filter do not shift the pages), applies the action to each page
 * as one chunk (the action's own short transactions; no transaction is held across chunks), and keeps counts and the
 * first {@link BulkRun#MAX_FAILURES} failures: its memory does not grow with the selection. One run at a time per
 * action; a run goes on when the operator leaves the page, and stops between chunks when asked. Since 1.17.
 */
public interface BulkActionService {

    /**
     * Starts a run on a background thread and returns at once (the run's first state).
     *
     * @param reason the void's reason (required for {@link BulkRun.Kind#VOID}, ignored otherwise)
     * @throws OperationRefusedException the actor may not run the action (as the action itself refuses), a void
     *                                   without a valid reason, nothing matches ({@code empty_selection}), or a run
     *                                   of the same action is still going ({@code bulk_running})
     */
    BulkRun start(BulkRun.Kind kind, PackageSelection selection, String reason, String actor);

    /** The run with this number, while the core keeps it (the last run of each action is kept until replaced). */
    Optional<BulkRun> run(long id);

    /** The latest run of each action (running or ended), newest first. */
    List<BulkRun> latest();

    /**
     * Asks a run to stop: it ends after the chunk in hand (what was done stays done, the rest is not touched).
     * Stopping an ended run changes nothing.
     *
     * @return the run's state now, or empty for an unknown run
     * @throws OperationRefusedException the actor may not run that action
     */
    Optional<BulkRun> stop(long id, String actor);
}
