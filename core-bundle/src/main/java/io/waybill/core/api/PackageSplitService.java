package io.waybill.core.api;

import java.util.List;
import java.util.Map;

/**
 * Split a package into packages of the same order that each go through the workflow, and undo it (issue 14, 审单;
 * since 1.15). Like a merge, a split changes a package's contents, so it follows the one rule of edits before upload
 * (refused once a package is uploaded or while its upload is queued); both are written to the history of every
 * package involved; both need {@link Permission#MERGE_PACKAGES}. Nothing is written when a split is refused.
 */
public interface PackageSplitService {

    /**
     * The packages of the package's split, the one split first (which the others were split off) first; empty when
     * the package is not split. Voided packages (also those joined back by an undo) are not listed.
     */
    List<String> group(long packageId);

    /** Whether {@link #splitByLines} may take the package now (its step and kind; not the user's permission). */
    boolean splittable(long packageId);

    /**
     * Moves these units (SKU code to units) of the package to a new package of the same order, at the package's step
     * and, when it holds stock, in its warehouse: the stock it reserved for those units goes with them (nothing is
     * released or reserved twice). Expected weights and the customs declaration follow the lines.
     *
     * @return the id of the new package
     * @throws OperationRefusedException {@code split_empty}, {@code split_bad_line}, {@code split_all},
     *                                   {@code split_merged}, {@code split_unmatched}, {@code edit_locked},
     *                                   {@code upload_in_progress}, {@code unknown_package}, {@code not_permitted}
     */
    long splitByLines(long packageId, Map<String, Integer> units, String actor);

    /**
     * Splits a package that no single warehouse can serve into one package per warehouse, as allocation chooses
     * warehouses (the rule's warehouse, then the store's by priority): each line goes to the first that has all of it.
     * The package keeps the first warehouse's lines; each new package is assigned its warehouse (tried first when it
     * is allocated). Only before allocation: an allocated package's warehouse has everything.
     *
     * @return the ids of the packages, the split one first
     * @throws OperationRefusedException {@code split_not_needed}, {@code split_no_stock}, {@code split_allocated},
     *                                   {@code split_merged}, {@code split_unmatched}, {@code edit_locked},
     *                                   {@code upload_in_progress}, {@code unknown_package}, {@code not_permitted}
     */
    List<Long> splitByWarehouse(long packageId, String actor);

    /**
     * Joins the packages of a split back into the package they were split off (given any of them), until one of them
     * is uploaded: its lines, reserved stock and declaration go back; the packages joined back are voided with the
     * reason. At one step and in one warehouse the joined package stays at that step, holding what they held; at
     * different steps (e.g. one allocated, one waiting; since model 1.17) each releases the stock it reserved in the same
     * transaction (audited, {@code split_undo_released}) and the joined package goes back to waiting (held when one
     * of them was held for review), to be allocated as a whole. Refused once any of them has been uploaded, even if
     * voided since.
     *
     * @return the id of the package they were joined into
     * @throws OperationRefusedException {@code not_split}, {@code split_undo_uploaded}, {@code edit_locked},
     *                                   {@code upload_in_progress}, {@code unknown_package}, {@code not_permitted}
     */
    long undoSplit(long packageId, String actor);
}
