package io.waybill.core.model;

/**
 * A configured scale the scan station can read.
 *
 * @param key         stable key of this scale instance (its configuration PID, or the plugin id)
 * @param model       plugin id, e.g. "mtsics"
 * @param displayName name shown to operators
 * @param online      whether it answered last time
 * @param detail      status detail (e.g. the reason it is offline)
 */
public record ScaleInfo(String key, String model, String displayName, boolean online, String detail) {
}
