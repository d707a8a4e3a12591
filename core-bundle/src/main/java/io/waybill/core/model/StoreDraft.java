package io.waybill.core.model;

import java.util.List;
import java.util.Map;

/**
 * What an admin enters to create or edit a store. Since 1.5.
 *
 * @param code                   unique code (letters, digits, - _ .; cannot change on edit)
 * @param name                   display name
 * @param platform               platform id of an installed plugin ({@link PlatformType#id()}); cannot change on edit
 * @param captureIntervalMinutes minutes between automatic captures, 0 (on demand only) to 1440
 * @param warehouses             warehouse codes in priority order (at least one, each existing, no repeats)
 * @param autoSync               sync shipped packages automatically
 * @param settings               the plugin account's settings by {@link SettingField#id()}, as text. A PASSWORD
 *                               setting that is absent or blank keeps the stored secret on edit
 * @param defaultShippingMethod  the store's default shipping method (carrier plugin id and service; the code may be
 *                               null: the current default's, else {@code STANDARD}; store code and isDefault are
 *                               ignored), or null to leave the store's shipping methods as they are (since 1.8)
 */
public record StoreDraft(String code, String name, String platform, int captureIntervalMinutes,
                         List<String> warehouses, boolean autoSync, Map<String, String> settings,
                         ShippingMethodInfo defaultShippingMethod) {
    public StoreDraft {
        warehouses = warehouses == null ? List.of() : List.copyOf(warehouses);
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    /** A draft that leaves the shipping methods as they are (the 1.5 form). */
    public StoreDraft(String code, String name, String platform, int captureIntervalMinutes, List<String> warehouses,
                      boolean autoSync, Map<String, String> settings) {
        this(code, name, platform, captureIntervalMinutes, warehouses, autoSync, settings, null);
    }
}
