/**
 * Carrier plugin helpers: {@link io.waybill.plugin.kit.carrier.GuardedCall}. A package of its own because it uses the
 * carrier SPI ({@code io.waybill.spi.carrier}): the package is copied only into plugins that use it, so no other plugin
 * imports that SPI package.
 */
package io.waybill.plugin.kit.carrier;
