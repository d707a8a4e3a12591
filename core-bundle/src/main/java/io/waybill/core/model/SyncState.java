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

    /**
     * {@link #lastError()} of a queued job held because its store's marketplace plugin is not installed: this prefix
     * and the platform id. Such a job is not tried (no attempt counted) until the plugin appears.
     */
    public static final String PLUGIN_MISSING = "plugin_missing:";

    /** The {@link #PLUGIN_MISSING} marker for a platform. */
    public static String pluginMissing(String platform) {
        return PLUGIN_MISSING + platform;
    }

    /** The platform whose missing plugin holds this queued job, or null when nothing holds it. */
    public String waitingForPlugin() {
        return "QUEUED".equals(state) && lastError != null && lastError.startsWith(PLUGIN_MISSING)
                ? lastError.substring(PLUGIN_MISSING.length()) : null;
    }
}
