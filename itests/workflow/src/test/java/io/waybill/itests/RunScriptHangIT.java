package io.waybill.itests;

import io.waybill.itests.WaybillDistribution.Result;
import io.waybill.itests.hang.HangAtStartActivator;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code scripts/run.sh} against an instance whose start-up hangs: a copy of the distribution with one extra start-up
 * bundle whose activator never returns (the start-level thread blocks, as in the boot-features refresh deadlock of
 * issue 19, and {@code bin/stop} cannot end the JVM). run.sh must give up after its ready timeout, say why, stop the
 * JVM (killing it) and exit non-zero, leaving no JVM behind. Runs first, before the shared distribution boots; its
 * own instance lives in {@code target/run-hang/}.
 */
@Order(0)
class RunScriptHangIT {

    private static final int READY_TIMEOUT_SECONDS = 20;
    private static final String HANG_BUNDLE = "io.waybill.test.hang";

    @Test
    void runShGivesUpOnAHangingStartStopsTheJvmAndSaysWhy() throws IOException {
        // given: the distribution with a start-up bundle that blocks the start-level thread
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path runSh = root.resolve("scripts/run.sh");
        assertTrue(Files.isExecutable(runSh), () -> "no executable " + runSh);
        Path work = Path.of(WaybillDistribution.required("waybill.it.instance")).resolveSibling("run-hang");
        WaybillDistribution.deleteTree(work);
        work = Files.createDirectories(work).toRealPath();
        Path hanging = hangingDistribution(Path.of(WaybillDistribution.required("waybill.it.distribution")),
                work);
        Path instance = work.resolve("waybill");
        int httpPort = WaybillDistribution.freePort();
        int sshPort = WaybillDistribution.freePort();

        // when
        long t0 = System.nanoTime();
        Result run = WaybillDistribution.run(List.of(runSh.toString(), "--no-build"), null, Map.of(
                        "WAYBILL_DISTRIBUTION", hanging.toString(),
                        "WAYBILL_INSTANCE", instance.toString(),
                        "WAYBILL_HTTP_PORT", String.valueOf(httpPort),
                        "WAYBILL_SSH_PORT", String.valueOf(sshPort),
                        "WAYBILL_READY_TIMEOUT", String.valueOf(READY_TIMEOUT_SECONDS),
                        "WAYBILL_ADMIN_PASSWORD", UUID.randomUUID().toString()),
                Duration.ofSeconds(READY_TIMEOUT_SECONDS + 150));
        double seconds = (System.nanoTime() - t0) / 1e9;
        WaybillDistribution.log("run.sh against a hanging start exited with %d after %.1f s:%n%s", run.exitCode(),
                seconds, run.output());

        // then: it gave up, said why, showed where start-up hangs, and no JVM of that instance is left
        List<ProcessHandle> left = karafJvms(instance);
        left.forEach(ProcessHandle::destroyForcibly);
        assertEquals(List.of(), left, "Karaf JVMs of " + instance + " left running after run.sh gave up");
        assertEquals(1, run.exitCode(), () -> "run.sh exit code, output:\n" + run.output());
        assertTrue(run.output().contains("Waybill did not start: no HTTP 200 on http://127.0.0.1:" + httpPort
                        + "/login within " + READY_TIMEOUT_SECONDS + " s of bin/start"),
                () -> "the reason, output:\n" + run.output());
        assertTrue(run.output().contains(HangAtStartActivator.class.getName() + ".start"),
                () -> "the start-level thread's stack naming the blocking activator, output:\n" + run.output());
        assertTrue(run.output().contains("--- last 40 lines of " + instance.resolve("data/log/karaf.log")),
                () -> "the log tail, output:\n" + run.output());
        assertTrue(run.output().contains("Waybill was stopped; fix the cause above and run ./scripts/run.sh again."),
                () -> "the closing advice, output:\n" + run.output());
        WaybillDistribution.figure("run.sh against a hanging start: exit 1 after", String.format(Locale.ROOT,
                "%.1f s (ready timeout %d s)", seconds, READY_TIMEOUT_SECONDS));
    }

    /**
     * Unpacks the distribution, adds the hanging bundle to {@code system/} and {@code etc/startup.properties} at start
     * level 20 (after the features service, before the boot features' bundles), and packs it again as a plain tar.
     */
    private static Path hangingDistribution(Path archive, Path work) throws IOException {
        Path stage = work.resolve("stage");
        Files.createDirectories(stage);
        Result untar = WaybillDistribution.run(List.of("tar", "-xzf", archive.toString(), "-C", stage.toString()),
                null, Map.of(), Duration.ofSeconds(180));
        assertEquals(0, untar.exitCode(), () -> "unpacking " + archive + ": " + untar.output());
        Path top;
        try (Stream<Path> children = Files.list(stage)) {
            top = children.findFirst().orElseThrow();
        }
        Path jar = top.resolve("system/io/waybill/test/" + HANG_BUNDLE + "/1.0.0/" + HANG_BUNDLE + "-1.0.0.jar");
        Files.createDirectories(jar.getParent());
        writeHangBundle(jar);
        Files.writeString(top.resolve("etc/startup.properties"),
                "mvn\\:io.waybill.test/" + HANG_BUNDLE + "/1.0.0 = 20\n", StandardCharsets.ISO_8859_1,
                StandardOpenOption.APPEND);
        Path tar = work.resolve("hanging-distribution.tar");
        Result pack = WaybillDistribution.run(List.of("tar", "-cf", tar.toString(), "-C", stage.toString(),
                top.getFileName().toString()), null, Map.of(), Duration.ofSeconds(180));
        assertEquals(0, pack.exitCode(), () -> "packing " + tar + ": " + pack.output());
        WaybillDistribution.deleteTree(stage);
        return tar;
    }

    private static void writeHangBundle(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", HANG_BUNDLE);
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Bundle-Activator", HangAtStartActivator.class.getName());
        main.putValue("Import-Package", "org.osgi.framework");
        String entry = HangAtStartActivator.class.getName().replace('.', '/') + ".class";
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest);
             InputStream classBytes = HangAtStartActivator.class.getClassLoader().getResourceAsStream(entry)) {
            jarOut.putNextEntry(new JarEntry(entry));
            classBytes.transferTo(jarOut);
            jarOut.closeEntry();
        }
    }

    private static List<ProcessHandle> karafJvms(Path instance) {
        String marker = "-Dkaraf.base=" + instance;
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(List::of)
                        .map(a -> a.contains(marker) && a.contains("org.apache.karaf.main.Main")).orElse(false))
                .toList();
    }
}
