package io.waybill.itests;

import io.waybill.itests.WaybillDistribution.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The scan station in Chromium with a scale on a real serial line ({@link SerialScale}): {@code socat} links two
 * pseudo-terminals, a simulated MT-SICS scale answers the weigh command on one end with a weight the test sets
 * (stable or moving), and an MT-SICS scale configured in the running Karaf (factory configuration through the shell)
 * reads the other end. Printed demo packages of {@value #STORE} are scanned by typing their number and Enter:
 * the expected weight passes and "Ship and continue" ships; a wrong weight is a mismatch, a moving weight no
 * weight, an unknown number refused; with auto delivery a passing scan ships at once. Shipping is checked in the
 * shell.
 */
@Order(8)
@ExtendWith(WaybillExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScanStationIT {

    static final String STORE = "ACME-EBAY";
    static final String SCALE = "it-scale";
    private static final int WANTED = 4;
    private static final int MAX_GRAMS = 3500;
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final Pattern POOL_ROW = Pattern.compile("(?m)^carrier\\s*\\|\\s*pool\\s*\\|.*");

    private WaybillDistribution waybill;
    private Path dir;
    private SerialScale scale;
    private Path deployedKar;
    private Browser browser;
    /** package no. -> expected grams, printed and ready to scan. */
    private final Map<String, Integer> expected = new LinkedHashMap<>();

    @BeforeAll
    void setUp(WaybillDistribution waybill) throws Exception {
        this.waybill = waybill;
        dir = Files.createDirectories(waybill.home().resolve("it-files/scan"));
        scale = SerialScale.start(waybill, dir, SCALE);
        preparePrintedPackages();
        browser = Browser.open("scan-station", waybill);
        browser.login("admin", waybill.password());
    }

    @AfterAll
    void tearDown() throws IOException {
        if (browser != null) {
            browser.close();
        }
        if (deployedKar != null && Files.deleteIfExists(deployedKar)) {
            waybill.shellUntil("waybill:plugin-list", r -> r.exitCode() == 0 && !POOL_ROW.matcher(r.output()).find(),
                    LIMIT);
        }
        if (scale != null) {
            scale.close();
        }
    }

    private void preparePrintedPackages() throws IOException {
        Path kar = Path.of(WaybillDistribution.required("waybill.it.poolKar"));
        deployedKar = waybill.deployDir().resolve(kar.getFileName());
        Files.copy(kar, deployedKar, StandardCopyOption.REPLACE_EXISTING);
        waybill.shellUntil("waybill:plugin-list", r -> POOL_ROW.matcher(WaybillDistribution.registeredPlugins(r.output())).find(), LIMIT);

        Result list = waybill.shell("waybill:package-list --store " + STORE + " --status waiting -n 1000");
        List<String> candidates = new ArrayList<>();
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (Map<String, String> row : ShellTables.rows(list)) {
            int grams = Fixtures.grams(row.get("Weight"));
            if (grams <= MAX_GRAMS && candidates.size() < WANTED + 3) {
                candidates.add(row.get("Package no."));
                weights.put(row.get("Package no."), grams);
            }
        }
        waybill.shell("waybill:allocate " + String.join(" ", candidates));
        Map<String, Map<String, String>> rows = rows();
        for (String p : candidates) {
            if ("allocated".equals(rows.get(p).get("Status")) && expected.size() < WANTED) {
                expected.put(p, weights.get(p));
            }
        }
        assertEquals(WANTED, expected.size(), () -> WANTED + " allocated packages of " + candidates + ": " + rows);
        String numbers = String.join(" ", expected.keySet());
        Result upload = waybill.shell("waybill:upload " + numbers);
        assertTrue(upload.output().contains(WANTED + " queued, 0 refused"), () -> "upload:\n" + upload.output());
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!expected.keySet().stream().allMatch(p -> "tracked".equals(rows().get(p).get("Status")))) {
            if (System.nanoTime() > deadline) {
                fail("not tracked within " + LIMIT.toSeconds() + " s: " + expected.keySet() + " " + rows());
            }
            WaybillDistribution.sleep(500);
        }
        Result print = waybill.shell("waybill:print -o \"" + waybill.printDir("scan").resolve("labels.pdf") + "\" --mark-printed "
                + numbers);
        assertTrue(print.output().contains("Mark printed: " + WANTED + " done, 0 failed"), () -> "print:\n"
                + print.output());
        WaybillDistribution.log("scan station packages (no. -> expected g): %s", expected);
    }

    @Test
    @Order(1)
    void theConfiguredScaleIsListedOnlineAndReadsTheSerialLine() {
        // given
        int grams = 1234;
        scale.set(true, grams);

        // when
        browser.go("/delivery/scan");
        click("scale-select");
        pickOverlayItem("vaadin-select-item[role=option]", SCALE);
        browser.await("scale list closed", () -> browser.driver().findElements(
                By.cssSelector("vaadin-select-item[role=option]")).stream().noneMatch(WebElement::isDisplayed));
        click("read-scale");

        // then
        String label = browser.textOf("scale-select");
        assertTrue(label.contains(SCALE), () -> "selected scale: " + label);
        String weight = awaitText("scale-weight", "shows 1.234 kg read from the serial line",
                t -> t.replace(",", ".").contains("1.234") || t.contains("1234"));
        browser.screenshot("40-scan-station-scale-selected");
        assertTrue(scale.commands().stream().anyMatch(c -> c.equals("SI") || c.equals("S")),
                () -> "the station sent a weigh command over the serial line: " + scale.commands() + "; shown "
                        + weight);
    }

    @Test
    @Order(2)
    void theExpectedWeightPassesAndShipAndContinueShips() {
        // given
        String pkg = pkg(0);
        scale.set(true, expected.get(pkg));

        // when
        scan(pkg);

        // then
        awaitVerdict(pkg, "PASS", "ok");
        browser.screenshot("41-scan-pass-" + pkg);
        assertEquals("printed", status(pkg), "a passing scan without auto delivery ships nothing yet");
        WebElement ship = browser.byId("ship-and-continue");
        assertFalse(disabled(ship), "ship-and-continue enabled after PASS");
        click(ship);
        awaitText("scan-verdict-shipped", "says shipped", t -> !t.isEmpty() && !t.contains("not")
                && !t.contains("Not"));
        browser.screenshot("42-scan-shipped-" + pkg);
        assertShipped(pkg, expected.get(pkg));
    }

    @Test
    @Order(3)
    void aWrongWeightIsAMismatchAndDoesNotShip() {
        // given
        String pkg = pkg(1);
        int grams = expected.get(pkg) + 300;
        scale.set(true, grams);

        // when
        scan(pkg);

        // then
        awaitVerdict(pkg, "WEIGHT_MISMATCH", "weight_mismatch");
        browser.screenshot("43-scan-weight-mismatch-" + pkg);
        assertTrue(browser.byId("supervisor-override").getDomAttribute("hidden") == null,
                "supervisor override offered on a mismatch");
        assertTrue(disabled(browser.byId("ship-and-continue")), "ship-and-continue disabled on a mismatch");
        assertEquals("printed", status(pkg), "not shipped after a mismatch");
    }

    @Test
    @Order(4)
    void aMovingWeightIsNoWeight() {
        // given
        String pkg = pkg(2);
        scale.set(false, expected.get(pkg));

        // when
        scan(pkg);

        // then
        awaitVerdict(pkg, "NO_WEIGHT", "no_weight");
        browser.screenshot("44-scan-unstable-" + pkg);
        assertTrue(disabled(browser.byId("ship-and-continue")), "ship-and-continue disabled without a weight");
        assertEquals("printed", status(pkg), "not shipped without a stable weight");
    }

    @Test
    @Order(5)
    void anUnknownNumberIsRefused() {
        // given
        scale.set(true, 500);
        String unknown = "WB99999999";

        // when
        scan(unknown);

        // then
        awaitVerdict(unknown, "REFUSED", "unknown_package");
        browser.screenshot("45-scan-unknown");
    }

    @Test
    @Order(6)
    void withAutoDeliveryAPassingScanShipsAtOnce() {
        // given
        String pkg = pkg(3);
        scale.set(true, expected.get(pkg));
        WebElement auto = browser.byId("auto-delivery");
        if (!"true".equals(String.valueOf(auto.getDomProperty("checked")))) {
            click(auto);
        }
        browser.await("auto-delivery checked", () -> "true".equals(String.valueOf(
                browser.byId("auto-delivery").getDomProperty("checked"))));

        try {
            // when
            scan(pkg);

            // then
            awaitVerdict(pkg, "PASS", "ok");
            awaitText("scan-verdict-shipped", "says shipped", t -> !t.isEmpty() && !t.contains("not")
                    && !t.contains("Not"));
            browser.screenshot("46-scan-auto-delivery-" + pkg);
            assertShipped(pkg, expected.get(pkg));
        } finally {
            click("auto-delivery");
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Clicks after scrolling the element into the middle of the view, then waits for Vaadin. */
    private void click(WebElement element) {
        browser.js("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element);
        element.click();
        browser.awaitVaadin();
    }

    /** Selenium's isEnabled() does not see a Vaadin button's disabled state: read the attribute. */
    private static boolean disabled(WebElement button) {
        return button.getDomAttribute("disabled") != null;
    }

    private void click(String id) {
        click(browser.byId(id));
    }

    private void pickOverlayItem(String itemTag, String label) {
        WebElement item = browser.await("a displayed " + itemTag + " '" + label + "'", () -> browser.driver()
                .findElements(By.cssSelector(itemTag)).stream()
                .filter(e -> e.isDisplayed() && String.valueOf(e.getDomProperty("textContent")).contains(label))
                .findFirst().orElse(null));
        item.click();
        browser.awaitVaadin();
    }

    private String awaitText(String id, String what, java.util.function.Predicate<String> check) {
        return browser.await("#" + id + " " + what, () -> {
            WebElement e = browser.driver().findElement(By.id(id));
            String text = e.getText().strip();
            return e.isDisplayed() && check.test(text) ? text : null;
        });
    }

    private String pkg(int i) {
        if (expected.size() <= i) {
            fail("no printed package prepared");
        }
        return new ArrayList<>(expected.keySet()).get(i);
    }

    private void scan(String code) {
        if (!browser.path().contains("delivery/scan")) {
            browser.go("/delivery/scan");
        }
        WebElement input = browser.await("scan input", () -> browser.driver()
                .findElement(By.cssSelector("#scan-input input")));
        input.sendKeys(code + Keys.ENTER);
        browser.awaitVaadin();
    }

    private void awaitVerdict(String pkg, String outcome, String code) {
        try {
            browser.await("verdict " + outcome + " / " + code + " for " + pkg, Duration.ofSeconds(20), () ->
                    browser.textOf("scan-verdict-package").contains(pkg)
                            && outcome.equals(browser.byId("scan-verdict").getAttribute("data-outcome"))
                            && code.equals(browser.byId("scan-verdict-code").getAttribute("data-code")));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; on screen: package '" + browser.textOf("scan-verdict-package")
                    + "', outcome '" + browser.byId("scan-verdict").getAttribute("data-outcome") + "', code '"
                    + browser.byId("scan-verdict-code").getAttribute("data-code") + "', message '" + browser.textOf("scan-verdict-message")
                    + "', scale commands " + scale.commands(), e);
        }
    }

    private void assertShipped(String pkg, int grams) {
        Result r = waybill.shell("waybill:package-list --status shipped -n 1000");
        assertTrue(ShellTables.row(r, "Package no.", pkg).isPresent(), () -> pkg + " in package-list --status "
                + "shipped:\n" + r.output());
        Result show = waybill.shell("waybill:package-show " + pkg);
        assertTrue(show.output().contains("SHIPPED  PRINTED -> SHIPPED  (Weight " + Fixtures.kg(grams)),
                () -> "history with the scale's weight " + grams + " g:\n" + show.output());
    }

    private String status(String pkg) {
        return rows().get(pkg).get("Status");
    }

    private Map<String, Map<String, String>> rows() {
        Result r = waybill.shell("waybill:package-list --store " + STORE + " -n 1000");
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        ShellTables.rows(r).forEach(row -> rows.put(row.get("Package no."), row));
        return rows;
    }
}
