package io.waybill.core.api;

import io.waybill.core.model.PluginInfo;

import java.util.List;

/**
 * The carrier, platform and device plugins registered right now. Plugins come and go at runtime
 * (hot deploy through Karaf's {@code deploy/} folder); listeners hear about every change.
 */
public interface PluginRegistry {

    /** The plugins registered now, sorted by kind then id. */
    List<PluginInfo> plugins();

    /** Registers a callback run (on an arbitrary thread) after any plugin appears or disappears. */
    void addListener(Runnable listener);

    /** Removes a callback added with {@link #addListener}. */
    void removeListener(Runnable listener);
}
