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
 * The review queue's edits (issue 14, 审单): a package held by a rule of this class is corrected on its page - ship-to
 * address and customs declaration, each a history line saying what changed (English and 简体中文) - and released from
 * the To review tab; the shell's waybill:package-address / waybill:package-declaration show, refuse bad input with
 * its reason and nothing changed, edit, and refuse a package past upload. Its rule is deleted and its packages are
 * voided afterwards, even when a test fails.
 */
@Order(20)
@ExtendWith(WaybillExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewEditIT {

    private static final String STORE = Fixtures.ACME_SHOP;
    private static final String GRID = "packages-grid";
    private static final String SKU = "RVE-MUG";
    private static final Pattern OWN_RULE = Pattern.compile("\\] (RVE [^(]*?) \\(id (\\d+)\\)");

    private WaybillDistribution waybill;
    private Browser browser;
    /** order no. -> package no. */
    private final Map<String, String> packages = new LinkedHashMap<>();

    @BeforeAll
    void setUp(WaybillDistribution waybill) throws IOException {
        this.waybill = waybill;
        deleteOwnRules();
        Result sku = waybill.shell("waybill:sku-add " + SKU + " --name \"Review IT mug\" --name-zh 复核杯 --weight 400 "
                + "--hs 691200 --origin CN --value 6.50 --currency USD");
        assertTrue(sku.exitCode() == 0 || sku.output().contains(SKU), sku::output);
        ok("waybill:rule-add -w 'sku " + SKU + "' -t 'hold RVE check the address' 'RVE hold'");
        Path file = Files.createDirectories(waybill.home().resolve("import")).resolve("review-edit.csv");
        List<String> rows = List.of(
                "RVE-001,,2025-08-01 09:00,Rita Review,,1 Main St,,Los Angeles,CA,90001,US,,," + SKU
                        + ",1,30.00,USD,30.00,0,",
                "RVE-002,,2025-08-01 09:05,Sam Shell,,2 Oak Ave,,Los Angeles,CA,90001,US,,," + SKU
                        + ",2,12.00,USD,24.00,0,");
        Files.writeString(file, Fixtures.VALUE_HEADER + "\n" + String.join("\n", rows) + "\n",
                StandardCharsets.UTF_8);
        ok("waybill:import --store " + STORE + " --confirm \"" + file + "\"");
        for (Map<String, String> row : waybill.allPackageRows("waybill:package-list --store " + STORE)) {
            if (row.getOrDefault("Order no.", "").startsWith("RVE-")) {
                packages.put(row.get("Order no."), row.get("Package no."));
            }
        }
        assertEquals(2, packages.size(), packages::toString);
        String holds = ok("waybill:release --list").output();
        assertTrue(packages.values().stream().allMatch(holds::contains) && holds.contains("RVE check the address"),
                holds);
        browser = Browser.open("review", waybill);
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
            try {
                deleteOwnRules();
            } finally {
                // leave nothing waiting or held behind for later classes
                if (!packages.isEmpty()) {
                    waybill.shell("waybill:void -r \"ReviewEditIT done\" --yes " + String.join(" ",
                            packages.values()));
                }
            }
        }
    }

    private Result ok(String command) {
        Result r = waybill.shell(command);
        assertEquals(0, r.exitCode(), () -> command + ":\n" + r.output());
        return r;
    }

    private void deleteOwnRules() {
        Matcher m = OWN_RULE.matcher(waybill.shell("waybill:rule-list").output());
        while (m.find()) {
            waybill.shell("waybill:rule-delete " + m.group(2));
        }
    }

    private String row(String gridId, String text) {
        return browser.await("row with " + text + " in #" + gridId, () -> browser.gridRows(gridId).stream()
                .filter(r -> r.contains(text)).findFirst().orElse(null));
    }

    /** Opens a package's page: its number + Enter in the search box of the To review tab. */
    private void openPackage(String packageNo) {
        browser.go("/delivery/held?scope=all");
        WebElement input = browser.byId("filter-text").findElement(By.cssSelector("input"));
        input.sendKeys(packageNo, Keys.ENTER);
        browser.await("the page of " + packageNo, () -> browser.path().startsWith("/package/"));
        browser.awaitVaadin();
    }

    @Test
    @Order(1)
    void theHeldPackagesAddressAndDeclarationAreEditedOnItsPage_andReleased() {
        String held = packages.get("RVE-001");
        // given: held by the rule, in To review with its reason
        browser.go("/delivery/held");
        browser.await("the hold reason of " + held, () -> browser.gridRows(GRID).stream()
                .anyMatch(r -> r.contains(held) && r.contains("RVE check the address")));

        // when: the address is corrected on the package page
        openPackage(held);
        assertEquals("To review", browser.textOf("detail-status"));
        browser.byId("detail-review-hint");
        browser.click("detail-edit-address");
        browser.byId("address-dialog");
        browser.type(By.cssSelector("#address-line1 input"), "500 Review Road");
        browser.click("address-save");
        browser.awaitGone("address-dialog");
        // then: on the page and in the history with who and what
        browser.await("new address shown", () -> browser.textOf("detail-address").contains("500 Review Road"));
        String address = row("history-grid", "Ship-to address corrected (address1)");
        assertTrue(address.contains("admin"), address);

        // when: the declaration is edited - a bad HS code is refused in the dialog, nothing saved
        browser.click("customs-edit");
        browser.byId("customs-dialog");
        browser.type(By.cssSelector("#customs-hs-0 input"), "69111000123");
        browser.click("customs-save");
        String refusal = browser.awaitText("customs-error", "refusal", t -> !t.isBlank());
        assertTrue(refusal.contains("longer than 10 digits"), refusal);
        browser.type(By.cssSelector("#customs-hs-0 input"), "6911.10");
        browser.type(By.cssSelector("#customs-value-0 input"), "7.25");
        browser.click("customs-save");
        browser.awaitGone("customs-dialog");
        // then: the declaration is the edited one and the history says each change before and after
        browser.await("edited badge", () -> browser.textOf("customs-source").contains("Edited on this package"));
        String customs = row("history-grid", "Customs declaration edited:");
        assertTrue(customs.contains(SKU + ": HS code 691200 → 691110") && customs.contains(SKU
                + ": unit value 30 → 7.25") && customs.contains("admin"), customs);
        browser.screenshot("review-01-en-edited");

        // the same history in 简体中文
        browser.switchLanguage("简体中文");
        try {
            openPackage(held);
            row("history-grid", "收件地址已更正（地址1）");
            String zh = row("history-grid", "报关信息已修改：");
            assertTrue(zh.contains(SKU + "：海关编码 691200 → 691110"), zh);
            assertEquals("待审核", browser.textOf("detail-status"));
            browser.screenshot("review-02-zh-edited");
        } finally {
            browser.switchLanguage("English");
        }

        // when: released on its page (the To review tab's Release is RulesBrowserIT's)
        openPackage(held);
        browser.click("detail-release");
        browser.awaitText("confirm-text", "confirm question", t -> t.startsWith("Release 1 package"));
        browser.click("confirm-button");
        assertEquals("1 done, 0 failed", browser.awaitText("batch-result-summary", "release result",
                t -> !t.isEmpty()));
        browser.click("batch-result-close");
        browser.await("waiting", () -> browser.textOf("detail-status").equals("Waiting for Delivery"));
        row("history-grid", "Released after review");
        // a waiting package can still be edited; the release is not offered any more
        browser.byId("detail-edit-address");
        assertTrue(browser.driver().findElements(By.id("detail-release")).isEmpty());

        // then: waiting, with the edits kept and the release in its history
        String show = ok("waybill:package-show " + held).output();
        assertTrue(show.contains("Released after review"), show);
        assertTrue(show.contains("500 Review Road"), show);
        assertTrue(ok("waybill:package-declaration " + held).output().contains("691110"));
    }

    @Test
    @Order(2)
    void theShellShowsEditsAndRefusesWithReasons() {
        String pkg = packages.get("RVE-002");
        // shows
        String shown = ok("waybill:package-address " + pkg).output();
        assertTrue(shown.contains("2 Oak Ave") && shown.contains("Los Angeles"), shown);
        String declared = ok("waybill:package-declaration " + pkg).output();
        assertTrue(declared.contains(SKU) && declared.contains("691200") && declared.contains("(from the catalogue)"),
                declared);

        // bad input: refused with the reason, nothing changed
        Result bad = waybill.shell("waybill:package-address " + pkg + " --postal 1234");
        assertTrue(bad.output().contains("is not a valid postal code for US"), bad::output);
        Result badDecl = waybill.shell("waybill:package-declaration " + pkg + " --qty " + SKU + "=two");
        assertTrue(badDecl.output().contains("is not a number") && badDecl.output().contains("Nothing was saved"),
                badDecl::output);
        assertTrue(ok("waybill:package-address " + pkg).output().contains("90001"));
        assertTrue(ok("waybill:package-declaration " + pkg).output().contains("(from the catalogue)"));

        // edits: held, so still editable; each in the history
        String saved = ok("waybill:package-address " + pkg + " --street \"9 Shell Street\" --postal 90002").output();
        assertTrue(saved.contains("9 Shell Street") && saved.contains("90002"), saved);
        String edited = ok("waybill:package-declaration " + pkg + " --category gift --hs " + SKU + "=691110").output();
        assertTrue(edited.contains("Customs declaration of " + pkg + " saved") && edited.contains("Category  gift"),
                edited);
        String show = ok("waybill:package-show " + pkg).output();
        assertTrue(show.contains("Ship-to address corrected (address1, postal_code)"), show);
        // (the category before is the store's default, which other classes may set)
        assertTrue(show.contains("Customs declaration edited: ") && show.contains(SKU + ": HS code 691200 → 691110"),
                show);

        // past upload (voided here: nothing leaves it) the edits are refused with the reason
        ok("waybill:void -r \"ReviewEditIT shell\" --yes " + pkg);
        Result late = waybill.shell("waybill:package-address " + pkg + " --city Pasadena");
        assertTrue(late.output().contains("its ship-to address can change only before it is uploaded"),
                late::output);
        Result lateDecl = waybill.shell("waybill:package-declaration " + pkg + " --reset");
        assertTrue(lateDecl.output().contains("its customs declaration can change only before it is uploaded"),
                lateDecl::output);
    }

    @Test
    @Order(3)
    void theToReviewTabEditsTheAddressAndTheDeclarationAndVoids() throws IOException {
        // given: a third order held by the rule
        Path file = waybill.home().resolve("import").resolve("review-edit-tab.csv");
        Files.writeString(file, Fixtures.VALUE_HEADER + "\n" + "RVE-003,,2025-08-01 09:10,Tara Tab,,3 Elm St,,"
                + "Los Angeles,CA,90001,US,,," + SKU + ",1,30.00,USD,30.00,0,\n", StandardCharsets.UTF_8);
        ok("waybill:import --store " + STORE + " --confirm \"" + file + "\"");
        for (Map<String, String> row : waybill.allPackageRows("waybill:package-list --store " + STORE)) {
            if ("RVE-003".equals(row.get("Order no."))) {
                packages.put("RVE-003", row.get("Package no."));
            }
        }
        String pkg = packages.get("RVE-003");
        assertTrue(pkg != null, packages::toString);
        browser.go("/delivery/held");
        row(GRID, pkg);

        // when: its address is corrected from the tab
        browser.selectRows(GRID, List.of(pkg));
        browser.click("action-edit-address");
        browser.byId("address-dialog");
        browser.type(By.cssSelector("#address-line1 input"), "33 Tab Terrace");
        browser.click("address-save");
        browser.awaitGone("address-dialog");
        // then: in its history, with who and which field
        String show = ok("waybill:package-show " + pkg).output();
        assertTrue(show.contains("Ship-to address corrected (address1)") && show.contains("33 Tab Terrace"), show);

        // when: its declaration is edited from the tab (a bad HS code refused in the dialog first)
        browser.click("action-edit-declaration");
        browser.byId("customs-dialog");
        browser.type(By.cssSelector("#customs-hs-0 input"), "69111000123");
        browser.click("customs-save");
        String refusal = browser.awaitText("customs-error", "refusal", t -> !t.isBlank());
        assertTrue(refusal.contains("longer than 10 digits"), refusal);
        browser.type(By.cssSelector("#customs-hs-0 input"), "691110");
        browser.click("customs-save");
        browser.awaitGone("customs-dialog");
        // then: the edit is in its history; still to review
        String edited = ok("waybill:package-show " + pkg).output();
        assertTrue(edited.contains(SKU + ": HS code 691200 → 691110"), edited);
        browser.screenshot("review-03-en-tab-edits");

        // when: voided from the tab
        browser.go("/delivery/held");
        browser.selectRows(GRID, List.of(pkg));
        browser.click("action-void");
        browser.click("void-reason");
        browser.pickOverlayItem("vaadin-select-item", "Address problem");
        browser.click("void-next");
        browser.click("void-confirm");
        assertEquals("1 done, 0 failed", browser.awaitText("batch-result-summary", "void result",
                t -> !t.isEmpty()));
        browser.click("batch-result-close");
        // then: gone from To review, voided
        browser.await(pkg + " left To review", () -> browser.gridRows(GRID).stream().noneMatch(r -> r.contains(pkg)));
        String voided = ok("waybill:package-show " + pkg).output();
        assertTrue(voided.contains("status voided"), voided);
    }
}
