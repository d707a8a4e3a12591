package io.waybill.device.transport.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Test helper: a pair of connected pseudo-terminals made by {@code socat}, standing in for a serial cable.
 * One end ({@link #devicePath()}) is played by a simulated device, the other ({@link #stationPath()}) is opened by
 * the code under test through jSerialComm. {@link #unplug()} kills socat, which makes both ends vanish like an
 * unplugged USB adapter. Shared with the scale plugins' tests through this module's test jar.
 */
public final class SocatPair implements AutoCloseable {

    private final Process process;
    private final Path device;
    private final Path station;

    private SocatPair(Process process, Path device, Path station) {
        this.process = process;
        this.device = device;
        this.station = station;
    }

    /** True when a {@code socat} executable is on the PATH (tests that need it skip otherwise). */
    public static boolean available() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "socat"))) {
                return true;
            }
        }
        return false;
    }

    /** Starts socat with two linked pseudo-terminals {@code dir/scale} and {@code dir/station}, raw, no echo. */
    public static SocatPair start(Path dir) throws IOException, InterruptedException {
        Path device = dir.resolve("scale");
        Path station = dir.resolve("station");
        Process p = new ProcessBuilder("socat", "-d", "-d",
                "pty,raw,echo=0,link=" + device, "pty,raw,echo=0,link=" + station)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("socat.log").toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!(Files.exists(device) && Files.exists(station))) {
            if (!p.isAlive()) {
                throw new IOException("socat ended at once: " + Files.readString(dir.resolve("socat.log")));
            }
            if (System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IOException("socat made no pseudo-terminals within 10 s");
            }
            Thread.sleep(20);
        }
        // The links appear before socat has finished with its pseudo-terminals: it may still apply "raw" (VMIN 1,
        // VTIME 0) to a terminal after the code under test opened it and set its own read timeouts, and a read then
        // blocks in the kernel until a byte comes (seen under load: a test hung for 25 minutes). socat is done when
        // it logs the start of its transfer loop.
        awaitTransferLoop(p, dir.resolve("socat.log"), deadline);
        return new SocatPair(p, device, station);
    }

    /** Waits until socat's log (written with {@code -d -d}) says it has started its data transfer loop. */
    static void awaitTransferLoop(Process p, Path log, long deadlineNanos) throws IOException, InterruptedException {
        while (!Files.readString(log).contains("starting data transfer loop")) {
            if (!p.isAlive()) {
                throw new IOException("socat ended at once: " + Files.readString(log));
            }
            if (System.nanoTime() > deadlineNanos) {
                p.destroyForcibly();
                throw new IOException("socat did not start its transfer loop within 10 s: " + Files.readString(log));
            }
            Thread.sleep(20);
        }
    }

    /** The end the simulated device reads and writes. */
    public Path devicePath() {
        return device;
    }

    /** The end the code under test opens as its serial port. */
    public Path stationPath() {
        return station;
    }

    /** Kills socat: both pseudo-terminals vanish, as when a USB-serial adapter is pulled out. */
    public void unplug() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            unplug();
        }
    }
}
