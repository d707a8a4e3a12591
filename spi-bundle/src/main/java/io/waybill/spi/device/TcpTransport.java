package io.waybill.spi.device;

import io.waybill.spi.common.Result;

import java.time.Duration;

/**
 * Byte links to devices on the network (scales and printers behind a serial-to-Ethernet converter or with their
 * own TCP port). Same contract as {@link SerialTransport}: implementations never throw.
 */
public interface TcpTransport {

    /** Message code: the host name cannot be resolved. */
    String UNKNOWN_HOST = "unknown_host";
    /** Message code: the connection was refused or not answered within the connect timeout. */
    String UNREACHABLE = "unreachable";
    /** Message code: host, port or timeouts out of range. */
    String BAD_ADDRESS = "bad_address";

    /**
     * Connects to {@code host:port}.
     *
     * @param host           host name or IP address
     * @param port           TCP port, 1 to 65535
     * @param connectTimeout how long to wait for the connection; positive
     * @param readTimeout    default timeout of {@link DeviceConnection#read(byte[], int, int)}; positive
     * @return the open connection; or a failure with one ERROR message coded {@link #UNKNOWN_HOST},
     *         {@link #UNREACHABLE} or {@link #BAD_ADDRESS} whose text names the address
     */
    Result<DeviceConnection> open(String host, int port, Duration connectTimeout, Duration readTimeout);
}
