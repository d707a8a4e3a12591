package io.waybill.spi.carrier;

import io.waybill.spi.common.Result;

/**
 * A durable, exactly-once allocator of serial numbers from numbered ranges, offered by the core to carrier
 * plugins that issue their own tracking numbers (e.g. S10 ranges a postal operator assigned). Backed by the
 * Waybill database: a serial is never handed out twice, across threads, restarts and processes sharing the
 * database, and the same idempotency key always gets the same serial back. Since 1.1.
 */
public interface SerialNumberStore {

    /**
     * A serial taken from a range.
     *
     * @param rangeId the range it was taken from
     * @param serial  the serial
     * @param reused  true when the idempotency key had been given this serial before
     */
    record IssuedSerial(String rangeId, long serial, boolean reused) {
    }

    /**
     * Returns the serial already issued for {@code idempotencyKey} (in any range), or takes the next free serial
     * of the range {@code [first, last]} identified by {@code rangeId}. Fails with code {@code range_exhausted}
     * when the range is used up (the caller may try its next range).
     *
     * @param rangeId        stable id of the range, e.g. "RR10000000-10009999CN"
     * @param idempotencyKey key of the request; must not be blank
     */
    Result<IssuedSerial> take(String rangeId, long first, long last, String idempotencyKey);

    /** Serials not handed out yet in the range. */
    long remaining(String rangeId, long first, long last);
}
