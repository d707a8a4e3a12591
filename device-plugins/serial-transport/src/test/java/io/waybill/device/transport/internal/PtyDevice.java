package io.waybill.device.transport.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Test helper: a simulated device on the device end of a {@link SocatPair}, reading and writing the
 * pseudo-terminal with plain file I/O (independent of the jSerialComm code under test). It can answer each
 * CR LF terminated request line ({@link #answer}) and send bytes of its own ({@link #send}).
 */
public final class PtyDevice implements AutoCloseable {

    private final RandomAccessFile tty;
    private final Path path;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    public PtyDevice(Path path) throws IOException {
        this.path = path;
        this.tty = new RandomAccessFile(path.toFile(), "rw");
    }

    /**
     * Answers each request line (without CR LF) with the bytes {@code responder} returns; {@code null} means stay
     * silent. Runs on one daemon thread until the pseudo-terminal vanishes or {@link #close()}.
     */
    public PtyDevice answer(Function<String, byte[]> responder) {
        Thread t = new Thread(() -> {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            try {
                int b;
                while (!closed && (b = tty.read()) >= 0) {
                    if (b == '\n') {
                        String request = line.toString(StandardCharsets.US_ASCII);
                        if (request.endsWith("\r")) {
                            request = request.substring(0, request.length() - 1);
                        }
                        line.reset();
                        requests.add(request);
                        byte[] reply = responder.apply(request);
                        if (reply != null) {
                            send(reply);
                        }
                    } else {
                        line.write(b);
                    }
                }
            } catch (IOException e) {
                // the pseudo-terminal vanished (socat killed): the simulated device is gone too
            }
        }, "pty-device " + path);
        t.setDaemon(true);
        t.start();
        return this;
    }

    /** Request lines received so far, in order. */
    public List<String> requests() {
        return requests;
    }

    /** Sends bytes to the code under test. */
    public synchronized void send(byte[] bytes) throws IOException {
        tty.write(bytes);
    }

    /** Sends ASCII text to the code under test. */
    public void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void close() {
        closed = true;
        try {
            tty.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
