package io.waybill.device.continuous.internal;

import io.waybill.plugin.kit.serial.DeviceLink;

import io.waybill.device.transport.internal.JSerialCommTransport;
import io.waybill.device.transport.internal.SocketTransport;
import io.waybill.spi.device.DeviceStatus;
import io.waybill.spi.device.WeightReading;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The continuous-output scale over TCP, with a local ServerSocket streaming frames. */
class ContinuousScaleTcpTest {

    private static final Duration TIMEOUT = Duration.ofMillis(700);

    private ServerSocket server;
    private volatile String frame = "ST,GS,+0000.420kg";
    private ContinuousScale scale;

    @AfterEach
    void stop() throws IOException {
        if (scale != null) {
            scale.deactivate();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void framesOverTcp() throws Exception {
        // given: a networked scale streaming every 50 ms
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try (Socket s = server.accept()) {
                OutputStream out = s.getOutputStream();
                while (!s.isClosed()) {
                    String f = frame;
                    if (f != null) {
                        out.write((f + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    }
                    Thread.sleep(50);
                }
            } catch (IOException | InterruptedException e) {
                // closed
            }
        });
        t.setDaemon(true);
        t.start();
        scale = new ContinuousScale(new JSerialCommTransport(), new SocketTransport(),
                DeviceLink.tcp("dock", "127.0.0.1", server.getLocalPort(), TIMEOUT));
        // when / then
        WeightReading r = scale.read();
        assertEquals(420, r.grams());
        assertTrue(r.counts());
        frame = null;
        DeviceStatus stale = scale.status();
        assertEquals(DeviceStatus.State.OFFLINE, stale.state());
        assertTrue(stale.detail().contains("tcp 127.0.0.1"), stale.detail());
    }

    @Test
    void largeBacklogOfThePreviousPackageNeverCounts() throws Exception {
        // given: a networked scale that streamed package A (800 g) for minutes while nobody read: 40 KB wait in
        // the socket; then package B (1250 g) streams every 20 ms
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        CountDownLatch backlogSent = new CountDownLatch(1);
        CountDownLatch connected = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try (Socket s = server.accept()) {
                OutputStream out = s.getOutputStream();
                while (connected.getCount() > 0) { // the empty scale, until the first read is done
                    out.write("ST,GS,+0000.000kg\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    connected.await(20, TimeUnit.MILLISECONDS);
                }
                out.write("ST,GS,+0000.800kg\r\n".repeat(40 * 1024 / 19).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                backlogSent.countDown();
                while (!s.isClosed()) {
                    out.write("ST,GS,+0001.250kg\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    Thread.sleep(20);
                }
            } catch (IOException | InterruptedException e) {
                // closed
            }
        });
        t.setDaemon(true);
        t.start();
        scale = new ContinuousScale(new JSerialCommTransport(), new SocketTransport(),
                DeviceLink.tcp("dock", "127.0.0.1", server.getLocalPort(), TIMEOUT));
        assertEquals(0, scale.read().grams());
        connected.countDown();
        assertTrue(backlogSent.await(20, TimeUnit.SECONDS), "backlog not sent");
        // when
        WeightReading r = scale.read();
        // then
        assertEquals(1250, r.grams(), r.toString());
    }
}
