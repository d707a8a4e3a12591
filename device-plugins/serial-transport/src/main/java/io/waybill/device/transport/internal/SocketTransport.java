package io.waybill.device.transport.internal;

import io.waybill.spi.common.Message;
import io.waybill.spi.common.Result;
import io.waybill.spi.device.DeviceConnection;
import io.waybill.spi.device.TcpTransport;
import org.osgi.service.component.annotations.Component;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * The {@link TcpTransport} of Waybill: plain blocking sockets with connect and read timeouts, for devices on the
 * network (serial-to-Ethernet converters, scales and printers with their own TCP port).
 */
@Component(service = TcpTransport.class)
public class SocketTransport implements TcpTransport {

    @Override
    public Result<DeviceConnection> open(String host, int port, Duration connectTimeout, Duration readTimeout) {
        if (host == null || host.isBlank()) {
            return Result.failure(Message.error(BAD_ADDRESS, "no host configured"));
        }
        String address = host.trim() + ":" + port;
        if (port < 1 || port > 65535) {
            return Result.failure(Message.error(BAD_ADDRESS, "TCP port out of range in " + address));
        }
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()
                || readTimeout == null || readTimeout.isNegative() || readTimeout.isZero()) {
            return Result.failure(Message.error(BAD_ADDRESS, "timeouts must be positive for " + address));
        }
        InetSocketAddress target = new InetSocketAddress(host.trim(), port);
        if (target.isUnresolved()) {
            return Result.failure(Message.error(UNKNOWN_HOST, "unknown host " + host.trim() + " (" + address + ")"));
        }
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(target, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
            return Result.ok(new SocketConnection(socket, "tcp " + address, readTimeout));
        } catch (SocketTimeoutException e) {
            close(socket);
            return Result.failure(Message.error(UNREACHABLE,
                    "no connection to " + address + " within " + connectTimeout.toMillis() + " ms"));
        } catch (ConnectException e) {
            close(socket);
            return Result.failure(Message.error(UNREACHABLE, "connection to " + address + " refused"));
        } catch (IOException | RuntimeException e) {
            close(socket);
            return Result.failure(Message.error(UNREACHABLE, "cannot connect to " + address + ": " + e.getMessage()));
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // never connected
        }
    }
}
