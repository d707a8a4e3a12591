package io.waybill.device.transport.internal;

import com.fazecast.jSerialComm.SerialPort;
import io.waybill.spi.device.DeviceConnection;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

/**
 * One open serial port. Reads block on the caller's thread for at most the given timeout (jSerialComm's
 * semi-blocking mode); a port that vanished (unplugged USB adapter, closed pseudo-terminal) is reported as an
 * {@link IOException} and the port is closed.
 */
final class JSerialCommConnection implements DeviceConnection {

    private static final int MAX_NATIVE_TIMEOUT_MS = 25_500;

    private final SerialPort port;
    private final String description;
    private final String path;
    private final Duration defaultTimeout;
    private int configuredTimeoutMs = -1;
    private volatile boolean open = true;

    JSerialCommConnection(SerialPort port, String description, Duration defaultTimeout) {
        this.port = port;
        this.description = description;
        this.path = port.getSystemPortPath();
        this.defaultTimeout = defaultTimeout;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        return read(buffer, offset, length, defaultTimeout);
    }

    @Override
    public synchronized int read(byte[] buffer, int offset, int length, Duration timeout) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        ensureOpen();
        if (length == 0) {
            return 0;
        }
        long ms = Math.max(0, timeout == null ? defaultTimeout.toMillis() : timeout.toMillis());
        if (ms == 0) {
            configureTimeout(0);
            return readOnce(buffer, offset, length, 0);
        }
        // the kernel counts the wait in tenths of a second (VTIME, at most 25.5 s): round up, loop for longer waits
        long deadline = System.nanoTime() + ms * 1_000_000;
        while (true) {
            long remainingMs = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMs <= 0) {
                return 0;
            }
            int chunkMs = (int) Math.min(MAX_NATIVE_TIMEOUT_MS, ((remainingMs + 99) / 100) * 100);
            configureTimeout(chunkMs);
            int n = readOnce(buffer, offset, length, chunkMs);
            if (n > 0) {
                return n;
            }
        }
    }

    private void configureTimeout(int timeoutMs) throws IOException {
        if (timeoutMs == configuredTimeoutMs) {
            return;
        }
        // 0 in semi-blocking mode would mean "wait forever": use non-blocking for a zero timeout
        boolean ok = timeoutMs == 0
                ? port.setComPortTimeouts(SerialPort.TIMEOUT_NONBLOCKING, 0, 0)
                : port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, timeoutMs, 0);
        if (!ok) {
            throw lost("cannot set the read timeout (system error " + port.getLastErrorCode() + ")");
        }
        configuredTimeoutMs = timeoutMs;
    }

    private int readOnce(byte[] buffer, int offset, int length, int timeoutMs) throws IOException {
        long started = System.nanoTime();
        int n = port.readBytes(buffer, length, offset);
        if (n < 0) {
            throw lost("read failed (system error " + port.getLastErrorCode() + ")");
        }
        if (n == 0) {
            // a vanished device may answer a read at once with nothing instead of an error
            long waitedMs = (System.nanoTime() - started) / 1_000_000;
            if (!port.isOpen() || (path != null && path.startsWith("/") && !new File(path).exists())
                    || (timeoutMs >= 100 && waitedMs < timeoutMs / 2 && deviceGone())) {
                throw lost("the port is gone");
            }
        }
        return n;
    }

    /** True when the device cannot be queried any more (bytesAvailable fails on a closed or vanished port). */
    private boolean deviceGone() {
        return port.bytesAvailable() < 0;
    }

    @Override
    public synchronized void write(byte[] data) throws IOException {
        ensureOpen();
        int done = 0;
        while (done < data.length) {
            int n = port.writeBytes(data, data.length - done, done);
            if (n <= 0) {
                throw lost("write failed (system error " + port.getLastErrorCode() + ")");
            }
            done += n;
        }
    }

    @Override
    public synchronized void discardInput() throws IOException {
        ensureOpen();
        // the kernel's buffer; then whatever jSerialComm or the kernel still hands out without waiting
        port.flushIOBuffers();
        int available = port.bytesAvailable();
        if (available < 0) {
            throw lost("the port is gone");
        }
        byte[] sink = new byte[256];
        for (int i = 0; i < 64 && available > 0; i++) {
            int n = read(sink, 0, Math.min(sink.length, available), Duration.ZERO);
            if (n <= 0) {
                break;
            }
            available = port.bytesAvailable();
        }
    }

    @Override
    public boolean isOpen() {
        return open && port.isOpen();
    }

    @Override
    public synchronized void close() {
        open = false;
        try {
            port.closePort();
        } catch (RuntimeException ignored) {
            // closing a vanished port may fail; nothing left to release
        }
    }

    private void ensureOpen() throws IOException {
        if (!open) {
            throw new IOException("serial port " + description + " is closed");
        }
        if (!port.isOpen()) {
            throw lost("the port was closed");
        }
    }

    private IOException lost(String why) {
        close();
        return new IOException("serial port " + description + " lost: " + why);
    }

    @Override
    public String toString() {
        return description;
    }
}
