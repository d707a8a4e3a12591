package io.waybill.plugin.conformance;

import io.waybill.spi.common.MessageCodes;
import io.waybill.spi.common.PluginDescriptor;
import io.waybill.spi.common.Result;
import io.waybill.spi.device.DeviceStatus;
import io.waybill.spi.device.Scale;
import io.waybill.spi.device.WeightReading;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static io.waybill.plugin.conformance.Conformance.assertWellFormed;
import static io.waybill.plugin.conformance.Conformance.within;

/**
 * Conformance tests every {@link Scale} passes, against a {@link FakeTcpDevice} on localhost that is silent, talks
 * garbage, drops the connection or is not there. A scale plugin's test sources extend this class and give
 * {@link #scale(String, int, Duration)} (the plugin configured for a networked scale) and {@link #unsupported()}.
 */
public abstract class ScaleConformance {

    public static final String ZERO = "zero";
    public static final String TARE = "tare";

    private FakeTcpDevice device;
    private Scale scale;

    /** The plugin configured for a scale at {@code host:port} with this answer timeout. */
    protected abstract Scale scale(String host, int port, Duration timeout);

    /** Stops a scale built by {@link #scale} (e.g. DS deactivate). */
    protected void stop(Scale scale) {
    }

    /** {@link #ZERO} and/or {@link #TARE} when the plugin does not offer them. */
    protected Set<String> unsupported() {
        return Set.of();
    }

    /** The answer timeout configured in the tests. */
    protected Duration timeout() {
        return Duration.ofMillis(700);
    }

    /** Bound of one call: a few timeouts (a reconnect plus a command) and slack. */
    protected Duration callBound() {
        return timeout().multipliedBy(4).plusSeconds(2);
    }

    @AfterEach
    void stopAll() throws IOException {
        if (scale != null) {
            stop(scale);
        }
        if (device != null) {
            device.close();
        }
    }

    @Test
    void silentDevice_everyCallReturnsWithinBound_offlineOrNoWeight() throws IOException {
        WeightReading r = exercise(FakeTcpDevice.Mode.SILENT);
        if (r.counts()) {
            throw new AssertionError("a silent scale gave a weight that counts: " + r);
        }
    }

    @Test
    void garbageDevice_neverThrows_noWeightCounts() throws IOException {
        WeightReading r = exercise(FakeTcpDevice.Mode.GARBAGE);
        if (r.counts()) {
            throw new AssertionError("garbage gave a weight that counts: " + r);
        }
    }

    @Test
    void droppingDevice_neverThrows() throws IOException {
        exercise(FakeTcpDevice.Mode.DROP);
    }

    @Test
    void absentDevice_isOffline() throws IOException {
        WeightReading r = exercise(FakeTcpDevice.Mode.ABSENT);
        if (r.status().state() != DeviceStatus.State.OFFLINE) {
            throw new AssertionError("nobody listening, yet the scale is not offline: " + r);
        }
    }

    @Test
    void descriptor_isComplete() throws IOException {
        device = FakeTcpDevice.start(FakeTcpDevice.Mode.ABSENT);
        scale = scale(device.host(), device.port(), timeout());
        PluginDescriptor d = scale.descriptor();
        if (d == null || d.id() == null || d.id().isBlank() || d.displayName() == null || d.displayName().isBlank()) {
            throw new AssertionError("descriptor needs an id and a display name: " + d);
        }
    }

    @Test
    void spiDefaults_answerUnsupported() {
        Scale bare = new Scale() {
            @Override
            public PluginDescriptor descriptor() {
                return new PluginDescriptor("bare", "Bare", "");
            }

            @Override
            public DeviceStatus status() {
                return DeviceStatus.offline("bare");
            }

            @Override
            public WeightReading read() {
                return WeightReading.none(status());
            }
        };
        Conformance.assertFailedWith(bare.zero(), MessageCodes.UNSUPPORTED, "zero default");
        Conformance.assertFailedWith(bare.tare(), MessageCodes.UNSUPPORTED, "tare default");
    }

    private WeightReading exercise(FakeTcpDevice.Mode mode) throws IOException {
        device = FakeTcpDevice.start(mode);
        scale = scale(device.host(), device.port(), timeout());
        String what = " against a " + mode + " device";
        DeviceStatus status = within(callBound(), "status" + what, scale::status);
        if (status == null || status.state() == null) {
            throw new AssertionError("status" + what + " returned no state: " + status);
        }
        WeightReading reading = within(callBound(), "read" + what, scale::read);
        if (reading == null || reading.status() == null) {
            throw new AssertionError("read" + what + " returned no reading/status: " + reading);
        }
        Set<String> codes = new HashSet<>(Set.of(Scale.NOT_EXECUTED, Scale.OFFLINE));
        for (String op : new String[]{ZERO, TARE}) {
            Result<?> r = within(callBound(), op + what, () -> op.equals(ZERO) ? scale.zero() : scale.tare());
            if (unsupported().contains(op)) {
                Conformance.assertFailedWith(r, MessageCodes.UNSUPPORTED, op);
            } else {
                if (r != null && r.messages().stream().anyMatch(m -> m.code().equals(MessageCodes.UNSUPPORTED))) {
                    throw new AssertionError(op + what + " answers unsupported but the fixture lists it as offered: "
                            + r);
                }
                assertScaleResult(r, codes, op + what);
            }
        }
        return reading;
    }

    /** Well-formed; the scale's own SPI codes ({@link Scale#NOT_EXECUTED}, {@link Scale#OFFLINE}) count as standard. */
    private static void assertScaleResult(Result<?> r, Set<String> scaleCodes, String what) {
        if (r == null) {
            throw new AssertionError(what + " returned null");
        }
        Result<?> standardised = new Result<>(r.value(), r.messages().stream()
                .map(m -> scaleCodes.contains(m.code())
                        ? new io.waybill.spi.common.Message(MessageCodes.TRANSIENT, m.severity(), m.text())
                        : m).toList());
        assertWellFormed(standardised, Set.of(), what);
    }
}
