/** Reading CR LF lines from a device connection within a window ({@link io.waybill.plugin.kit.serial.LineReader}). */
package io.waybill.plugin.kit.serial;
