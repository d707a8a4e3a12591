package io.waybill.plugin.kit.serial;

import io.waybill.spi.device.SerialSettings;

import java.time.Duration;
import java.util.Locale;

/**
 * Where a line device (a scale) is connected and how, checked from its configuration: a serial port with its line
 * settings, or a TCP host and port (a serial-to-Ethernet converter), and the longest wait for an answer and for a
 * connection. Shared by the device plugins, so every scale model reads its connection settings the same way.
 *
 * @param name    which device this is (as the operator named it)
 * @param tcp     true for TCP, false for a serial port
 * @param port    serial port name (serial only)
 * @param serial  serial line settings (serial only)
 * @param host    host (TCP only)
 * @param tcpPort TCP port (TCP only)
 * @param timeout longest wait for an answer or a frame, and for a connection
 */
public record DeviceLink(String name, boolean tcp, String port, SerialSettings serial, String host, int tcpPort,
                         Duration timeout) {

    /** The shortest timeout taken: below it a serial line at 1200 baud cannot answer at all. */
    public static final Duration MIN_TIMEOUT = Duration.ofMillis(100);

    /**
     * Checks a device's connection settings as its configuration gives them.
     *
     * @param connection {@code serial} or {@code tcp} (any case; null means serial)
     * @param parity     a {@link SerialSettings.Parity} name (any case; null means NONE)
     * @param timeoutMs  raised to {@link #MIN_TIMEOUT} when lower
     * @throws IllegalArgumentException with a message for the operator when a value is out of range
     */
    public static DeviceLink from(String name, String connection, String port, int baudRate, int dataBits,
                                  String parity, String host, int tcpPort, int timeoutMs) {
        String kind = connection == null ? "serial" : connection.trim().toLowerCase(Locale.ROOT);
        if (!kind.equals("serial") && !kind.equals("tcp")) {
            throw new IllegalArgumentException("connection must be serial or tcp, was " + connection);
        }
        String p = parity == null ? "NONE" : parity.trim().toUpperCase(Locale.ROOT);
        SerialSettings.Parity parityValue;
        try {
            parityValue = SerialSettings.Parity.valueOf(p);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parity must be one of " + java.util.Arrays.toString(
                    SerialSettings.Parity.values()) + ", was " + parity);
        }
        Duration timeout = Duration.ofMillis(Math.max(MIN_TIMEOUT.toMillis(), timeoutMs));
        SerialSettings serial = new SerialSettings(baudRate, dataBits, parityValue, SerialSettings.StopBits.ONE,
                timeout);
        return new DeviceLink(nameOr(name), kind.equals("tcp"), port == null ? "" : port.trim(), serial,
                host == null ? "" : host.trim(), tcpPort, timeout);
    }

    /** A serial port at 8N1. */
    public static DeviceLink serial(String name, String port, int baud, Duration timeout) {
        return new DeviceLink(nameOr(name), false, port, SerialSettings.of8N1(baud, timeout), "", 0, timeout);
    }

    /** A TCP connection (the serial line settings are those of the converter's default, unused). */
    public static DeviceLink tcp(String name, String host, int tcpPort, Duration timeout) {
        return new DeviceLink(nameOr(name), true, "", SerialSettings.of8N1(9600, timeout), host, tcpPort, timeout);
    }

    /** The operator's name for a device, or {@code scale} when none is given. */
    public static String nameOr(String name) {
        return name == null || name.isBlank() ? "scale" : name.trim();
    }

    /** Where the device is, for messages: the port or host:port. */
    public String where() {
        return tcp ? host + ":" + tcpPort : port;
    }
}
