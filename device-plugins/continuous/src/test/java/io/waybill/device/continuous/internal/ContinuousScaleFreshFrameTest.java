package io.waybill.device.continuous.internal;

import io.waybill.plugin.kit.serial.DeviceLink;

import io.waybill.device.transport.internal.JSerialCommTransport;
import org.junit.jupiter.api.Timeout;
import io.waybill.device.transport.internal.PtyDevice;
import io.waybill.device.transport.internal.SocatPair;
import io.waybill.device.transport.internal.SocketTransport;
import io.waybill.spi.common.Result;
import io.waybill.spi.device.DeviceConnection;
import io.waybill.spi.device.SerialPortInfo;
import io.waybill.spi.device.SerialSettings;
import io.waybill.spi.device.SerialTransport;
import io.waybill.spi.device.WeightReading;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Frames older than the read never count: over a socat pseudo-terminal pair, the previous package's frames are on
 * the line when the read starts, and one of them has begun (its STX came) but not ended. The read must return a
 * frame that began after it started.
 */
// a read stuck in the kernel cannot be interrupted: run each test on its own thread so a hang fails the test
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ContinuousScaleFreshFrameTest {

    private static final Duration TIMEOUT = Duration.ofMillis(1500);
    private static final String STX = "\u0002";
    private static final String OLD = STX + "ST,GS,+0000.800kg\r\n";
    private static final String NEW = STX + "ST,GS,+0001.250kg\r\n";

    @TempDir
    Path dir;

    private SocatPair socat;
    private PtyDevice device;
    private ContinuousScale scale;
    private Watched transport;

    @BeforeEach
    void plugIn() throws Exception {
        assumeTrue(SocatPair.available(), "socat is not installed");
        socat = SocatPair.start(dir);
        device = new PtyDevice(socat.devicePath());
        transport = new Watched();
        scale = new ContinuousScale(transport, new SocketTransport(),
                DeviceLink.serial("packing-2", socat.stationPath().toString(), 9600, TIMEOUT));
    }

    @AfterEach
    void unplug() throws Exception {
        if (scale != null) {
            scale.deactivate();
        }
        if (device != null) {
            device.close();
        }
        if (socat != null) {
            socat.close();
        }
    }

    @Test
    void frameThatBeganBeforeTheReadNeverCounts() throws Exception {
        // given: package A's frames are on the line, and the next one has begun: only its STX came
        String stale = OLD.repeat(5) + STX;
        transport.expectBeforeRead(stale);
        device.send(stale);
        // when: the read starts; once it waits for a frame, the rest of A's frame comes, then package B's
        CompletableFuture<WeightReading> read = CompletableFuture.supplyAsync(scale::read);
        assertTrue(transport.waiting.await(20, TimeUnit.SECONDS), "the read never waited for a frame");
        device.send("ST,GS,+0000.800kg\r\n" + NEW + NEW);
        WeightReading r = read.get(20, TimeUnit.SECONDS);
        // then
        assertEquals(stale, transport.seenBeforeWaiting(), "precondition: what was on the line at the read");
        assertEquals(1250, r.grams(), r.toString());
        assertTrue(r.counts());
    }

    /**
     * The real jSerialComm transport, watched: before the plugin's first look at the line (a read without waiting,
     * or a discard) it makes sure the expected bytes have arrived, so the test knows what was there when the read
     * started; it tells the test when the plugin first waits for more.
     */
    private static final class Watched implements SerialTransport {
        private final JSerialCommTransport real = new JSerialCommTransport();
        final CountDownLatch waiting = new CountDownLatch(1);
        private volatile String expected = "";
        private final ByteArrayOutputStream seen = new ByteArrayOutputStream();

        void expectBeforeRead(String text) {
            expected = text;
        }

        synchronized String seenBeforeWaiting() {
            return seen.toString(StandardCharsets.ISO_8859_1);
        }

        @Override
        public List<SerialPortInfo> listPorts() {
            return real.listPorts();
        }

        @Override
        public Result<DeviceConnection> open(String portName, SerialSettings settings) {
            Result<DeviceConnection> r = real.open(portName, settings);
            return r.isOk() ? Result.ok(new Connection(r.value())) : r;
        }

        private final class Connection implements DeviceConnection {
            private final DeviceConnection c;
            private byte[] held;
            private int heldAt;

            Connection(DeviceConnection c) {
                this.c = c;
            }

            /** Waits (generously) until the expected bytes arrived and holds them for the plugin. */
            private void arrive() throws IOException {
                if (held != null) {
                    return;
                }
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                byte[] want = expected.getBytes(StandardCharsets.ISO_8859_1);
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                byte[] b = new byte[256];
                while (got.size() < want.length && System.nanoTime() < deadline) {
                    int n = c.read(b, 0, Math.min(b.length, want.length - got.size()), Duration.ofMillis(200));
                    got.write(b, 0, n);
                }
                held = got.toByteArray();
                synchronized (Watched.this) {
                    seen.writeBytes(held);
                }
            }

            @Override
            public String description() {
                return c.description();
            }

            @Override
            public int read(byte[] buffer, int offset, int length, Duration timeout) throws IOException {
                arrive();
                if (heldAt < held.length) {
                    int n = Math.min(length, held.length - heldAt);
                    System.arraycopy(held, heldAt, buffer, offset, n);
                    heldAt += n;
                    return n;
                }
                if (!timeout.isZero()) {
                    waiting.countDown();
                }
                return c.read(buffer, offset, length, timeout);
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return read(buffer, offset, length, Duration.ofSeconds(1));
            }

            @Override
            public void write(byte[] data) throws IOException {
                c.write(data);
            }

            @Override
            public void discardInput() throws IOException {
                arrive();
                heldAt = held.length;
                c.discardInput();
            }

            @Override
            public boolean isOpen() {
                return c.isOpen();
            }

            @Override
            public void close() {
                c.close();
            }
        }
    }
}
