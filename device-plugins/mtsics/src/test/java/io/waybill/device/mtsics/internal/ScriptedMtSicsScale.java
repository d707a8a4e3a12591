package io.waybill.device.mtsics.internal;

import io.waybill.device.transport.internal.PtyDevice;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scripted MT-SICS scale on the device end of a socat pseudo-terminal pair that works like a real one: one
 * command at a time, in the order received, each answered after its own delay (a scale that takes longer than the
 * station waits, e.g. while the load settles). Weigh commands ({@code S}, {@code SI}) take their answers from a
 * script, one per command, so the weight can change between commands; {@code I4} is answered at once with a
 * serial number, {@code Z} with {@code Z A}; anything else with {@code ES}.
 */
final class ScriptedMtSicsScale implements AutoCloseable {

    /** One scripted answer: the line (CR LF added) after {@code delay}. */
    record Answer(Duration delay, String line) {
    }

    private final PtyDevice device;
    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    private final List<String> sent = new CopyOnWriteArrayList<>();

    ScriptedMtSicsScale(Path devicePath) throws java.io.IOException {
        device = new PtyDevice(devicePath).answer(this::respond);
    }

    /** The answer to the next weigh command not yet scripted: {@code line} after {@code delayMs}. */
    ScriptedMtSicsScale then(long delayMs, String line) {
        script.add(new Answer(Duration.ofMillis(delayMs), line));
        return this;
    }

    /** The next weigh command not yet scripted is never answered (lost on the line). */
    ScriptedMtSicsScale never() {
        script.add(new Answer(Duration.ZERO, null));
        return this;
    }

    /** Commands received so far, in order. */
    List<String> commands() {
        return device.requests();
    }

    /** Lines sent so far, in order. */
    List<String> sent() {
        return sent;
    }

    // runs on the device thread: a command waits until the one before it is answered, as on a real scale
    private byte[] respond(String command) {
        String line;
        if (command.equals("S") || command.equals("SI")) {
            Answer a = script.poll();
            if (a == null) {
                return null;
            }
            try {
                Thread.sleep(a.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            line = a.line();
            if (line == null) {
                return null;
            }
        } else if (command.equals("Z")) {
            line = "Z A";
        } else if (command.equals("I4")) {
            line = "I4 A \"0123456789\"";
        } else {
            line = "ES";
        }
        sent.add(line);
        return (line + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        device.close();
    }
}
