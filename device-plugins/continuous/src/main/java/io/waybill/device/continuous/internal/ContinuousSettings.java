package io.waybill.device.continuous.internal;

import io.waybill.spi.device.SerialSettings;

import java.time.Duration;
import java.util.Locale;

/**
 * The checked settings of one continuous-output scale, made from {@link ContinuousConfig}.
 *
 * @param name    which scale this is
 * @param tcp     true for TCP, false for a serial port
 * @param port    serial port name (serial only)
 * @param serial  serial line settings (serial only)
 * @param host    host (TCP only)
 * @param tcpPort TCP port (TCP only)
 * @param timeout longest wait for a fresh frame, and for a connection
 */
record ContinuousSettings(String name, boolean tcp, String port, SerialSettings serial, String host, int tcpPort,
                          Duration timeout) {

    /**
     * Checks a configuration.
     *
     * @throws IllegalArgumentException with a message for the operator when a value is out of range
     */
    static ContinuousSettings from(ContinuousConfig c) {
        String kind = c.connection() == null ? "serial" : c.connection().trim().toLowerCase(Locale.ROOT);
        if (!kind.equals("serial") && !kind.equals("tcp")) {
            throw new IllegalArgumentException("connection must be serial or tcp, was " + c.connection());
        }
        Duration timeout = Duration.ofMillis(Math.max(100, c.timeoutMs()));
        SerialSettings serial = new SerialSettings(c.baudRate(), c.dataBits(),
                SerialSettings.Parity.valueOf(c.parity() == null ? "NONE" : c.parity().trim().toUpperCase(Locale.ROOT)),
                SerialSettings.StopBits.ONE, timeout);
        String name = c.name() == null || c.name().isBlank() ? "scale" : c.name().trim();
        return new ContinuousSettings(name, kind.equals("tcp"), c.port() == null ? "" : c.port().trim(), serial,
                c.host() == null ? "" : c.host().trim(), c.tcpPort(), timeout);
    }

    static ContinuousSettings serial(String name, String port, int baud, Duration timeout) {
        return new ContinuousSettings(name, false, port, SerialSettings.of8N1(baud, timeout), "", 0, timeout);
    }

    static ContinuousSettings tcp(String name, String host, int tcpPort, Duration timeout) {
        return new ContinuousSettings(name, true, "", SerialSettings.of8N1(9600, timeout), host, tcpPort, timeout);
    }

    /** Where the scale is, for messages: the port or host:port. */
    String where() {
        return tcp ? host + ":" + tcpPort : port;
    }
}
