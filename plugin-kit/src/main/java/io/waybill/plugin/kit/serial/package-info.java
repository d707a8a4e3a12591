/**
 * Line devices (scales) for device plugins: where a device is connected ({@link io.waybill.plugin.kit.serial.DeviceLink}),
 * its connection used one caller at a time within a timeout ({@link io.waybill.plugin.kit.serial.DeviceSession}), and
 * CR LF lines read within a window ({@link io.waybill.plugin.kit.serial.LineReader}).
 */
package io.waybill.plugin.kit.serial;
