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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Logistics rules in the browser (issue 14): three rules created on the Rules settings page (battery SKUs -> a
 * shipping method and a tag; EU + value up to 150 EUR -> hold for review; weight over 2 kg -> another warehouse),
 * reordered; a CSV of orders captured on the import page; each package's assignment and the rule in its history;
 * the dry run; the held package in "To review" with its reason, released; the allocation in the rule's warehouse;
 * screens in English and 简体中文. Its rules are deleted afterwards (rules apply to every capture). The issue's
 * "merge two orders of one buyer, split one" steps of this test run in {@code MergeIT} (the next class of this suite,
 * on its own orders: merged from the To review tab, and a package split on its page, one half shipped), so neither
 * class sets up a store, stubs and a browser twice.
 */
@Order(20)
@ExtendWith(WaybillExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RulesBrowserIT {

    private static final String STORE = Fixtures.ACME_SHOP;
    private static final String GRID = "packages-grid";
    private static final String BATTERY_SKU = "RIT-BAT";
    private static final String MUG_SKU = "RIT-MUG";
    private static final Pattern OWN_RULE = Pattern.compile("\\] (RIT [^(]*?) \\(id (\\d+)\\)");

    private WaybillDistribution waybill;
    private Browser browser;
    /** order no. -> package no. */
    private final Map<String, String> packages = new LinkedHashMap<>();

    @BeforeAll
    void setUp(WaybillDistribution waybill) {
        this.waybill = waybill;
        deleteOwnRules();
        ok("waybill:sku-add " + BATTERY_SKU + " --name \"Rules IT power bank\" --weight 200 --dg battery");
        ok("waybill:sku-add " + MUG_SKU + " --name \"Rules IT mug\" --weight 800");
        for (String w : List.of("SZ-01", "US-LA")) {
            ok("waybill:stock-set " + w + " " + MUG_SKU + " 20");
        }
        browser = Browser.open("rules", waybill);
        browser.driver().manage().window().setSize(new Dimension(1440, 900));
        browser.login("admin", waybill.password());
        browser.await("signed in", () -> browser.path().startsWith("/delivery/"));
    }

    @AfterAll
    void tearDown() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            deleteOwnRules();
        }
    }

    private Result ok(String command) {
        Result r = waybill.shell(command);
        assertEquals(0, r.exitCode(), () -> command + ":\n" + r.output());
        return r;
    }

    /** Rules apply to every capture: none of this class's rules may outlive it. */
    private void deleteOwnRules() {
        Matcher m = OWN_RULE.matcher(waybill.shell("waybill:rule-list").output());
        while (m.find()) {
            waybill.shell("waybill:rule-delete " + m.group(2));
        }
    }

    private void addRule(String name, List<String[]> conditions, Map<String, String> actions) {
        browser.type(By.cssSelector("#rule-name input"), name);
        for (String[] c : conditions) {
            browser.click("rule-condition-kind");
            browser.pickOverlayItem("vaadin-select-item", c[0]);
            browser.type(By.cssSelector("#rule-condition-value input"), c[1]);
            browser.click("rule-condition-add");
            browser.await("condition " + c[1] + " listed", () -> browser.textOf("rule-conditions").contains(c[1]));
        }
        for (Map.Entry<String, String> a : actions.entrySet()) {
            WebElement input = browser.byId(a.getKey()).findElement(By.cssSelector("input"));
            input.sendKeys(a.getValue());
            if (a.getKey().equals("rule-action-warehouse")) {
                browser.pickOverlayItem("vaadin-combo-box-item", a.getValue());
            } else if (a.getKey().equals("rule-action-carrier")) {
                input.sendKeys(Keys.ENTER);
            }
            browser.awaitVaadin();
        }
        browser.click("rule-save");
        try {
            browser.await("rule " + name + " in the list", () -> browser.gridRows("rules-grid").stream()
                    .anyMatch(r -> r.contains(name)));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the form says: '" + browser.textOf("rule-error")
                    + "'; waybill:rule-list says:\n" + waybill.shell("waybill:rule-list").output(), e);
        }
    }

    private String row(String gridId, String text) {
        return browser.await("row with " + text + " in #" + gridId, () -> browser.gridRows(gridId).stream()
                .filter(r -> r.contains(text)).findFirst().orElse(null));
    }

    /** Opens a package's page: its number + Enter in the search box. */
    private void openPackage(String packageNo) {
        browser.go("/delivery/waiting?scope=all");
        WebElement input = browser.byId("filter-text").findElement(By.cssSelector("input"));
        input.sendKeys(packageNo, Keys.ENTER);
        browser.await("the page of " + packageNo, () -> browser.path().startsWith("/package/"));
        browser.awaitVaadin();
    }

    @Test
    @Order(1)
    void threeRulesAreCreatedOnTheRulesPageAndReordered() {
        browser.go("/settings/rules");
        browser.byId("rules-grid");
        addRule("RIT battery", List.<String[]>of(new String[] {"SKU flagged", "battery"}),
                new LinkedHashMap<>(Map.of("rule-action-carrier", "pool", "rule-action-service", "RR",
                        "rule-action-tag", "battery")));
        addRule("RIT EU low value", List.of(new String[] {"Destination country", "EU"},
                new String[] {"Order value", "..150 EUR"}), Map.of("rule-action-hold", "IOSS number missing"));
        addRule("RIT heavy", List.<String[]>of(new String[] {"Weight (g)", "2001.."}),
                Map.of("rule-action-warehouse", "US-LA"));
        // a bad value is refused with its reason, nothing added
        browser.type(By.cssSelector("#rule-name input"), "RIT bad");
        // the condition kind is still "Weight (g)" from the rule before
        assertTrue(browser.textOf("rule-condition-kind").contains("Weight (g)"), browser.textOf("rule-condition-kind"));
        browser.type(By.cssSelector("#rule-condition-value input"), "heavy");
        browser.click("rule-condition-add");
        browser.byId("rule-action-tag").findElement(By.cssSelector("input")).sendKeys("x");
        browser.click("rule-save");
        String refusal = browser.awaitText("rule-error", "refusal", t -> !t.isEmpty());
        assertTrue(refusal.contains("heavy"), refusal);
        assertTrue(browser.gridRows("rules-grid").stream().noneMatch(r -> r.contains("RIT bad")));

        List<String> rows = browser.gridRows("rules-grid").stream().filter(r -> r.contains("RIT ")).toList();
        assertEquals(3, rows.size(), rows::toString);
        assertTrue(rows.get(0).contains("flag battery") && rows.get(0).contains("ship pool RR; tag battery"),
                rows.get(0));
        assertTrue(rows.get(1).contains("country EU; value ..150 EUR") && rows.get(1).contains(
                "hold IOSS number missing"), rows.get(1));
        assertTrue(rows.get(2).contains("weight 2001..") && rows.get(2).contains("warehouse US-LA"), rows.get(2));
        browser.screenshot("rules-01-en-rules");

        // reorder: the heavy rule up one place and back
        int heavy = Integer.parseInt(rows.get(2).split(" \\| ")[0].strip());
        browser.click("rule-up-" + heavy);
        browser.await("heavy moved up", () -> browser.gridRows("rules-grid").stream()
                .filter(r -> r.contains("RIT ")).toList().get(1).contains("RIT heavy"));
        browser.click("rule-down-" + (heavy - 1));
        browser.await("heavy moved back", () -> browser.gridRows("rules-grid").stream()
                .filter(r -> r.contains("RIT ")).toList().get(2).contains("RIT heavy"));
        assertTrue(ok("waybill:rule-list").output().contains("RIT heavy"));
    }

    @Test
    @Order(2)
    void aCapturedCsvGetsItsAssignmentsWithTheRuleInTheHistory() throws IOException {
        // given: four orders - battery to the US, a low-value one to Germany, a heavy one, a plain one
        Path csv = waybill.importDir("rules").resolve("rules-orders.csv");
        List<String> rows = List.of(
                "RIT-001,,2025-07-01 09:00,Rita Battery,,1 Main St,,Los Angeles,CA,90001,US,,," + BATTERY_SKU
                        + ",1,25.00,USD,25.00,0,",
                "RIT-002,,2025-07-01 09:05,Rainer Zoll,,Zeil 5,,Frankfurt,,60313,DE,,," + MUG_SKU
                        + ",1,30.00,EUR,30.00,0,",
                "RIT-003,,2025-07-01 09:10,Hank Heavy,,2 Oak Ave,,Los Angeles,CA,90001,US,,," + MUG_SKU
                        + ",3,20.00,USD,60.00,0,",
                "RIT-004,,2025-07-01 09:15,Polly Plain,,1 Query Lane,,Leeds,,LS1 1AA,GB,,," + MUG_SKU
                        + ",1,10.00,GBP,10.00,0,");
        Files.writeString(csv, Fixtures.VALUE_HEADER + "\n" + String.join("\n", rows) + "\n",
                StandardCharsets.UTF_8);

        // when: captured on the import page
        browser.go("/orders/import");
        browser.click(browser.byId("import-store").findElement(By.cssSelector("input")));
        browser.pickOverlayItem("vaadin-combo-box-item", "(" + STORE + ")");
        browser.await("upload enabled", () -> browser.byId("import-upload").getDomAttribute("disabled") == null);
        browser.fileInput("import-upload").sendKeys(csv.toString());
        String preview = browser.awaitText("import-summary", "preview", t -> t.contains(" rows"));
        assertTrue(preview.startsWith("4 rows, 4 valid orders"), preview);
        browser.click("import-confirm");
        String imported = browser.awaitText("import-result-summary", "import result", t -> t.contains(" new"));
        assertTrue(imported.startsWith("4 new"), imported);
        for (Map<String, String> row : waybill.allPackageRows("waybill:package-list --store " + STORE)) {
            if (row.getOrDefault("Order no.", "").startsWith("RIT-")) {
                packages.put(row.get("Order no."), row.get("Package no."));
            }
        }
        assertEquals(4, packages.size(), packages::toString);

        // then: each decision is in the package's history with its rule
        openPackage(packages.get("RIT-001"));
        // one history row carries every decision of the run, each with its rule
        String decided = row("history-grid", "Shipping method pool / RR by rule #1 \"RIT battery\"");
        assertTrue(decided.contains("Tag battery by rule #1 \"RIT battery\""), decided);
        browser.screenshot("rules-02-en-history-battery");
        openPackage(packages.get("RIT-003"));
        row("history-grid", "Warehouse US-LA by rule #3 \"RIT heavy\"");
        openPackage(packages.get("RIT-004"));
        assertTrue(browser.gridRows("history-grid").stream().noneMatch(r -> r.contains("by rule")),
                "no rule matched the plain order");
        String show = ok("waybill:package-show " + packages.get("RIT-002")).output();
        // the shell lists each item of the rules' history row on a line of its own, under the row
        assertTrue(Pattern.compile("(?m)  HELD  WAITING -> HELD\\s*$").matcher(show).find(), show);
        assertTrue(Pattern.compile("(?m)^\\s+Held for review: IOSS number missing \\(rule #2 \"RIT EU low value\"\\)"
                + "\\s*$").matcher(show).find(), show);

        // the rule's warehouse serves the heavy package, not the store's first one
        Result allocated = ok("waybill:allocate " + packages.get("RIT-003"));
        assertTrue(allocated.output().contains("1 done"), allocated.output());
        String heavy = ok("waybill:package-show " + packages.get("RIT-003")).output();
        assertTrue(heavy.contains("warehouse US-LA"), heavy);
        // a held package cannot be allocated
        Result refused = waybill.shell("waybill:allocate " + packages.get("RIT-002"));
        assertTrue(refused.output().contains("held_for_review"), refused.output());
    }

    @Test
    @Order(3)
    void theDryRunShowsWhatEachPackageWouldGetAndFromWhichRule() {
        browser.go("/settings/rules");
        browser.type(By.cssSelector("#rule-dry-run-packages input"), packages.get("RIT-001") + " "
                + packages.get("RIT-004"));
        browser.click("rule-dry-run");
        String battery = row("rule-dry-run-grid", packages.get("RIT-001"));
        assertTrue(battery.contains("pool / RR (rule #1 \u201cRIT battery\u201d)"), battery);
        assertTrue(battery.contains("battery (rule #1 \u201cRIT battery\u201d)"), battery);
        // the skipped rules with why (the row's details, open for a small run)
        assertTrue(battery.contains("Rule #2 \u201cRIT EU low value\u201d: country EU not met (country US)"), battery);
        assertTrue(battery.contains("Rule #3 \u201cRIT heavy\u201d: weight 2001.. not met"), battery);
        browser.screenshot("rules-03-en-dry-run");
        browser.click("rule-dry-run-close");
        browser.awaitGone("rule-dry-run-dialog");
    }

    @Test
    @Order(4)
    void theHeldPackageIsInToReviewWithItsReasonInBothLanguagesAndIsReleased() {
        String held = packages.get("RIT-002");
        browser.go("/delivery/held");
        String row = row(GRID, held);
        assertTrue(row.contains("IOSS number missing (rule \u201cRIT EU low value\u201d)"), row);
        browser.screenshot("rules-04-en-to-review");

        browser.switchLanguage("简体中文");
        try {
            browser.go("/delivery/held");
            assertEquals("待审核", browser.textOf("delivery-title"));
            assertTrue(row(GRID, held).contains("IOSS number missing（规则“RIT EU low value”）"));
            browser.screenshot("rules-05-zh-to-review");
            browser.go("/settings/rules");
            row("rules-grid", "RIT heavy");
            browser.screenshot("rules-06-zh-rules");
            browser.type(By.cssSelector("#rule-dry-run-packages input"), packages.get("RIT-001"));
            browser.click("rule-dry-run");
            String dry = row("rule-dry-run-grid", packages.get("RIT-001"));
            assertTrue(dry.contains("pool / RR（规则 #1“RIT battery”）"), dry);
            browser.screenshot("rules-07-zh-dry-run");
            browser.click("rule-dry-run-close");
            openPackage(packages.get("RIT-001"));
            row("history-grid", "运输方式 pool / RR（规则 #1“RIT battery”）");
            browser.screenshot("rules-08-zh-history");
        } finally {
            browser.switchLanguage("English");
        }

        // when: released from the To review tab
        browser.go("/delivery/held");
        browser.selectRows(GRID, List.of(held));
        browser.click("action-release");
        browser.awaitText("confirm-text", "confirm question", t -> t.startsWith("Release 1 package"));
        browser.click("confirm-button");
        assertEquals("1 done, 0 failed", browser.awaitText("batch-result-summary", "release result",
                t -> !t.isEmpty()));
        browser.click("batch-result-close");

        // then: back to waiting, with the release in its history
        String show = ok("waybill:package-show " + held).output();
        assertTrue(show.contains("Released after review"), show);
        assertTrue(ok("waybill:allocate " + held).output().contains("1 done"));
    }

    @Test
    @Order(5)
    void aRuleIsEditedInPlaceAndKeepsItsPosition() {
        browser.go("/settings/rules");
        String before = row("rules-grid", "RIT heavy");
        int position = Integer.parseInt(before.split(" \\| ")[0].strip());
        browser.click("rule-edit-" + position);
        browser.awaitText("rule-form-title", "edit title", t -> t.contains("Edit rule") && t.contains("RIT heavy"));
        assertEquals("RIT heavy", browser.byId("rule-name").findElement(By.cssSelector("input"))
                .getDomProperty("value"));
        assertTrue(browser.textOf("rule-conditions").contains("weight 2001.."), browser.textOf("rule-conditions"));
        // the weight condition out, a buyer-note condition in, a new name
        browser.byId("rule-condition-0").findElement(By.cssSelector("vaadin-button")).click();
        browser.await("weight condition removed", () -> !browser.textOf("rule-conditions").contains("weight"));
        browser.click("rule-condition-kind");
        browser.pickOverlayItem("vaadin-select-item", "Buyer note");
        browser.type(By.cssSelector("#rule-condition-value input"), "yes");
        browser.click("rule-condition-add");
        browser.await("note condition listed", () -> browser.textOf("rule-conditions").contains("note yes"));
        WebElement name = browser.byId("rule-name").findElement(By.cssSelector("input"));
        name.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        name.sendKeys("RIT heavy noted");
        browser.click("rule-save");
        String after = browser.await("edited rule listed", () -> browser.gridRows("rules-grid").stream()
                .filter(r -> r.contains("RIT heavy noted")).findFirst().orElse(null));
        assertEquals(position, Integer.parseInt(after.split(" \\| ")[0].strip()), after);
        assertTrue(after.contains("note yes") && !after.contains("weight") && after.contains("warehouse US-LA"),
                after);
        assertEquals("Add a rule", browser.textOf("rule-form-title"));
        String list = ok("waybill:rule-list").output();
        assertTrue(list.contains("RIT heavy noted") && list.contains("when: note yes"), list);
    }

    @Test
    @Order(6)
    void aRuleIsDeletedOnThePage() {
        browser.go("/settings/rules");
        String heavy = row("rules-grid", "RIT heavy");
        int position = Integer.parseInt(heavy.split(" \\| ")[0].strip());
        browser.click("rule-delete-" + position);
        browser.click("confirm-button");
        browser.await("heavy rule gone", () -> browser.gridRows("rules-grid").stream()
                .noneMatch(r -> r.contains("RIT heavy")));
        assertTrue(!ok("waybill:rule-list").output().contains("RIT heavy"));
    }
}
