package io.waybill.core.internal.plugin;

import io.waybill.core.model.PluginType;

import java.util.List;
import java.util.Locale;

/** The plugin kinds the installed bundles describe in Metatype, whether or not any is configured. */
public interface PluginTypes {

    /** Carrier, platform and device types, sorted by kind then id; labels in this locale where offered (null: default). */
    List<PluginType> types(Locale locale);
}
