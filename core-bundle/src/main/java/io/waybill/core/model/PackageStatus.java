package io.waybill.core.model;

/**
 * Where a package is in the delivery workflow. The allowed moves between states are defined by the core's
 * package lifecycle; this enum only names the states.
 */
public enum PackageStatus {
    /** Captured, waiting for inventory allocation. */
    WAITING,
    /** Could not be fully allocated; listed with the missing SKUs. */
    OUT_OF_STOCK,
    /**
     * Captured, but a line's platform SKU is neither a Waybill SKU nor an alias of the store: held until the operator
     * maps it (since model 1.5). Allocation, upload, print and ship refuse it.
     */
    SKU_UNMATCHED,
    /**
     * Held for review by a logistics rule (待审核, the "To review" tab), with the rule's reason: allocation, upload,
     * print and ship refuse it until it is released (back to waiting) or voided (since model 1.10).
     */
    HELD,
    /** Stock reserved from one warehouse. */
    ALLOCATED,
    /** Uploaded to a carrier, tracking number not issued yet. */
    AWAITING_TRACKING,
    /** The carrier refused the upload; the reason is recorded. */
    UPLOAD_FAILED,
    /** Tracking number issued. */
    TRACKED,
    /** Label printed at least once. */
    PRINTED,
    /** Left the warehouse. */
    SHIPPED,
    /** Shipment confirmed to the store. */
    SYNCED,
    /** The store refused the shipment confirmation; the reason is recorded. */
    SYNC_FAILED,
    /** Cancelled by the seller. */
    VOIDED,
    /**
     * Merged into another package of the same buyer that ships for it (issue 14, 审单; since model 1.14): it keeps its
     * order and lines, no step takes it, and "Undo merge" on the merged package brings it back as it was.
     */
    MERGED
}
