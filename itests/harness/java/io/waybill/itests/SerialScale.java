package io.waybill.itests;

import io.waybill.itests.WaybillDistribution.Result;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A scale on a real serial line for the browser tests: {@code socat} links two pseudo-terminals, a simulated MT-SICS
 * scale ({@link Simulator}) answers weigh commands on one end with a weight the test sets, and an MT-SICS scale
 * configured in the running Karaf (a factory configuration of {@value #FACTORY_PID} made through the shell) reads the
 * other end. {@link #close()} deletes the configuration and stops the simulator and socat.
 */
final class SerialScale implements AutoCloseable {

    static final String FACTORY_PID = "io.waybill.device.mtsics";
    private static final Duration LIMIT = Duration.ofSeconds(90);

    private final WaybillDistribution waybill;
    private final String name;
    private final Process socat;
    private final Simulator simulator;

    private SerialScale(WaybillDistribution waybill, String name, Process socat, Simulator simulator) {
        this.waybill = waybill;
        this.name = name;
        this.socat = socat;
        this.simulator = simulator;
    }

    /**
     * Starts socat with its two ends in {@code dir}, the simulator on one end (stable 0 g), and configures the scale
     * {@code name} on the other end in Karaf; returns once {@code waybill:plugin-list} lists {@code mtsics:<name>}.
     */
    static SerialScale start(WaybillDistribution waybill, Path dir, String name) throws IOException {
        Path scaleEnd = dir.resolve("scale");
        Path stationEnd = dir.resolve("station");
        Files.deleteIfExists(scaleEnd);
        Files.deleteIfExists(stationEnd);
        Process socat = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + scaleEnd,
                "pty,raw,echo=0,link=" + stationEnd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("socat.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!(Files.exists(scaleEnd) && Files.exists(stationEnd))) {
            if (!socat.isAlive() || System.nanoTime() > deadline) {
                socat.destroy();
                fail("socat did not create " + scaleEnd + " and " + stationEnd + ": "
                        + Files.readString(dir.resolve("socat.log")));
            }
            WaybillDistribution.sleep(100);
        }
        // the links appear before socat has set its terminals raw; Karaf must open the station end only after that
        // (socat logs the start of its transfer loop), or socat's VMIN 1 may replace the read timeout Karaf set
        while (!Files.readString(dir.resolve("socat.log")).contains("starting data transfer loop")) {
            if (!socat.isAlive() || System.nanoTime() > deadline) {
                socat.destroy();
                fail("socat did not start its transfer loop: " + Files.readString(dir.resolve("socat.log")));
            }
            WaybillDistribution.sleep(50);
        }
        Simulator simulator = new Simulator(scaleEnd);
        simulator.set(true, 0);
        SerialScale scale = new SerialScale(waybill, name, socat, simulator);
        try {
            scale.configure(stationEnd);
        } catch (RuntimeException | Error e) {
            scale.close();
            throw e;
        }
        return scale;
    }

    private void configure(Path stationEnd) {
        Result install = waybill.shell("feature:install waybill-device-mtsics");
        assertEquals(0, install.exitCode(), () -> "feature:install waybill-device-mtsics:\n" + install.output());
        Result cfg = waybill.shell(String.join("\n",
                "config:edit --factory --alias " + name + " " + FACTORY_PID,
                "config:property-set name " + name,
                "config:property-set connection serial",
                "config:property-set port " + stationEnd,
                "config:property-set baudRate 9600",
                "config:property-set timeoutMs 2000",
                "config:update"));
        assertEquals(0, cfg.exitCode(), () -> "factory configuration of the scale:\n" + cfg.output());
        waybill.shellUntil("waybill:plugin-list", r -> r.output().contains("mtsics:" + name), LIMIT);
    }

    String name() {
        return name;
    }

    /** The weight the simulated scale answers from now on: stable ({@code S S}) or moving ({@code S D}). */
    void set(boolean stable, int grams) {
        simulator.set(stable, grams);
    }

    /** The commands the station sent over the serial line so far. */
    List<String> commands() {
        return simulator.commands();
    }

    @Override
    public void close() {
        Result list = waybill.shell("config:list \"(name=" + name + ")\"");
        Matcher pid = Pattern.compile("(?m)^Pid:\\s+(\\S+)").matcher(list.output());
        while (pid.find()) {
            waybill.shell("config:delete " + pid.group(1));
        }
        simulator.close();
        socat.destroy();
    }

    /**
     * An MT-SICS scale on the device end of the socat pair, with plain file I/O: answers every weigh command
     * ({@code SI}, {@code S}) with {@code S S <kg> kg} (stable) or {@code S D <kg> kg} (moving).
     */
    static final class Simulator implements AutoCloseable {
        private final RandomAccessFile tty;
        private final List<String> commands = new CopyOnWriteArrayList<>();
        private volatile String reply = "S S      0.000 kg";
        private volatile boolean closed;

        Simulator(Path path) throws IOException {
            tty = new RandomAccessFile(path.toFile(), "rw");
            Thread t = new Thread(this::serve, "simulated-mtsics-scale");
            t.setDaemon(true);
            t.start();
        }

        void set(boolean stable, int grams) {
            reply = String.format(Locale.ROOT, "S %s %10.3f kg", stable ? "S" : "D", grams / 1000.0);
        }

        List<String> commands() {
            return commands;
        }

        private void serve() {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            try {
                int b;
                while (!closed && (b = tty.read()) >= 0) {
                    if (b == '\n') {
                        String command = line.toString(StandardCharsets.US_ASCII).strip();
                        line.reset();
                        commands.add(command);
                        String answer = command.equals("SI") || command.equals("S") ? reply
                                : command.equals("Z") ? "Z A" : "ES";
                        synchronized (this) {
                            tty.write((answer + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        }
                    } else {
                        line.write(b);
                    }
                }
            } catch (IOException e) {
                // pty gone
            }
        }

        @Override
        public void close() {
            closed = true;
            try {
                tty.close();
            } catch (IOException ignored) {
                // gone
            }
        }
    }
}
