package io.waybill.device.transport.internal;

import io.waybill.spi.common.Result;
import io.waybill.spi.device.DeviceConnection;
import io.waybill.spi.device.TcpTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TCP transport against a local ServerSocket playing the device. */
class SocketTransportTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    private final SocketTransport transport = new SocketTransport();
    private ServerSocket server;
    private DeviceConnection connection;

    @AfterEach
    void stop() throws IOException {
        if (connection != null) {
            connection.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private Socket connect() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Result<DeviceConnection> r = transport.open("127.0.0.1", server.getLocalPort(), SECOND, Duration.ofMillis(300));
        assertTrue(r.isOk(), () -> r.messages().toString());
        connection = r.value();
        return server.accept();
    }

    @Test
    void bytesTravelBothWays() throws Exception {
        // given
        try (Socket peer = connect()) {
            // when
            connection.write("S\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] got = new byte[3];
            InputStream in = peer.getInputStream();
            assertEquals(3, in.readNBytes(got, 0, 3));
            OutputStream out = peer.getOutputStream();
            out.write("S S 1 g\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] buf = new byte[32];
            int n = connection.read(buf, 0, buf.length, SECOND);
            // then
            assertEquals("S\r\n", new String(got, StandardCharsets.US_ASCII));
            assertEquals("S S 1 g\r\n", new String(buf, 0, n, StandardCharsets.US_ASCII));
            assertTrue(connection.description().contains("127.0.0.1:" + server.getLocalPort()));
        }
    }

    @Test
    void silentPeerGivesNothingWithinTheTimeout() throws Exception {
        try (Socket ignored = connect()) {
            long start = System.nanoTime();
            int n = connection.read(new byte[8], 0, 8);
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertEquals(0, n);
            assertTrue(ms >= 250 && ms < 1500, "waited " + ms + " ms");
            assertTrue(connection.isOpen());
        }
    }

    @Test
    void discardInputDropsPendingBytes() throws Exception {
        try (Socket peer = connect()) {
            peer.getOutputStream().write("stale\r\n".getBytes());
            peer.getOutputStream().flush();
            Thread.sleep(200);
            connection.discardInput();
            peer.getOutputStream().write("new\r\n".getBytes());
            byte[] buf = new byte[32];
            int n = connection.read(buf, 0, buf.length, SECOND);
            assertEquals("new\r\n", new String(buf, 0, n, StandardCharsets.US_ASCII));
        }
    }

    @Test
    void peerClosingIsAnEofException() throws Exception {
        Socket peer = connect();
        peer.close();
        EOFException e = assertThrows(EOFException.class, () -> connection.read(new byte[8], 0, 8, SECOND));
        assertTrue(e.getMessage().contains("127.0.0.1"), e.getMessage());
        assertFalse(connection.isOpen());
    }

    @Test
    void refusedConnectionIsUnreachableWithTheAddress() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Result<DeviceConnection> r = transport.open("127.0.0.1", port, SECOND, SECOND);
        assertFalse(r.isOk());
        assertEquals(TcpTransport.UNREACHABLE, r.messages().get(0).code());
        assertTrue(r.messages().get(0).text().contains("127.0.0.1:" + port), r.messages().toString());
    }

    @Test
    void badAddressesAreRejectedBeforeConnecting() {
        assertEquals(TcpTransport.BAD_ADDRESS, transport.open("", 4001, SECOND, SECOND).messages().get(0).code());
        assertEquals(TcpTransport.BAD_ADDRESS,
                transport.open("127.0.0.1", 70000, SECOND, SECOND).messages().get(0).code());
        assertEquals(TcpTransport.BAD_ADDRESS,
                transport.open("127.0.0.1", 4001, Duration.ZERO, SECOND).messages().get(0).code());
    }

    @Test
    void unknownHostIsSaid() {
        Result<DeviceConnection> r = transport.open("no-such-scale.invalid", 4001, SECOND, SECOND);
        assertFalse(r.isOk());
        assertTrue(r.messages().get(0).text().contains("no-such-scale.invalid"), r.messages().toString());
    }
}
