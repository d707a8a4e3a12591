package io.waybill.device.continuous.internal;

import io.waybill.spi.device.DeviceConnection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Reads CR LF terminated lines from a {@link DeviceConnection} until a deadline, on the caller's thread. Bytes
 * after a line end are kept for the next call; {@link #clear()} drops them.
 */
final class LineReader {

    /** What a read until the deadline produced. */
    record Line(String text, boolean complete) {
    }

    private static final int MAX_LINE = 256;

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final byte[] chunk = new byte[128];

    /**
     * The next line (without CR LF), or, when the deadline passes first, the incomplete bytes received so far
     * ({@code complete == false}, possibly empty). A line longer than 256 bytes is returned as it is, incomplete.
     *
     * @throws IOException when the link is gone
     */
    Line next(DeviceConnection connection, long deadlineNanos) throws IOException {
        while (true) {
            Line line = takeLine();
            if (line != null) {
                return line;
            }
            if (pending.size() > MAX_LINE) {
                return new Line(drain(), false);
            }
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining <= 0) {
                return new Line(drain(), false);
            }
            int n = connection.read(chunk, 0, chunk.length, Duration.ofNanos(remaining));
            if (n > 0) {
                pending.write(chunk, 0, n);
            }
        }
    }

    void clear() {
        pending.reset();
    }

    private Line takeLine() {
        byte[] bytes = pending.toByteArray();
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                int end = i > 0 && bytes[i - 1] == '\r' ? i - 1 : i;
                String text = new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
                pending.reset();
                pending.write(bytes, i + 1, bytes.length - i - 1);
                return new Line(text, true);
            }
        }
        return null;
    }

    private String drain() {
        String s = pending.toString(StandardCharsets.ISO_8859_1);
        pending.reset();
        return s;
    }
}
