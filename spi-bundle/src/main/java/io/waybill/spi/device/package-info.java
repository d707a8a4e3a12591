/**
 * Contract a packing-station device plugin (scale) implements, and the transport services it talks through
 * ({@link io.waybill.spi.device.SerialTransport}, {@link io.waybill.spi.device.TcpTransport}): device plugins
 * never use a serial library themselves. Devices report status as data, never throw.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.waybill.spi.device;
