package io.waybill.core.api;

import io.waybill.core.model.PluginInfo;
import io.waybill.core.model.PluginType;

import java.util.List;
import java.util.Locale;

/**
 * The carrier, platform and device plugins registered right now. Plugins come and go at runtime
 * (hot deploy through Karaf's {@code deploy/} folder); listeners hear about every change.
 */
public interface PluginRegistry {

    /** The plugins registered now, sorted by kind then id. */
    List<PluginInfo> plugins();

    /**
     * The plugin kinds the installed bundles offer (from their Metatype), also those of which nothing is configured
     * yet: a carrier plugin without an account, a scale plugin without a scale, a marketplace plugin without a store.
     * Labels in this locale where the plugin offers it (null: the plugin's default). Since 1.10.
     */
    default List<PluginType> installedTypes(Locale locale) {
        return List.of();
    }

    /** Registers a callback run (on an arbitrary thread) after any plugin appears or disappears. */
    void addListener(Runnable listener);

    /** Removes a callback added with {@link #addListener}. */
    void removeListener(Runnable listener);
}
