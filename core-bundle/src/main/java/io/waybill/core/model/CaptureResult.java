package io.waybill.core.model;

import java.util.List;

/**
 * What a capture (from a marketplace, a file or the manual order form) did.
 *
 * @param created   new orders (each with a package waiting for delivery)
 * @param updated   orders changed since the last capture (e.g. address edited)
 * @param unchanged orders captured again without changes
 * @param flagged   orders the marketplace cancelled after capture (flagged for the operator)
 * @param rejected  orders refused by validation, with reasons
 */
public record CaptureResult(int created, int updated, int unchanged, int flagged, List<RowError> rejected) {
    public CaptureResult {
        rejected = List.copyOf(rejected);
    }
}
