package io.waybill.core.api;

import io.waybill.core.model.BatchResult;

import java.util.List;

/**
 * The fulfilment rules of the delivery workflow. Each package is handled in its own transaction, so one bad
 * package never blocks the others and a batch never leaves a package half-changed. Every status change is checked
 * against the package lifecycle and written to the audit log.
 */
public interface FulfilmentService {

    /**
     * Allocate Inventory: reserves every SKU of each package in ONE warehouse (the store's warehouses in priority
     * order). A package that no warehouse can fully supply goes to OUT_OF_STOCK with its shortages recorded; calling
     * this again for it retries. Never oversells, also with concurrent callers (conditional row updates).
     *
     * @return succeeded = allocated packages; failures = out of stock (code {@code out_of_stock}) or refused
     */
    BatchResult allocate(List<Long> packageIds, String actor);

    /**
     * Batch Void: cancels packages with a reason, releasing reserved stock. Refused (per package, with a message)
     * for packages already shipped or voided.
     *
     * @param reason required, at most 500 characters
     */
    BatchResult voidPackages(List<Long> packageIds, String reason, String actor);

    /**
     * Marks packages as printed after the operator confirmed the labels came out: TRACKED -> PRINTED, or a
     * recorded reprint for packages already PRINTED. Increments the print count.
     *
     * @return failures for packages without a tracking number or in a later state
     */
    BatchResult markPrinted(List<Long> packageIds, String actor);
}
