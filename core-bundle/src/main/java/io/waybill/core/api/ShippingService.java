package io.waybill.core.api;

import io.waybill.core.model.BatchResult;
import io.waybill.core.model.ScanResult;
import io.waybill.core.model.SkuTolerance;
import io.waybill.core.model.StoreTolerance;
import io.waybill.core.model.SupervisorApproval;
import io.waybill.core.model.WeighingFailure;

import java.util.List;

/**
 * Workflow step 4 (docs/workflow.md), execute delivery: scanning with weighing verification, and batch delivery. Shipping deducts the
 * stock from on hand and releases the reservation in the same transaction, records the measured weight, and
 * queues the store sync when the platform syncs automatically.
 */
public interface ShippingService {

    /**
     * Looks up a scanned package number or tracking number and checks the weight, without shipping.
     * Refuses (outcome REFUSED) unknown, not printed, already shipped and voided packages with a clear message.
     *
     * @param measuredGrams stable scale reading, or null when there is none (outcome NO_WEIGHT)
     */
    ScanResult check(String scanned, Integer measuredGrams);

    /**
     * "Execute delivery": checks like {@link #check} and ships when the weight passes. A failing or missing
     * weight never ships here.
     */
    ScanResult ship(String scanned, Integer measuredGrams, String actor);

    /**
     * Ships a package whose weight check failed, on a supervisor's authority: the supervisor's credentials are
     * checked here (role supervisor or admin). The override, the supervisor, the weights and the reason are
     * audited.
     *
     * @throws OperationRefusedException wrong supervisor credentials, missing role or missing reason
     */
    ScanResult shipWithOverride(String scanned, Integer measuredGrams, String supervisorUser,
                                char[] supervisorPassword, String reason, String actor);

    /**
     * Batch delivery: ships the selected printed packages without weighing. A package whose last weighing failed
     * is refused ({@code weighing_failed}): it ships only with {@link #shipBatch(List, String, SupervisorApproval)}.
     */
    BatchResult shipBatch(List<Long> packageIds, String actor);

    /**
     * Batch delivery with a supervisor's authority for the packages whose last weighing failed: the approval is
     * checked first, by the same rule as {@link #shipWithOverride}; when it is wrong nothing is shipped. Those
     * packages are shipped as an override (audited with the supervisor, the weights and the reason); the others as
     * in {@link #shipBatch(List, String)}.
     *
     * @param approval the supervisor's credentials and reason; {@code null} is the same as
     *                 {@link #shipBatch(List, String)}
     * @throws OperationRefusedException wrong supervisor credentials, missing role or missing reason
     */
    BatchResult shipBatch(List<Long> packageIds, String actor, SupervisorApproval approval);

    /** The packages among these ids that are printed and whose last weighing failed, in package number order. */
    List<WeighingFailure> failedWeighings(List<Long> packageIds);

    /** The weight tolerance of every store. */
    List<StoreTolerance> storeTolerances();

    /** The SKUs that carry their own tolerance. */
    List<SkuTolerance> skuTolerances();

    /**
     * Sets a store's tolerance (audited).
     *
     * @throws OperationRefusedException unknown store, grams outside 0..{@value #MAX_TOLERANCE_GRAMS} or percent
     *                                   outside 0..{@value #MAX_TOLERANCE_PERCENT}
     */
    void setStoreTolerance(String storeCode, int grams, int percent, String actor);

    /**
     * Sets a SKU's own tolerance in grams, or removes it with {@code null} (audited).
     *
     * @throws OperationRefusedException unknown SKU or grams outside 0..{@value #MAX_TOLERANCE_GRAMS}
     */
    void setSkuTolerance(String skuCode, Integer grams, String actor);

    /** Largest tolerance in grams a store or SKU can have. */
    int MAX_TOLERANCE_GRAMS = 10_000;

    /** Largest tolerance in percent of the expected weight. */
    int MAX_TOLERANCE_PERCENT = 50;
}
