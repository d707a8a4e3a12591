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
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13 items 11 and 12 in the browser at 1440x900: Delivery Management keeps tab, search, filters and sort in the
 * URL (a refresh and a pasted link keep them; unreadable values fall back to the defaults); a deep link opened
 * before sign-in lands there after sign-in (and a foreign {@code next} does not); the one search box finds a package
 * by order no., tracking no., buyer e-mail and SKU across all statuses; a scanned package no. or tracking no. +
 * Enter opens the package; SKU, tags and the created range narrow the list. Three orders of its own
 * ({@code URLS-*}), one of them tracked through the pool carrier.
 */
@Order(19)
@ExtendWith(WaybillExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UrlStateIT {

    private static final String STORE = Fixtures.ACME_SHOP;
    private static final String GRID = "packages-grid";
    private static final String PREFIX = "URLS-";
    private static final String SKU = "URLS-SKU-9";
    private static final String TAG = "urlstate";
    private static final LocalDate ORDER_DAY = LocalDate.of(2025, 6, 1);
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final Pattern POOL_ROW = Pattern.compile("(?m)^carrier\\s*\\|\\s*pool\\s*\\|.*");

    private WaybillDistribution waybill;
    private Browser browser;
    private Path deployedPool;
    /** order no. -> package no. */
    private final Map<String, String> packages = new LinkedHashMap<>();
    private String tracking;

    @BeforeAll
    void setUp(WaybillDistribution waybill) throws IOException {
        this.waybill = waybill;
        // a SKU only these orders have, so a SKU search finds exactly them
        Result sku = waybill.shell("waybill:sku-add " + SKU + " --name \"URL state mug\" --weight 300");
        assertEquals(0, sku.exitCode(), () -> "sku-add:\n" + sku.output());
        Result stock = waybill.shell("waybill:stock-adjust -r \"url state IT\" SZ-01 MUG-CER-01 1");
        assertEquals(0, stock.exitCode(), () -> "stock-adjust:\n" + stock.output());
        Path file = waybill.importDir("url-state").resolve("url-state.csv");
        List<String> rows = List.of(
                "URLS-001,,2025-06-01 09:00,Ursula Stateful,,1 Query Lane,,Leeds,,LS1 1AA,GB,+44 20 7946 0001,"
                        + "ursula.urlstate@example.com,MUG-CER-01,1",
                "URLS-002,,2025-06-01 09:05,Ulrich Querystring,,Zeil 5,,Frankfurt,,60313,DE,,"
                        + "ulrich.urlstate@example.de,NOTE-A5-DOT,1",
                "URLS-003,,2025-06-01 09:10,Uma Deeplink,,2 Rue Lien,,Paris,,75005,FR,,," + SKU + ",1");
        Files.writeString(file, Fixtures.HEADER + "\n" + String.join("\n", rows) + "\n",
                StandardCharsets.UTF_8);
        Result imported = waybill.shell("waybill:import --store " + STORE + " --confirm \"" + file + "\"");
        assertTrue(imported.output().contains("Imported: 3 new"), () -> "import:\n" + imported.output());
        for (Map<String, String> row : packageRows("")) {
            if (row.getOrDefault("Order no.", "").startsWith(PREFIX)) {
                packages.put(row.get("Order no."), row.get("Package no."));
            }
        }
        assertEquals(3, packages.size(), () -> "packages: " + packages);
        Result tagged = waybill.shell("waybill:package-tag " + packages.get("URLS-002") + " +" + TAG);
        assertEquals(0, tagged.exitCode(), () -> "package-tag:\n" + tagged.output());

        // URLS-001 gets a tracking number from the pool carrier (the demo stores' default shipping method)
        Path jar = Path.of(WaybillDistribution.required("waybill.it.poolJar"));
        Path target = waybill.deployDir().resolve(jar.getFileName());
        if (!Files.exists(target)) {
            Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
            deployedPool = target;
        }
        waybill.shellUntil("waybill:plugin-list", r -> POOL_ROW.matcher(WaybillDistribution.registeredPlugins(r.output())).find(), LIMIT);
        String first = packages.get("URLS-001");
        Result allocated = waybill.shell("waybill:allocate " + first);
        assertTrue(allocated.output().contains("1 done"), () -> "allocate:\n" + allocated.output());
        Result uploaded = waybill.shell("waybill:upload " + first);
        assertTrue(uploaded.output().contains("1 queued"), () -> "upload:\n" + uploaded.output());
        // few packages are tracked: one page of them holds it
        Result list = waybill.shellUntil("waybill:package-list --status tracked --store " + STORE + " -n 1000",
                r -> ShellTables.row(r, "Package no.", first).isPresent(), LIMIT);
        tracking = ShellTables.row(list, "Package no.", first).orElseThrow().get("Tracking no.");
        assertFalse(tracking == null || tracking.isBlank(), () -> "tracking no. of " + first + ":\n" + list.output());

        browser = Browser.open("url-state", waybill);
        browser.driver().manage().window().setSize(new Dimension(1440, 900));
        browser.login("admin", waybill.password());
        browser.await("signed in", () -> browser.path().startsWith("/delivery/"));
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

    // ---- helpers ----

    /** Every page of the store's package list (earlier classes import more than one page of 1,000). */
    private List<Map<String, String>> packageRows(String filter) {
        List<Map<String, String>> rows = new java.util.ArrayList<>();
        for (int page = 1; page <= 100; page++) {
            Result r = waybill.shell("waybill:package-list --store " + STORE + filter + " -n 1000 --page " + page);
            assertEquals(0, r.exitCode(), r::output);
            rows.addAll(ShellTables.rows(r));
            if (!r.output().contains("next: --page")) {
                break;
            }
        }
        return rows;
    }

    private String url() {
        return browser.driver().getCurrentUrl();
    }

    /** The current URL's query parameters (decoded; a repeated name keeps its last value). */
    private Map<String, String> query() {
        String q = URI.create(url()).getRawQuery();
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

    private String value(String id) {
        return String.valueOf(browser.js("return arguments[0].value;", browser.byId(id)));
    }

    private boolean checked(String id) {
        return Boolean.TRUE.equals(browser.js("return arguments[0].checked;", browser.byId(id)));
    }

    /** Waits for the list's count to be {@code n} and returns the order numbers of the rendered rows, in order. */
    private List<String> awaitList(int n) {
        String want = n == 0 ? "No packages" : n == 1 ? "1 package" : n + " packages";
        browser.awaitText("package-count", "count " + want, t -> t.equals(want));
        return browser.await(n + " rows rendered", () -> {
            List<String> orders = browser.gridRows(GRID).stream().map(r -> java.util.Arrays.stream(r.split(" \\| "))
                    .filter(c -> c.startsWith(PREFIX)).findFirst().orElse("?")).toList();
            return orders.size() == n ? orders : null;
        });
    }

    /** Opens a Delivery Management URL and waits until the grid shows its search text. */
    private void open(String pathAndQuery, String text) {
        browser.go(pathAndQuery);
        browser.await("#" + GRID + " shows '" + text + "'",
                () -> text.equals(browser.byId(GRID).getAttribute("data-filter")));
        browser.awaitVaadin();
    }

    private void type(String fieldId, String text) {
        WebElement input = browser.byId(fieldId).findElement(By.cssSelector("input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(text);
        input.sendKeys(Keys.TAB);
        browser.awaitVaadin();
    }

    /** Clicks the sorter of the column with this header until the URL's sort is {@code want}. */
    private void sortBy(String header, String want) {
        for (int i = 0; i < 3 && !want.equals(query().get("sort")); i++) {
            WebElement sorter = browser.await("sorter " + header, () -> browser.driver()
                    .findElements(By.cssSelector("#" + GRID + " vaadin-grid-sorter")).stream()
                    .filter(s -> header.equals(s.getText().strip())).findFirst().orElse(null));
            browser.click(sorter);
            browser.await("URL sort after a click on " + header, () -> query().containsKey("sort") ? true : null);
        }
        assertEquals(want, query().get("sort"), () -> "sort in " + url());
    }

    // ---- tests ----

    @Test
    @Order(1)
    void filtersTabAndSortSurviveARefreshAndAPastedUrl() {
        // given: the operator's search, all statuses and a sort, chosen on the page
        open("/delivery/waiting", "");
        browser.filter("filter-text", GRID, PREFIX);
        browser.click(browser.byId("filter-all-statuses"));
        sortBy("Order no.", "order_no.asc");
        sortBy("Order no.", "order_no.desc");
        List<String> shown = awaitList(3);
        assertEquals(List.of("URLS-003", "URLS-002", "URLS-001"), shown);

        // then: the URL says so
        Map<String, String> q = query();
        assertEquals("/delivery/waiting", browser.path());
        assertEquals(PREFIX, q.get("q"), url());
        assertEquals("all", q.get("scope"), url());
        String link = url();
        browser.screenshot("urlstate-01-state-in-url");

        // when: refreshed
        browser.driver().navigate().refresh();
        browser.awaitVaadin();

        // then: the same list
        assertEquals(link, url());
        assertEquals(shown, awaitList(3));
        assertEquals(PREFIX, value("filter-text"));
        assertTrue(checked("filter-all-statuses"));
        assertEquals("/delivery/waiting", browser.path());

        // when: another page, then the link pasted
        browser.go("/stock");
        browser.go(link.substring(link.indexOf("/delivery/")));
        assertEquals(shown, awaitList(3));
        assertEquals(PREFIX, value("filter-text"));

        // and: another tab keeps search, scope and sort
        browser.click("tab-tracked");
        browser.await("on the Tracked tab", () -> browser.path().equals("/delivery/tracked"));
        assertEquals(shown, awaitList(3));
        assertEquals("order_no.desc", query().get("sort"), url());
    }

    @Test
    @Order(2)
    void unreadableParametersFallBackToTheDefaults() {
        // when: a URL with bad values beside a good search
        open("/delivery/waiting?q=" + PREFIX + "&sort=bogus.sideways&from=yesterday&scope=everything"
                + "&country=Germany&store=NO-SUCH-STORE", PREFIX);

        // then: the page, not an error; the waiting ones of the search; the URL keeps only what was read
        List<String> rows = awaitList(2);
        assertEquals(List.of("URLS-002", "URLS-003"), rows.stream().sorted().toList());
        browser.await("URL cleaned", () -> query().keySet().equals(java.util.Set.of("q")) ? true : null);
        assertFalse(checked("filter-all-statuses"));

        // when: an unknown tab
        browser.go("/delivery/no-such-tab?q=" + PREFIX);
        browser.await("forwarded to the default tab", () -> browser.path().equals("/delivery/waiting"));
        assertEquals(PREFIX, value("filter-text"));
    }

    @Test
    @Order(3)
    void aDeepLinkOpenedBeforeSignInLandsThereAfterSignIn() {
        Browser fresh = Browser.open("url-state-deep-link", waybill);
        try {
            fresh.driver().manage().window().setSize(new Dimension(1440, 900));
            // given: a link to a filtered, sorted list, opened without a session
            fresh.go("/delivery/tracked?q=" + PREFIX + "&scope=all&sort=order_no.desc");
            fresh.await("on the login page", () -> fresh.path().equals("/login"));
            String loginUrl = fresh.driver().getCurrentUrl();
            assertTrue(loginUrl.contains("next="), loginUrl);
            fresh.screenshot("urlstate-02-login-with-next");

            // when
            signIn(fresh);

            // then
            fresh.await("back on the deep link", () -> fresh.path().equals("/delivery/tracked"));
            fresh.await("#" + GRID + " shows the link's search",
                    () -> PREFIX.equals(fresh.byId(GRID).getAttribute("data-filter")));
            fresh.awaitText("package-count", "count 3", t -> t.equals("3 packages"));
            assertTrue(Boolean.TRUE.equals(fresh.js("return arguments[0].checked;",
                    fresh.byId("filter-all-statuses"))));
            String landed = fresh.driver().getCurrentUrl();
            assertTrue(landed.contains("sort=order_no.desc"), landed);
        } finally {
            fresh.close();
        }

        // and: a next pointing to another site is not followed
        Browser other = Browser.open("url-state-open-redirect", waybill);
        try {
            other.go("/login?next=https%3A%2F%2Fevil.example%2F");
            signIn(other);
            other.await("signed in on this site", () -> other.driver().getCurrentUrl()
                    .startsWith(waybill.baseUrl()) && !other.path().equals("/login"));
            assertFalse(other.driver().getCurrentUrl().contains("evil"), other.driver().getCurrentUrl());
        } finally {
            other.close();
        }
    }

    private void signIn(Browser b) {
        b.type(By.cssSelector("#username input"), "admin");
        b.type(By.cssSelector("#password input"), waybill.password());
        b.driver().findElement(By.id("login-button")).click();
        b.awaitVaadin();
    }

    @Test
    @Order(4)
    void theSearchBoxFindsAPackageByOrderTrackingEmailAndSku() {
        Map<String, String> searches = new LinkedHashMap<>();
        searches.put("URLS-002", "URLS-002");
        searches.put(tracking, "URLS-001");
        searches.put("ulrich.urlstate@example.de", "URLS-002");
        searches.put("ursula.urlstate@", "URLS-001");
        searches.put(SKU, "URLS-003");
        for (Map.Entry<String, String> s : searches.entrySet()) {
            open("/delivery/waiting?scope=all&q=" + s.getKey(), s.getKey());
            assertEquals(List.of(s.getValue()), awaitList(1), () -> "search '" + s.getKey() + "'");
        }
        browser.screenshot("urlstate-03-search-by-sku");
    }

    @Test
    @Order(5)
    void aScannedPackageNumberOrTrackingNumberWithEnterOpensThePackage() {
        for (Map.Entry<String, String> scan : Map.of(packages.get("URLS-002"), packages.get("URLS-002"),
                tracking, packages.get("URLS-001")).entrySet()) {
            open("/delivery/waiting", "");
            WebElement input = browser.byId("filter-text").findElement(By.cssSelector("input"));
            input.sendKeys(scan.getKey(), Keys.ENTER);
            browser.await("package page after scanning " + scan.getKey(),
                    () -> browser.path().startsWith("/package/"));
            browser.awaitText("detail-package-no", "package number", t -> t.equals(scan.getValue()));
        }
        browser.screenshot("urlstate-04-scanned-package-page");
    }

    @Test
    @Order(6)
    void eachNewFilterNarrowsTheList() {
        // given: every status of the search
        open("/delivery/waiting?scope=all&q=" + PREFIX, PREFIX);
        assertEquals(3, awaitList(3).size());

        // SKU, typed
        type("filter-sku", SKU);
        assertEquals(List.of("URLS-003"), awaitList(1));
        assertEquals(SKU, query().get("sku"));
        type("filter-sku", "");
        awaitList(3);

        // tags, typed
        type("filter-tags", TAG);
        assertEquals(List.of("URLS-002"), awaitList(1));
        assertEquals(TAG, query().get("tag"));
        type("filter-tags", "");
        awaitList(3);

        // created range (a package is created at its order's date, 2025-06-01 here): that day keeps them, the days
        // before and after have none
        open("/delivery/waiting?scope=all&q=" + PREFIX + "&from=" + ORDER_DAY + "&to=" + ORDER_DAY, PREFIX);
        assertEquals(3, awaitList(3).size());
        open("/delivery/waiting?scope=all&q=" + PREFIX + "&to=" + ORDER_DAY.minusDays(1), PREFIX);
        awaitList(0);
        open("/delivery/waiting?scope=all&q=" + PREFIX + "&from=" + ORDER_DAY.plusDays(1), PREFIX);
        awaitList(0);

        // carrier and shipping method: the store's (pool) keeps them; with the SKU they narrow as well
        open("/delivery/waiting?scope=all&q=" + PREFIX + "&carrier=pool", PREFIX);
        assertEquals(3, awaitList(3).size());
        assertEquals("pool", query().get("carrier"), () -> "pool is offered and kept: " + url());
        open("/delivery/waiting?scope=all&q=" + PREFIX + "&carrier=pool&sku=" + SKU + "&from=" + ORDER_DAY, PREFIX);
        assertEquals(List.of("URLS-003"), awaitList(1));
        browser.screenshot("urlstate-05-filters-en");
        browser.switchLanguage("简体中文");
        browser.await("#" + GRID + " after the language switch",
                () -> PREFIX.equals(browser.byId(GRID).getAttribute("data-filter")));
        browser.awaitText("package-count", "count in Chinese", t -> !t.isEmpty());
        browser.screenshot("urlstate-06-filters-zh");
        browser.switchLanguage("English");
    }
}
