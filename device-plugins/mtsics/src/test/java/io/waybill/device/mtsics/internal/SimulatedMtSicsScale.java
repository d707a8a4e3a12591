package io.waybill.device.mtsics.internal;

import io.waybill.device.transport.internal.PtyDevice;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A simulated MT-SICS scale on the device end of a socat pseudo-terminal pair: answers each command with the
 * bytes set for it ({@link #answer}), stays silent for commands without an answer, and answers unknown
 * commands with ES like a real scale when {@link #answerUnknownWithEs} is on.
 */
final class SimulatedMtSicsScale implements AutoCloseable {

    private final PtyDevice device;
    private final Map<String, byte[]> answers = new ConcurrentHashMap<>();
    private volatile boolean unknownEs = false;

    SimulatedMtSicsScale(Path devicePath) throws java.io.IOException {
        device = new PtyDevice(devicePath).answer(command -> {
            byte[] a = answers.get(command);
            if (a == null && unknownEs) {
                return "ES\r\n".getBytes(StandardCharsets.US_ASCII);
            }
            return a == null || a.length == 0 ? null : a;
        });
    }

    /** From now on, answer {@code command} with {@code line} plus CR LF. */
    SimulatedMtSicsScale answer(String command, String line) {
        answers.put(command, (line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    /** From now on, answer {@code command} with exactly these bytes. */
    SimulatedMtSicsScale answerBytes(String command, byte[] bytes) {
        answers.put(command, bytes);
        return this;
    }

    /** From now on, say nothing to {@code command} (not even ES). */
    SimulatedMtSicsScale silent(String command) {
        answers.put(command, new byte[0]);
        return this;
    }

    SimulatedMtSicsScale answerUnknownWithEs() {
        unknownEs = true;
        return this;
    }

    List<String> commands() {
        return device.requests();
    }

    @Override
    public void close() {
        device.close();
    }
}
