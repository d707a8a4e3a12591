package io.waybill.plugin.kit.serial;

import io.waybill.spi.device.DeviceConnection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Reads CR LF terminated lines from a {@link DeviceConnection} until a deadline, on the caller's thread, within a
 * window: {@link #drain} throws away everything that arrived before it and opens the window; a line is
 * {@link Line#fresh() fresh} only when its first byte arrived after that (the tail of a line that began before is
 * not). Bytes after a line end are kept for the next call; {@link #clear()} drops them.
 */
public final class LineReader {

    /**
     * What a read until the deadline produced.
     *
     * @param text     the line without CR LF, or the incomplete bytes received by the deadline
     * @param complete false when the deadline passed (or 256 bytes came) without a line end
     * @param fresh    true when the line's first byte arrived after the last {@link #drain}
     */
    public record Line(String text, boolean complete, boolean fresh) {
    }

    private static final int MAX_LINE = 256;
    /** A drain gives up after this much, so a device that floods the line cannot hold the caller. */
    private static final int MAX_DRAIN = 1 << 20;

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final byte[] chunk = new byte[512];
    /** The start of the line now in {@link #pending} arrived before the last drain. */
    private boolean staleStart;

    /**
     * The next line (without CR LF), or, when the deadline passes first, the incomplete bytes received so far
     * ({@code complete == false}, possibly empty). A line longer than 256 bytes is returned as it is, incomplete.
     *
     * @throws IOException when the link is gone
     */
    public Line next(DeviceConnection connection, long deadlineNanos) throws IOException {
        while (true) {
            Line line = takeLine();
            if (line != null) {
                return line;
            }
            if (pending.size() > MAX_LINE) {
                return takeAll();
            }
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining <= 0) {
                return takeAll();
            }
            int n = connection.read(chunk, 0, chunk.length, Duration.ofNanos(remaining));
            if (n > 0) {
                pending.write(chunk, 0, n);
            }
        }
    }

    /**
     * Opens a new window: throws away the bytes kept from earlier reads and everything the connection hands out
     * without waiting (a late answer, a backlog), and returns them for the log. When they end inside a line, the
     * rest of that line, arriving later, is not {@link Line#fresh() fresh}.
     *
     * @throws IOException when the link is gone
     */
    public byte[] drain(DeviceConnection connection, long deadlineNanos) throws IOException {
        ByteArrayOutputStream dropped = new ByteArrayOutputStream();
        dropped.writeBytes(pending.toByteArray());
        pending.reset();
        while (dropped.size() < MAX_DRAIN && System.nanoTime() < deadlineNanos) {
            int n = connection.read(chunk, 0, chunk.length, Duration.ZERO);
            if (n <= 0) {
                break;
            }
            dropped.write(chunk, 0, n);
        }
        byte[] bytes = dropped.toByteArray();
        if (bytes.length > 0) {
            staleStart = bytes[bytes.length - 1] != '\n';
        }
        return bytes;
    }

    public void clear() {
        pending.reset();
        staleStart = false;
    }

    private Line takeLine() {
        byte[] bytes = pending.toByteArray();
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                int end = i > 0 && bytes[i - 1] == '\r' ? i - 1 : i;
                String text = new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
                pending.reset();
                pending.write(bytes, i + 1, bytes.length - i - 1);
                boolean fresh = !staleStart;
                staleStart = false;
                return new Line(text, true, fresh);
            }
        }
        return null;
    }

    private Line takeAll() {
        String s = pending.toString(StandardCharsets.ISO_8859_1);
        pending.reset();
        boolean fresh = !staleStart;
        staleStart = false;
        return new Line(s, false, fresh);
    }
}
