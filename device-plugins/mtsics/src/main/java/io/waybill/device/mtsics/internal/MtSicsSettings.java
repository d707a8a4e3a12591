package io.waybill.device.mtsics.internal;

import io.waybill.plugin.kit.serial.DeviceLink;

import java.time.Duration;
import java.util.Locale;

/**
 * The checked settings of one MT-SICS scale, made from {@link MtSicsConfig}: its connection (the plugin kit's
 * {@link DeviceLink}, read as every scale model reads it) and the weighing command.
 *
 * @param link         where the scale is connected and how, and the longest wait for an answer
 * @param weighCommand {@code SI} or {@code S}
 */
record MtSicsSettings(DeviceLink link, String weighCommand) {

    /**
     * Checks a configuration.
     *
     * @throws IllegalArgumentException with a message for the operator when a value is out of range
     */
    static MtSicsSettings from(MtSicsConfig c) {
        DeviceLink link = DeviceLink.from(c.name(), c.connection(), c.port(), c.baudRate(), c.dataBits(), c.parity(),
                c.host(), c.tcpPort(), c.timeoutMs());
        String command = c.weighCommand() == null ? "SI" : c.weighCommand().trim().toUpperCase(Locale.ROOT);
        if (!command.equals("SI") && !command.equals("S")) {
            throw new IllegalArgumentException("weighing command must be SI or S, was " + c.weighCommand());
        }
        return new MtSicsSettings(link, command);
    }

    static MtSicsSettings serial(String name, String port, int baud, Duration timeout, String weighCommand) {
        return new MtSicsSettings(DeviceLink.serial(name, port, baud, timeout), weighCommand);
    }

    static MtSicsSettings tcp(String name, String host, int tcpPort, Duration timeout, String weighCommand) {
        return new MtSicsSettings(DeviceLink.tcp(name, host, tcpPort, timeout), weighCommand);
    }

    String name() {
        return link.name();
    }

    Duration timeout() {
        return link.timeout();
    }

    /** Where the scale is, for messages: the port or host:port. */
    String where() {
        return link.where();
    }
}
