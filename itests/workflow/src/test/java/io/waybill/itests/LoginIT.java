package io.waybill.itests;

import io.waybill.itests.WaybillDistribution.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.util.List;

import static io.waybill.itests.WaybillDistribution.total;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A user in a real browser: the login guard, wrong and right passwords, Waiting for Delivery with the demo packages
 * (checked against the shell), the country filter and the language switch. One browser session for the class.
 */
@Order(2)
@ExtendWith(WaybillExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginIT {

    private static final String GRID = "packages-grid";
    private WaybillDistribution waybill;
    private Browser browser;

    @BeforeAll
    void openBrowser(WaybillDistribution waybill) {
        this.waybill = waybill;
        this.browser = Browser.open("login", waybill);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void waitingPageWithoutLoginLandsOnLogin() {
        // when
        browser.go("/delivery/waiting");

        // then
        browser.byId("username");
        browser.screenshot("01-guarded-page-shows-login");
        assertEquals("/login", browser.await("URL path /login", () -> browser.path().equals("/login")
                ? browser.path() : null), "path after opening /delivery/waiting without a session");
        assertTrue(browser.driver().findElements(By.id(GRID)).isEmpty(),
                "the packages grid must not be rendered for a visitor who has not signed in");
    }

    @Test
    @Order(2)
    void wrongPasswordShowsAnErrorAndStaysOnLogin() {
        // when
        browser.login("admin", waybill.password() + "-wrong");

        // then
        WebElement error = browser.byId("login-error");
        browser.await("#login-error visible", error::isDisplayed);
        browser.screenshot("02-wrong-password");
        assertEquals("Incorrect username or password", error.getText().strip(), "login error text");
        assertEquals("/login", browser.path(), "path after a refused login");
        assertTrue(browser.driver().findElements(By.id(GRID)).isEmpty(), "no grid after a refused login");
    }

    @Test
    @Order(3)
    void rightPasswordLandsOnWaitingForDeliveryWithTheDemoPackages() {
        // given: the first packages as the shell lists them (oldest first, as the grid sorts by default)
        Result shell = waybill.shell("waybill:package-list --status waiting -n 5");
        List<String> expectedNumbers = shell.output().lines().filter(l -> l.matches("^WB\\d{8}\\s.*"))
                .map(l -> l.substring(0, 10)).toList();
        assertEquals(5, expectedNumbers.size(), () -> "package numbers from the shell:\n" + shell.output());

        // when
        browser.login("admin", waybill.password());

        // then
        browser.await("path /delivery/waiting after login", () -> browser.path().equals("/delivery/waiting"));
        assertEquals("Waiting for Delivery", browser.await("page heading",
                () -> browser.driver().findElement(By.cssSelector(".wb-title-row h2")).getText().strip()));
        browser.await("grid size 50", () -> browser.gridSize(GRID) == 50);
        List<String> rows = browser.await("grid rows with the shell's first package numbers", () -> {
            List<String> r = browser.gridRows(GRID);
            return expectedNumbers.stream().allMatch(n -> r.stream().anyMatch(row -> row.startsWith(n))) ? r : null;
        });
        browser.screenshot("03-waiting-for-delivery");
        assertEquals(50, browser.gridSize(GRID), "grid total count");
        assertEquals("50 packages", browser.textOf("package-count"), "count badge");
        for (int i = 0; i < expectedNumbers.size(); i++) {
            assertTrue(rows.get(i).startsWith(expectedNumbers.get(i) + " | "),
                    "grid row " + i + " should be package " + expectedNumbers.get(i) + " (oldest first), rows: "
                            + rows);
        }
    }

    @Test
    @Order(4)
    void countryFilterNarrowsTheRowsToThatCountry() {
        // given
        assertEquals(50, browser.gridSize(GRID), "grid total before filtering");

        // when: pick the first destination country offered by the filter
        browser.byId("filter-country").findElement(By.cssSelector("input")).click();
        // the dropdown's items are rendered lazily: wait for one that shows its label
        WebElement item = browser.await("a labelled country item in the filter's dropdown",
                () -> browser.driver().findElements(By.cssSelector("vaadin-multi-select-combo-box-item")).stream()
                        .filter(e -> e.isDisplayed() && !label(e).isEmpty()).findFirst().orElse(null));
        String label = label(item);
        String code = label.split(" ")[0];
        assertTrue(code.matches("[A-Z]{2}"), () -> "country item label should start with an ISO code: '" + label + "'");
        item.click();
        browser.byId("filter-country").findElement(By.cssSelector("input")).sendKeys(Keys.ESCAPE);
        browser.awaitVaadin();

        // then: the grid shows exactly what the shell counts for that country
        Result shell = waybill.shell("waybill:package-list --status waiting --country " + code);
        int expected = total(shell, "packages");
        assertTrue(expected > 0 && expected < 50, () -> "shell count for " + code + " should be between 1 and 49: "
                + shell.output());
        browser.await("grid size " + expected + " for " + label, () -> browser.gridSize(GRID) == expected);
        List<String> rows = browser.await("filtered rows rendered", () -> {
            List<String> r = browser.gridRows(GRID);
            return r.size() == expected ? r : null;
        });
        browser.screenshot("04-filtered-by-" + code);
        for (String row : rows) {
            assertTrue(row.contains(" | " + label + " | "), () -> "every row should be for " + label + ": " + rows);
        }
        assertEquals(expected + (expected == 1 ? " package" : " packages"), browser.textOf("package-count"),
                "count badge after filtering");
    }

    private static String label(WebElement element) {
        String text = element.getDomProperty("textContent");
        return text == null ? "" : text.strip();
    }

    @Test
    @Order(5)
    void languageSwitchToChineseShowsChineseLabels() {
        // when
        browser.byId("language-switch").click();
        WebElement chinese = browser.await("the 简体中文 item", () -> browser.driver()
                .findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(e -> e.isDisplayed() && e.getText().contains("简体中文")).findFirst().orElse(null));
        chinese.click();

        // then: the page reloads in Chinese
        String heading = browser.await("Chinese heading 待发货", () -> {
            String h = browser.driver().findElement(By.cssSelector(".wb-title-row h2")).getText().strip();
            return h.equals("待发货") ? h : null;
        });
        browser.awaitVaadin();
        browser.await("grid data after reload", () -> !browser.gridRows(GRID).isEmpty());
        browser.screenshot("05-chinese");
        assertEquals("待发货", heading);
        String nav = browser.byId("side-nav").getText();
        assertTrue(nav.contains("发货管理") && nav.contains("插件"), () -> "Chinese side navigation, got: " + nav);
        String headers = String.valueOf(browser.js("return Array.from(arguments[0].querySelectorAll("
                + "'vaadin-grid-cell-content')).map(c => c.textContent.trim()).join('|');", browser.byId(GRID)));
        assertTrue(headers.contains("包裹号") && headers.contains("买家"),
                () -> "Chinese column headers 包裹号 and 买家, got: " + headers);
    }
}
