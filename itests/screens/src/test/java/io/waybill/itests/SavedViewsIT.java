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
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13 item 12, saved views, in the browser at 1440x900: the operator saves Delivery Management as shown (tab,
 * search, all statuses, sort) under a name, opens it later from another tab (the list and the URL come back), sees
 * the views again in a new session, and deletes one; another user sees none of them; a blank name is refused with
 * the reason in the dialog; the dialog in 简体中文. Two orders of its own ({@code SVIEW-*}).
 */
@Order(19)
@ExtendWith(WaybillExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SavedViewsIT {

    private static final String STORE = Fixtures.ACME_SHOP;
    private static final String GRID = "packages-grid";
    private static final String PREFIX = "SVIEW-";
    private static final String OTHER = "it-views-operator";
    private static final String BOTH = "Both SVIEW, newest first";
    private static final String ONE = "只看 SVIEW-002";

    private final String otherPassword = "op-" + UUID.randomUUID();
    private WaybillDistribution waybill;
    private Browser browser;

    @BeforeAll
    void setUp(WaybillDistribution waybill) throws IOException {
        this.waybill = waybill;
        Path file = waybill.importDir("saved-views").resolve("saved-views.csv");
        List<String> rows = List.of(
                "SVIEW-001,,2025-07-01 09:00,Sabine Viewsaver,,1 View Lane,,Leeds,,LS1 1AA,GB,,,MUG-CER-01,1",
                "SVIEW-002,,2025-07-01 09:05,Sven Bookmark,,Zeil 5,,Frankfurt,,60313,DE,,,NOTE-A5-DOT,1");
        Files.writeString(file, Fixtures.HEADER + "\n" + String.join("\n", rows) + "\n",
                StandardCharsets.UTF_8);
        Result imported = waybill.shell("waybill:import --store " + STORE + " --confirm \"" + file + "\"");
        assertTrue(imported.output().contains("Imported: 2 new"), () -> "import:\n" + imported.output());
        Path pw = waybill.importDir("users").resolve(OTHER + ".pw");
        Files.writeString(pw, otherPassword + "\n");
        Result add = waybill.shell("waybill:user-add " + OTHER + " --role operator --password-file " + pw);
        assertTrue(add.output().contains("Created user " + OTHER), add::output);

        browser = signedIn("saved-views", "admin", waybill.password());
    }

    @AfterAll
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    // ---- helpers ----

    private Browser signedIn(String name, String user, String password) {
        Browser b = Browser.open(name, waybill);
        b.driver().manage().window().setSize(new Dimension(1440, 900));
        b.login(user, password);
        b.await("signed in as " + user, () -> !b.path().startsWith("/login"));
        b.go("/delivery/waiting");
        return b;
    }

    /** The current URL's query parameters (decoded). */
    private static Map<String, String> query(Browser b) {
        String q = URI.create(b.driver().getCurrentUrl()).getRawQuery();
        Map<String, String> params = new LinkedHashMap<>();
        if (q != null) {
            for (String pair : q.split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return params;
    }

    /** Waits for the list's count to be {@code n} and returns the order numbers of the rendered rows, in order. */
    private static List<String> awaitList(Browser b, int n) {
        String want = n == 1 ? "1 package" : n + " packages";
        b.awaitText("package-count", "count " + want, t -> t.equals(want));
        return b.await(n + " rows rendered", () -> {
            List<String> orders = b.gridRows(GRID).stream().map(r -> java.util.Arrays.stream(r.split(" \\| "))
                    .filter(c -> c.startsWith(PREFIX)).findFirst().orElse("?")).toList();
            return orders.size() == n ? orders : null;
        });
    }

    private static void open(Browser b, String pathAndQuery, String text) {
        b.go(pathAndQuery);
        b.await("#" + GRID + " shows '" + text + "'", () -> text.equals(b.byId(GRID).getAttribute("data-filter")));
        b.awaitVaadin();
    }

    private static void openDialog(Browser b) {
        b.click("saved-views");
        b.byId("saved-views-dialog");
        b.byId("saved-view-list");
    }

    /** The names of the listed views, in order. */
    private static List<String> listed(Browser b) {
        b.awaitVaadin();
        return b.driver().findElements(By.cssSelector("#saved-view-list .wb-saved-view-open")).stream()
                .map(e -> e.getText().strip()).toList();
    }

    private static WebElement viewButton(Browser b, String name) {
        return b.await("saved view '" + name + "'", () -> b.driver()
                .findElements(By.cssSelector("#saved-view-list .wb-saved-view-open")).stream()
                .filter(e -> name.equals(e.getText().strip())).findFirst().orElse(null));
    }

    private static void save(Browser b, String name) {
        WebElement input = b.byId("saved-view-name").findElement(By.cssSelector("input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(name);
        b.click("saved-view-save");
    }

    // ---- tests ----

    @Test
    @Order(1)
    void aViewIsSavedUnderANameAndOpensTheSameListAgain() {
        // given: the operator's search across all statuses, newest order first
        open(browser, "/delivery/waiting?q=" + PREFIX + "&scope=all&sort=order_no.desc", PREFIX);
        assertEquals(List.of("SVIEW-002", "SVIEW-001"), awaitList(browser, 2));

        // when: saved without a name
        openDialog(browser);
        assertTrue(browser.byId("saved-view-none").isDisplayed(), "no views yet");
        save(browser, "   ");

        // then: the reason stays on the field, nothing is saved
        browser.await("the blank name refused", () -> Boolean.TRUE.equals(
                browser.js("return arguments[0].invalid;", browser.byId("saved-view-name"))));
        assertEquals("Enter a name for the view.", String.valueOf(
                browser.js("return arguments[0].errorMessage;", browser.byId("saved-view-name"))));
        assertEquals(List.of(), listed(browser));

        // when: saved under a name
        save(browser, BOTH);

        // then: listed, with what it shows
        browser.await("the view listed", () -> listed(browser).equals(List.of(BOTH)) ? true : null);
        String summary = browser.driver().findElement(By.cssSelector("#saved-view-list .wb-saved-view .wb-muted"))
                .getText();
        assertTrue(summary.contains("Waiting for Delivery") && summary.contains(PREFIX)
                && summary.contains("All statuses") && summary.contains("sorted"), summary);
        browser.screenshot("savedviews-01-saved-en");
        browser.click("saved-views-close");
        browser.awaitGone("saved-views-dialog");

        // when: another tab without a search, then the view opened
        open(browser, "/delivery/tracked", "");
        openDialog(browser);
        browser.click(viewButton(browser, BOTH));

        // then: the same list, the same URL state
        browser.await("back on the view's tab", () -> browser.path().equals("/delivery/waiting"));
        browser.await("#" + GRID + " shows the view's search",
                () -> PREFIX.equals(browser.byId(GRID).getAttribute("data-filter")));
        assertEquals(List.of("SVIEW-002", "SVIEW-001"), awaitList(browser, 2));
        Map<String, String> q = query(browser);
        assertEquals(PREFIX, q.get("q"), q::toString);
        assertEquals("all", q.get("scope"), q::toString);
        assertEquals("order_no.desc", q.get("sort"), q::toString);
        browser.screenshot("savedviews-02-opened-en");
    }

    @Test
    @Order(2)
    void viewsAreKeptPerUserAcrossSessionsAndCanBeDeleted() {
        // given: a second view, with a Chinese name
        open(browser, "/delivery/waiting?q=SVIEW-002", "SVIEW-002");
        openDialog(browser);
        save(browser, ONE);
        browser.await("both views listed", () -> listed(browser).equals(List.of(BOTH, ONE)) ? true : null);
        browser.click("saved-views-close");

        // then: another user has none of them
        Browser other = signedIn("saved-views-other", OTHER, otherPassword);
        try {
            openDialog(other);
            assertTrue(other.byId("saved-view-none").isDisplayed(), "another user's views are not shown");
            assertEquals(List.of(), listed(other));
        } finally {
            other.close();
        }

        // and: a new session of the same user has both (kept in the core, not in the browser)
        Browser again = signedIn("saved-views-again", "admin", waybill.password());
        try {
            openDialog(again);
            assertEquals(List.of(BOTH, ONE), listed(again));
            again.click(viewButton(again, ONE));
            again.await("#" + GRID + " shows the view's search",
                    () -> "SVIEW-002".equals(again.byId(GRID).getAttribute("data-filter")));
            assertEquals(List.of("SVIEW-002"), awaitList(again, 1));

            // when: one deleted
            openDialog(again);
            String id = viewButton(again, BOTH).getAttribute("id").substring("saved-view-open-".length());
            again.click("saved-view-delete-" + id);
            again.await("the view deleted", () -> listed(again).equals(List.of(ONE)) ? true : null);
        } finally {
            again.close();
        }

        // then: gone for the user everywhere
        browser.go("/delivery/waiting");
        openDialog(browser);
        assertEquals(List.of(ONE), listed(browser));
        browser.click("saved-views-close");
    }

    @Test
    @Order(3)
    void theDialogInSimplifiedChinese() {
        browser.go("/delivery/waiting");
        browser.switchLanguage("简体中文");
        try {
            browser.awaitText("saved-views", "button in Chinese", t -> t.equals("视图"));
            openDialog(browser);
            assertEquals(List.of(ONE), listed(browser));
            String summary = browser.driver()
                    .findElement(By.cssSelector("#saved-view-list .wb-saved-view .wb-muted")).getText();
            assertTrue(summary.contains("搜索“SVIEW-002”"), summary);
            save(browser, "");
            browser.await("the blank name refused in Chinese", () -> "请输入视图名称。".equals(String.valueOf(
                    browser.js("return arguments[0].errorMessage;", browser.byId("saved-view-name")))) ? true : null);
            browser.screenshot("savedviews-03-dialog-zh");
            browser.click("saved-views-close");
        } finally {
            browser.switchLanguage("English");
        }
    }
}
