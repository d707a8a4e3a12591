package io.waybill.device.mtsics.internal;

import io.waybill.device.transport.internal.JSerialCommTransport;
import io.waybill.device.transport.internal.SocketTransport;
import io.waybill.spi.device.DeviceStatus;
import io.waybill.spi.device.WeightReading;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The MT-SICS scale over TCP, with a local ServerSocket playing a networked scale. */
class MtSicsScaleTcpTest {

    private static final Duration TIMEOUT = Duration.ofMillis(700);

    private ServerSocket server;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private volatile String answer = "S S     12.5 g";
    private MtSicsScale scale;

    @AfterEach
    void stop() throws IOException {
        if (scale != null) {
            scale.deactivate();
        }
        for (Socket s : clients) {
            s.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private void startScaleServer() throws IOException {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    clients.add(s);
                    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                            StandardCharsets.US_ASCII));
                    OutputStream out = s.getOutputStream();
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (line.equals("SI") && answer != null) {
                            out.write((answer + "\r\n").getBytes(StandardCharsets.US_ASCII));
                            out.flush();
                        }
                    }
                } catch (IOException e) {
                    // server or client closed
                }
            }
        }, "tcp-scale");
        t.setDaemon(true);
        t.start();
        scale = new MtSicsScale(new JSerialCommTransport(), new SocketTransport(),
                MtSicsSettings.tcp("dock", "127.0.0.1", server.getLocalPort(), TIMEOUT, "SI"));
    }

    @Test
    void stableWeightOverTcp() throws Exception {
        // given
        startScaleServer();
        // when
        WeightReading r = scale.read();
        // then
        assertEquals(13, r.grams());
        assertTrue(r.counts());
    }

    @Test
    void silentNetworkScaleIsOfflineWithinTheTimeout() throws Exception {
        startScaleServer();
        answer = null;
        long start = System.nanoTime();
        DeviceStatus s = scale.status();
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(DeviceStatus.State.OFFLINE, s.state());
        assertTrue(s.detail().contains("tcp 127.0.0.1:" + server.getLocalPort()), s.detail());
        assertTrue(ms < TIMEOUT.toMillis() + 2_000, "took " + ms + " ms");
        // why, as data (SPI device 1.1): where, the command, the timeout
        assertEquals(DeviceStatus.NO_ANSWER, s.code());
        assertTrue(s.params().get(0).contains("127.0.0.1:" + server.getLocalPort()), s.params().toString());
        assertEquals(List.of("SI", "700"), s.params().subList(1, 3));
    }

    @Test
    void connectionDroppedByTheScaleIsOfflineThenReconnects() throws Exception {
        // given
        startScaleServer();
        assertEquals(13, scale.read().grams());
        // when
        for (Socket s : clients) {
            s.close();
        }
        Thread.sleep(100);
        WeightReading dropped = scale.read();
        // then
        assertEquals(DeviceStatus.State.OFFLINE, dropped.status().state());
        assertTrue(dropped.status().detail().contains("closed"), dropped.status().detail());
        assertEquals(DeviceStatus.CONNECTION_LOST, dropped.status().code());
        assertEquals(13, scale.read().grams());
    }

    @Test
    void refusedConnectionIsOfflineWithTheAddress() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        scale = new MtSicsScale(new JSerialCommTransport(), new SocketTransport(),
                MtSicsSettings.tcp("dock", "127.0.0.1", port, TIMEOUT, "SI"));
        DeviceStatus s = scale.status();
        assertEquals(DeviceStatus.State.OFFLINE, s.state());
        assertTrue(s.detail().contains("127.0.0.1:" + port), s.detail());
        assertEquals(DeviceStatus.OPEN_FAILED, s.code());
        assertEquals(2, s.params().size());
        assertTrue(s.params().get(0).contains("127.0.0.1:" + port), s.params().toString());
    }
}
