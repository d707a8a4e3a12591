package io.waybill.device.mtsics.internal;

import io.waybill.device.transport.internal.JSerialCommTransport;
import org.junit.jupiter.api.Timeout;
import java.util.concurrent.TimeUnit;
import io.waybill.device.transport.internal.SocatPair;
import io.waybill.device.transport.internal.SocketTransport;
import io.waybill.spi.common.Result;
import io.waybill.spi.device.DeviceStatus;
import io.waybill.spi.device.Scale;
import io.waybill.spi.device.WeightReading;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The MT-SICS scale plugin over real serial I/O: jSerialComm (through the transport bundle's code) on one end of
 * a socat pseudo-terminal pair, a simulated scale on the other.
 */
// a read stuck in the kernel cannot be interrupted: run each test on its own thread so a hang fails the test
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MtSicsScaleSerialTest {

    // long enough that a busy machine (load 10+ on 2 cores) still answers an at-once reply within it
    private static final Duration TIMEOUT = Duration.ofMillis(2000);
    /** What a busy CI machine (load 10+ on 2 cores) may add to a read's timeout before it returns. */
    private static final long SLACK_MS = 2_000;

    @TempDir
    Path dir;

    private SocatPair socat;
    private SimulatedMtSicsScale sim;
    private MtSicsScale scale;

    @BeforeEach
    void plugIn() throws Exception {
        assumeTrue(SocatPair.available(), "socat is not installed");
        socat = SocatPair.start(dir);
        sim = new SimulatedMtSicsScale(socat.devicePath()).answerUnknownWithEs();
        scale = scale("SI", socat.stationPath().toString());
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

    private static MtSicsScale scale(String command, String port) {
        return new MtSicsScale(new JSerialCommTransport(), new SocketTransport(),
                MtSicsSettings.serial("packing-1", port, 9600, TIMEOUT, command));
    }

    /** Runs {@code call} and checks it returned within the timeout plus a margin for a busy machine. */
    private static <T> T timed(Supplier<T> call) {
        long start = System.nanoTime();
        T result = call.get();
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < TIMEOUT.toMillis() + SLACK_MS, "took " + ms + " ms");
        return result;
    }

    @Test
    void stableWeightCounts() {
        // given
        sim.answer("SI", "S S      1.234 kg");
        // when
        WeightReading r = timed(scale::read);
        // then
        assertEquals(1234, r.grams());
        assertTrue(r.stable());
        assertTrue(r.counts());
        assertEquals(DeviceStatus.State.ONLINE, r.status().state());
        assertEquals(List.of("SI"), sim.commands());
    }

    @Test
    void unstableWeightIsShownButDoesNotCount() {
        sim.answer("SI", "S D      1.240 kg");
        WeightReading r = scale.read();
        assertEquals(1240, r.grams());
        assertFalse(r.stable());
        assertFalse(r.counts());
        assertTrue(r.status().isOnline());
    }

    @Test
    void stableCommandModeSendsS() {
        // given
        scale.deactivate();
        scale = scale("S", socat.stationPath().toString());
        sim.answer("S", "S S    250.0 g");
        // when
        WeightReading r = scale.read();
        // then
        assertEquals(250, r.grams());
        assertTrue(r.counts());
        assertEquals(List.of("S"), sim.commands());
    }

    @Test
    void stableCommandWithoutStableWeightSaysSo() {
        scale.deactivate();
        scale = scale("S", socat.stationPath().toString());
        sim.answer("S", "S I");
        WeightReading r = scale.read();
        assertNull(r.grams());
        assertTrue(r.status().isOnline());
        assertTrue(r.status().detail().contains("S I"), r.status().detail());
    }

    @Test
    void poundsBecomeGrams() {
        sim.answer("SI", "S S      2.50 lb");
        assertEquals(1134, scale.read().grams());
    }

    @Test
    void overloadIsNoWeightWithTheReason() {
        sim.answer("SI", "S +");
        WeightReading r = scale.read();
        assertNull(r.grams());
        assertFalse(r.counts());
        assertTrue(r.status().isOnline());
        assertTrue(r.status().detail().contains("overload"), r.status().detail());
        assertEquals(DeviceStatus.OVERLOAD, r.status().code()); // as data too (SPI device 1.1)
        assertEquals(List.of(), r.status().params());
    }

    @Test
    void underloadIsNoWeightWithTheReason() {
        sim.answer("SI", "S -");
        WeightReading r = scale.read();
        assertNull(r.grams());
        assertTrue(r.status().detail().contains("underload"), r.status().detail());
        assertEquals(DeviceStatus.UNDERLOAD, r.status().code());
    }

    @Test
    void zeroIsConfirmed() {
        sim.answer("Z", "Z A");
        Result<Boolean> r = timed(scale::zero);
        assertTrue(r.isOk(), r.messages().toString());
        assertEquals(List.of("Z"), sim.commands());
    }

    @Test
    void zeroRefusedIsNotExecuted() {
        sim.answer("Z", "Z I");
        Result<Boolean> r = scale.zero();
        assertFalse(r.isOk());
        assertEquals(Scale.NOT_EXECUTED, r.messages().get(0).code());
    }

    @Test
    void tareReturnsTheTareWeight() {
        sim.answer("T", "T S     35.00 g");
        Result<Integer> r = scale.tare();
        assertTrue(r.isOk(), r.messages().toString());
        assertEquals(35, r.value());
    }

    @Test
    void logicalErrorOnTareIsNotExecuted() {
        sim.answer("T", "EL");
        Result<Integer> r = scale.tare();
        assertFalse(r.isOk());
        assertEquals(Scale.NOT_EXECUTED, r.messages().get(0).code());
        assertTrue(r.messages().get(0).text().contains("EL"), r.messages().toString());
    }

    @Test
    void syntaxErrorMeansNotAnMtSicsScale() {
        // given: the simulated scale answers ES to anything it does not know, here SI
        // when
        WeightReading r = scale.read();
        // then
        assertNull(r.grams());
        assertEquals(DeviceStatus.State.OFFLINE, r.status().state());
        assertTrue(r.status().detail().contains("ES"), r.status().detail());
        assertEquals(DeviceStatus.NOT_UNDERSTOOD, r.status().code());
        assertEquals("SI", r.status().params().get(1));
    }

    @Test
    void logicalErrorOnReadIsNoWeight() {
        sim.answer("SI", "EL");
        WeightReading r = scale.read();
        assertNull(r.grams());
        assertTrue(r.status().detail().contains("EL"), r.status().detail());
        assertEquals(DeviceStatus.CANNOT_EXECUTE, r.status().code());
        assertEquals(List.of("SI"), r.status().params());
    }

    @Test
    void transmissionErrorPointsAtTheLineSettings() {
        sim.answer("SI", "ET");
        WeightReading r = scale.read();
        assertEquals(DeviceStatus.State.OFFLINE, r.status().state());
        assertTrue(r.status().detail().contains("baud"), r.status().detail());
        assertEquals(DeviceStatus.GARBLED, r.status().code());
        assertEquals("SI", r.status().params().get(1));
    }

    @Test
    void garbageLineIsOfflineWithWhatCame() throws Exception {
        // given: the recorded garbage capture
        sim.answerBytes("SI", getClass().getResourceAsStream("garbage.bin").readAllBytes());
        // when
        WeightReading r = timed(scale::read);
        // then
        assertNull(r.grams());
        assertEquals(DeviceStatus.State.OFFLINE, r.status().state());
        assertTrue(r.status().detail().contains("unreadable") && r.status().detail().contains("\\x00"),
                r.status().detail());
    }

    @Test
    void garbageWithoutLineEndIsOfflineWithinTheTimeout() {
        sim.answerBytes("SI", new byte[]{(byte) 0xfe, 0x01, 'x', (byte) 0x80});
        WeightReading r = timed(scale::read);
        assertEquals(DeviceStatus.State.OFFLINE, r.status().state());
        assertTrue(r.status().detail().contains("unreadable"), r.status().detail());
    }

    @Test
    void silentScaleIsOfflineWithinTheTimeout() {
        // given: the simulated scale ignores SI
        sim.silent("SI");
        // when
        long start = System.nanoTime();
        DeviceStatus s = scale.status();
        long ms = (System.nanoTime() - start) / 1_000_000;
        // then
        assertEquals(DeviceStatus.State.OFFLINE, s.state());
        assertTrue(s.detail().contains("no answer to SI within 2000 ms"), s.detail());
        assertTrue(s.detail().contains("station"), s.detail());
        assertTrue(ms >= TIMEOUT.toMillis() - 50 && ms < TIMEOUT.toMillis() + SLACK_MS, "took " + ms + " ms");
    }

    @Test
    void scaleThatComesBackIsOnlineAgain() {
        sim.silent("SI");
        assertEquals(DeviceStatus.State.OFFLINE, scale.status().state());
        sim.answer("SI", "S S 10 g");
        assertEquals(DeviceStatus.State.ONLINE, scale.status().state());
        assertEquals(10, scale.read().grams());
    }

    @Test
    void missingPortIsOfflineWithItsName() {
        // given
        scale.deactivate();
        scale = scale("SI", dir.resolve("ttyUSB7").toString());
        // when
        WeightReading r = timed(scale::read);
        // then
        assertEquals(DeviceStatus.State.OFFLINE, r.status().state());
        assertTrue(r.status().detail().contains("ttyUSB7"), r.status().detail());
    }

    @Test
    void unplugMidSessionIsOfflineAndStaysSo() throws Exception {
        // given: a working session
        sim.answer("SI", "S S 500 g");
        assertEquals(500, scale.read().grams());
        // when: the adapter is pulled out
        socat.unplug();
        WeightReading r = timed(scale::read);
        // then
        assertEquals(DeviceStatus.State.OFFLINE, r.status().state());
        assertTrue(r.status().detail().contains("station"), r.status().detail());
        DeviceStatus later = timed(scale::status);
        assertEquals(DeviceStatus.State.OFFLINE, later.state());
        assertTrue(later.detail().contains("does not exist"), later.detail());
    }

    @Test
    void lateAnswerToAnEarlierCommandIsNotTakenForTheNext() throws Exception {
        // given: the scale is too slow once; its late answer arrives while nobody waits
        sim.silent("SI");
        assertEquals(DeviceStatus.State.OFFLINE, scale.read().status().state());
        sim.answer("Z", "Z A");
        sim.answer("SI", "S S 42 g");
        // when
        WeightReading r = scale.read();
        // then
        assertEquals(42, r.grams());
    }

    @Test
    void descriptorNamesTheScale() {
        assertEquals("mtsics:packing-1", scale.descriptor().id());
        assertTrue(scale.descriptor().description().contains("station"));
    }
}
