package io.waybill.core.internal.sync;

/** A token bucket (rate per second, burst size), thread-safe; time is injected for tests. */
final class TokenBucket {
    private final double ratePerNano;
    private final double burst;
    private double tokens;
    private long last;
    private long pausedUntil;

    TokenBucket(double ratePerSecond, int burst, long nowNanos) {
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.last = nowNanos;
    }

    /** Takes up to {@code wanted} whole tokens and returns how many it took. */
    synchronized int take(int wanted, long nowNanos) {
        if (nowNanos < pausedUntil) {
            return 0;
        }
        tokens = Math.min(burst, tokens + (nowNanos - last) * ratePerNano);
        last = nowNanos;
        int n = (int) Math.min(wanted, Math.floor(tokens));
        tokens -= n;
        return n;
    }

    /** Gives back tokens taken but not used. */
    synchronized void giveBack(int n) {
        tokens = Math.min(burst, tokens + n);
    }

    /** The platform said "slow down": no calls until then, and start again from an empty bucket. */
    synchronized void pauseUntil(long nanos) {
        pausedUntil = Math.max(pausedUntil, nanos);
        tokens = 0;
        last = pausedUntil;
    }
}
