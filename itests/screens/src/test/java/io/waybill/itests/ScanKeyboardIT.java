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
import org.openqa.selenium.Dimension;
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
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The scan station driven by the keyboard only, without a scale and with Automatic delivery off (issue 13 items 3
 * and 5), and batch delivery of a package whose weighing failed (item 6). Every key goes to the element that has
 * the focus, as an operator's keyboard and keyboard-wedge scanner would: scan, Tab to the manual weight, type it,
 * Enter re-checks, Enter on the empty scan field ships; the next scan while a passed package is not shipped asks
 * (ship it / leave it); the command barcode {@code WB-SHIP} ships. The manual weight reads {@code 0,8 kg} as 800 g
 * and refuses {@code -5} with a reason. Batch delivery shows the failed weighing in its confirm step and ships
 * that package only on a supervisor's approval: an operator's is refused. Results are checked in the shell.
 */
@Order(8)
@ExtendWith(WaybillExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScanKeyboardIT {

    private static final String STORE = "ACME-EBAY";
    private static final int WANTED = 5;
    private static final int MAX_GRAMS = 3500;
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final Pattern POOL_ROW = Pattern.compile("(?m)^carrier\\s*\\|\\s*pool\\s*\\|.*");
    private static final String OPERATOR = "it-kb-operator";
    private static final String SUPERVISOR = "it-kb-supervisor";

    private final String operatorPassword = "op-" + UUID.randomUUID();
    private final String supervisorPassword = "sv-" + UUID.randomUUID();
    private WaybillDistribution waybill;
    private Path deployedKar;
    private Browser browser;
    /** package no. -> expected grams; the last one weighs far from 800 g (the failed weighing). */
    private final Map<String, Integer> expected = new LinkedHashMap<>();

    @BeforeAll
    void setUp(WaybillDistribution waybill) throws Exception {
        this.waybill = waybill;
        // Waybill's own user-add (one write of users.properties per user, roles checked)
        for (String[] user : List.of(new String[] {OPERATOR, "operator", operatorPassword},
                new String[] {SUPERVISOR, "supervisor", supervisorPassword})) {
            Path file = waybill.importDir("users").resolve(user[0] + ".pw");
            Files.writeString(file, user[2] + "\n");
            Result add = waybill.shell("waybill:user-add " + user[0] + " --role " + user[1] + " --password-file "
                    + file);
            assertTrue(add.output().contains("Created user " + user[0] + " (" + user[1] + ")"), add::output);
        }
        preparePrintedPackages();
        browser = Browser.open("scan-keyboard", waybill);
        browser.driver().manage().window().setSize(new Dimension(1440, 900));
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
    }

    private void preparePrintedPackages() throws IOException {
        Path kar = Path.of(WaybillDistribution.required("waybill.it.poolKar"));
        deployedKar = waybill.deployDir().resolve("kb-" + kar.getFileName());
        Files.copy(kar, deployedKar, StandardCopyOption.REPLACE_EXISTING);
        waybill.shellUntil("waybill:plugin-list", r -> POOL_ROW.matcher(WaybillDistribution.registeredPlugins(r.output())).find(), LIMIT);

        Result list = waybill.shell("waybill:package-list --store " + STORE + " --status waiting -n 1000");
        List<String> candidates = new ArrayList<>();
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (Map<String, String> row : ShellTables.rows(list)) {
            int grams = Fixtures.grams(row.get("Weight"));
            if (grams <= MAX_GRAMS && candidates.size() < WANTED + 6) {
                candidates.add(row.get("Package no."));
                weights.put(row.get("Package no."), grams);
            }
        }
        waybill.shell("waybill:allocate " + String.join(" ", candidates));
        Map<String, Map<String, String>> rows = rows();
        List<String> allocated = candidates.stream()
                .filter(p -> "allocated".equals(rows.get(p).get("Status"))).toList();
        // the last one must fail at 800 g: far from it
        String heavy = allocated.stream().filter(p -> Math.abs(weights.get(p) - 800) > 300).findFirst()
                .orElseThrow(() -> new AssertionError("no allocated package far from 800 g: " + weights));
        for (String p : allocated) {
            if (!p.equals(heavy) && expected.size() < WANTED - 1) {
                expected.put(p, weights.get(p));
            }
        }
        expected.put(heavy, weights.get(heavy));
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
        Result print = waybill.shell("waybill:print -o \"" + waybill.printDir("scan-kb").resolve("labels.pdf")
                + "\" --mark-printed " + numbers);
        assertTrue(print.output().contains("Mark printed: " + WANTED + " done, 0 failed"), () -> "print:\n"
                + print.output());
        WaybillDistribution.log("keyboard scan packages (no. -> expected g): %s", expected);
    }

    @Test
    @Order(1)
    void theWholeScanFlowRunsOnTheKeyboardWithoutAScale() {
        // given: the station, no scale, Automatic delivery off, the focus in the scan field
        openStationWithoutScale();
        String first = pkg(0);

        // when: scan, Tab to the weight, type it in kilograms with a decimal comma, Enter
        keys(first + Keys.ENTER);
        awaitVerdict(first, "NO_WEIGHT");
        String message = browser.textOf("scan-verdict-message");
        assertFalse(message.toLowerCase(Locale.ROOT).contains("scale"), () -> "no scale is selected, yet: "
                + message);
        keys(Keys.TAB);
        awaitFocus("manual-weight");
        keys(kilograms(expected.get(first)) + Keys.ENTER);

        // then: it passes with that weight, the focus is back in the scan field, Enter ships
        awaitVerdict(first, "PASS");
        assertEquals(Formats.weight(expected.get(first)), browser.textOf("scan-measured"), "typed weight counts");
        awaitFocus("scan-input");
        assertTrue(browser.textOf("scan-keys-hint").contains("WB-SHIP"), () -> "keys hint: "
                + browser.textOf("scan-keys-hint"));
        browser.screenshot("scan-kb-01-pass-" + first);
        assertEquals("printed", status(first), "not shipped before Enter");
        keys(Keys.ENTER);
        awaitShipped();
        assertShipped(first, expected.get(first));
        browser.screenshot("scan-kb-02-shipped-" + first);

        // and: the command barcode ships too
        String second = pkg(1);
        scanAndWeigh(second, expected.get(second) + " g");
        keys("WB-SHIP" + Keys.ENTER);
        awaitShipped();
        assertShipped(second, expected.get(second));
    }

    @Test
    @Order(2)
    void aPassedPackageIsNeverDroppedByTheNextScan() {
        // given: a package passed and is not shipped
        openStationWithoutScale();
        String passed = pkg(2);
        String next = pkg(3);
        scanAndWeigh(passed, String.valueOf(expected.get(passed)));

        // when: the next package is scanned
        keys(next + Keys.ENTER);

        // then: the station asks; Enter ships the passed one and takes the next scan
        browser.await("the passed-but-unshipped dialog", () -> browser.driver().findElements(
                By.id("unshipped-dialog")).stream().anyMatch(d -> "true".equals(String.valueOf(
                d.getDomProperty("opened")))));
        assertTrue(browser.textOf("unshipped-text").contains(passed), () -> browser.textOf("unshipped-text"));
        awaitFocus("unshipped-ship");
        browser.screenshot("scan-kb-03-unshipped-dialog");
        keys(Keys.ENTER);
        awaitVerdict(next, "NO_WEIGHT");
        assertShipped(passed, expected.get(passed));

        // and when it passes and yet another scan comes, Tab + Enter leaves it unshipped
        keys(Keys.TAB);
        awaitFocus("manual-weight");
        keys(String.valueOf(expected.get(next)) + Keys.ENTER);
        awaitVerdict(next, "PASS");
        String heavy = pkg(4);
        keys(heavy + Keys.ENTER);
        awaitFocus("unshipped-ship");
        keys(Keys.TAB);
        awaitFocus("unshipped-leave");
        keys(Keys.ENTER);
        awaitVerdict(heavy, "NO_WEIGHT");
        assertEquals("printed", status(next), "left unshipped on purpose");
        List<String> log = browser.gridRows("scan-log");
        assertTrue(log.stream().anyMatch(r -> r.contains(next) && r.contains("PASS")), () -> "log: " + log);
    }

    @Test
    @Order(3)
    void theManualWeightReadsKilogramsAndRefusesNonsenseWithAReason() {
        // given: the heavy package on screen without a weight
        openStationWithoutScale();
        String heavy = pkg(4);
        keys(heavy + Keys.ENTER);
        awaitVerdict(heavy, "NO_WEIGHT");
        keys(Keys.TAB);
        awaitFocus("manual-weight");

        // when: -5
        keys("-5");

        // then: refused with the reason, the unit shown, and Enter does not weigh
        String reason = browser.await("the reason for -5", () -> {
            WebElement field = browser.byId("manual-weight");
            Object error = field.getDomProperty("errorMessage");
            return field.getDomAttribute("invalid") != null && error != null && !String.valueOf(error).isBlank()
                    ? String.valueOf(error) : null;
        });
        assertTrue(reason.contains("negative"), () -> "reason: " + reason);
        assertEquals("g", browser.textOf("manual-weight-unit"));
        browser.screenshot("scan-kb-04-negative-weight");
        keys(Keys.ENTER);
        awaitVerdict(heavy, "NO_WEIGHT");

        // when: 0,8 kg
        clearActive();
        keys("0,8 kg");
        browser.await("unit kg and 'Counts as 0.800 kg'", () -> "kg".equals(browser.textOf("manual-weight-unit"))
                && String.valueOf(browser.byId("manual-weight").getDomProperty("helperText")).contains("0.800 kg"));
        browser.screenshot("scan-kb-05-kilograms");
        keys(Keys.ENTER);

        // then: 800 g counted, a mismatch for this package, the field cleared for the next package
        awaitVerdict(heavy, "WEIGHT_MISMATCH");
        assertEquals("0.800 kg", browser.textOf("scan-measured"));
        assertEquals("", String.valueOf(browser.byId("manual-weight").getDomProperty("value")));
        browser.screenshot("scan-kb-06-mismatch-800g");
        assertEquals("printed", status(heavy));
    }

    @Test
    @Order(4)
    void batchDeliveryShowsTheFailedWeighingAndNeedsASupervisor() {
        // given: the heavy package failed at 800 g; the core refuses it in a plain batch (shell, no view)
        String heavy = pkg(4);
        Result plain = waybill.shell("waybill:ship --batch " + heavy);
        assertTrue(plain.output().contains("WEIGHING FAILED"), () -> "ship --batch:\n" + plain.output());
        assertEquals("printed", status(heavy));

        // when: batch delivery of it in the browser
        browser.go("/delivery/ship-batch");
        browser.filter("ship-batch-filter", "ship-batch-grid", heavy);
        browser.selectRows("ship-batch-grid", List.of(heavy));
        browser.click("ship-batch-confirm");

        // then: the confirm step lists the failed weighing, expected vs measured
        browser.awaitText("ship-batch-failed-title", "warns of the failed weighing", t -> t.contains("1 package"));
        List<String> failed = browser.gridRows("ship-batch-failed");
        assertTrue(failed.stream().anyMatch(r -> r.contains(heavy) && r.contains("0.800 kg")
                && r.contains(Formats.weight(expected.get(heavy)))), () -> "failed weighings: " + failed);
        browser.screenshot("scan-kb-07-batch-failed-weighing");

        // when: an operator approves: refused, nothing shipped
        approve(OPERATOR, operatorPassword);
        String error = browser.awaitText("ship-batch-supervisor-error", "refuses the operator",
                t -> t.contains("not a supervisor"));
        browser.screenshot("scan-kb-08-batch-operator-refused");
        assertEquals("printed", status(heavy), "refused: " + error);

        // when: a supervisor approves
        approve(SUPERVISOR, supervisorPassword);

        // then: shipped as an override, audited with the supervisor and the reason
        browser.awaitText("batch-result-summary", "1 done", t -> t.startsWith("1 done, 0 failed"));
        browser.screenshot("scan-kb-09-batch-supervisor-shipped");
        browser.click("batch-result-close");
        Result show = waybill.shell("waybill:package-show " + heavy);
        assertTrue(show.output().contains("SHIPPED_OVERRIDE") && show.output().contains("supervisor " + SUPERVISOR)
                && show.output().contains("last weighed 0.800 kg"), () -> "history:\n" + show.output());
    }

    @Test
    @Order(5)
    void inSimplifiedChineseTheKeysAndTheReasonsAreChinese() {
        browser.go("/delivery/scan");
        browser.switchLanguage("简体中文");
        try {
            // given
            openStationWithoutScale();
            assertTrue(browser.textOf("scan-keys-hint").contains("执行发货"), () -> browser.textOf("scan-keys-hint"));

            // when
            keys(Keys.TAB);
            awaitFocus("manual-weight");
            keys("-5");

            // then
            browser.await("the reason for -5 in Chinese", () -> "重量不能为负数".equals(String.valueOf(
                    browser.byId("manual-weight").getDomProperty("errorMessage"))));
            browser.screenshot("scan-kb-10-zh-negative-weight");
            clearActive();
            keys("1,2 kg");
            browser.await("unit kg, counts as 1.200 kg", () -> "kg".equals(browser.textOf("manual-weight-unit"))
                    && String.valueOf(browser.byId("manual-weight").getDomProperty("helperText")).contains("1.200 kg"));
            browser.screenshot("scan-kb-11-zh-kilograms");

            // and the station settings: the command barcode and the next-scan rule
            browser.click("scan-settings-button");
            browser.await("the command barcode WB-SHIP in the settings", () -> browser.byId("scan-command")
                    .isDisplayed() && "WB-SHIP".equals(String.valueOf(browser.byId("scan-command")
                    .getDomProperty("value"))));
            String rule = browser.textOf("scan-unshipped");
            assertTrue(rule.contains("询问") && rule.contains("先发货"), () -> "next-scan rule: " + rule);
            browser.screenshot("scan-kb-12-zh-station-settings");
        } finally {
            browser.switchLanguage("English");
        }
    }

    // ---------------------------------------------------------------- helpers

    private void approve(String user, String password) {
        clearAndType("ship-batch-supervisor", user);
        clearAndType("ship-batch-supervisor-password", password);
        clearAndType("ship-batch-supervisor-reason", "box repacked, checked by hand");
        browser.click("confirm-button");
    }

    private void clearAndType(String id, String text) {
        WebElement input = browser.byId(id).findElement(By.cssSelector("input, textarea"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(text);
        browser.awaitVaadin();
    }

    private void openStationWithoutScale() {
        browser.go("/delivery/scan");
        browser.await("scan input", () -> browser.driver().findElement(By.cssSelector("#scan-input input")));
        if (!browser.byId("manual-weight").isDisplayed()) {
            browser.click("scale-select");
            browser.pickOverlayItem("vaadin-select-item[role=option]", "No scale");
            browser.await("manual weight shown", () -> browser.byId("manual-weight").isDisplayed());
        }
        if ("true".equals(String.valueOf(browser.byId("auto-delivery").getDomProperty("checked")))) {
            browser.click("auto-delivery");
        }
        browser.byId("scan-input").findElement(By.cssSelector("input")).click();
        awaitFocus("scan-input");
    }

    /** Scan, Tab to the manual weight, type it and Enter: a pass, the focus back in the scan field. */
    private void scanAndWeigh(String pkg, String weight) {
        keys(pkg + Keys.ENTER);
        awaitVerdict(pkg, "NO_WEIGHT");
        keys(Keys.TAB);
        awaitFocus("manual-weight");
        keys(weight + Keys.ENTER);
        awaitVerdict(pkg, "PASS");
        awaitFocus("scan-input");
    }

    /** Types into whatever has the focus, like a keyboard or a keyboard-wedge scanner. */
    private void keys(CharSequence... keys) {
        browser.driver().switchTo().activeElement().sendKeys(keys);
        browser.awaitVaadin();
    }

    private void clearActive() {
        keys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    }

    /** Waits until the focus is in the element with this id (a field's input, or the element itself). */
    private void awaitFocus(String id) {
        browser.await("focus in #" + id, () -> Boolean.TRUE.equals(browser.js(
                "const a = document.activeElement; const e = document.getElementById(arguments[0]);"
                        + " return !!a && !!e && (a === e || e.contains(a));", id)));
    }

    private void awaitVerdict(String pkg, String outcome) {
        browser.await("verdict " + outcome + " for " + pkg, () -> browser.textOf("scan-verdict-package").contains(pkg)
                && outcome.equals(browser.byId("scan-verdict").getDomAttribute("data-outcome")));
    }

    private void awaitShipped() {
        browser.awaitText("scan-verdict-shipped", "says shipped", t -> t.startsWith("SHIPPED"));
    }

    /** 1234 g as "1,234 kg": kilograms with a decimal comma. */
    private static String kilograms(int grams) {
        return String.format(Locale.ROOT, "%d,%03d kg", grams / 1000, grams % 1000);
    }

    private String pkg(int i) {
        if (expected.size() <= i) {
            fail("no printed package prepared");
        }
        return new ArrayList<>(expected.keySet()).get(i);
    }

    private void assertShipped(String pkg, int grams) {
        Result show = waybill.shell("waybill:package-show " + pkg);
        assertTrue(show.output().contains("SHIPPED  PRINTED -> SHIPPED  (Weight " + Fixtures.kg(grams)),
                () -> "history with the typed weight " + grams + " g:\n" + show.output());
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

    /** The UI's weight format (core model Weights): kilograms with three decimals, "0.800 kg", "1.234 kg". */
    static final class Formats {
        private Formats() {
        }

        static String weight(int grams) {
            return String.format(Locale.ROOT, "%d.%03d kg", grams / 1000, grams % 1000);
        }
    }
}
