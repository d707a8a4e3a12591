/**
 * Marketplace plugin helpers: {@link io.waybill.plugin.kit.platform.StoreCall}. A package of its own because it uses
 * the platform SPI ({@code io.waybill.spi.platform}): the package is copied only into plugins that use it, so no other
 * plugin imports that SPI package.
 */
package io.waybill.plugin.kit.platform;
