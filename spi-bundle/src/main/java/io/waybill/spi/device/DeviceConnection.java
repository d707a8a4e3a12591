package io.waybill.spi.device;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;

/**
 * An open byte link to one device (a serial port or a TCP socket), obtained from {@link SerialTransport} or
 * {@link TcpTransport}. Every read waits at most a bounded time, so a silent device never blocks the caller.
 * A connection is used by one caller at a time; the device plugin serialises its requests.
 *
 * <p>Methods that talk to the device throw {@link IOException} when the link is gone (port unplugged or closed,
 * socket reset or closed by the peer); the message names the port or address. After that the connection is
 * useless: close it and open a new one. Device plugins turn these exceptions into {@link DeviceStatus} data; they
 * never pass them on through {@link Scale}.</p>
 */
public interface DeviceConnection extends Closeable {

    /** What this connection is for messages, e.g. {@code /dev/ttyUSB0 9600 8N1} or {@code tcp 10.0.0.5:4001}. */
    String description();

    /**
     * Reads up to {@code length} bytes into {@code buffer} at {@code offset}, waiting at most {@code timeout}
     * for the first byte, and returns as soon as at least one byte is there.
     *
     * @return the number of bytes read, 0 when nothing arrived within the timeout
     * @throws IOException when the link is gone (see the class comment)
     */
    int read(byte[] buffer, int offset, int length, Duration timeout) throws IOException;

    /**
     * Reads like {@link #read(byte[], int, int, Duration)} with the connection's default timeout (the
     * {@link SerialSettings#readTimeout()} or the read timeout given to {@link TcpTransport#open}).
     *
     * @return the number of bytes read, 0 when nothing arrived within the timeout
     * @throws IOException when the link is gone
     */
    int read(byte[] buffer, int offset, int length) throws IOException;

    /**
     * Writes all bytes and flushes them to the device.
     *
     * @throws IOException when the link is gone or the device does not accept the bytes within the timeout
     */
    void write(byte[] data) throws IOException;

    /**
     * Throws away bytes that arrived but were not read yet (e.g. a late answer to an earlier request, or the
     * backlog of a scale that streams continuously), without waiting for more.
     *
     * @throws IOException when the link is gone
     */
    void discardInput() throws IOException;

    /** Whether the connection is still open (false after {@link #close()} or after the link was found gone). */
    boolean isOpen();

    /** Releases the port or socket. Never throws; closing twice is harmless. */
    @Override
    void close();
}
