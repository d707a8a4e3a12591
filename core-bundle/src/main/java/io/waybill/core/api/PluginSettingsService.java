package io.waybill.core.api;

import io.waybill.core.model.PluginAccount;
import io.waybill.core.model.PluginType;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Carrier accounts and devices (scales) in the form generated from their plugin's Metatype, the same form and rules
 * as a store's account settings: each is a Config Admin factory configuration of the plugin ({@code config:edit
 * --factory} and Waybill edit the same thing); PASSWORD settings are written to secret files (mode 600) that the
 * configuration names ({@code secret-file:<name>}), never shown back. Changes need
 * {@link Permission#CONFIGURE_PLUGINS}; a refusal lists every problem and writes nothing. Since 1.10.
 */
public interface PluginSettingsService {

    /** Refusal code: the settings break a rule (the message lists them). */
    String INVALID = "invalid_settings";
    /** Refusal code: no installed plugin describes this factory PID. */
    String UNKNOWN_TYPE = "unknown_plugin_type";
    /** Refusal code: no configuration has this PID. */
    String UNKNOWN = "unknown_configuration";

    /**
     * The carrier and device plugin kinds whose accounts or devices are factory configurations, also with none
     * configured yet; labels in this locale where the plugin offers it.
     */
    List<PluginType> types(Locale locale);

    /** The configurations of this factory PID, sorted by PID. */
    List<PluginAccount> accounts(String factoryPid);

    /**
     * Creates ({@code pid} null) or changes a configuration. A blank PASSWORD setting keeps the stored secret.
     *
     * @throws OperationRefusedException {@link Permission#NOT_PERMITTED}, {@link #INVALID}, {@link #UNKNOWN_TYPE},
     *                                   {@link #UNKNOWN}
     */
    PluginAccount save(String factoryPid, String pid, Map<String, String> settings, String actor);

    /**
     * Deletes a configuration and its secret files: the plugin drops that account or device.
     *
     * @throws OperationRefusedException {@link Permission#NOT_PERMITTED}, {@link #UNKNOWN}
     */
    void delete(String pid, String actor);
}
