package io.waybill.spi.device;

import io.waybill.spi.common.Result;

import java.util.List;

/**
 * Access to the serial ports of this machine (RS-232, USB-serial adapters, pseudo-terminals). It is the only way
 * device plugins reach a serial port: one transport bundle implements it, and plugins never use a serial
 * library themselves. Implementations never throw; failures are messages in the {@link Result}.
 */
public interface SerialTransport {

    /** Message code: the port does not exist (not plugged in, wrong name). */
    String PORT_NOT_FOUND = "port_not_found";
    /** Message code: another program or device plugin holds the port. */
    String PORT_BUSY = "port_busy";
    /** Message code: the operating system denies access (e.g. the user is not in the {@code dialout} group). */
    String PORT_DENIED = "port_denied";
    /** Message code: any other failure to open or configure the port; the text carries the detail. */
    String PORT_ERROR = "port_error";

    /**
     * Lists the serial ports the operating system shows now. Pseudo-terminals (e.g. made by {@code socat}) are
     * usually not listed but can still be opened by path.
     *
     * @return the ports, sorted by name; empty when there are none or they cannot be listed
     */
    List<SerialPortInfo> listPorts();

    /**
     * Opens a port for exclusive use with these settings.
     *
     * @param portName a name from {@link #listPorts()} or a device path such as {@code /dev/ttyUSB0}
     * @param settings speed, frame format and default read timeout
     * @return the open connection; or a failure with one ERROR message coded {@link #PORT_NOT_FOUND},
     *         {@link #PORT_BUSY}, {@link #PORT_DENIED} or {@link #PORT_ERROR} whose text names the port
     */
    Result<DeviceConnection> open(String portName, SerialSettings settings);
}
