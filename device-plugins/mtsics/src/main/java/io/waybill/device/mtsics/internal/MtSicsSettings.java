package io.waybill.device.mtsics.internal;

import io.waybill.spi.device.SerialSettings;

import java.time.Duration;
import java.util.Locale;

/**
 * The checked settings of one MT-SICS scale, made from {@link MtSicsConfig}.
 *
 * @param name         which scale this is
 * @param tcp          true for TCP, false for a serial port
 * @param port         serial port name (serial only)
 * @param serial       serial line settings (serial only)
 * @param host         host (TCP only)
 * @param tcpPort      TCP port (TCP only)
 * @param timeout      longest wait for an answer, and for a connection
 * @param weighCommand {@code SI} or {@code S}
 */
record MtSicsSettings(String name, boolean tcp, String port, SerialSettings serial, String host, int tcpPort,
                      Duration timeout, String weighCommand) {

    /**
     * Checks a configuration.
     *
     * @throws IllegalArgumentException with a message for the operator when a value is out of range
     */
    static MtSicsSettings from(MtSicsConfig c) {
        String kind = c.connection() == null ? "serial" : c.connection().trim().toLowerCase(Locale.ROOT);
        if (!kind.equals("serial") && !kind.equals("tcp")) {
            throw new IllegalArgumentException("connection must be serial or tcp, was " + c.connection());
        }
        String command = c.weighCommand() == null ? "SI" : c.weighCommand().trim().toUpperCase(Locale.ROOT);
        if (!command.equals("SI") && !command.equals("S")) {
            throw new IllegalArgumentException("weighing command must be SI or S, was " + c.weighCommand());
        }
        Duration timeout = Duration.ofMillis(Math.max(100, c.timeoutMs()));
        SerialSettings serial = new SerialSettings(c.baudRate(), c.dataBits(),
                SerialSettings.Parity.valueOf(c.parity() == null ? "NONE" : c.parity().trim().toUpperCase(Locale.ROOT)),
                SerialSettings.StopBits.ONE, timeout);
        String name = c.name() == null || c.name().isBlank() ? "scale" : c.name().trim();
        return new MtSicsSettings(name, kind.equals("tcp"), c.port() == null ? "" : c.port().trim(), serial,
                c.host() == null ? "" : c.host().trim(), c.tcpPort(), timeout, command);
    }

    static MtSicsSettings serial(String name, String port, int baud, Duration timeout, String weighCommand) {
        return new MtSicsSettings(name, false, port, SerialSettings.of8N1(baud, timeout), "", 0, timeout, weighCommand);
    }

    static MtSicsSettings tcp(String name, String host, int tcpPort, Duration timeout, String weighCommand) {
        return new MtSicsSettings(name, true, "", SerialSettings.of8N1(9600, timeout), host, tcpPort, timeout,
                weighCommand);
    }

    /** Where the scale is, for messages: the port or host:port. */
    String where() {
        return tcp ? host + ":" + tcpPort : port;
    }
}
