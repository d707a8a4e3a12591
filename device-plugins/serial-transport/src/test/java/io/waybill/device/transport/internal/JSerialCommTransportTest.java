package io.waybill.device.transport.internal;

import io.waybill.spi.common.Result;
import org.junit.jupiter.api.Timeout;
import java.util.concurrent.TimeUnit;
import io.waybill.spi.device.DeviceConnection;
import io.waybill.spi.device.SerialSettings;
import io.waybill.spi.device.SerialTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Real serial I/O through jSerialComm on a socat pseudo-terminal pair. */
// a read stuck in the kernel cannot be interrupted: run each test on its own thread so a hang fails the test
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JSerialCommTransportTest {

    private static final SerialSettings SETTINGS = SerialSettings.of8N1(9600, Duration.ofMillis(500));

    @TempDir
    Path dir;

    private final JSerialCommTransport transport = new JSerialCommTransport();
    private SocatPair socat;
    private PtyDevice device;
    private DeviceConnection connection;

    @BeforeEach
    void startSocat() throws Exception {
        assumeTrue(SocatPair.available(), "socat is not installed");
        socat = SocatPair.start(dir);
    }

    @AfterEach
    void stop() throws Exception {
        if (connection != null) {
            connection.close();
        }
        if (device != null) {
            device.close();
        }
        if (socat != null) {
            socat.close();
        }
    }

    private DeviceConnection openStation() {
        Result<DeviceConnection> r = transport.open(socat.stationPath().toString(), SETTINGS);
        assertTrue(r.isOk(), () -> "open failed: " + r.messages());
        connection = r.value();
        return connection;
    }

    private static String readText(DeviceConnection c, int expected, Duration timeout) throws IOException {
        byte[] buf = new byte[256];
        int total = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (total < expected && System.nanoTime() < deadline) {
            total += c.read(buf, total, buf.length - total, Duration.ofMillis(200));
        }
        return new String(buf, 0, total, StandardCharsets.US_ASCII);
    }

    @Test
    void bytesTravelBothWays() throws Exception {
        // given
        DeviceConnection c = openStation();
        device = new PtyDevice(socat.devicePath()).answer(line -> ("echo " + line + "\r\n").getBytes());
        // when
        c.write("SI\r\n".getBytes(StandardCharsets.US_ASCII));
        String reply = readText(c, 9, Duration.ofSeconds(3));
        // then
        assertEquals("echo SI\r\n", reply);
        assertEquals("SI", device.requests().get(0));
        assertTrue(c.description().contains("9600 8N1"), c.description());
    }

    @Test
    void readOnASilentPortReturnsNothingWithinTheTimeout() throws Exception {
        // given
        DeviceConnection c = openStation();
        // when
        long start = System.nanoTime();
        int n = c.read(new byte[16], 0, 16, Duration.ofMillis(400));
        long ms = (System.nanoTime() - start) / 1_000_000;
        // then
        assertEquals(0, n);
        assertTrue(ms >= 300 && ms < 1500, "waited " + ms + " ms");
    }

    @Test
    void defaultTimeoutComesFromTheSettings() throws Exception {
        DeviceConnection c = openStation();
        long start = System.nanoTime();
        assertEquals(0, c.read(new byte[16], 0, 16));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms >= 400 && ms < 1500, "waited " + ms + " ms");
    }

    @Test
    void discardInputDropsWhatArrivedBefore() throws Exception {
        // given
        DeviceConnection c = openStation();
        device = new PtyDevice(socat.devicePath());
        device.send("old old old\r\n");
        Thread.sleep(300);
        // when
        c.discardInput();
        device.send("new\r\n");
        // then
        assertEquals("new\r\n", readText(c, 5, Duration.ofSeconds(3)));
    }

    @Test
    void missingPortIsNotFoundWithItsName() {
        // when
        Result<DeviceConnection> r = transport.open(dir.resolve("ttyUSB9").toString(), SETTINGS);
        // then
        assertFalse(r.isOk());
        assertEquals(SerialTransport.PORT_NOT_FOUND, r.messages().get(0).code());
        assertTrue(r.messages().get(0).text().contains("ttyUSB9"), r.messages().get(0).text());
    }

    @Test
    void missingPortWithoutPathIsNotFound() {
        Result<DeviceConnection> r = transport.open("COM77", SETTINGS);
        assertFalse(r.isOk());
        assertTrue(r.messages().get(0).text().contains("COM77"), r.messages().get(0).text());
    }

    @Test
    void portHeldByAnotherConnectionIsBusy() {
        // given
        openStation();
        // when
        Result<DeviceConnection> second = transport.open(socat.stationPath().toString(), SETTINGS);
        // then
        if (second.value() != null) {
            second.value().close();
        }
        assertFalse(second.isOk());
        assertEquals(SerialTransport.PORT_BUSY, second.messages().get(0).code(), second.messages().toString());
        assertTrue(second.messages().get(0).text().contains("station"), second.messages().toString());
    }

    @Test
    void unplugDuringASessionIsAnIOExceptionWithinTheTimeout() throws Exception {
        // given
        DeviceConnection c = openStation();
        device = new PtyDevice(socat.devicePath()).answer(line -> "ok\r\n".getBytes());
        c.write("x\r\n".getBytes());
        assertEquals("ok\r\n", readText(c, 4, Duration.ofSeconds(3)));
        // when
        socat.unplug();
        long start = System.nanoTime();
        IOException e = assertThrows(IOException.class, () -> {
            for (int i = 0; i < 3; i++) {
                c.read(new byte[16], 0, 16, Duration.ofMillis(500));
            }
        });
        long ms = (System.nanoTime() - start) / 1_000_000;
        // then
        assertTrue(ms < 1600, "took " + ms + " ms");
        assertTrue(e.getMessage().contains("station"), e.getMessage());
        assertFalse(c.isOpen());
        assertThrows(IOException.class, () -> c.write("x".getBytes()));
    }

    @Test
    void closedConnectionRefusesUse() {
        DeviceConnection c = openStation();
        c.close();
        c.close();
        assertFalse(c.isOpen());
        assertThrows(IOException.class, () -> c.read(new byte[4], 0, 4));
    }

    @Test
    void shortTimeoutsStillWaitAndLongOnesAreNotCutShort() throws Exception {
        // given: the kernel counts tenths of a second; 30 ms must not turn into "do not wait"
        DeviceConnection c = openStation();
        device = new PtyDevice(socat.devicePath());
        // when
        long start = System.nanoTime();
        int none = c.read(new byte[4], 0, 4, Duration.ofMillis(30));
        long ms = (System.nanoTime() - start) / 1_000_000;
        // then
        assertEquals(0, none);
        assertTrue(ms >= 25 && ms < 600, "waited " + ms + " ms");
        // and a byte that comes late within a long timeout is still read
        new Thread(() -> {
            try {
                Thread.sleep(700);
                device.send("x");
            } catch (Exception ignored) {
                // test thread
            }
        }).start();
        assertEquals(1, c.read(new byte[4], 0, 4, Duration.ofSeconds(30)));
    }

    @Test
    void listPortsAnswersWithoutFailing() {
        assertNotNull(transport.listPorts());
    }

    @Test
    void openFailuresAreClassifiedByErrno() {
        assertEquals(SerialTransport.PORT_NOT_FOUND, JSerialCommTransport.openFailure("/dev/x", 2).code());
        assertEquals(SerialTransport.PORT_BUSY, JSerialCommTransport.openFailure("/dev/x", 16).code());
        assertEquals(SerialTransport.PORT_DENIED, JSerialCommTransport.openFailure("/dev/x", 13).code());
        assertEquals(SerialTransport.PORT_ERROR, JSerialCommTransport.openFailure("/dev/x", 5).code());
    }
}
