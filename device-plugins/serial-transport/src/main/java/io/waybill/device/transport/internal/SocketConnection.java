package io.waybill.device.transport.internal;

import io.waybill.spi.device.DeviceConnection;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Objects;

/**
 * One TCP connection to a device. A read waits with the socket's SO_TIMEOUT on the caller's thread; the peer
 * closing the connection is reported as an {@link IOException}.
 */
final class SocketConnection implements DeviceConnection {

    private final Socket socket;
    private final String description;
    private final Duration defaultTimeout;
    private final InputStream in;
    private final OutputStream out;

    SocketConnection(Socket socket, String description, Duration defaultTimeout) throws IOException {
        this.socket = socket;
        this.description = description;
        this.defaultTimeout = defaultTimeout;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
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
        try {
            if (ms == 0) {
                int available = in.available();
                if (available <= 0) {
                    return 0;
                }
                length = Math.min(length, available);
                ms = 1;
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, ms)); // 0 would mean "forever": never passed
            int n = in.read(buffer, offset, length);
            if (n < 0) {
                close();
                throw new EOFException(description + ": connection closed by the device");
            }
            return n;
        } catch (SocketTimeoutException e) {
            return 0;
        } catch (EOFException e) {
            throw e;
        } catch (IOException e) {
            close();
            throw new IOException(description + " lost: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void write(byte[] data) throws IOException {
        ensureOpen();
        try {
            out.write(data);
            out.flush();
        } catch (IOException e) {
            close();
            throw new IOException(description + " lost: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void discardInput() throws IOException {
        ensureOpen();
        byte[] sink = new byte[512];
        for (int i = 0; i < 64; i++) {
            if (read(sink, 0, sink.length, Duration.ZERO) <= 0) {
                return;
            }
        }
    }

    @Override
    public boolean isOpen() {
        return !socket.isClosed();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    private void ensureOpen() throws IOException {
        if (socket.isClosed()) {
            throw new IOException(description + " is closed");
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
