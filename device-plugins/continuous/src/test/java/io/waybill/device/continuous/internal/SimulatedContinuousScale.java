package io.waybill.device.continuous.internal;

import io.waybill.device.transport.internal.PtyDevice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A simulated continuous-output scale on the device end of a socat pseudo-terminal pair: sends the current frame
 * every {@code periodMs} on its own thread (test code), or nothing while {@link #frame} is {@code null}.
 */
final class SimulatedContinuousScale implements AutoCloseable {

    private final PtyDevice device;
    private final Thread streamer;
    private volatile byte[] frame;
    private volatile boolean running = true;

    SimulatedContinuousScale(Path devicePath, long periodMs) throws IOException {
        device = new PtyDevice(devicePath);
        streamer = new Thread(() -> {
            while (running) {
                byte[] f = frame;
                try {
                    if (f != null) {
                        device.send(f);
                    }
                    Thread.sleep(periodMs);
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        }, "continuous-scale " + devicePath);
        streamer.setDaemon(true);
        streamer.start();
    }

    /** From now on, stream this frame (CR LF added); {@code null} stops streaming. */
    void frame(String text) {
        frame = text == null ? null : (text + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** From now on, stream exactly these bytes. */
    void bytes(byte[] bytes) {
        frame = bytes;
    }

    @Override
    public void close() {
        running = false;
        streamer.interrupt();
        device.close();
    }
}
