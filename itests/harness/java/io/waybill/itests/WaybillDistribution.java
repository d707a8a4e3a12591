package io.waybill.itests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;

/**
 * One running copy of the built Waybill distribution for the whole test run: unpacked once into
 * {@code target/it-instance}, started with free ports and a random admin password, reached through its SSH shell
 * and HTTP, and stopped at the end of the run (or by a JVM shutdown hook, so no Karaf outlives a failed run).
 */
public final class WaybillDistribution implements AutoCloseable {

    /** How long the distribution may take from {@code bin/start} to HTTP 200 on {@code /login} (default 300 s: a start on a busy 2-core machine was seen taking more than 120 s; it is a deadline, a quick start is not slowed). */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(
            Long.getLong("waybill.it.readyTimeoutSeconds", 300));
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    /** How long after {@code bin/start} the Karaf JVM may still be missing before the start counts as failed. */
    private static final Duration JVM_APPEAR_GRACE = Duration.ofSeconds(
            Math.min(120, READY_TIMEOUT.toSeconds()));
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(60);
    private static final String PREFIX = "[waybill-it] ";

    private static WaybillDistribution shared;
    private static SshClient sshClient;
    private static Throwable bootFailure;

    private final Path archive;
    private final Path home;
    private final String password;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Thread shutdownHook = new Thread(this::stopQuietly, "waybill-it-stop-karaf");
    private int httpPort;
    private int sshPort;
    private volatile boolean running;
    /** Number of karaf.log lines before each {@link #start()} of this run (index 0 = the first boot). */
    private final List<Integer> logLinesAtStart = new ArrayList<>();

    private WaybillDistribution(Path archive, Path home) {
        this.archive = archive;
        this.home = home;
        this.password = randomPassword();
    }

    /** The distribution of this test run, unpacked and started at the first call. */
    public static synchronized WaybillDistribution shared() {
        if (bootFailure != null) {
            throw new IllegalStateException("The Waybill distribution failed to boot earlier in this run: "
                    + bootFailure.getMessage(), bootFailure);
        }
        if (shared == null) {
            WaybillDistribution d = new WaybillDistribution(
                    Path.of(required("waybill.it.distribution")), Path.of(required("waybill.it.instance")));
            try {
                d.unpack();
                d.start();
            } catch (RuntimeException | Error e) {
                bootFailure = e;
                d.stopQuietly();
                throw e;
            }
            shared = d;
        }
        return shared;
    }

    /**
     * A distribution of its own for one test class, unpacked next to the shared one under {@code <instance>-<name>}
     * with the demo seeder switched off ({@code etc/io.waybill.demo.cfg enabled = false}) and started: an empty install
     * as a seller gets it. The caller stops it ({@link #close()}); it never touches the shared instance.
     */
    public static WaybillDistribution ownWithDemoOff(String name) {
        Path instance = Path.of(required("waybill.it.instance"));
        WaybillDistribution d = new WaybillDistribution(Path.of(required("waybill.it.distribution")),
                instance.resolveSibling(instance.getFileName() + "-" + name));
        try {
            d.unpack();
            setProperty(d.home.resolve("etc/io.waybill.demo.cfg"), "enabled", "false");
            d.start();
        } catch (RuntimeException | Error e) {
            d.stopQuietly();
            throw e;
        }
        return d;
    }

    static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set: run the tests with "
                    + "'mvn verify' (maven-failsafe-plugin sets it)");
        }
        return value;
    }

    // ---------------------------------------------------------------- lifecycle

    private void unpack() {
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("Distribution archive not found: " + archive
                    + " (maven-dependency-plugin copies it in pre-integration-test)");
        }
        // a Karaf left over from an earlier run that was killed before its shutdown hook ran
        karafPid().flatMap(ProcessHandle::of).ifPresent(orphan -> {
            log("killing Karaf JVM %d left over from an earlier run in %s", orphan.pid(), home);
            orphan.destroyForcibly();
            orphan.onExit().join();
        });
        deleteTree(home);
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // tar keeps the exec bits of bin/*; strip the top folder waybill-distribution-<version>/
        Result tar = run(List.of("tar", "-xzf", archive.toString(), "-C", home.toString(), "--strip-components=1"),
                null, Map.of(), Duration.ofSeconds(120));
        if (tar.exitCode() != 0) {
            throw new IllegalStateException("Unpacking " + archive + " failed: " + tar.output());
        }
        try (Stream<Path> bin = Files.list(home.resolve("bin"))) {
            bin.filter(Files::isRegularFile).forEach(p -> p.toFile().setExecutable(true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        httpPort = freePort();
        sshPort = freePort();
        while (sshPort == httpPort) {
            sshPort = freePort();
        }
        setProperty(home.resolve("etc/org.apache.felix.http.cfg"), "org.osgi.service.http.port",
                String.valueOf(httpPort));
        setProperty(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", String.valueOf(sshPort));
        log("distribution %s (%.1f MB) unpacked to %s; HTTP port %d, SSH port %d", archive.getFileName(),
                size(archive) / 1e6, home, httpPort, sshPort);
        figure("distribution tar.gz size", String.format(Locale.ROOT, "%.1f MB (%d bytes)",
                size(archive) / 1e6, size(archive)));
    }

    /** Starts the distribution and waits until the UI answers; prints the start-up figures. */
    public synchronized void start() {
        if (running) {
            return;
        }
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        running = true;
        logLinesAtStart.add(karafLogLines().size());
        long t0 = System.nanoTime();
        Result start = run(List.of(home.resolve("bin/start").toString()), null,
                Map.of("WAYBILL_ADMIN_PASSWORD", password), Duration.ofSeconds(60));
        if (start.exitCode() != 0) {
            throw new IllegalStateException("bin/start exited with " + start.exitCode() + ": " + start.output()
                    + logTailForMessage());
        }
        awaitHttpReady(t0);
        double uiSeconds = (System.nanoTime() - t0) / 1e9;
        figure("bin/start -> UI ready (HTTP 200 on /login)", String.format(Locale.ROOT, "%.1f s", uiSeconds));
        // the shell comes up independently of the web stack: make sure it answers before tests use it
        shellUntil("waybill:plugin-list", r -> r.exitCode() == 0 && r.output().contains("plugins"),
                Duration.ofSeconds(60));
        figure("bin/start -> shell ready (waybill:plugin-list answers)",
                String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - t0) / 1e9));
        long pid = karafPid().orElseThrow(() -> new IllegalStateException(
                "Karaf answers but no JVM with -Dkaraf.base=" + home + " was found"));
        figure("Karaf JVM RSS after start (pid " + pid + ")", rss(pid).map(kb -> String.format(Locale.ROOT,
                "%.0f MB (%d kB)", kb / 1024.0, kb)).orElse("unknown"));
        // start-up times depend on what else the machine is doing: give the context with the figures
        figure("machine load (1/5/15 min) and cores", loadAverage() + " / "
                + Runtime.getRuntime().availableProcessors());
    }

    /** Stops the distribution with {@code bin/stop} and waits for its JVM to exit (killing it after a minute). */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        Optional<Long> pid = karafPid();
        long t0 = System.nanoTime();
        Result stop = run(List.of(home.resolve("bin/stop").toString()), null, Map.of(), Duration.ofSeconds(60));
        if (stop.exitCode() != 0) {
            log("bin/stop exited with %d: %s", stop.exitCode(), stop.output().strip());
        }
        pid.flatMap(ProcessHandle::of).ifPresent(p -> {
            try {
                p.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                log("Karaf JVM %d still alive %d s after bin/stop: killing it", p.pid(), STOP_TIMEOUT.toSeconds());
                p.destroyForcibly();
            }
        });
        running = false;
        log("stopped in %.1f s", (System.nanoTime() - t0) / 1e9);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down
        }
    }

    /**
     * Kills the Karaf JVM at once (SIGKILL: no shutdown, nothing finishes), as a power cut or an OOM kill would, and
     * waits for it to be gone. {@link #start()} brings the same instance up again.
     */
    public synchronized void kill() {
        if (!running) {
            return;
        }
        karafPid().flatMap(ProcessHandle::of).ifPresent(p -> {
            p.destroyForcibly();
            p.onExit().join();
            log("killed the Karaf JVM %d", p.pid());
        });
        running = false;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down
        }
    }

    /** Stops and starts the same instance (same data directory); returns the seconds from start to UI ready. */
    public double restart() {
        stop();
        long t0 = System.nanoTime();
        start();
        return (System.nanoTime() - t0) / 1e9;
    }

    @Override
    public void close() {
        stop();
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException e) {
            karafPid().flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private void awaitHttpReady(long t0) {
        URI login = uri("/login");
        long deadline = t0 + READY_TIMEOUT.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(login)
                        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + response.statusCode();
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + login, e);
            }
            // bin/start -> bin/karaf -> java: the scripts alone took 18 s at load 35 on 2 cores (issue 15 runs), so
            // the JVM counts as gone only after a generous grace
            if (karafPid().isEmpty() && (System.nanoTime() - t0) > JVM_APPEAR_GRACE.toNanos()) {
                throw new IllegalStateException("The Karaf JVM is gone before " + login + " answered (last: " + last
                        + ")" + logTailForMessage());
            }
            sleep(250);
        }
        throw new IllegalStateException("Waybill UI not ready: expected HTTP 200 on " + login + " within "
                + READY_TIMEOUT.toSeconds() + " s of bin/start, last seen: " + last + logTailForMessage());
    }

    // ---------------------------------------------------------------- shell

    /** Output (standard output and error, as a terminal shows them) and exit code of one shell command. */
    public record Result(int exitCode, String output) {
    }

    /** Runs one command in the Karaf shell over SSH as {@code admin}. */
    public Result shell(String command) {
        return shellAs("admin", password, command);
    }

    /**
     * Runs one command in the Karaf shell over SSH with the given credentials: a session of its own (password login,
     * so the lockout counts it as {@code bin/client} would), an {@code exec} channel without a terminal, as
     * {@code bin/client -b} opens one. The SSH client lives in this JVM: a {@code bin/client} JVM per command cost
     * about as much CPU as the Karaf under test on a 2-core CI machine. {@link #client} runs the real
     * {@code bin/client} where the tests are about it.
     */
    public Result shellAs(String user, String secret, String command) {
        SshClient ssh = sshClient();
        long deadline = System.nanoTime() + CLIENT_TIMEOUT.toNanos();
        ClientSession session;
        try {
            session = ssh.connect(user, "127.0.0.1", sshPort).verify(CLIENT_TIMEOUT).getSession();
        } catch (IOException e) {
            return new Result(1, "Cannot connect to 127.0.0.1:" + sshPort + ": " + e.getMessage() + "\n");
        }
        try (session) {
            session.addPasswordIdentity(secret);
            try {
                session.auth().verify(remaining(deadline));
            } catch (IOException e) {
                return new Result(1, "Authentication failed for " + user + ": " + e.getMessage() + "\n");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ChannelExec channel = session.createExecChannel(command + "\n")) {
                channel.setIn(new ByteArrayInputStream(new byte[0]));
                channel.setOut(out);
                channel.setErr(out);
                channel.open().verify(remaining(deadline));
                Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED),
                        remaining(deadline));
                if (!events.contains(ClientChannelEvent.CLOSED)) {
                    throw new AssertionError("'" + command + "' (SSH as " + user + ") did not finish within "
                            + CLIENT_TIMEOUT.toSeconds() + " s; output so far:\n" + text(out));
                }
                Integer status = channel.getExitStatus();
                return new Result(status == null ? 0 : status, text(out));
            }
        } catch (IOException e) {
            return new Result(1, "SSH session of " + user + " failed: " + e.getMessage() + "\n");
        }
    }

    /** Runs one command through the distribution's own {@code bin/client} in batch mode, as the README shows. */
    public Result client(String user, String secret, String command) {
        return run(List.of(home.resolve("bin/client").toString(), "-h", "127.0.0.1", "-a", String.valueOf(sshPort),
                        "-u", user, "-p", secret, "-r", "1", "-b"),
                command + "\n", Map.of(), CLIENT_TIMEOUT);
    }

    private static synchronized SshClient sshClient() {
        if (sshClient == null) {
            SshClient client = SshClient.setUpDefaultClient();
            // the server is the distribution under test on the loopback, with a host key made at its first start
            client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
            client.start();
            sshClient = client;
        }
        return sshClient;
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
    }

    private static String text(ByteArrayOutputStream out) {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    /** Repeats a shell command until its result matches; fails with the last output after the timeout. */
    public Result shellUntil(String command, Predicate<Result> done, Duration timeout) {
        return shellAsUntil("admin", password, command, done, timeout);
    }

    /** {@link #shellUntil} with the given credentials. */
    public Result shellAsUntil(String user, String secret, String command, Predicate<Result> done,
                               Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Result last;
        do {
            last = shellAs(user, secret, command);
            if (done.test(last)) {
                return last;
            }
            sleep(500);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("'" + command + "' did not give the expected output within " + timeout.toSeconds()
                + " s. Last exit code " + last.exitCode() + ", last output:\n" + last.output() + logTailForMessage());
    }

    /**
     * Karaf's own account of a bundle ({@code bundle:diag <name>}: unresolved requirements, failed activation), for
     * failure messages about plugins that do not show up.
     */
    public String bundleDiag(String symbolicName) {
        Result r = shell("bundle:diag " + symbolicName);
        return "\n--- bundle:diag " + symbolicName + " ---\n" + r.output().strip() + "\n--- end of bundle:diag ---";
    }

    /** The total from a footer like {@code "3 of 50 orders"} or {@code "0 plugins"}. */
    public static int total(Result result, String noun) {
        Matcher m = Pattern.compile("(?m)^(?:\\d+ of )?(\\d+) " + noun + "\\s*$").matcher(result.output());
        if (!m.find()) {
            throw new AssertionError("No '<n> " + noun + "' footer in the shell output:\n" + result.output());
        }
        return Integer.parseInt(m.group(1));
    }

    // ---------------------------------------------------------------- accessors and diagnostics

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public URI uri(String path) {
        return URI.create(baseUrl() + path);
    }

    public Path home() {
        return home;
    }

    public Path deployDir() {
        return home.resolve("deploy");
    }

    /**
     * A folder of the test's own inside the distribution's import folder ({@code import/}, the default of
     * {@code io.waybill.files} importFolders): {@code waybill:import} reads order files only from there.
     */
    public Path importDir(String name) {
        return createDirectories(home.resolve("import").resolve(name));
    }

    /**
     * A folder of the test's own inside the distribution's output folder ({@code print/}, the default of
     * {@code io.waybill.files} outputFolders): {@code waybill:print --out} writes only there.
     */
    public Path printDir(String name) {
        return createDirectories(home.resolve("print").resolve(name));
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int sshPort() {
        return sshPort;
    }

    public int httpPort() {
        return httpPort;
    }

    public String password() {
        return password;
    }

    /**
     * The pid of the Karaf JVM of this instance: the java process running {@code org.apache.karaf.main.Main} with
     * {@code -Dkaraf.base=<home>} (bin/client JVMs carry the same -D but another main class).
     */
    public Optional<Long> karafPid() {
        String marker = "-Dkaraf.base=" + home;
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .filter(p -> arguments(p).map(a -> a.contains(marker) && a.contains("org.apache.karaf.main.Main"))
                        .orElse(false))
                .map(ProcessHandle::pid)
                .findFirst();
    }

    /**
     * A process's arguments. {@code ProcessHandle.Info.arguments()} is empty on Linux when the command line is longer
     * than about 4 KB (measured with JDK 17: 3,000 characters listed, 5,000 empty), which Karaf's is under a long
     * checkout path (a worktree): then {@code /proc/<pid>/cmdline} is read, whose first entry is the command.
     */
    private static Optional<List<String>> arguments(ProcessHandle p) {
        Optional<String[]> listed = p.info().arguments();
        if (listed.isPresent()) {
            return Optional.of(List.of(listed.get()));
        }
        try {
            String[] all = Files.readString(Path.of("/proc", String.valueOf(p.pid()), "cmdline")).split("\0");
            return all.length < 2 ? Optional.empty() : Optional.of(List.of(all).subList(1, all.length));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** VmRSS of a process in kB, from /proc. */
    public static Optional<Long> rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("\\D", "")));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall through
        }
        return Optional.empty();
    }

    /** The last lines of {@code data/log/karaf.log}, for failure messages. */
    public String karafLogTail(int lines) {
        Path log = home.resolve("data/log/karaf.log");
        if (!Files.isRegularFile(log)) {
            return "(no " + log + ")";
        }
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    /**
     * The karaf.log lines written by the {@code n}-th start of this run (0 = the first boot of the fresh instance) up
     * to the next start, or up to now for the latest one.
     */
    public List<String> karafLogOfStart(int n) {
        List<String> all = karafLogLines();
        int from = Math.min(logLinesAtStart.get(n), all.size());
        int to = n + 1 < logLinesAtStart.size() ? Math.min(logLinesAtStart.get(n + 1), all.size()) : all.size();
        return all.subList(from, Math.max(from, to));
    }

    /** How many times {@link #start()} ran in this test run (the latest start is {@code starts() - 1}). */
    public int starts() {
        return logLinesAtStart.size();
    }

    /**
     * The lines of Karaf's features deployment that stop, refresh, update or uninstall bundles. A start of the
     * distribution must have none: a refresh during the boot features install can deadlock the start-level thread
     * (issue 19).
     */
    public static List<String> bundleRewiring(List<String> log) {
        return log.stream().filter(l -> l.contains("FeaturesServiceImpl")).map(String::strip)
                .filter(l -> l.endsWith("Stopping bundles:") || l.endsWith("Refreshing bundles:")
                        || l.endsWith("Updating bundles:") || l.endsWith("Uninstalling bundles:")
                        || l.contains("The FeaturesService bundle needs is being updated"))
                .toList();
    }

    private List<String> karafLogLines() {
        Path log = home.resolve("data/log/karaf.log");
        if (!Files.isRegularFile(log)) {
            return List.of();
        }
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }

    /**
     * What the Karaf JVM's own threads ({@code waybill-*}: UI workers, allocation helpers, carrier and sync jobs) are
     * doing now, one line each (name, state, the top frame and the first Waybill frame), for a timeout's message; the
     * full thread dump goes to {@code target/thread-dumps/<label>.txt}. Threads idle in their pool are left out.
     */
    public String busyThreads(String label) {
        try {
            return busyThreadsOrFail(label);
        } catch (RuntimeException e) {
            return "no thread summary: " + e;
        }
    }

    private String busyThreadsOrFail(String label) {
        Optional<Long> pid = karafPid();
        if (pid.isEmpty()) {
            return "no Karaf JVM";
        }
        String dump;
        try {
            Process p = new ProcessBuilder("jcmd", String.valueOf(pid.get()), "Thread.print").redirectErrorStream(true)
                    .start();
            dump = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            return "no thread dump: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "no thread dump: interrupted";
        }
        try {
            Path dir = Files.createDirectories(Path.of(required("waybill.it.screenshots")).resolveSibling("thread-dumps"));
            Path file = dir.resolve(label.replaceAll("[^\\w.-]+", "_") + ".txt");
            Files.writeString(file, dump, StandardCharsets.UTF_8);
            log("thread dump of the Karaf JVM: %s", file);
        } catch (IOException | RuntimeException e) {
            log("could not save the thread dump: %s", e);
        }
        List<String> busy = new ArrayList<>();
        for (String block : dump.split("\\n\\s*\\n")) {
            String first = block.strip();
            if (!first.startsWith("\"waybill-")) {
                continue;
            }
            String name = first.substring(1, first.indexOf('"', 1));
            List<String> frames = first.lines().map(String::strip).filter(l -> l.startsWith("at ")).toList();
            String state = first.lines().map(String::strip).filter(l -> l.startsWith("java.lang.Thread.State:"))
                    .findFirst().map(l -> l.substring("java.lang.Thread.State:".length()).strip()).orElse("?");
            boolean idle = frames.stream().noneMatch(f -> f.contains("io.waybill."));
            if (idle) {
                continue;
            }
            String top = frames.isEmpty() ? "" : frames.get(0).substring(3);
            String own = frames.stream().filter(f -> f.contains("io.waybill.")).findFirst().map(f -> f.substring(3))
                    .orElse("");
            busy.add(name + " " + state + " at " + top + (own.equals(top) ? "" : " <- " + own));
        }
        return busy.isEmpty() ? "no Waybill thread busy" : String.join("; ", busy);
    }

    String logTailForMessage() {
        return "\n--- last 40 lines of " + home.resolve("data/log/karaf.log") + " ---\n" + karafLogTail(40)
                + "\n--- end of karaf.log ---";
    }

    /**
     * Every row of a {@code waybill:package-list} command (with its filters), page by page: one page holds at most
     * 1,000 packages, oldest first, and earlier classes store more than that (BulkSelectionIT alone 1,000).
     */
    public List<Map<String, String>> allPackageRows(String listCommand) {
        List<Map<String, String>> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            List<Map<String, String>> rows = ShellTables.rows(shell(listCommand + " -n 1000 --page " + page));
            all.addAll(rows);
            if (rows.size() < 1000) {
                return all;
            }
        }
    }

    /**
     * The part of {@code waybill:plugin-list}'s output that lists registered plugins: a plugin whose bundle is
     * installed but whose service is not registered yet (its component still activating, or waiting for its
     * configuration) is listed below, in the table of plugin types without an account, with the same row shape.
     */
    public static String registeredPlugins(String pluginList) {
        int i = pluginList.indexOf("Installed, no account configured yet");
        return i < 0 ? pluginList : pluginList.substring(0, i);
    }

    /** Prints a measured figure in one greppable line ({@code [waybill-it] FIGURE name: value}). */
    public static void figure(String name, String value) {
        System.out.println(PREFIX + "FIGURE " + name + ": " + value);
        System.out.flush();
    }

    public static void log(String format, Object... args) {
        System.out.println(PREFIX + String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    // ---------------------------------------------------------------- helpers

    static Result run(List<String> command, String stdin, Map<String, String> env, Duration timeout) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command.get(0), e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copy(process.getInputStream(), out), "waybill-it-reader");
        reader.start();
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the process may exit before reading its input (e.g. refused login)
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                reader.join(5000);
                throw new AssertionError(String.join(" ", redact(command)) + " did not finish within "
                        + timeout.toSeconds() + " s; output so far:\n" + out.toString(StandardCharsets.UTF_8));
            }
            reader.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException(e);
        }
        String text = out.toString(StandardCharsets.UTF_8)
                // bin/* warn about this on every call; it says nothing about Waybill
                .replaceAll("(?m)^\\S+: JAVA_HOME not set; results may vary\\R", "");
        return new Result(process.exitValue(), text);
    }

    private static List<String> redact(List<String> command) {
        List<String> shown = new ArrayList<>(command);
        int p = shown.indexOf("-p");
        if (p >= 0 && p + 1 < shown.size()) {
            shown.set(p + 1, "***");
        }
        return shown;
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (out) {
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // process ended
        }
    }

    private static void setProperty(Path cfg, String key, String value) {
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(cfg, StandardCharsets.UTF_8));
            boolean found = false;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).matches("\\s*" + Pattern.quote(key) + "\\s*[=:].*")) {
                    lines.set(i, key + " = " + value);
                    found = true;
                }
            }
            if (!found) {
                lines.add(key + " = " + value);
            }
            Files.write(cfg, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder sb = new StringBuilder("it-");
        for (int i = 0; i < 16; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
