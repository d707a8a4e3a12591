package io.waybill.core.api;

import io.waybill.core.model.BatchResult;
import io.waybill.core.model.CarrierCodeMapping;
import io.waybill.core.model.SyncState;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Workflow step 5 (docs/workflow.md): synchronising delivery status (carrier + tracking number) back to the stores through a durable
 * outbox, throttled per store to the platform's published rate limit, retried with backoff.
 */
public interface SyncService {

    /** "Start synchronisation": queues shipped (or failed-to-sync) packages; already queued ones are skipped. */
    BatchResult startSync(List<Long> packageIds, String actor);

    /** Latest sync job per package. */
    Map<Long, SyncState> syncStates(Collection<Long> packageIds);

    /** Platforms and whether they sync automatically after shipping (all known platforms of the stores). */
    Map<String, Boolean> autoSync();

    /** Delivery settings: sync automatically after shipping for this platform, or not. */
    void setAutoSync(String platform, boolean automatic, String actor);

    /** The carrier-name mapping table. */
    List<CarrierCodeMapping> carrierCodes();

    /** Creates or replaces one mapping (empty code removes it). */
    void saveCarrierCode(CarrierCodeMapping mapping, String actor);
}
