package io.waybill.spi.platform;

/**
 * A marketplace's published request limit for one store (token bucket): the core throttles its calls per store
 * so the plugin is never the one to exceed it.
 *
 * @param requestsPerSecond sustained rate
 * @param burst             bucket size (requests that may be sent at once after a quiet period)
 */
public record RateLimit(double requestsPerSecond, int burst) {
    public RateLimit {
        if (requestsPerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate must be > 0 and burst >= 1");
        }
    }
}
