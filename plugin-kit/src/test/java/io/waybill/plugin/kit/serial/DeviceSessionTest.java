package io.waybill.plugin.kit.serial;

import io.waybill.spi.common.Message;
import io.waybill.spi.common.Result;
import io.waybill.spi.device.DeviceConnection;
import io.waybill.spi.device.DeviceStatus;
import io.waybill.spi.device.SerialPortInfo;
import io.waybill.spi.device.SerialSettings;
import io.waybill.spi.device.SerialTransport;
import io.waybill.spi.device.TcpTransport;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeviceSessionTest {

    private static final Duration TIMEOUT = Duration.ofMillis(300);

    /** A connection that answers every line written with the scripted lines, and can be made to fail. */
    static final class FakeConnection implements DeviceConnection {
        final StringBuilder incoming = new StringBuilder();
        final List<String> written = new ArrayList<>();
        boolean open = true;
        IOException failNextRead;

        @Override
        public String description() {
            return "fake";
        }

        @Override
        public synchronized int read(byte[] buffer, int offset, int length, Duration timeout) throws IOException {
            if (failNextRead != null) {
                IOException e = failNextRead;
                failNextRead = null;
                open = false;
                throw e;
            }
            if (incoming.length() == 0) {
                return 0; // nothing within the timeout
            }
            byte[] b = incoming.toString().getBytes(StandardCharsets.ISO_8859_1);
            int n = Math.min(length, b.length);
            System.arraycopy(b, 0, buffer, offset, n);
            incoming.delete(0, n);
            return n;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return read(buffer, offset, length, Duration.ZERO);
        }

        @Override
        public synchronized void write(byte[] data) {
            String line = new String(data, StandardCharsets.US_ASCII).trim();
            written.add(line);
            incoming.append("echo ").append(line).append("\r\n");
        }

        @Override
        public void discardInput() {
            incoming.setLength(0);
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }
    }

    /** Opens fake connections (or refuses), counting the opens. */
    static final class FakeSerial implements SerialTransport {
        final List<FakeConnection> opened = new ArrayList<>();
        String refuse;

        @Override
        public List<SerialPortInfo> listPorts() {
            return List.of();
        }

        @Override
        public Result<DeviceConnection> open(String portName, SerialSettings settings) {
            if (refuse != null) {
                return Result.failure(Message.error("open_failed", refuse));
            }
            FakeConnection c = new FakeConnection();
            opened.add(c);
            return Result.ok(c);
        }
    }

    private static final TcpTransport NO_TCP = (host, port, connect, read) -> {
        throw new AssertionError("a serial link must not open TCP");
    };

    private static String ask(DeviceSession s, String command) {
        return s.call(status -> "failed " + status.code() + ": " + status.detail(), (c, lines, deadline) -> {
            c.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            LineReader.Line line = lines.next(c, deadline);
            return line.complete() ? line.text() : "no answer";
        });
    }

    @Test
    void opensOnFirstUse_keepsTheConnection_andReopensAfterALoss() {
        FakeSerial serial = new FakeSerial();
        AtomicInteger opens = new AtomicInteger();
        DeviceSession s = new DeviceSession(DeviceLink.serial("packing-1", "/dev/ttyS9", 9600, TIMEOUT), serial,
                NO_TCP, opens::incrementAndGet);
        assertEquals(0, serial.opened.size(), "nothing is opened before the first call");
        assertEquals("echo SI", ask(s, "SI"));
        assertEquals("echo SI", ask(s, "SI"));
        assertEquals(1, serial.opened.size());
        assertEquals(1, opens.get());

        serial.opened.get(0).failNextRead = new IOException("port /dev/ttyS9 gone");
        String lost = ask(s, "SI");
        assertTrue(lost.startsWith("failed " + DeviceStatus.CONNECTION_LOST + ": port /dev/ttyS9 gone"), lost);
        assertFalse(serial.opened.get(0).isOpen(), "a lost connection is closed");

        assertEquals("echo S", ask(s, "S"));
        assertEquals(2, serial.opened.size(), "the next call opens a new connection");
        assertEquals(2, opens.get(), "onOpen runs for each new connection");
        s.close();
        assertFalse(serial.opened.get(1).isOpen());
    }

    @Test
    void aPortThatCannotBeOpened_isOfflineWithTheTransportsReason() {
        FakeSerial serial = new FakeSerial();
        serial.refuse = "port /dev/ttyS9 is used by another program";
        DeviceSession s = new DeviceSession(DeviceLink.serial("packing-1", "/dev/ttyS9", 9600, TIMEOUT), serial,
                NO_TCP, null);
        assertEquals("failed " + DeviceStatus.OPEN_FAILED + ": port /dev/ttyS9 is used by another program",
                ask(s, "SI"));
    }

    @Test
    void anUnexpectedFailure_closesTheConnection_andIsAnInternalError() {
        FakeSerial serial = new FakeSerial();
        DeviceSession s = new DeviceSession(DeviceLink.serial("packing-1", "/dev/ttyS9", 9600, TIMEOUT), serial,
                NO_TCP, null);
        String r = s.call(status -> status.code() + " " + status.detail(), (c, lines, deadline) -> {
            throw new IllegalStateException("parser bug");
        });
        assertTrue(r.startsWith(DeviceStatus.INTERNAL_ERROR + " internal error talking to the scale on /dev/ttyS9"), r);
        assertTrue(r.contains("parser bug"), r);
        assertFalse(serial.opened.get(0).isOpen());
    }

    @Test
    void aSecondCaller_waitsAtMostTheTimeout_thenHearsTheDeviceIsBusy() throws Exception {
        FakeSerial serial = new FakeSerial();
        DeviceSession s = new DeviceSession(DeviceLink.serial("packing-1", "/dev/ttyS9", 9600, TIMEOUT), serial,
                NO_TCP, null);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> s.call(st -> "failed", (c, l, d) -> {
            inside.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "first done";
        }));
        assertTrue(inside.await(30, TimeUnit.SECONDS));
        long start = System.nanoTime();
        String second = ask(s, "SI");
        long waitedMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(second.startsWith("failed " + DeviceStatus.BUSY + ": scale on /dev/ttyS9 is busy"), second);
        assertTrue(waitedMs >= TIMEOUT.toMillis() - 5, "waited " + waitedMs + " ms");
        release.countDown();
        assertEquals("first done", first.get(30, TimeUnit.SECONDS));
        assertEquals("echo SI", ask(s, "SI"), "free again once the first caller is done");
    }

    @Test
    void linkSettings_areChecked_withReasonsForTheOperator() {
        DeviceLink tcp = DeviceLink.from(" dock ", "TCP", null, 9600, 8, null, " 10.0.0.7 ", 4001, 50);
        assertTrue(tcp.tcp());
        assertEquals("dock", tcp.name());
        assertEquals("10.0.0.7:4001", tcp.where());
        assertEquals(DeviceLink.MIN_TIMEOUT, tcp.timeout(), "a timeout below 100 ms is raised to it");
        DeviceLink serial = DeviceLink.from("", null, " /dev/ttyUSB0 ", 2400, 7, "even", "", 0, 2000);
        assertFalse(serial.tcp());
        assertEquals("scale", serial.name());
        assertEquals("/dev/ttyUSB0", serial.where());
        assertEquals(SerialSettings.Parity.EVEN, serial.serial().parity());
        assertEquals(2400, serial.serial().baudRate());
        assertEquals("connection must be serial or tcp, was usb", assertThrows(IllegalArgumentException.class,
                () -> DeviceLink.from("s", "usb", "", 9600, 8, "NONE", "", 0, 2000)).getMessage());
        assertEquals("parity must be one of [NONE, ODD, EVEN, MARK, SPACE], was 8N1", assertThrows(IllegalArgumentException.class,
                () -> DeviceLink.from("s", "serial", "", 9600, 8, "8N1", "", 0, 2000)).getMessage());
    }
}
