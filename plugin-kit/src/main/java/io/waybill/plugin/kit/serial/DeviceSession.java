package io.waybill.plugin.kit.serial;

import io.waybill.spi.common.Result;
import io.waybill.spi.device.DeviceConnection;
import io.waybill.spi.device.DeviceStatus;
import io.waybill.spi.device.SerialTransport;
import io.waybill.spi.device.TcpTransport;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The connection of one line device (a scale), used by one caller at a time, on the caller's thread, never longer
 * than the link's timeout. {@link #call} waits for the device (else {@link DeviceStatus#BUSY}), opens the port or
 * socket on first use and again after it was lost (else {@link DeviceStatus#OPEN_FAILED}), runs the device's own
 * exchange with a deadline, closes the connection when the link is lost ({@link DeviceStatus#CONNECTION_LOST}) or
 * the exchange fails unexpectedly ({@link DeviceStatus#INTERNAL_ERROR}). Every problem becomes a status for the
 * operator; nothing is thrown. The exchange itself (what to send, what a line means) is the device plugin's.
 */
public final class DeviceSession {

    /** One exchange with the device on an open connection, to finish by the deadline ({@link System#nanoTime}). */
    @FunctionalInterface
    public interface Exchange<T> {
        T run(DeviceConnection connection, LineReader lines, long deadlineNanos) throws IOException;
    }

    private static final System.Logger LOG = System.getLogger(DeviceSession.class.getName());

    private final DeviceLink link;
    private final SerialTransport serialTransport;
    private final TcpTransport tcpTransport;
    private final Runnable onOpen;
    private final ReentrantLock lock = new ReentrantLock();
    private final LineReader lines = new LineReader();
    private DeviceConnection connection;

    /**
     * @param onOpen run (under the session's lock) each time a new connection is opened, to forget what the device
     *               owed the old one
     */
    public DeviceSession(DeviceLink link, SerialTransport serialTransport, TcpTransport tcpTransport,
                         Runnable onOpen) {
        this.link = link;
        this.serialTransport = serialTransport;
        this.tcpTransport = tcpTransport;
        this.onOpen = onOpen == null ? () -> { } : onOpen;
    }

    /**
     * Runs one exchange; a failure before or during it becomes {@code failed.apply(status)}.
     *
     * @param failed what the caller answers when the device cannot be used (offline status)
     */
    public <T> T call(Function<DeviceStatus, T> failed, Exchange<T> exchange) {
        long timeoutNanos = link.timeout().toNanos();
        long deadline = System.nanoTime() + timeoutNanos;
        try {
            if (!lock.tryLock(timeoutNanos, TimeUnit.NANOSECONDS)) {
                return failed.apply(DeviceStatus.offline("scale on " + where() + " is busy with another request for "
                        + "longer than " + link.timeout().toMillis() + " ms", DeviceStatus.BUSY, where(),
                        link.timeout().toMillis()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed.apply(DeviceStatus.offline("interrupted while waiting for the scale on " + where(),
                    DeviceStatus.INTERRUPTED, where()));
        }
        try {
            DeviceStatus openProblem = ensureOpen();
            if (openProblem != null) {
                return failed.apply(openProblem);
            }
            return exchange.run(connection, lines, deadline);
        } catch (IOException e) {
            closeConnection();
            LOG.log(System.Logger.Level.DEBUG, "Scale {0} lost: {1}", link.name(), e.getMessage());
            return failed.apply(DeviceStatus.offline(e.getMessage() == null ? "connection to " + where() + " lost"
                    : e.getMessage(), DeviceStatus.CONNECTION_LOST, where()));
        } catch (RuntimeException e) {
            closeConnection();
            LOG.log(System.Logger.Level.WARNING, "Scale " + link.name() + ": unexpected failure", e);
            return failed.apply(DeviceStatus.offline("internal error talking to the scale on " + where() + ": " + e,
                    DeviceStatus.INTERNAL_ERROR, where(), String.valueOf(e)));
        } finally {
            lock.unlock();
        }
    }

    /** Closes the connection (waiting for an exchange under way); the next call opens a new one. */
    public void close() {
        lock.lock();
        try {
            closeConnection();
        } finally {
            lock.unlock();
        }
    }

    /** Where the device is, for messages: the port or host:port. */
    public String where() {
        return link.where();
    }

    /** What the open connection says it is, or {@link #where()} when none is open. */
    public String description() {
        DeviceConnection c = connection;
        return c == null ? where() : c.description();
    }

    /** Opens the connection when there is none; returns why not (offline), or null. */
    private DeviceStatus ensureOpen() {
        if (connection != null && connection.isOpen()) {
            return null;
        }
        closeConnection();
        Result<DeviceConnection> r = link.tcp()
                ? tcpTransport.open(link.host(), link.tcpPort(), link.timeout(), link.timeout())
                : serialTransport.open(link.port(), link.serial());
        if (!r.isOk()) {
            String why = r.messages().isEmpty() ? "" : r.messages().get(0).text();
            return DeviceStatus.offline(why.isEmpty() ? "cannot open " + where() : why, DeviceStatus.OPEN_FAILED,
                    where(), why.isEmpty() ? "-" : why);
        }
        connection = r.value();
        lines.clear();
        onOpen.run();
        return null;
    }

    private void closeConnection() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }
}
