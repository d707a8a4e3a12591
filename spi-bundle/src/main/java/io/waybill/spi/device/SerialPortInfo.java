package io.waybill.spi.device;

/**
 * A serial port the operating system shows, for the port choice in a device's settings.
 *
 * @param name        the name to configure and pass to {@link SerialTransport#open}, e.g. {@code /dev/ttyUSB0}
 *                    or {@code COM3}
 * @param description what the system says the port is, e.g. {@code USB-Serial Controller}; may be empty
 */
public record SerialPortInfo(String name, String description) {
}
