package io.waybill.core.api;

import io.waybill.core.model.BatchResult;
import io.waybill.core.model.ShippingMethodInfo;
import io.waybill.core.model.UploadState;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Workflow step 2 (docs/workflow.md): batch upload of packages to carriers through a durable job queue in the database. Uploads run on
 * core-owned worker threads; a restart loses nothing, and an upload whose outcome is unknown is only repeated
 * when the carrier guarantees idempotency (otherwise the operator is asked).
 */
public interface CarrierUploadService {

    /**
     * Queues allocated (or failed) packages for upload with their store's default shipping method. A package that
     * failed before is sent again with its current data (e.g. a corrected address) under a new idempotency key.
     * A package whose carrier plugin is not installed is refused at once with code {@code carrier_missing}. The
     * succeeded packages are only queued: their outcome arrives later, read it with {@link #uploadStates}.
     */
    BatchResult upload(List<Long> packageIds, String actor);

    /**
     * "Update logistics provider information": asks the carrier now for tracking numbers still pending, and (since
     * 1.1) fetches the carrier's own label again for tracked packages whose label fetch failed.
     */
    BatchResult refreshTracking(List<Long> packageIds, String actor);

    /** The latest carrier job of each package (packages never uploaded are absent). */
    Map<Long, UploadState> uploadStates(Collection<Long> packageIds);

    /** Shipping methods of a store (all stores when null). */
    List<ShippingMethodInfo> shippingMethods(String storeCode);

    /**
     * Creates or replaces a store's shipping method. With {@code isDefault} it becomes the store's only default.
     *
     * @throws OperationRefusedException unknown store, or invalid code / carrier id
     */
    ShippingMethodInfo saveShippingMethod(ShippingMethodInfo method, String actor);
}
