package io.waybill.core.model;

import java.util.List;

/**
 * A kind of store the installed plugins offer, listed whether or not any account of it is configured. Since 1.5.
 *
 * @param id          the platform id a store names (the connector's id, e.g. {@code shopify})
 * @param name        display name
 * @param description one sentence, or empty
 * @param factoryPid  the Config Admin factory PID of its accounts (one configuration per store), or null when the
 *                    platform needs no account (e.g. order files)
 * @param bundleName  symbolic name of the plugin bundle
 * @param settings    the account settings from the plugin's Metatype, without the store code (set by Waybill)
 */
public record PlatformType(String id, String name, String description, String factoryPid, String bundleName,
                           List<SettingField> settings) {
    public PlatformType {
        description = description == null ? "" : description;
        settings = settings == null ? List.of() : List.copyOf(settings);
    }

    /** Whether each store of this platform has an account configuration. */
    public boolean hasAccount() {
        return factoryPid != null;
    }
}
