package io.waybill.spi.common;

/**
 * What a plugin says about itself, shown in {@code waybill:plugin-list} and on the Plugins page.
 *
 * @param id          stable id, unique within its kind, e.g. {@code "pool"}, {@code "shopify"}
 * @param displayName name shown to operators
 * @param description one sentence on what it does
 */
public record PluginDescriptor(String id, String displayName, String description) {
}
