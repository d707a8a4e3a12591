package io.waybill.core.model;

/**
 * A configured scale the scan station can read.
 *
 * @param key         stable key of this scale instance (its configuration PID, or the plugin id)
 * @param model       plugin id, e.g. "mtsics"
 * @param displayName name shown to operators
 * @param online      whether it answered last time
 * @param detail      status detail (e.g. the reason it is offline), the plugin's English
 * @param reason      the status as a reason (a {@code scale_*} code of {@link Reason} and its params), so a user
 *                    interface says it in the user's language; null when the plugin gave no code. Since 1.11.
 */
public record ScaleInfo(String key, String model, String displayName, boolean online, String detail, Reason reason) {
    /** The 1.10 form, without a reason. */
    public ScaleInfo(String key, String model, String displayName, boolean online, String detail) {
        this(key, model, displayName, online, detail, null);
    }
}
