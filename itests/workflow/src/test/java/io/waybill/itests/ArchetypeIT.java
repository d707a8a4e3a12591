package io.waybill.itests;

import io.waybill.itests.WaybillDistribution.Result;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.waybill.itests.WaybillDistribution.total;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The carrier plugin archetype makes a working plugin: {@code archetype:generate} for {@code io.waybill.carrier.acme},
 * {@code mvn package} of the result (its own unit tests included), the {@code .kar} into {@code deploy/} of the
 * running distribution: {@code waybill:plugin-list} lists carrier {@code acme}; deleting the file removes it.
 *
 * <p>The nested Maven runs use this build's local repository ({@code -Dmaven.repo.local} passes through) and are
 * offline when this build is. Under {@code mvn verify} the reactor's artifacts are not installed, so the ones a
 * generated plugin needs (archetype, parent POMs, SPI, kit), copied from the reactor by the itests POM, are put into
 * that repository first, as {@code mvn install} would.
 */
@Order(5)
@ExtendWith(WaybillExtension.class)
class ArchetypeIT {

    private static final Duration MAVEN_LIMIT = Duration.ofMinutes(10);
    private static final Duration DEPLOY_LIMIT = Duration.ofSeconds(30);
    private static final Pattern ACME_ROW = Pattern.compile("(?m)^carrier\\s*\\|\\s*acme\\s*\\|.*");
    private static final String ARTIFACT = "io.waybill.carrier.acme";

    @Test
    void generatedCarrierPluginBuildsAndHotDeploys(WaybillDistribution waybill) throws IOException {
        // given: the reactor's artifacts in the local repository, an empty work directory
        String version = WaybillDistribution.required("waybill.it.version");
        Path repo = Path.of(WaybillDistribution.required("waybill.it.localRepo"));
        stage(Path.of(WaybillDistribution.required("waybill.it.archetypeStage")), repo, version);
        Path work = Path.of(WaybillDistribution.required("waybill.it.archetypeWork"));
        WaybillDistribution.deleteTree(work);
        Files.createDirectories(work);

        // when: the plugin is generated
        long t0 = System.nanoTime();
        maven(work, repo, "org.apache.maven.plugins:maven-archetype-plugin:"
                        + WaybillDistribution.required("waybill.it.archetypePluginVersion") + ":generate",
                "-DinteractiveMode=false", "-DarchetypeCatalog=local",
                "-DarchetypeGroupId=io.waybill", "-DarchetypeArtifactId=waybill-carrier-plugin-archetype",
                // the README's command: package, groupId and version come from the archetype's defaults
                "-DarchetypeVersion=" + version, "-DartifactId=" + ARTIFACT, "-DcarrierId=acme",
                "-DcarrierName=Acme");
        double generate = seconds(t0);
        Path project = work.resolve(ARTIFACT);
        assertTrue(Files.isRegularFile(project.resolve("src/test/resources/io/waybill/carrier/acme/internal/SOURCES.md")),
                "SOURCES.md next to the recorded bodies");

        // and built, its own tests included
        long t1 = System.nanoTime();
        Result build = maven(project, repo, "package");
        double pack = seconds(t1);
        // 6 of its own + the plugin import rule (PluginImportsTest, run in every plugin by the plugin parent)
        assertTrue(build.output().contains("Tests run: 7, Failures: 0, Errors: 0"), () -> "the generated plugin's "
                + "tests did not all run and pass:\n" + tail(build.output()));
        assertTrue(build.output().contains("in io.waybill.plugin.conformance.arch.PluginImportsTest"),
                () -> "the plugin import rule did not run:\n" + tail(build.output()));
        WaybillDistribution.figure("archetype: generate / package (incl. its 6 tests + PluginImportsTest)",
                String.format(Locale.ROOT, "%.1f s / %.1f s", generate, pack));

        // then: the bundle imports only the SPI (plus JDK packages Jackson names) and carries its metatype
        Path jar = project.resolve("target/" + ARTIFACT + "-" + version + ".jar");
        Path kar = project.resolve("target/" + ARTIFACT + "-" + version + ".kar");
        assertTrue(Files.isRegularFile(kar), "kar built: " + kar);
        try (JarFile bundle = new JarFile(jar.toFile())) {
            String imports = bundle.getManifest().getMainAttributes().getValue("Import-Package");
            assertTrue(imports.contains("io.waybill.spi.carrier"), imports);
            assertFalse(imports.contains("io.waybill.core") || imports.contains("io.waybill.plugin.kit"), imports);
            assertTrue(bundle.getEntry("OSGI-INF/metatype/" + ARTIFACT + ".xml") != null, "metatype in the bundle");
        }

        // when: the kar is dropped into deploy/ of the running distribution
        Result before = waybill.shell("waybill:plugin-list");
        assertEquals(0, before.exitCode(), before::output);
        assertFalse(ACME_ROW.matcher(before.output()).find(), before::output);
        int baseline = total(before, "plugins");
        Path deployed = waybill.deployDir().resolve(kar.getFileName());
        long t2 = System.nanoTime();
        Files.copy(kar, deployed, StandardCopyOption.REPLACE_EXISTING);

        // then: it is listed
        Result listed;
        try {
            // registered, not only installed: until its component is active the plugin shows under "no account
            // configured yet" only (the Metatype is read from the bundle as soon as it is installed)
            listed = waybill.shellUntil("waybill:plugin-list", r -> ACME_ROW.matcher(WaybillDistribution.registeredPlugins(r.output())).find()
                    && Pattern.compile("(?m)^" + (baseline + 1) + " plugins\\s*$").matcher(r.output()).find(),
                    DEPLOY_LIMIT);
        } catch (AssertionError e) {
            throw new AssertionError("the generated acme kar was not registered: " + e.getMessage()
                    + waybill.bundleDiag(ARTIFACT), e);
        }
        double deploy = seconds(t2);
        assertEquals(baseline + 1, total(listed, "plugins"), listed::output);

        // when: the file is deleted, then it is gone
        long t3 = System.nanoTime();
        Files.delete(deployed);
        Result gone = waybill.shellUntil("waybill:plugin-list", r -> r.exitCode() == 0
                && !ACME_ROW.matcher(r.output()).find(), DEPLOY_LIMIT);
        assertEquals(baseline, total(gone, "plugins"), gone::output);
        WaybillDistribution.figure("archetype: hot deploy / undeploy of the generated acme kar",
                String.format(Locale.ROOT, "%.1f s / %.1f s", deploy, seconds(t3)));
    }

    private static final Pattern ACMEMART_ROW = Pattern.compile("(?m)^platform\\s*\\|\\s*acmemart\\s*\\|.*");
    private static final String MARKETPLACE_ARTIFACT = "io.waybill.platform.acmemart";

    /**
     * The marketplace plugin archetype likewise: generate {@code io.waybill.platform.acmemart}, {@code mvn package}
     * (its operation tests, the marketplace conformance tests and the plugin import rule), a factory configuration
     * for a store in {@code etc/}, the {@code .kar} into {@code deploy/}: {@code waybill:plugin-list} lists platform
     * {@code acmemart}; deleting kar and configuration removes it.
     */
    @Test
    void generatedMarketplacePluginBuildsAndHotDeploys(WaybillDistribution waybill) throws IOException {
        // given
        String version = WaybillDistribution.required("waybill.it.version");
        Path repo = Path.of(WaybillDistribution.required("waybill.it.localRepo"));
        stage(Path.of(WaybillDistribution.required("waybill.it.archetypeStage")), repo, version);
        Path work = Path.of(WaybillDistribution.required("waybill.it.archetypeWork")).resolve("marketplace");
        WaybillDistribution.deleteTree(work);
        Files.createDirectories(work);

        // when: the plugin is generated (the archetype README's command)
        long t0 = System.nanoTime();
        maven(work, repo, "org.apache.maven.plugins:maven-archetype-plugin:"
                        + WaybillDistribution.required("waybill.it.archetypePluginVersion") + ":generate",
                "-DinteractiveMode=false", "-DarchetypeCatalog=local",
                "-DarchetypeGroupId=io.waybill", "-DarchetypeArtifactId=waybill-marketplace-plugin-archetype",
                "-DarchetypeVersion=" + version, "-DartifactId=" + MARKETPLACE_ARTIFACT, "-DmarketplaceId=acmemart",
                "-DmarketplaceName=AcmeMart");
        double generate = seconds(t0);
        Path project = work.resolve(MARKETPLACE_ARTIFACT);
        assertTrue(Files.isRegularFile(project.resolve(
                "src/test/resources/io/waybill/platform/acmemart/internal/SOURCES.md")), "SOURCES.md generated");

        // and built, its own tests included
        long t1 = System.nanoTime();
        Result build = maven(project, repo, "package");
        double pack = seconds(t1);
        for (String test : List.of("AcmeMartFetchOrdersTest", "AcmeMartConfirmShipmentTest",
                "AcmeMartConformanceTest", "io.waybill.plugin.conformance.arch.PluginImportsTest")) {
            assertTrue(build.output().contains("in " + (test.contains(".") ? test
                    : "io.waybill.platform.acmemart.internal." + test)), () -> test + " did not run:\n"
                    + tail(build.output()));
        }
        Matcher totals = Pattern.compile("(?m)^\\[INFO\\] Tests run: (\\d+), Failures: 0, Errors: 0, Skipped: (\\d+)\\s*$")
                .matcher(build.output());
        assertTrue(totals.find() && Integer.parseInt(totals.group(1)) >= 20, () -> "the generated plugin's tests "
                + "did not all run and pass:\n" + tail(build.output()));
        WaybillDistribution.figure("marketplace archetype: generate / package (incl. its " + totals.group(1)
                + " tests)", String.format(Locale.ROOT, "%.1f s / %.1f s", generate, pack));

        // then: the bundle imports only the SPI and carries its metatype
        Path jar = project.resolve("target/" + MARKETPLACE_ARTIFACT + "-" + version + ".jar");
        Path kar = project.resolve("target/" + MARKETPLACE_ARTIFACT + "-" + version + ".kar");
        assertTrue(Files.isRegularFile(kar), "kar built: " + kar);
        try (JarFile bundle = new JarFile(jar.toFile())) {
            String imports = bundle.getManifest().getMainAttributes().getValue("Import-Package");
            assertTrue(imports.contains("io.waybill.spi.platform"), imports);
            assertFalse(imports.contains("io.waybill.core") || imports.contains("io.waybill.plugin.kit"), imports);
            assertTrue(bundle.getEntry("OSGI-INF/metatype/" + MARKETPLACE_ARTIFACT + ".xml") != null,
                    "metatype in the bundle");
        }

        // when: a store's factory configuration is in etc/ and the kar is dropped into deploy/
        Result before = waybill.shell("waybill:plugin-list");
        assertEquals(0, before.exitCode(), before::output);
        assertFalse(ACMEMART_ROW.matcher(before.output()).find(), before::output);
        int baseline = total(before, "plugins");
        Path cfg = waybill.home().resolve("etc").resolve(MARKETPLACE_ARTIFACT + "-archetypeit.cfg");
        Files.writeString(cfg, "storeCode = ARCHETYPE-IT\nbaseUrl = http://127.0.0.1:9\n"
                + ".apiToken = mkt_it_0f3b5d7e9a1c\n");
        Path deployed = waybill.deployDir().resolve(kar.getFileName());
        long t2 = System.nanoTime();
        Files.copy(kar, deployed, StandardCopyOption.REPLACE_EXISTING);

        // then: it is listed, for the configured store
        Result listed;
        try {
            try {
                // listed for its store: until Config Admin has handed the factory configuration to the new
                // bundle's component, the plugin shows under "no account configured yet" only
                listed = waybill.shellUntil("waybill:plugin-list", r -> ACMEMART_ROW.matcher(WaybillDistribution.registeredPlugins(r.output())).find()
                        && r.output().contains("AcmeMart (ARCHETYPE-IT)"), DEPLOY_LIMIT);
            } catch (AssertionError e) {
                throw new AssertionError("the generated acmemart kar was not registered: " + e.getMessage()
                        + waybill.bundleDiag(MARKETPLACE_ARTIFACT), e);
            }
            double deploy = seconds(t2);
            assertTrue(listed.output().contains("AcmeMart (ARCHETYPE-IT)"), listed::output);
            assertFalse(listed.output().contains("mkt_it_0f3b5d7e9a1c"), listed::output);
            assertEquals(baseline + 1, total(listed, "plugins"), listed::output);

            // when: the kar is deleted, then it is gone
            long t3 = System.nanoTime();
            Files.delete(deployed);
            Result gone = waybill.shellUntil("waybill:plugin-list", r -> r.exitCode() == 0
                    && !ACMEMART_ROW.matcher(r.output()).find(), DEPLOY_LIMIT);
            assertEquals(baseline, total(gone, "plugins"), gone::output);
            WaybillDistribution.figure("marketplace archetype: hot deploy / undeploy of the generated acmemart kar",
                    String.format(Locale.ROOT, "%.1f s / %.1f s", deploy, seconds(t3)));
        } finally {
            // nothing leaks into later test classes: no kar, no configuration
            Files.deleteIfExists(deployed);
            Files.deleteIfExists(cfg);
        }
    }

    /**
     * Puts the staged {@code <artifactId>-<version>.<ext>} files into the local repository's layout
     * ({@code io/waybill/<artifactId>/<version>/}), as {@code mvn install} would have.
     */
    private static void stage(Path stage, Path repo, String version) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(stage)) {
            files = s.toList();
        }
        assertFalse(files.isEmpty(), "nothing staged in " + stage);
        for (Path file : files) {
            String name = file.getFileName().toString();
            String artifactId = name.substring(0, name.indexOf("-" + version + "."));
            Path dir = Files.createDirectories(repo.resolve("io/waybill").resolve(artifactId).resolve(version));
            Files.copy(file, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Runs Maven in {@code dir}; fails with the end of its output unless it succeeds. */
    private static Result maven(Path dir, Path repo, String... args) {
        List<String> command = new ArrayList<>(List.of("sh", "-c", "cd \"$0\" && exec \"$@\"", dir.toString(),
                Path.of(WaybillDistribution.required("waybill.it.mavenHome"), "bin", "mvn").toString(),
                "-B", "-Dmaven.repo.local=" + repo));
        // "offline=true" when this build runs with -o (a bare ${settings.offline} is a Boolean failsafe refuses)
        if (System.getProperty("waybill.it.mavenOffline", "").endsWith("=true")) {
            command.add("-o");
        }
        command.addAll(List.of(args));
        Result r = WaybillDistribution.run(command, null, Map.of(), MAVEN_LIMIT);
        assertEquals(0, r.exitCode(), () -> String.join(" ", command.subList(4, command.size())) + " failed:\n"
                + tail(r.output()));
        return r;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String tail(String output) {
        return output.length() <= 6000 ? output : output.substring(output.length() - 6000);
    }
}
