package io.waybill.device.continuous.internal;

import io.waybill.plugin.kit.serial.DeviceLink;

import io.waybill.device.transport.internal.JSerialCommTransport;
import org.junit.jupiter.api.Timeout;
import java.util.concurrent.TimeUnit;
import io.waybill.device.transport.internal.SocatPair;
import io.waybill.device.transport.internal.SocketTransport;
import io.waybill.spi.device.DeviceStatus;
import io.waybill.spi.device.WeightReading;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The continuous-output scale plugin over real serial I/O (jSerialComm on a socat pseudo-terminal pair). */
// a read stuck in the kernel cannot be interrupted: run each test on its own thread so a hang fails the test
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ContinuousScaleSerialTest {

    private static final Duration TIMEOUT = Duration.ofMillis(700);
    /** What a busy CI machine (load 10+ on 2 cores) may add to a read's timeout before it returns. */
    private static final long SLACK_MS = 2_000;

    @TempDir
    Path dir;

    private SocatPair socat;
    private SimulatedContinuousScale sim;
    private ContinuousScale scale;

    @BeforeEach
    void plugIn() throws Exception {
        assumeTrue(SocatPair.available(), "socat is not installed");
        socat = SocatPair.start(dir);
        sim = new SimulatedContinuousScale(socat.devicePath(), 50);
        scale = scale(socat.stationPath().toString());
    }

    @AfterEach
    void unplug() throws Exception {
        if (scale != null) {
            scale.deactivate();
        }
        if (sim != null) {
            sim.close();
        }
        if (socat != null) {
            socat.close();
        }
    }

    private static ContinuousScale scale(String port) {
        return new ContinuousScale(new JSerialCommTransport(), new SocketTransport(),
                DeviceLink.serial("packing-2", port, 9600, TIMEOUT));
    }

    private static <T> T timed(Supplier<T> call) {
        long start = System.nanoTime();
        T result = call.get();
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < TIMEOUT.toMillis() + SLACK_MS, "took " + ms + " ms");
        return result;
    }

    @Test
    void stableFrameCounts() {
        sim.frame("ST,GS,+0001.234kg");
        WeightReading r = timed(scale::read);
        assertEquals(1234, r.grams());
        assertTrue(r.counts());
        assertTrue(r.status().isOnline());
    }

    @Test
    void unstableFrameDoesNotCount() {
        sim.frame("US,GS,+0001.240kg");
        WeightReading r = scale.read();
        assertEquals(1240, r.grams());
        assertFalse(r.counts());
    }

    @Test
    void overloadIsNoWeightWithTheReason() {
        sim.frame("OL,GS,+9999.999kg");
        WeightReading r = scale.read();
        assertNull(r.grams());
        assertTrue(r.status().isOnline());
        assertTrue(r.status().detail().contains("overload"), r.status().detail());
        assertEquals(DeviceStatus.OVERLOAD, r.status().code()); // as data too (SPI device 1.1)
    }

    @Test
    void latestFrameWinsOverTheBacklog() throws Exception {
        // given: many old frames pile up while nobody reads
        sim.frame("US,GS,+0000.500kg");
        Thread.sleep(400);
        sim.frame("ST,GS,+0002.000kg");
        Thread.sleep(120);
        // when
        WeightReading r = scale.read();
        // then
        assertEquals(2000, r.grams());
        assertTrue(r.counts());
    }

    @Test
    void staleScaleIsOfflineWithinTheTimeout() {
        sim.frame(null);
        long start = System.nanoTime();
        DeviceStatus s = scale.status();
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(DeviceStatus.State.OFFLINE, s.state());
        assertTrue(s.detail().contains("no weight frame within 700 ms"), s.detail());
        assertEquals(DeviceStatus.NO_FRAME, s.code());
        assertEquals("700", s.params().get(1));
        assertTrue(ms >= TIMEOUT.toMillis() - 50 && ms < TIMEOUT.toMillis() + SLACK_MS, "took " + ms + " ms");
    }

    @Test
    void garbageStreamIsOfflineWithWhatCame() throws Exception {
        sim.bytes(getClass().getResourceAsStream("garbage.bin").readAllBytes());
        WeightReading r = timed(scale::read);
        assertEquals(DeviceStatus.State.OFFLINE, r.status().state());
        assertTrue(r.status().detail().contains("unreadable data") && r.status().detail().contains("\\x00"),
                r.status().detail());
        assertEquals(DeviceStatus.UNREADABLE, r.status().code());
        assertEquals(2, r.status().params().size());
    }

    @Test
    void bytesWithoutLineEndAreOfflineWithinTheTimeout() {
        sim.bytes(new byte[]{'S', 'T', ','});
        WeightReading r = timed(scale::read);
        assertEquals(DeviceStatus.State.OFFLINE, r.status().state());
        assertTrue(r.status().detail().contains("no complete frame"), r.status().detail());
        assertEquals(DeviceStatus.PARTIAL_FRAME, r.status().code());
        assertEquals("700", r.status().params().get(1));
        assertTrue(r.status().params().get(2).startsWith("ST,"), r.status().params().toString()); // what came
    }

    @Test
    void missingPortIsOfflineWithItsName() {
        scale.deactivate();
        scale = scale(dir.resolve("ttyACM3").toString());
        WeightReading r = timed(scale::read);
        assertEquals(DeviceStatus.State.OFFLINE, r.status().state());
        assertTrue(r.status().detail().contains("ttyACM3"), r.status().detail());
        assertEquals(DeviceStatus.OPEN_FAILED, r.status().code());
        assertTrue(r.status().params().get(0).contains("ttyACM3"), r.status().params().toString());
    }

    @Test
    void unplugMidSessionIsOffline() throws Exception {
        sim.frame("ST,GS,+0000.800kg");
        assertEquals(800, scale.read().grams());
        socat.unplug();
        WeightReading r = timed(scale::read);
        assertEquals(DeviceStatus.State.OFFLINE, r.status().state());
        assertTrue(r.status().detail().contains("station"), r.status().detail());
        DeviceStatus later = timed(scale::status);
        assertTrue(later.detail().contains("does not exist"), later.detail());
    }

    @Test
    void descriptorNamesTheScale() {
        assertEquals("continuous:packing-2", scale.descriptor().id());
    }
}
