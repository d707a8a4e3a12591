package io.waybill.core.model;

import java.time.Instant;

/**
 * Where a package's shipment confirmation to its store stands.
 *
 * @param packageId package
 * @param state     QUEUED (pending), RUNNING, DONE (synced), FAILED
 * @param attempts  calls made
 * @param lastError the marketplace's last error, or null
 * @param nextRunAt when the next attempt is due, or null
 */
public record SyncState(long packageId, String state, int attempts, String lastError, Instant nextRunAt) {
}
