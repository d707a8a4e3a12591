package io.waybill.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A store (one marketplace account) as the store pages and {@code waybill:store-list} show it. Secrets are never
 * in it: {@link #secretsSet} only says which PASSWORD settings have a value. Since 1.5.
 *
 * @param code                   unique code
 * @param name                   display name
 * @param platform               platform id (plugin id)
 * @param enabled                a disabled store is neither captured nor synced
 * @param autoSync               whether shipped packages are synced to the store automatically (together with the
 *                               platform's auto-sync setting)
 * @param captureIntervalMinutes minutes between automatic captures; 0 = only on demand
 * @param warehouses             warehouse codes in allocation priority order
 * @param settings               the account's non-secret settings (empty without an account)
 * @param secretsSet             ids of the PASSWORD settings that have a value
 * @param accountConfigured      whether the store's account configuration exists
 * @param lastCaptureAt          last capture run, or null
 * @param lastCaptureError       its error, or null
 * @param defaultShippingMethod  the shipping method its packages get when their order names none, or null (since
 *                               1.8)
 */
public record Store(String code, String name, String platform, boolean enabled, boolean autoSync,
                    int captureIntervalMinutes, List<String> warehouses, Map<String, String> settings,
                    Set<String> secretsSet, boolean accountConfigured, Instant lastCaptureAt,
                    String lastCaptureError, ShippingMethodInfo defaultShippingMethod) {
    public Store {
        warehouses = warehouses == null ? List.of() : List.copyOf(warehouses);
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        secretsSet = secretsSet == null ? Set.of() : Set.copyOf(secretsSet);
    }

    /** A store without a default shipping method (the 1.5 form). */
    public Store(String code, String name, String platform, boolean enabled, boolean autoSync,
                 int captureIntervalMinutes, List<String> warehouses, Map<String, String> settings,
                 Set<String> secretsSet, boolean accountConfigured, Instant lastCaptureAt, String lastCaptureError) {
        this(code, name, platform, enabled, autoSync, captureIntervalMinutes, warehouses, settings, secretsSet,
                accountConfigured, lastCaptureAt, lastCaptureError, null);
    }
}
