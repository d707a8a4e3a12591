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
import org.openqa.selenium.Dimension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13 item 10: the layout at 1440 x 900 (and 1920 x 1080 for the screenshots), in English and 简体中文. Three
 * orders of its own ({@code LAYT-*}, fixed-format data: order and package numbers, buyer names, destination, weight,
 * date) are imported through the shell; one is allocated, uploaded to the pool carrier, printed and shipped so that it
 * is on the Sync list with a tracking number. A user of its own ({@value #USER}) checks, in the browser: every status
 * tab is on screen without scrolling the tab strip and no side navigation label is cut; the Created cell shows the
 * time; no cell of the test's own rows is cut (scrollWidth <= clientWidth of each cell's content, on these rows
 * only, never a pixel width); the default column set fits without scrolling sideways (the grid's scrollWidth is not
 * above its clientWidth) on the waiting list, a carrier tab and across all statuses, where no tab is highlighted; the
 * columns hidden in the "Columns" menu stay hidden after signing out and in, and in a
 * second browser (another device): the choice is kept in the core.
 */
@Order(19)
@ExtendWith(WaybillExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LayoutIT {
    /** One tab per status a package waits in: the ten of issue 13 plus issue 14's To review (held) and Merged. */
    static final int DELIVERY_TABS = 12;


    private static final String STORE = "ACME-SHOP";
    private static final String SKU = "NOTE-A5-DOT";
    private static final String PREFIX = "LAYT-";
    private static final String USER = "it-layout";
    private static final String GRID = "packages-grid";
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final Pattern POOL_ROW = Pattern.compile("(?m)^carrier\\s*\\|\\s*pool\\s*\\|.*");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
    /** order no. -> buyer: fixed-format data whose cells must not be cut. */
    private static final Map<String, String> BUYERS = new LinkedHashMap<>();

    static {
        BUYERS.put("LAYT-00001", "Maximiliane Oberhausen-Brandt");
        BUYERS.put("LAYT-00002", "Wilhelmina Vandersteen");
        BUYERS.put("LAYT-00003", "Konstantin Abendroth");
    }

    private final String password = "lay-" + UUID.randomUUID();
    private WaybillDistribution waybill;
    private Browser browser;
    private Path deployedPool;
    /** order no. -> package no. */
    private final Map<String, String> packages = new LinkedHashMap<>();
    private String shippedOrder;

    @BeforeAll
    void setUp(WaybillDistribution waybill) throws IOException {
        this.waybill = waybill;
        Path pw = waybill.importDir("users").resolve(USER + ".pw");
        Files.writeString(pw, password + "\n");
        Result add = waybill.shell("waybill:user-add " + USER + " --role supervisor --password-file " + pw);
        assertTrue(add.output().contains("Created user " + USER), add::output);

        // the pool carrier (the demo stores' default) gives the shipped one its tracking number
        if (!POOL_ROW.matcher(waybill.shell("waybill:plugin-list").output()).find()) {
            Path jar = Path.of(WaybillDistribution.required("waybill.it.poolJar"));
            deployedPool = waybill.deployDir().resolve(jar.getFileName());
            Files.copy(jar, deployedPool, StandardCopyOption.REPLACE_EXISTING);
            waybill.shellUntil("waybill:plugin-list", r -> POOL_ROW.matcher(WaybillDistribution.registeredPlugins(r.output())).find(), LIMIT);
        }
        Result stock = waybill.shell("waybill:stock-adjust -r \"layout IT\" SZ-01 " + SKU + " 1");
        assertEquals(0, stock.exitCode(), () -> "stock-adjust:\n" + stock.output());

        Path file = waybill.importDir("layout").resolve("layout.csv");
        StringBuilder rows = new StringBuilder(Fixtures.HEADER).append('\n');
        int i = 0;
        for (Map.Entry<String, String> e : BUYERS.entrySet()) {
            rows.append(e.getKey()).append(",,2025-07-0").append(++i).append(" 09:30,").append(e.getValue())
                    .append(",,Friedrichstrasse ").append(i).append(",,Berlin,,10117,DE,,,").append(SKU)
                    .append(",1\n");
        }
        Files.writeString(file, rows, StandardCharsets.UTF_8);
        Result imported = waybill.shell("waybill:import --store " + STORE + " --confirm \"" + file + "\"");
        assertTrue(imported.output().contains("Imported: 3 new"), () -> "import:\n" + imported.output());
        // every page of the store's waiting packages: earlier classes import more than one page (oldest first)
        for (int page = 1; packages.size() < BUYERS.size(); page++) {
            Result list = waybill.shell("waybill:package-list --store " + STORE + " --status waiting -n 1000 -p "
                    + page);
            List<Map<String, String>> listed = ShellTables.rows(list);
            for (Map<String, String> row : listed) {
                if (BUYERS.containsKey(row.getOrDefault("Order no.", ""))) {
                    packages.put(row.get("Order no."), row.get("Package no."));
                }
            }
            if (listed.size() < 1000) {
                break;
            }
        }
        assertEquals(3, packages.size(), () -> "packages: " + packages);

        // the third: allocated, tracked, printed and shipped (on the Sync list with its tracking number)
        shippedOrder = "LAYT-00003";
        String pkg = packages.get(shippedOrder);
        Result allocated = waybill.shell("waybill:allocate " + pkg);
        assertTrue(allocated.output().contains("1 done"), () -> "allocate:\n" + allocated.output());
        Result uploaded = waybill.shell("waybill:upload " + pkg);
        assertTrue(uploaded.output().contains("1 queued"), () -> "upload:\n" + uploaded.output());
        awaitStatus(pkg, "tracked");
        Result print = waybill.shell("waybill:print -o \"" + waybill.printDir("layout").resolve("labels.pdf")
                + "\" --mark-printed " + pkg);
        assertTrue(print.output().contains("Mark printed: 1 done, 0 failed"), () -> "print:\n" + print.output());
        Result ship = waybill.shell("waybill:ship --batch " + pkg);
        assertTrue(ship.output().contains("1 done, 0 failed"), () -> "ship:\n" + ship.output());
        awaitStatus(pkg, "shipped");

        browser = Browser.open("layout", waybill);
        browser.driver().manage().window().setSize(new Dimension(1440, 900));
        signIn(browser);
    }

    @AfterAll
    void tearDown() throws IOException {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (deployedPool != null && Files.deleteIfExists(deployedPool)) {
                waybill.shellUntil("waybill:plugin-list", r -> r.exitCode() == 0
                        && !POOL_ROW.matcher(r.output()).find(), LIMIT);
            }
        }
    }

    @Test
    @Order(1)
    void everyStatusTabIsOnScreenWithoutScrollingAndNoNavigationLabelIsCut() {
        browser.go("/delivery/waiting");
        awaitTabCounts();
        assertTabsAndNavigationFit("English");
        browser.screenshot("layout-01-en-1440-waiting");
        // the last tab is reached with one click, no scroll arrow
        browser.click("tab-voided");
        browser.await("on the Voided tab", () -> browser.path().equals("/delivery/voided"));
        browser.screenshot("layout-02-en-1440-voided");
    }

    @Test
    @Order(2)
    void theDefaultColumnsFitWithoutScrollingSidewaysAndAllStatusesHighlightsNoTab() {
        // the user's default column set (every column): the waiting list, a carrier tab (tracking no. and upload
        // state) and a carrier tab across all statuses (the status column too: every column of the list)
        for (String url : List.of("/delivery/waiting?q=" + PREFIX, "/delivery/shipped?q=" + PREFIX,
                "/delivery/allocated?scope=all&q=" + PREFIX)) {
            browser.go(url);
            browser.await("#" + GRID + " shows '" + PREFIX + "'",
                    () -> PREFIX.equals(browser.byId(GRID).getAttribute("data-filter")));
            browser.await("own rows on " + url, () -> browser.gridRows(GRID).stream().anyMatch(r -> r.contains(PREFIX)));
            assertNoSidewaysScroll(url);
            String selected = String.valueOf(browser.js("return Array.from(document.querySelectorAll("
                    + "'#delivery-tabs vaadin-tab')).filter(t => t.hasAttribute('selected')).map(t => t.id).join(',');"));
            if (url.contains("scope=all")) {
                assertEquals("", selected, "in all statuses no tab is highlighted");
                browser.screenshot("layout-06-en-1440-all-statuses-all-columns");
            } else {
                assertEquals("tab-" + url.substring("/delivery/".length(), url.indexOf('?')), selected, url);
            }
        }
    }

    @Test
    @Order(3)
    void createdShowsTheTimeAndNoCellOfTheOwnRowsIsCut() {
        browser.go("/delivery/waiting");
        browser.filter("filter-text", GRID, PREFIX);
        List<String> rows = browser.await("the two waiting LAYT rows", () -> {
            List<String> r = browser.gridRows(GRID).stream().filter(t -> t.contains(PREFIX)).toList();
            return r.size() == 2 ? r : null;
        });
        for (String order : List.of("LAYT-00001", "LAYT-00002")) {
            String row = rows.stream().filter(r -> r.contains(order)).findFirst().orElseThrow();
            assertTrue(row.contains(packages.get(order)) && row.contains(BUYERS.get(order))
                    && row.contains("DE · Germany"), () -> "row of " + order + ": " + row);
            assertTrue(DATE_TIME.matcher(row).find(), () -> "Created with its time in " + row);
            assertTrue(Pattern.compile("\\| \\d+\\.\\d{3} kg \\|").matcher(row).find(),
                    () -> "weight in kg with three decimals in " + row);
            assertNoCellCut(GRID, order, waitingCells(order));
        }
        browser.screenshot("layout-03-en-1440-waiting-own-rows");

        // the shipped one on the Sync list: order no., store, carrier, tracking no. and status whole
        browser.go("/delivery/sync");
        browser.filter("sync-filter-text", "sync-grid", shippedOrder);
        String pkg = packages.get(shippedOrder);
        String row = browser.await("the shipped LAYT row on the Sync list", () -> browser.gridRows("sync-grid")
                .stream().filter(r -> r.startsWith(pkg + " | ")).findFirst().orElse(null));
        assertTrue(row.contains(shippedOrder) && row.contains("pool"), () -> "sync row: " + row);
        // order no., store, carrier, tracking no. (the pool's UPU S10 format)
        assertNoCellCut("sync-grid", shippedOrder, List.of(exact(pkg),
                exact(shippedOrder), "^ACME ", "^pool$", "^[A-Z]{2}\\d{9}[A-Z]{2}$"));
        browser.screenshot("layout-04-en-1440-sync-own-row");
    }

    @Test
    @Order(4)
    void theChosenColumnsFollowTheUserAfterSignOutAndOnAnotherDevice() {
        browser.go("/delivery/waiting");
        browser.filter("filter-text", GRID, PREFIX);
        String buyer = BUYERS.get("LAYT-00001");
        browser.await("buyer shown", () -> browser.gridRows(GRID).stream().anyMatch(r -> r.contains(buyer)));

        // when: Buyer and SKUs hidden in the Columns menu
        hideColumn("buyer");
        hideColumn("skus");
        browser.await("buyer and SKUs gone from the rows", () -> browser.gridRows(GRID).stream()
                .filter(r -> r.contains("LAYT-00001")).anyMatch(r -> !r.contains(buyer) && !r.contains(SKU)));
        browser.screenshot("layout-05-en-1440-columns-hidden");

        // then: signed out and in again, still hidden
        browser.click("logout-button");
        browser.await("signed out", () -> browser.path().startsWith("/login"));
        signIn(browser);
        browser.go("/delivery/waiting");
        browser.filter("filter-text", GRID, PREFIX);
        assertHidden(browser, buyer);

        // and in another browser (another device): the choice is kept in the core, not in the browser
        try (Browser other = Browser.open("layout-device2", waybill)) {
            other.driver().manage().window().setSize(new Dimension(1440, 900));
            signIn(other);
            other.go("/delivery/waiting");
            other.filter("filter-text", GRID, PREFIX);
            assertHidden(other, buyer);
        }

        // shown again: Buyer back (the choice is saved the other way too)
        browser.click("delivery-columns");
        browser.click(browser.await("menu item Buyer", () -> displayed("columns-buyer")));
        browser.driver().findElement(org.openqa.selenium.By.tagName("body")).sendKeys(org.openqa.selenium.Keys.ESCAPE);
        browser.await("buyer back", () -> browser.gridRows(GRID).stream().anyMatch(r -> r.contains(buyer)));
        browser.click("logout-button");
        browser.await("signed out", () -> browser.path().startsWith("/login"));
        signIn(browser);
        browser.go("/delivery/waiting");
        browser.filter("filter-text", GRID, PREFIX);
        browser.await("buyer still back after signing in", () -> browser.gridRows(GRID).stream()
                .anyMatch(r -> r.contains(buyer) && !r.contains(SKU)));
    }

    @Test
    @Order(5)
    void screenshotsAt1440And1920InEnglishAndChinese() {
        for (String language : List.of("English", "简体中文")) {
            if (!"English".equals(language)) {
                browser.go("/delivery/waiting");
                browser.switchLanguage(language);
            }
            String tag = "English".equals(language) ? "en" : "zh";
            for (Dimension size : List.of(new Dimension(1440, 900), new Dimension(1920, 1080))) {
                browser.driver().manage().window().setSize(size);
                String res = size.getWidth() + "";
                browser.go("/delivery/waiting");
                awaitTabCounts();
                assertTabsAndNavigationFit(language + " at " + res);
                browser.screenshot("layout-10-" + tag + "-" + res + "-waiting");
                browser.go("/delivery/shipped");
                awaitTabCounts();
                browser.screenshot("layout-11-" + tag + "-" + res + "-shipped");
                browser.go("/delivery/sync");
                browser.awaitText("sync-count", "sync count", t -> !t.isBlank());
                browser.screenshot("layout-12-" + tag + "-" + res + "-sync");
                browser.go("/delivery/ship-batch");
                browser.screenshot("layout-13-" + tag + "-" + res + "-ship-batch");
                browser.go("/products");
                browser.screenshot("layout-14-" + tag + "-" + res + "-products");
            }
            browser.driver().manage().window().setSize(new Dimension(1440, 900));
            browser.go("/delivery/waiting");
            browser.filter("filter-text", GRID, PREFIX);
            browser.await("own rows", () -> browser.gridRows(GRID).stream().filter(r -> r.contains(PREFIX))
                    .count() == 2);
            for (String order : List.of("LAYT-00001", "LAYT-00002")) {
                assertNoCellCut(GRID, order, waitingCells(order));
            }
            browser.screenshot("layout-15-" + tag + "-1440-own-rows");
        }
    }

    // ---------------------------------------------------------------- helpers

    private void signIn(Browser b) {
        b.login(USER, password);
        b.await("signed in as " + USER, () -> b.path().startsWith("/delivery/"));
    }

    private void awaitTabCounts() {
        browser.await("tab labels with counts", () -> Boolean.TRUE.equals(browser.js(
                "return Array.from(document.querySelectorAll('#delivery-tabs vaadin-tab'))"
                        + ".every(t => /\\d/.test(t.textContent));")));
    }

    /**
     * Every status tab inside the tab strip and on screen (the element at its centre is the tab), the strip not
     * scrolled or scrollable, no scroll arrow shown; no element of a side navigation item clips its content.
     */
    @SuppressWarnings("unchecked")
    private void assertTabsAndNavigationFit(String where) {
        Map<String, Object> fit = (Map<String, Object>) browser.js("""
                const tabs = document.getElementById('delivery-tabs');
                const strip = tabs.shadowRoot.querySelector('[part="tabs"]');
                const sr = strip.getBoundingClientRect();
                const problems = [];
                if (strip.scrollWidth > strip.clientWidth) problems.push('tab strip scrolls: ' + strip.scrollWidth
                    + ' > ' + strip.clientWidth);
                for (const part of ['back-button', 'forward-button']) {
                  const b = tabs.shadowRoot.querySelector('[part="' + part + '"]');
                  if (b && b.getClientRects().length > 0 && getComputedStyle(b).display !== 'none'
                      && getComputedStyle(b).visibility !== 'hidden') problems.push(part + ' shown');
                }
                const all = Array.from(tabs.querySelectorAll('vaadin-tab'));
                for (const t of all) {
                  const r = t.getBoundingClientRect();
                  const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                  if (!(at === t || t.contains(at))) problems.push(t.id + ' not on screen (' + (at && at.tagName) + ')');
                  if (r.right > sr.right + 0.5 || r.left < sr.left - 0.5 || r.right > window.innerWidth)
                    problems.push(t.id + ' outside the strip');
                  if (t.scrollWidth > t.clientWidth) problems.push(t.id + ' label cut');
                }
                const nav = [];
                for (const item of document.querySelectorAll('#side-nav vaadin-side-nav-item')) {
                  if (item.getClientRects().length === 0) continue;
                  for (const e of [item, ...item.shadowRoot.querySelectorAll('*')]) {
                    if (e.getClientRects().length === 0) continue;
                    const cs = getComputedStyle(e);
                    const clips = cs.overflowX !== 'visible' || cs.textOverflow === 'ellipsis';
                    if (clips && e.scrollWidth > e.clientWidth) {
                      const label = (item.childNodes[0] && item.childNodes[0].textContent || item.textContent).trim();
                      nav.push(label.split('\\n')[0] + ' (' + (e.getAttribute('part') || e.tagName) + ')');
                      break;
                    }
                  }
                }
                return {count: all.length, problems: problems, nav: nav};
                """);
        assertEquals((long) DELIVERY_TABS, ((Number) fit.get("count")).longValue(), () -> where + ": tabs " + fit);
        assertTrue(((List<?>) fit.get("problems")).isEmpty(), () -> where + ": tabs do not fit: " + fit.get("problems")
                + " (screenshot " + browser.screenshot("layout-tabs-problem") + ")");
        assertTrue(((List<?>) fit.get("nav")).isEmpty(), () -> where + ": side navigation labels cut: " + fit.get("nav")
                + " (screenshot " + browser.screenshot("layout-nav-problem") + ")");
    }

    /**
     * The cells of the listed columns in the rendered row containing {@code rowText} (the test's own rows, whose data
     * has a fixed format) do not clip their content: each one's scrollWidth is at most its clientWidth. A cell belongs
     * to a listed column when its whole text matches one of {@code cellPatterns}; every pattern must match a cell.
     * Long SKU lists and upload states may be cut (their column takes the rest of the width; full text as tooltip).
     */
    @SuppressWarnings("unchecked")
    private void assertNoCellCut(String gridId, String rowText, List<String> cellPatterns) {
        Map<String, Object> measured = browser.await("row '" + rowText + "' of #" + gridId + " measured",
                () -> (Map<String, Object>) browser.js("""
                const [grid, text, patterns] = arguments;
                const rows = new Map();
                for (const content of grid.querySelectorAll('vaadin-grid-cell-content')) {
                  const cell = content.assignedSlot && content.assignedSlot.parentElement;
                  const row = cell && cell.parentElement;
                  if (!row || !row.parentElement || row.parentElement.id !== 'items') continue;
                  if (row.hidden || row.hasAttribute('loading')) continue;
                  if (!rows.has(row)) rows.set(row, []);
                  rows.get(row).push(content);
                }
                for (const [row, contents] of rows) {
                  if (!contents.some(c => c.textContent.includes(text))) continue;
                  const unmatched = patterns.filter(p => !contents.some(c => new RegExp(p).test(c.textContent.trim())));
                  const cut = contents.filter(c => patterns.some(p => new RegExp(p).test(c.textContent.trim())))
                    .filter(c => c.scrollWidth > c.clientWidth)
                    .map(c => c.textContent.trim() + ' (' + c.scrollWidth + ' > ' + c.clientWidth + ')');
                  return {unmatched: unmatched, cut: cut};
                }
                return null;
                """, browser.byId(gridId), rowText, cellPatterns));
        assertTrue(((List<?>) measured.get("unmatched")).isEmpty(), () -> "no cell of the row of " + rowText
                + " in #" + gridId + " matches " + measured.get("unmatched"));
        List<?> cut = (List<?>) measured.get("cut");
        assertTrue(cut.isEmpty(), () -> "cells cut in the row of " + rowText + " in #" + gridId + ": " + cut
                + " (screenshot " + browser.screenshot("layout-cut-" + gridId) + ")");
    }

    /**
     * The grid does not scroll sideways: its scrolling table is no wider than its visible width (once the columns
     * are sized to the rows shown). Widths of the grid, never of its data.
     */
    @SuppressWarnings("unchecked")
    private void assertNoSidewaysScroll(String where) {
        String measure = "const t = arguments[0].$ && arguments[0].$.table;"
                + "return t ? {scroll: t.scrollWidth, client: t.clientWidth} : null;";
        try {
            browser.await("no sideways scroll on " + where, () -> {
                Map<String, Object> m = (Map<String, Object>) browser.js(measure, browser.byId(GRID));
                return m != null && ((Number) m.get("scroll")).longValue() <= ((Number) m.get("client")).longValue()
                        ? true : null;
            });
        } catch (AssertionError e) {
            throw new AssertionError("the list scrolls sideways on " + where + ": " + browser.js(measure,
                    browser.byId(GRID)) + " (screenshot " + browser.screenshot("layout-sideways") + ")", e);
        }
    }

    /** A JavaScript regular expression matching exactly {@code text}. */
    private static String exact(String text) {
        return "^" + text.replaceAll("[.*+?^${}()|\\[\\]\\\\/-]", "\\\\$0") + "$";
    }

    /** The listed columns of a waiting row of the test: package no., order no., store, buyer, destination, ... */
    private List<String> waitingCells(String order) {
        return List.of(exact(packages.get(order)), exact(order),
                "^ACME ", exact(BUYERS.get(order)), "^DE · ", "^\\d+\\.\\d{3} kg$",
                "^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}$");
    }

    private void hideColumn(String key) {
        browser.click("delivery-columns");
        org.openqa.selenium.WebElement item = browser.await("menu item " + key, () -> displayed("columns-" + key));
        assertTrue(item.getAttribute("menu-item-checked") != null, () -> key + " is shown before");
        browser.click(item);
        browser.await(key + " unticked", () -> browser.driver().findElement(
                org.openqa.selenium.By.id("columns-" + key)).getAttribute("menu-item-checked") == null);
        browser.driver().findElement(org.openqa.selenium.By.tagName("body")).sendKeys(org.openqa.selenium.Keys.ESCAPE);
        browser.awaitVaadin();
    }

    private org.openqa.selenium.WebElement displayed(String id) {
        return browser.driver().findElements(org.openqa.selenium.By.id(id)).stream()
                .filter(org.openqa.selenium.WebElement::isDisplayed).findFirst().orElse(null);
    }

    private static void assertHidden(Browser b, String buyer) {
        List<String> rows = b.await("own rows", () -> {
            List<String> r = b.gridRows(GRID).stream().filter(t -> t.contains(PREFIX)).toList();
            return r.size() == 2 ? r : null;
        });
        assertFalse(rows.stream().anyMatch(r -> r.contains(buyer) || r.contains(SKU)),
                () -> "buyer and SKUs still hidden after signing in: " + rows);
    }

    /** Waits for the package's status in {@code waybill:package-show} ("Package WB...   status tracked"). */
    private void awaitStatus(String pkg, String wanted) {
        Pattern status = Pattern.compile("Package\\s+" + Pattern.quote(pkg) + "\\s+status " + wanted + "\\b");
        waybill.shellUntil("waybill:package-show " + pkg, r -> status.matcher(r.output()).find(), LIMIT);
    }
}
