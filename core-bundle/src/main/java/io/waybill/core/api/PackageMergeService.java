package io.waybill.core.api;

import io.waybill.core.model.MergeSuggestion;

import java.util.List;

/**
 * Merge packages of one buyer into one parcel, and undo it (issue 14, 审单; since 1.14). Both change a package's
 * contents, so both follow the one rule of edits before upload (refused once a package is uploaded or while its
 * upload is queued); both are written to the packages' history; both need {@link Permission#MERGE_PACKAGES}.
 */
public interface PackageMergeService {

    /** At most this many suggestions are listed. */
    int MAX_SUGGESTIONS = 100;

    /**
     * Groups of two or more packages that {@link #merge} would accept now: one store, buyer and ship-to address, not
     * uploaded, at the same step and (once allocated) in the same warehouse, none a merge already; oldest first.
     */
    default List<MergeSuggestion> suggestions() {
        return suggestions(null);
    }

    /**
     * The suggestions the user may act on: groups whose every package lies in the user's store / warehouse scope
     * ({@link PackageService#visible}); null: every group (the system). Since 1.15.
     */
    List<MergeSuggestion> suggestions(String viewer);

    /** The numbers of the packages merged into this one, by id; empty when it is no merge. */
    List<String> members(long packageId);

    /**
     * Merges the packages into the lowest-numbered one, which ships for all: the others move to MERGED (their
     * orders, lines and reserved stock now go with it), its tracking number is confirmed to every order.
     *
     * @return the id of the merged package
     * @throws OperationRefusedException {@code merge_too_few}, {@code merge_mismatch}, {@code merge_step},
     *                                   {@code merge_warehouse}, {@code merge_nested}, {@code merge_declaration},
     *                                   {@code merge_split}, {@code unknown_package} also for a package outside the
     *                                   user's store / warehouse scope,
     *                                   {@code edit_locked}, {@code upload_in_progress}, {@code unknown_package},
     *                                   {@code not_permitted}; nothing is written when refused
     */
    long merge(List<Long> packageIds, String actor);

    /**
     * Undoes a merge: the packages merged into this one come back on their own, at its step and in its warehouse
     * (what each holds of its reserved stock is its own again), until the merged package is uploaded.
     *
     * @return the ids of the packages restored
     * @throws OperationRefusedException {@code not_merged}, {@code edit_locked}, {@code upload_in_progress},
     *                                   {@code unknown_package}, {@code not_permitted}
     */
    List<Long> undoMerge(long packageId, String actor);
}
