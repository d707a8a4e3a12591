/** Contract a packing-station device plugin (scale) implements. Devices report status as data, never throw. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.waybill.spi.device;
