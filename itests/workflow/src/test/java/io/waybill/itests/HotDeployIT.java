package io.waybill.itests;

import io.waybill.itests.WaybillDistribution.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static io.waybill.itests.WaybillDistribution.total;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Hot deploy: the pool carrier plugin dropped into {@code deploy/} (as bundle jar, then as kar) shows up in
 * {@code waybill:plugin-list} and, live, on the Plugins page; deleting the file removes it from both.
 */
@Order(4)
@ExtendWith(WaybillExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HotDeployIT {

    private static final Duration DEPLOY_LIMIT = Duration.ofSeconds(30);
    private static final Duration LIVE_UPDATE = Duration.ofSeconds(10);
    private static final Pattern POOL_ROW = Pattern.compile("(?m)^carrier\\s*\\|\\s*pool\\s*\\|.*");
    private static final String GRID = "plugins-grid";

    private WaybillDistribution waybill;
    private Browser browser;

    @BeforeAll
    void openPluginsPage(WaybillDistribution waybill) {
        this.waybill = waybill;
        browser = Browser.open("hotdeploy", waybill);
        browser.login("admin", waybill.password());
        browser.await("signed in", () -> browser.path().equals("/delivery/waiting"));
        browser.go("/plugins");
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void bundleJarInDeployAddsThePoolCarrierAndDeletingItRemovesIt() throws IOException {
        deployAndUndeploy(Path.of(WaybillDistribution.required("waybill.it.poolJar")), "jar");
    }

    @Test
    @Order(2)
    void karInDeployAddsThePoolCarrierAndDeletingItRemovesIt() throws IOException {
        deployAndUndeploy(Path.of(WaybillDistribution.required("waybill.it.poolKar")), "kar");
    }

    private void deployAndUndeploy(Path artifact, String kind) throws IOException {
        // given: nothing deployed
        assertTrue(Files.isRegularFile(artifact), () -> "plugin artifact missing: " + artifact);
        // (the distribution boots other plugins, e.g. the CSV order-file plugin: compare against that baseline)
        Result before = waybill.shell("waybill:plugin-list");
        assertEquals(0, before.exitCode(), () -> "plugin-list before deploying the " + kind + ":\n" + before.output());
        assertFalse(POOL_ROW.matcher(before.output()).find(), () -> "pool listed before deploying the " + kind
                + ":\n" + before.output());
        int baseline = total(before, "plugins");
        browser.await("Plugins page without pool and badge '" + badge(baseline) + "'",
                () -> browser.gridRows(GRID).stream().noneMatch(HotDeployIT::isPool)
                        && browser.textOf("plugin-count").equals(badge(baseline)));

        // when: the file is dropped into deploy/
        Path deployed = waybill.deployDir().resolve(artifact.getFileName());
        long t0 = System.nanoTime();
        Files.copy(artifact, deployed, StandardCopyOption.REPLACE_EXISTING);

        // then: the shell lists carrier pool within 30 s
        Result listed;
        try {
            listed = waybill.shellUntil("waybill:plugin-list", r -> POOL_ROW.matcher(WaybillDistribution.registeredPlugins(r.output())).find(), DEPLOY_LIMIT);
        } catch (AssertionError e) {
            throw new AssertionError("the pool " + kind + " copied to " + deployed + " was not registered: "
                    + e.getMessage() + waybill.bundleDiag("io.waybill.carrier.pool"), e);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        WaybillDistribution.figure("hot deploy of the pool " + kind + " (copy -> listed by waybill:plugin-list)",
                String.format(Locale.ROOT, "%.1f s", seconds));
        assertTrue(seconds < DEPLOY_LIMIT.toSeconds(), "hot deploy took " + seconds + " s");
        assertEquals(baseline + 1, total(listed, "plugins"), () -> "plugins after deploying the " + kind
                + " (baseline " + baseline + " + pool):\n" + listed.output());
        // and the open Plugins page shows it without a reload (server push)
        awaitLive("pool row on the Plugins page after deploying the " + kind, true);
        browser.screenshot("20-plugins-with-pool-" + kind);
        assertEquals(badge(baseline + 1), browser.textOf("plugin-count"), "plugin count badge");

        // when: the file is deleted
        long t1 = System.nanoTime();
        Files.delete(deployed);

        // then
        Result gone = waybill.shellUntil("waybill:plugin-list", r -> r.exitCode() == 0
                && !POOL_ROW.matcher(r.output()).find(), DEPLOY_LIMIT);
        WaybillDistribution.figure("hot undeploy of the pool " + kind + " (delete -> gone from waybill:plugin-list)",
                String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - t1) / 1e9));
        assertEquals(baseline, total(gone, "plugins"), () -> "plugins after deleting the " + kind + " (back to the "
                + "baseline):\n" + gone.output());
        awaitLive("no pool row on the Plugins page after deleting the " + kind, false);
        browser.screenshot("21-plugins-without-pool-" + kind);
        assertEquals(badge(baseline), browser.textOf("plugin-count"), "plugin count badge after undeploy");
    }

    /** Waits for the page to change by server push; on timeout tells whether a reload would have shown it. */
    private void awaitLive(String what, boolean present) {
        try {
            browser.await(what + " (live, no reload)", LIVE_UPDATE,
                    () -> browser.gridRows(GRID).stream().anyMatch(HotDeployIT::isPool) == present);
        } catch (AssertionError live) {
            browser.go("/plugins");
            List<String> afterReload = browser.await("plugins grid after reload", () -> browser.gridRows(GRID));
            boolean reloadShows = afterReload.stream().anyMatch(HotDeployIT::isPool) == present;
            fail(live.getMessage() + "; after a reload the page " + (reloadShows ? "DOES" : "does NOT either")
                    + " show the expected state, rows: " + afterReload, live);
        }
    }

    /** The Plugins page badge for n plugins ({@code plugins.count} in messages_en.properties). */
    private static String badge(int n) {
        return n == 0 ? "No plugins" : n == 1 ? "1 plugin" : n + " plugins";
    }

    private static boolean isPool(String row) {
        return row.contains(" | pool | ");
    }
}
