package io.waybill.device.mtsics.internal;

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
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A late answer never verifies the next package: a scripted MT-SICS scale on a socat pseudo-terminal pair answers
 * some commands after the station stopped waiting, and the weight on it changes between commands. Every read
 * returns the answer to its own command or no weight; never the answer to an earlier one.
 */
// a read stuck in the kernel cannot be interrupted: run each test on its own thread so a hang fails the test
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MtSicsLateAnswerTest {

    /**
     * Long enough that a busy machine (load 10+ on 2 cores) still gets an at-once reply within it; a late answer
     * comes a second after the station gave up, so a read that started just before its deadline and was then
     * descheduled (the kernel's wait may end up to that much later) does not see it, and it still arrives during the
     * next read.
     */
    private static final Duration TIMEOUT = Duration.ofMillis(3000);
    /** A late answer comes this long after the command, i.e. 1 s after the station gave up. */
    private static final long LATE_MS = TIMEOUT.toMillis() + 1000;

    @TempDir
    Path dir;

    private SocatPair socat;
    private ScriptedMtSicsScale sim;
    private MtSicsScale scale;

    @BeforeEach
    void plugIn() throws Exception {
        assumeTrue(SocatPair.available(), "socat is not installed");
        socat = SocatPair.start(dir);
        sim = new ScriptedMtSicsScale(socat.devicePath());
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

    private MtSicsScale scale(String weighCommand) {
        scale = new MtSicsScale(new JSerialCommTransport(), new SocketTransport(),
                MtSicsSettings.serial("packing-1", socat.stationPath().toString(), 9600, TIMEOUT, weighCommand));
        return scale;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + what);
            }
            Thread.sleep(10);
        }
    }

    private static void assertNoAnswer(WeightReading r) {
        assertNull(r.grams(), r.toString());
        assertEquals(DeviceStatus.State.OFFLINE, r.status().state(), r.toString());
        assertTrue(r.status().detail().contains("no answer"), r.status().detail());
    }

    @Test
    void lateAnswerArrivingDuringTheNextReadIsNotItsAnswer() {
        // given: package A (800 g) answered only after the station gave up; package B (1250 g) answered at once
        sim.then(LATE_MS, "S S    800 g").then(0, "S S   1250 g");
        MtSicsScale s = scale("SI");
        assertNoAnswer(s.read());
        // when: the next read starts at once, so the late 800 g arrives while it waits
        WeightReading b = s.read();
        // then
        assertEquals(1250, b.grams(), b.toString());
        assertTrue(b.counts());
    }

    @Test
    void lateAnswerArrivingBetweenReadsIsDropped() throws Exception {
        // given
        sim.then(LATE_MS, "S S    800 g").then(0, "S S   1250 g");
        MtSicsScale s = scale("SI");
        assertNoAnswer(s.read());
        // when: the late answer is on the line before the next read
        await("the scale sent its late answer", () -> sim.sent().contains("S S    800 g"));
        WeightReading b = s.read();
        // then
        assertEquals(1250, b.grams(), b.toString());
    }

    @Test
    void stableOnlyCommandAnsweredLateDoesNotVerifyTheNextPackage() {
        // given: S (the scale waits for stability) settles on package A only after the timeout
        sim.then(LATE_MS, "S S    800 g").then(50, "S S   1250 g");
        MtSicsScale s = scale("S");
        assertNoAnswer(s.read());
        // when
        WeightReading b = s.read();
        // then
        assertEquals(1250, b.grams(), b.toString());
        assertTrue(b.counts());
    }

    @Test
    void weightChangingBetweenCommandsIsAlwaysTheAnswerToThatCommand() {
        // given: four packages; some answers late, one still moving
        sim.then(0, "S S    800 g")      // A, prompt
                .then(LATE_MS, "S S    800 g")   // A again, too late
                .then(0, "S D   1240 g")     // B still moving
                .then(LATE_MS, "S S   1250 g")   // B, settled too late
                .then(0, "S S    430 g")     // C, prompt
                .then(0, "S S   2020 g");    // D, prompt
        MtSicsScale s = scale("SI");
        // when / then
        assertEquals(800, s.read().grams());
        assertNoAnswer(s.read());
        WeightReading moving = s.read();
        assertEquals(1240, moving.grams(), moving.toString());
        assertFalse(moving.counts());
        assertNoAnswer(s.read());
        WeightReading c = s.read();
        assertEquals(430, c.grams(), c.toString());
        assertTrue(c.counts());
        assertEquals(2020, s.read().grams());
    }

    @Test
    void scaleThatDroppedACommandIsResynchronisedWithoutLosingTheNextAnswer() {
        // given: the first SI is never answered (lost on the line), the next one is
        sim.never().then(0, "S S   1250 g");
        MtSicsScale s = scale("SI");
        assertNoAnswer(s.read());
        // when
        WeightReading b = s.read();
        // then: I4 answered, so nothing more is owed; SI's answer is taken
        assertEquals(1250, b.grams(), b.toString());
        assertEquals(java.util.List.of("SI", "I4", "SI"), sim.commands());
    }

    @Test
    void zeroAfterALateWeightIsConfirmedAndTheNextReadIsFresh() {
        // given
        sim.then(LATE_MS, "S S    800 g").then(0, "S S      0 g");
        MtSicsScale s = scale("SI");
        assertNoAnswer(s.read());
        // when: the late S S arrives while Z waits for Z A
        assertTrue(s.zero().isOk());
        // then
        WeightReading r = s.read();
        assertEquals(0, r.grams(), r.toString());
    }
}
