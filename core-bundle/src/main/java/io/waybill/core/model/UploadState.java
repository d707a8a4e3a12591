package io.waybill.core.model;

import java.time.Instant;

/**
 * Where a package's carrier work stands, for the "tracking number" column and the upload progress.
 *
 * @param packageId  package
 * @param state      QUEUED, UPLOADING, AWAITING_TRACKING (polling the carrier), DONE or FAILED
 * @param carrierId  carrier plugin id
 * @param attempts   calls made so far
 * @param lastError  the carrier's or Waybill's last error message, or null
 * @param nextRunAt  when the next attempt is due, or null
 */
public record UploadState(long packageId, String state, String carrierId, int attempts, String lastError,
                          Instant nextRunAt) {
}
