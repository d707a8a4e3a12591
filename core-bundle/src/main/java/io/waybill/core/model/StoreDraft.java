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
 */
public record StoreDraft(String code, String name, String platform, int captureIntervalMinutes,
                         List<String> warehouses, boolean autoSync, Map<String, String> settings) {
    public StoreDraft {
        warehouses = warehouses == null ? List.of() : List.copyOf(warehouses);
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }
}
