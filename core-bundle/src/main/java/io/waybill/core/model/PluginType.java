package io.waybill.core.model;

import java.util.List;

/**
 * A kind of plugin an installed bundle offers, described by its Metatype, listed whether or not anything of it is
 * configured yet (a carrier account, a scale, a marketplace account). Since 1.8.
 *
 * @param kind        carrier, platform or device
 * @param id          the PID's last part ({@code io.waybill.carrier.shippo} -> {@code shippo})
 * @param name        display name (in the requested locale where the plugin offers it)
 * @param description one sentence, or empty
 * @param pid         the configuration PID (a factory PID when {@code factory})
 * @param factory     whether each account or device is one factory configuration
 * @param bundleName  symbolic name of the plugin bundle
 * @param settings    the settings from the plugin's Metatype
 */
public record PluginType(PluginInfo.Kind kind, String id, String name, String description, String pid,
                         boolean factory, String bundleName, List<SettingField> settings) {
    public PluginType {
        description = description == null ? "" : description;
        settings = settings == null ? List.of() : List.copyOf(settings);
    }
}
