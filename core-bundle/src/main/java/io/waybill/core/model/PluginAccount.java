package io.waybill.core.model;

import java.util.Map;
import java.util.Set;

/**
 * One configured account or device of a carrier or device plugin (one Config Admin factory configuration), as the
 * generated settings form shows it: never a secret, {@link #secretsSet} only says which PASSWORD settings have a value.
 * Since 1.8.
 *
 * @param factoryPid the plugin's factory PID ({@link PluginType#pid()})
 * @param pid        this configuration's PID
 * @param values     non-secret settings as text
 * @param secretsSet ids of the PASSWORD settings that have a value
 */
public record PluginAccount(String factoryPid, String pid, Map<String, String> values, Set<String> secretsSet) {
    public PluginAccount {
        values = values == null ? Map.of() : Map.copyOf(values);
        secretsSet = secretsSet == null ? Set.of() : Set.copyOf(secretsSet);
    }
}
