package io.waybill.platform.amazon.internal;

import io.waybill.plugin.kit.RetryAfter;
import io.waybill.spi.common.Message;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * One SP-API operation's documented usage plan (token bucket: rate per second, burst) kept by this plugin for the
 * calls the core does not pace itself (getOrders, getOrderItems, createRestrictedDataToken inside one capture). A
 * call waits for a token when the wait is at most the configured bound, else it is not sent and the operation answers
 * {@code rate_limited} with the wait as retry-after. Thread-safe.
 */
final class Pace {
    /** Waits in tests and production go through this; tests replace it to count instead of sleeping. */
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    static final Sleeper THREAD_SLEEP = nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));

    private final String operation;
    private final double ratePerNano;
    private final double burst;
    private final LongSupplier nanoTime;
    private double tokens;
    private long last;

    Pace(String operation, double ratePerSecond, int burst, LongSupplier nanoTime) {
        this.operation = operation;
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.nanoTime = nanoTime;
        this.tokens = burst;
        this.last = nanoTime.getAsLong();
    }

    /**
     * Takes one token, sleeping until it is there when that takes at most {@code maxWait}.
     *
     * @throws Refused when the wait would be longer: {@code rate_limited} with the wait as retry-after
     */
    void acquire(Duration maxWait, Sleeper sleeper) throws Refused, InterruptedException {
        long wait;
        synchronized (this) {
            refill();
            if (tokens >= 1) {
                tokens -= 1;
                return;
            }
            wait = (long) Math.ceil((1 - tokens) / ratePerNano);
            if (wait > maxWait.toNanos()) {
                Duration pause = Duration.ofNanos(wait);
                throw new Refused(Message.rateLimited("Amazon's usage plan for " + operation + " (" + rate()
                        + " requests/s) is used up; the request was not sent. Retry after "
                        + RetryAfter.seconds(pause) + " s.", pause));
            }
            tokens -= 1; // reserved: the bucket goes negative and refills while this caller sleeps
        }
        sleeper.sleep(wait);
    }

    private String rate() {
        double perSecond = ratePerNano * 1e9;
        return perSecond == Math.rint(perSecond) ? String.valueOf((long) perSecond) : String.valueOf(perSecond);
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(burst, tokens + (now - last) * ratePerNano);
        last = now;
    }
}
