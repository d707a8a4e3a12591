package io.waybill.core.model;

/**
 * A plugin currently registered in the container.
 *
 * @param kind          carrier, platform or device
 * @param id            the plugin's id
 * @param displayName   name shown to operators
 * @param description   one sentence
 * @param bundleName    symbolic name of the bundle providing it
 * @param bundleVersion version of that bundle
 * @param bundleId      OSGi bundle id
 */
public record PluginInfo(Kind kind, String id, String displayName, String description, String bundleName,
                         String bundleVersion, long bundleId) {
    /** What a plugin plugs into. */
    public enum Kind { CARRIER, PLATFORM, DEVICE }
}
