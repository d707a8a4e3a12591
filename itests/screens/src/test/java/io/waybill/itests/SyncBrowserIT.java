package io.waybill.itests;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Batch delivery and store synchronisation in Chromium, against WireMock stubs of Shopify's GraphQL Admin API and
 * eBay's Sell Fulfillment API that replay the plugins' recorded bodies. The class imports its own orders (two for
 * {@value #SHOP}, three for {@value #EBAY}, with the platforms' order ids) with a SKU it stocks itself, takes them to
 * printed in the shell (pool carrier), configures both marketplace plugins for those stores through factory
 * configurations, and then works in the browser: batch delivery ships and takes stock off the shelf; with automatic
 * sync off, "Start synchronisation" confirms a Shopify and an eBay package with the tracking number and the carrier
 * code mapped in Delivery settings; a Shopify 500 leaves the package pending with the reason until the backoff retry
 * succeeds; with automatic sync for eBay ticked in Delivery settings, shipping alone syncs; an eBay refusal shows
 * "Sync failed" with eBay's words and the operator's resend succeeds once the store accepts. Settings are restored.
 */
@Order(13)
@ExtendWith(WaybillExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SyncBrowserIT {

    static final String SHOP = "ACME-SHOP";
    static final String EBAY = "ACME-EBAY";
    static final String SKU = "SOCK-WOOL-3P";
    static final String WAREHOUSE = "SZ-01";
    static final String SHOPIFY_CODE = "China Post";
    static final String EBAY_CODE = "ChinaPost";
    static final String GRAPHQL = "/admin/api/2025-07/graphql.json";
    static final String EBAY_TOKEN = "v1.1-it-sync-browser-token";
    static final String SHOPIFY_TOKEN = "shpat_it_sync_browser";
    /** The fulfillment id of eBay's ShippingFulfillment type page, returned in Location. */
    static final String FULFILLMENT_ID = "9405509699937003457459";
    private static final Path SHOPIFY_RECORDED = Path.of("..", "platform-plugins", "shopify", "src", "test",
            "resources", "io", "waybill", "platform", "shopify", "internal");
    private static final Path EBAY_RECORDED = Path.of("..", "platform-plugins", "ebay", "src", "test", "resources",
            "io", "waybill", "platform", "ebay", "internal");
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final Pattern POOL_ROW = Pattern.compile("(?m)^carrier\\s*\\|\\s*pool\\s*\\|.*");
    private static final Pattern AUTO_LINE = Pattern.compile("(?m)^\\s+([a-z0-9_.-]+): (yes|no)\\s*$");
    private static final Pattern CODE_LINE = Pattern.compile("(?m)^\\s+(\\S+) (\\S+) = (.*?)\\s*$");

    /** A token of this run in every order number, so the lists can be filtered to this class's packages. */
    private final String run = String.format(Locale.ROOT, "%05d", System.currentTimeMillis() % 100_000);
    private final String prefix = "ITSY" + run;

    private WaybillDistribution waybill;
    private WireMockServer shopify;
    private WireMockServer ebay;
    private Browser browser;
    private Path deployedKar;
    private final Set<String> configsBefore = new HashSet<>();
    private final Map<String, Boolean> autoSyncBefore = new LinkedHashMap<>();
    private final Map<String, String> codesBefore = new LinkedHashMap<>();
    /** order no. -> platform order id. */
    private final Map<String, String> platformIds = new LinkedHashMap<>();
    /** order no. -> package no. */
    private final Map<String, String> packages = new LinkedHashMap<>();
    /** package no. -> tracking no. */
    private final Map<String, String> tracking = new LinkedHashMap<>();

    private String s1;
    private String s2;
    private String e1;
    private String e2;
    private String e3;

    // ---------------------------------------------------------------- set-up and tear-down

    @BeforeAll
    void setUp(WaybillDistribution waybill) throws IOException {
        this.waybill = waybill;
        rememberSettings();
        setShell("waybill:settings auto-sync shopify false");
        setShell("waybill:settings auto-sync ebay false");
        startStubs();
        configurePlugins();
        Path kar = Path.of(WaybillDistribution.required("waybill.it.poolKar"));
        deployedKar = waybill.deployDir().resolve(kar.getFileName());
        Files.copy(kar, deployedKar, StandardCopyOption.REPLACE_EXISTING);
        waybill.shellUntil("waybill:plugin-list", r -> POOL_ROW.matcher(WaybillDistribution.registeredPlugins(r.output())).find(), LIMIT);
        preparePrintedPackages();
        browser = Browser.open("sync", waybill);
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
            restoreSettings();
            for (String factory : List.of("io.waybill.platform.shopify", "io.waybill.platform.ebay")) {
                for (String pid : configPids(factory)) {
                    if (!configsBefore.contains(pid)) {
                        waybill.shell("config:delete " + pid);
                    }
                }
            }
            if (deployedKar != null && Files.deleteIfExists(deployedKar)) {
                waybill.shellUntil("waybill:plugin-list",
                        r -> r.exitCode() == 0 && !POOL_ROW.matcher(r.output()).find(), LIMIT);
            }
            if (shopify != null) {
                shopify.stop();
            }
            if (ebay != null) {
                ebay.stop();
            }
        }
    }

    private void rememberSettings() {
        Result show = waybill.shell("waybill:settings show");
        assertEquals(0, show.exitCode(), () -> "settings show:\n" + show.output());
        Matcher auto = AUTO_LINE.matcher(show.output());
        while (auto.find()) {
            autoSyncBefore.put(auto.group(1), "yes".equals(auto.group(2)));
        }
        String codes = show.output().substring(Math.max(0, show.output().indexOf("Carrier codes")));
        Matcher code = CODE_LINE.matcher(codes);
        while (code.find()) {
            codesBefore.put(code.group(1) + " " + code.group(2), code.group(3));
        }
        WaybillDistribution.log("settings before SyncBrowserIT: auto-sync %s, carrier codes %s", autoSyncBefore,
                codesBefore);
        for (String factory : List.of("io.waybill.platform.shopify", "io.waybill.platform.ebay")) {
            configsBefore.addAll(configPids(factory));
        }
    }

    private void restoreSettings() {
        for (String platform : List.of("shopify", "ebay")) {
            waybill.shell("waybill:settings auto-sync " + platform + " "
                    + autoSyncBefore.getOrDefault(platform, false));
            String before = codesBefore.get(platform + " pool");
            waybill.shell("waybill:settings carrier-code " + platform + " pool "
                    + (before == null ? "\"\"" : "\"" + before + "\""));
        }
        Result show = waybill.shell("waybill:settings show");
        WaybillDistribution.log("settings after SyncBrowserIT:\n%s", show.output());
    }

    private List<String> configPids(String factoryPid) {
        Result list = waybill.shell("config:list \"(service.factoryPid=" + factoryPid + ")\"");
        Matcher pid = Pattern.compile("(?m)^Pid:\\s+(\\S+)").matcher(list.output());
        List<String> pids = new ArrayList<>();
        while (pid.find()) {
            pids.add(pid.group(1));
        }
        return pids;
    }

    private void startStubs() {
        shopify = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        shopify.start();
        shopify.stubFor(post(urlEqualTo(GRAPHQL)).withRequestBody(containing("WaybillFulfillmentState"))
                .willReturn(recorded(SHOPIFY_RECORDED, "fulfillment-state-open.json", 200)));
        shopify.stubFor(post(urlEqualTo(GRAPHQL)).withRequestBody(containing("fulfillmentCreate"))
                .willReturn(recorded(SHOPIFY_RECORDED, "fulfillment-create.json", 200)));

        ebay = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        ebay.start();
        ebay.stubFor(get(urlPathMatching("/sell/fulfillment/v1/order/[^/]+/shipping_fulfillment"))
                .willReturn(recorded(EBAY_RECORDED, "shipping-fulfillments-empty.json", 200)));
        ebay.stubFor(get(urlPathMatching("/sell/fulfillment/v1/order/[^/]+"))
                .willReturn(recorded(EBAY_RECORDED, "order.json", 200)));
        // createShippingFulfillment: 201 Created, no body, the new fulfillment's URI in Location
        ebay.stubFor(post(urlPathMatching("/sell/fulfillment/v1/order/([^/]+)/shipping_fulfillment"))
                .willReturn(aResponse().withStatus(201).withHeader("Location", ebay.baseUrl()
                        + "/sell/fulfillment/v1/order/{{request.pathSegments.[4]}}/shipping_fulfillment/"
                        + FULFILLMENT_ID).withTransformers("response-template")));
    }

    private void configurePlugins() {
        for (String feature : List.of("waybill-platform-shopify", "waybill-platform-ebay")) {
            Result install = waybill.shell("feature:install " + feature);
            assertEquals(0, install.exitCode(), () -> "feature:install " + feature + ":\n" + install.output());
        }
        for (String[] f : List.of(new String[] {"io.waybill.platform.shopify", SHOP},
                new String[] {"io.waybill.platform.ebay", EBAY})) {
            Result existing = waybill.shell("config:list \"(&(service.factoryPid=" + f[0] + ")(storeCode=" + f[1]
                    + "))\"");
            assertFalse(existing.output().contains("Pid:"), () -> "a configuration of " + f[0] + " for " + f[1]
                    + " left by an earlier test would compete with this class's stub:\n" + existing.output());
        }
        Result shop = waybill.shell(String.join("\n",
                "config:edit --factory --alias it-sync-browser-shopify io.waybill.platform.shopify",
                "config:property-set storeCode " + SHOP,
                "config:property-set shop acme-global",
                "config:property-set .accessToken " + SHOPIFY_TOKEN,
                "config:property-set baseUrl " + shopify.baseUrl(),
                "config:update"));
        assertEquals(0, shop.exitCode(), () -> "Shopify configuration:\n" + shop.output());
        configureEbay();
        waybill.shellUntil("service:list io.waybill.spi.platform.MarketplaceConnector",
                r -> r.output().contains("storeCode = " + SHOP) && r.output().contains("storeCode = " + EBAY), LIMIT);
    }

    private void configureEbay() {
        Result bay = waybill.shell(String.join("\n",
                "config:edit --factory --alias it-sync-browser-ebay io.waybill.platform.ebay",
                "config:property-set storeCode " + EBAY,
                "config:property-set marketplaceId EBAY_US",
                "config:property-set .accessToken " + EBAY_TOKEN,
                "config:property-set baseUrl " + ebay.baseUrl(),
                "config:update"));
        assertEquals(0, bay.exitCode(), () -> "eBay configuration:\n" + bay.output());
    }

    /** Two Shopify and three eBay orders of one unit of {@value #SKU} each, allocated, tracked and printed. */
    private void preparePrintedPackages() throws IOException {
        Map<String, String> stock = stockRow();
        int reserved = Integer.parseInt(stock.get("Reserved"));
        Result set = waybill.shell("waybill:stock-set " + WAREHOUSE + " " + SKU + " " + (reserved + 20));
        assertTrue(set.output().contains(WAREHOUSE + " " + SKU + ": on hand " + (reserved + 20)),
                () -> "stock-set:\n" + set.output());

        List<String> shopRows = new ArrayList<>();
        List<String> ebayRows = new ArrayList<>();
        String[][] buyers = {
                {"Grace Hopper", "350 Fifth Avenue", "New York", "NY", "10118", "US"},
                {"Ada Lovelace", "221B Baker Street", "London", "", "NW1 6XE", "GB"},
                {"Ann Smith", "2145 Hamilton Ave", "San Jose", "CA", "95125", "US"},
                {"Marie Curie", "11 Rue Pierre et Marie Curie", "Paris", "", "75005", "FR"},
                {"Hans Zimmer", "Zeil 90", "Frankfurt", "", "60313", "DE"}};
        for (int i = 1; i <= 5; i++) {
            boolean onShopify = i <= 2;
            String orderNo = prefix + (onShopify ? "-S" + i : "-E" + (i - 2));
            String platformId = onShopify ? "gid://shopify/Order/77" + run + "0" + i
                    : "27-" + run + "-0000" + (i - 2);
            platformIds.put(orderNo, platformId);
            String[] b = buyers[i - 1];
            String row = String.join(",", orderNo, platformId, "2025-06-0" + i + " 10:00", b[0], "", b[1], "",
                    b[2], b[3], b[4], b[5], "", "", SKU, "1");
            (onShopify ? shopRows : ebayRows).add(row);
        }
        Path in = waybill.importDir("sync-browser");
        importOrders(in.resolve("shopify-orders.csv"), SHOP, shopRows);
        importOrders(in.resolve("ebay-orders.csv"), EBAY, ebayRows);
        for (String store : List.of(SHOP, EBAY)) {
            for (Map<String, String> row : ShellTables.rows(waybill.shell("waybill:package-list --store " + store
                    + " -n 1000"))) {
                if (platformIds.containsKey(row.get("Order no."))) {
                    packages.put(row.get("Order no."), row.get("Package no."));
                }
            }
        }
        assertEquals(platformIds.keySet(), packages.keySet(), () -> "one package per imported order: " + packages);
        s1 = packages.get(prefix + "-S1");
        s2 = packages.get(prefix + "-S2");
        e1 = packages.get(prefix + "-E1");
        e2 = packages.get(prefix + "-E2");
        e3 = packages.get(prefix + "-E3");
        String numbers = String.join(" ", packages.values());

        Result allocate = waybill.shell("waybill:allocate " + numbers);
        assertTrue(allocate.output().contains("5 done, 0 failed"), () -> "allocate:\n" + allocate.output());
        Result upload = waybill.shell("waybill:upload " + numbers);
        assertTrue(upload.output().contains("5 queued, 0 refused"), () -> "upload:\n" + upload.output());
        awaitStatus(packages.values(), "tracked");
        Result print = waybill.shell("waybill:print -o \"" + waybill.printDir("sync-browser").resolve("labels.pdf") + "\" --mark-printed "
                + numbers);
        assertTrue(print.output().contains("Mark printed: 5 done, 0 failed"), () -> "print:\n" + print.output());
        Map<String, Map<String, String>> rows = rows();
        for (String p : packages.values()) {
            assertEquals("printed", rows.get(p).get("Status"), () -> p + " printed: " + rows.get(p));
            tracking.put(p, rows.get(p).get("Tracking no."));
        }
        WaybillDistribution.log("SyncBrowserIT packages (order -> package): %s, tracking %s", packages, tracking);
    }

    private void importOrders(Path file, String store, List<String> rows) throws IOException {
        Files.writeString(file, Fixtures.HEADER + "\n" + String.join("\n", rows) + "\n",
                StandardCharsets.UTF_8);
        Result r = waybill.shell("waybill:import --store " + store + " --confirm \"" + file + "\"");
        assertTrue(r.output().contains("Imported: " + rows.size() + " new, 0 updated"),
                () -> "import into " + store + ":\n" + r.output());
    }

    // ---------------------------------------------------------------- tests

    @Test
    @Order(1)
    void batchDeliveryShipsTheSelectedPrintedPackagesAndTakesTheStockOffTheShelf() {
        // given
        Map<String, String> before = stockRow();
        List<String> chosen = List.of(s1, s2, e1);
        openFiltered("/delivery/ship-batch", "ship-batch-filter", "ship-batch-grid", 5);
        browser.selectRows("ship-batch-grid", chosen);
        browser.awaitText("ship-batch-selected", "3 selected", t -> t.contains("3"));

        // when
        String summary = shipSelected("50-ship-batch", 3);

        // then
        assertEquals("3 done, 0 failed", summary, "batch delivery result");
        browser.await("the shipped packages leave the list", () -> browser.gridSize("ship-batch-grid") == 2);
        browser.screenshot("50-ship-batch-after");
        Map<String, Map<String, String>> rows = rows();
        for (String p : chosen) {
            assertEquals("shipped", rows.get(p).get("Status"), () -> p + " after batch delivery: " + rows.get(p));
        }
        Map<String, String> after = stockRow();
        assertEquals(Integer.parseInt(before.get("On hand")) - 3, Integer.parseInt(after.get("On hand")),
                () -> "on hand of " + WAREHOUSE + " " + SKU + " before " + before + ", after " + after);
        assertEquals(Integer.parseInt(before.get("Reserved")) - 3, Integer.parseInt(after.get("Reserved")),
                () -> "reserved of " + WAREHOUSE + " " + SKU + " before " + before + ", after " + after);
        assertTrue(waybill.shell("waybill:package-show " + s1).output().contains("SHIPPED"),
                "the history of " + s1 + " has the SHIPPED entry");
    }

    @Test
    @Order(2)
    void manualSyncConfirmsAShopifyAndAnEbayPackageWithTheTrackingNumberAndTheMappedCarrierCode() {
        // given: automatic sync off for both, the carrier codes mapped in Delivery settings
        browser.go("/settings/delivery");
        assertFalse(checked("auto-sync-shopify"), "shopify syncs manually");
        assertFalse(checked("auto-sync-ebay"), "ebay syncs manually");
        mapCarrierCode("shopify", SHOPIFY_CODE);
        mapCarrierCode("ebay", EBAY_CODE);
        browser.screenshot("51-delivery-settings-carrier-codes");
        List<String> mine = List.of(s1, e1);
        openFiltered("/delivery/sync", "sync-filter-text", "sync-grid", 3);
        for (String p : mine) {
            awaitRow("sync-grid", p, "Shipped | Not queued yet", Browser.WAIT);
        }
        assertEquals(0, ebayPosts(e1).size(), "nothing sent to eBay before the click");
        browser.selectRows("sync-grid", mine);

        // when
        long t0 = System.nanoTime();
        browser.click("start-sync");
        String summary = browser.awaitText("batch-result-summary", "sync result", t -> !t.isEmpty());
        browser.click("batch-result-close");
        tickShowSynced();

        // then
        for (String p : mine) {
            awaitRow("sync-grid", p, "Synced | Synced", LIMIT);
        }
        WaybillDistribution.figure("browser Start synchronisation -> both rows Synced (Shopify + eBay stubs)",
                String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - t0) / 1e9));
        browser.screenshot("52-sync-manual-synced");
        assertEquals("2 done, 0 failed", summary, "start synchronisation result");
        Map<String, Map<String, String>> rows = rows();
        assertEquals("synced", rows.get(s1).get("Status"));
        assertEquals("synced", rows.get(e1).get("Status"));
        assertEquals("shipped", rows.get(s2).get("Status"), "the unselected package stays shipped");

        List<ServeEvent> creates = fulfillmentCreates(tracking.get(s1));
        assertEquals(1, creates.size(), () -> "one fulfillmentCreate for " + s1 + "; Shopify stub got " + shopifyLog());
        String body = creates.get(0).getRequest().getBodyAsString();
        WaybillDistribution.log("fulfillmentCreate sent to the Shopify stub: %s", body);
        assertTrue(body.contains("\"company\":\"" + SHOPIFY_CODE + "\""), () -> "mapped carrier code: " + body);
        assertTrue(body.contains("gid://shopify/FulfillmentOrder/940656279"), () -> "recorded open order: " + body);
        assertEquals(SHOPIFY_TOKEN, creates.get(0).getRequest().getHeader("X-Shopify-Access-Token"));
        assertTrue(shopify.getAllServeEvents().stream().anyMatch(e -> e.getRequest().getBodyAsString()
                        .contains("WaybillFulfillmentState") && e.getRequest().getBodyAsString()
                        .contains(platformIds.get(prefix + "-S1"))),
                "the fulfillment state of the package's Shopify order was asked");

        List<ServeEvent> posts = ebayPosts(e1);
        assertEquals(1, posts.size(), () -> "one createShippingFulfillment for " + e1 + "; eBay stub got " + ebayLog());
        String ebayBody = posts.get(0).getRequest().getBodyAsString();
        WaybillDistribution.log("createShippingFulfillment sent to the eBay stub: %s", ebayBody);
        assertTrue(ebayBody.contains("\"trackingNumber\":\"" + tracking.get(e1) + "\""), () -> "tracking: " + ebayBody);
        assertTrue(ebayBody.contains("\"shippingCarrierCode\":\"" + EBAY_CODE + "\""), () -> "carrier: " + ebayBody);
        assertTrue(ebayBody.contains("\"lineItemId\":\"10022882297900\""), () -> "recorded line items: " + ebayBody);
        assertEquals("Bearer " + EBAY_TOKEN, posts.get(0).getRequest().getHeader("Authorization"));
        assertEquals(201, posts.get(0).getResponse().getStatus());
        assertTrue(posts.get(0).getResponse().getHeaders().getHeader("Location").firstValue()
                .endsWith("/shipping_fulfillment/" + FULFILLMENT_ID), "Location of the new fulfillment");
    }

    @Test
    @Order(3)
    void aShopifyServerErrorLeavesThePackagePendingWithTheReasonUntilTheBackoffRetrySucceeds() {
        // given: Shopify answers 500 to the fulfillmentCreate of s2 until the test lets it through
        String tn = tracking.get(s2);
        StubMapping failing = shopify.stubFor(post(urlEqualTo(GRAPHQL)).atPriority(1)
                .withRequestBody(containing("fulfillmentCreate")).withRequestBody(containing(tn))
                .willReturn(aResponse().withStatus(500)));
        try {
            openFiltered("/delivery/sync", "sync-filter-text", "sync-grid", 1);
            browser.selectRows("sync-grid", List.of(s2));

            // when
            browser.click("start-sync");
            assertEquals("1 done, 0 failed",
                    browser.awaitText("batch-result-summary", "sync result", t -> !t.isEmpty()));
            browser.click("batch-result-close");

            // then: pending (between attempts; a retry in flight shows "Sending"), with Shopify's failure as the last
            // error, in the list that refreshes itself
            browser.await("row of " + s2 + " pending with Shopify's failure", LIMIT, () -> {
                String row = rowText("sync-grid", s2);
                return row.contains("Shipped | Pending") && row.contains("last error: Shopify failed")
                        && row.contains("HTTP 500") ? row : null;
            });
            browser.screenshot("53-sync-shopify-500-pending");
            assertReadable("sync-grid", "HTTP 500");
            assertEquals("shipped", rows().get(s2).get("Status"), "still shipped while the retry is pending");
        } finally {
            // when: Shopify recovers; nobody clicks (also when an assertion above failed: later tests must not
            // meet a package still retrying against a failing stub)
            shopify.removeStub(failing);
        }
        tickShowSynced();

        // then
        awaitRow("sync-grid", s2, "Synced | Synced", LIMIT);
        browser.screenshot("54-sync-shopify-retried-synced");
        List<ServeEvent> creates = fulfillmentCreates(tn);
        long failed = creates.stream().filter(e -> e.getResponse().getStatus() == 500).count();
        long ok = creates.stream().filter(e -> e.getResponse().getStatus() == 200).count();
        WaybillDistribution.log("fulfillmentCreate for %s: %d answered 500, %d answered 200", s2, failed, ok);
        assertTrue(failed >= 1, () -> "at least one refused attempt: " + shopifyLog());
        assertEquals(1, ok, () -> "exactly one fulfilment created (no duplicate): " + shopifyLog());
        assertEquals(failed + ok, creates.size(), () -> "no request after the success: " + shopifyLog());
        assertEquals("synced", rows().get(s2).get("Status"));
    }

    @Test
    @Order(4)
    void withAutomaticSyncForEbayTickedInDeliverySettingsShippingAloneSyncs() {
        // given
        browser.go("/settings/delivery");
        assertFalse(checked("auto-sync-ebay"), "ebay manual before");
        browser.click(browser.byId("auto-sync-ebay").findElement(By.cssSelector("input")));
        browser.await("ebay ticked", () -> checked("auto-sync-ebay"));
        browser.screenshot("55-delivery-settings-auto-sync-ebay");
        Result show = waybill.shell("waybill:settings show");
        assertTrue(show.output().contains("ebay: yes") && show.output().contains("shopify: no"),
                () -> "auto-sync saved for ebay only:\n" + show.output());
        openFiltered("/delivery/ship-batch", "ship-batch-filter", "ship-batch-grid", 2);
        browser.selectRows("ship-batch-grid", List.of(e2));

        // when
        long t0 = System.nanoTime();
        assertEquals("1 done, 0 failed", shipSelected("56-ship-batch-auto-sync", 1));

        // then: synced without a click on the sync page
        awaitStatus(List.of(e2), "synced");
        WaybillDistribution.figure("browser Execute delivery -> SYNCED (eBay stub, automatic sync)",
                String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - t0) / 1e9));
        openFiltered("/delivery/sync", "sync-filter-text", "sync-grid", 0);
        tickShowSynced();
        awaitRow("sync-grid", e2, "Synced | Synced", LIMIT);
        browser.screenshot("57-sync-auto-synced");
        String history = waybill.shell("waybill:package-show " + e2).output();
        assertFalse(history.contains("SYNC_QUEUED"), () -> "nobody queued it by hand:\n" + history);
        assertTrue(history.contains("SYNCED"), () -> "synced by the worker:\n" + history);
        List<ServeEvent> posts = ebayPosts(e2);
        assertEquals(1, posts.size(), () -> "one createShippingFulfillment for " + e2 + ": " + ebayLog());
        assertTrue(posts.get(0).getRequest().getBodyAsString().contains(tracking.get(e2)));
    }

    @Test
    @Order(5)
    void anEbayRefusalShowsSyncFailedWithTheReasonAndTheResendSucceedsOnce() {
        // given: automatic sync for eBay (previous test) and eBay refusing the order of e3
        String orderPath = "/sell/fulfillment/v1/order/" + platformIds.get(prefix + "-E3") + "/shipping_fulfillment";
        StubMapping refusing = ebay.stubFor(post(urlPathEqualTo(orderPath)).atPriority(1)
                .willReturn(recorded(EBAY_RECORDED, "error-invalid-order.json", 400)));
        openFiltered("/delivery/ship-batch", "ship-batch-filter", "ship-batch-grid", 1);
        browser.selectRows("ship-batch-grid", List.of(e3));
        assertEquals("1 done, 0 failed", shipSelected("58-ship-batch-refused-sync", 1));

        // when: the automatic sync is refused
        awaitStatus(List.of(e3), "sync_failed");

        // then: the sync page shows the failure in eBay's words
        openFiltered("/delivery/sync", "sync-filter-text", "sync-grid", 1);
        String failed = awaitRow("sync-grid", e3, "Sync failed | Failed:", Browser.WAIT);
        browser.screenshot("59-sync-ebay-refused");
        assertTrue(failed.contains("Invalid order ID") && failed.contains("HTTP 400"),
                () -> "eBay's reason in the row: " + failed);
        assertReadable("sync-grid", "Invalid order ID");
        assertEquals(1, ebayPosts(e3).size(), "one refused createShippingFulfillment");

        // when: eBay accepts again and the operator resends
        ebay.removeStub(refusing);
        browser.selectRows("sync-grid", List.of(e3));
        browser.click("start-sync");
        assertEquals("1 done, 0 failed", browser.awaitText("batch-result-summary", "resend result",
                t -> !t.isEmpty()));
        browser.click("batch-result-close");
        tickShowSynced();

        // then
        awaitRow("sync-grid", e3, "Synced | Synced", LIMIT);
        browser.screenshot("60-sync-ebay-resent-synced");
        List<ServeEvent> posts = ebayPosts(e3);
        assertEquals(List.of(400, 201), posts.stream().map(e -> e.getResponse().getStatus()).toList(),
                () -> "exactly one refused and one created fulfillment: " + ebayLog());
        assertEquals("synced", rows().get(e3).get("Status"));
        String history = waybill.shell("waybill:package-show " + e3).output();
        assertTrue(history.contains("SYNC_FAILED") && history.contains("SYNC_QUEUED"),
                () -> "failure and the operator's resend in the history:\n" + history);
    }

    @Test
    @Order(6)
    void withoutTheStoresMarketplacePluginTheSyncSaysWhyAndWaitsUntilItIsBack() throws IOException {
        // given: the eBay store's plugin configuration is gone (as when the plugin is not installed or not set up)
        List<String> pids = new ArrayList<>(configPids("io.waybill.platform.ebay"));
        pids.removeAll(configsBefore);
        assertEquals(1, pids.size(), () -> "this class's eBay configuration: " + pids);
        waybill.shell("config:delete " + pids.get(0));
        waybill.shellUntil("service:list io.waybill.spi.platform.MarketplaceConnector",
                r -> r.exitCode() == 0 && !r.output().contains("storeCode = " + EBAY), LIMIT);
        String e4;
        try {
            // and: a fourth eBay package shipped with automatic sync for eBay on (test 4): its job is queued
            String orderNo = prefix + "-E4";
            platformIds.put(orderNo, "27-" + run + "-00004");
            importOrders(waybill.importDir("sync-browser").resolve("ebay-orders-4.csv"), EBAY, List.of(String.join(
                    ",", orderNo, platformIds.get(orderNo), "2025-06-06 10:00", "Alan Turing", "", "Wilmslow Road",
                    "", "Manchester", "", "M14 5TQ", "GB", "", "", SKU, "1")));
            e4 = ShellTables.rows(waybill.shell("waybill:package-list --store " + EBAY + " -n 1000")).stream()
                    .filter(r -> orderNo.equals(r.get("Order no."))).map(r -> r.get("Package no.")).findFirst()
                    .orElseThrow(() -> new AssertionError("no package for " + orderNo));
            packages.put(orderNo, e4);
            assertTrue(waybill.shell("waybill:allocate " + e4).output().contains("1 done, 0 failed"));
            assertTrue(waybill.shell("waybill:upload " + e4).output().contains("1 queued, 0 refused"));
            awaitStatus(List.of(e4), "tracked");
            assertTrue(waybill.shell("waybill:print -o \"" + waybill.printDir("sync-browser").resolve("e4.pdf")
                    + "\" --mark-printed " + e4).output().contains("Mark printed: 1 done, 0 failed"));
            Result ship = waybill.shell("waybill:ship --batch " + e4);
            assertTrue(ship.output().contains("1 done, 0 failed"), () -> "ship:\n" + ship.output());

            // then: the sync list says what the job waits for, not a next try
            openFiltered("/delivery/sync", "sync-filter-text", "sync-grid", 1);
            String waiting = awaitRow("sync-grid", e4, "Waiting: the marketplace plugin 'ebay' is not installed",
                    LIMIT);
            browser.screenshot("61-sync-waiting-for-plugin");
            assertFalse(waiting.contains("next try"), () -> "no retry is promised: " + waiting);
            assertTrue(waybill.shell("waybill:package-show " + e4).output().contains("SYNC_WAITING"),
                    "the package's history says it waits for the plugin");
            assertEquals(0, ebayPosts(e4).size(), "nothing sent");

            // when: the operator starts the sync by hand
            browser.selectRows("sync-grid", List.of(e4));
            browser.click("start-sync");

            // then: refused with the reason, in the dialog
            assertEquals("0 done, 1 failed", browser.awaitText("batch-result-summary", "sync result",
                    t -> !t.isEmpty()));
            String dialog = String.valueOf(browser.js("return document.body.innerText;"));
            browser.screenshot("62-sync-refused-plugin-missing");
            assertTrue(dialog.contains("needs the marketplace plugin 'ebay', which is not installed"),
                    () -> "the reason in the result dialog:\n" + dialog);
            browser.click("batch-result-close");
            browser.awaitGone("batch-result-summary");
        } finally {
            // when: the plugin is configured again (also when an assertion failed: later classes need it)
            configureEbay();
        }
        waybill.shellUntil("service:list io.waybill.spi.platform.MarketplaceConnector",
                r -> r.output().contains("storeCode = " + EBAY), LIMIT);

        // then: the waiting job goes out by itself, once
        awaitStatus(List.of(e4), "synced");
        tickShowSynced();
        awaitRow("sync-grid", e4, "Synced | Synced", LIMIT);
        assertEquals(1, ebayPosts(e4).size(), () -> "one createShippingFulfillment for " + e4 + ": " + ebayLog());
    }

    @Test
    @Order(7)
    void theSyncPageRendersInSimplifiedChinese() {
        // given
        openFiltered("/delivery/sync", "sync-filter-text", "sync-grid", 0);

        try {
            // when
            switchLanguage("简体中文");

            // then
            String heading = browser.await("Chinese heading 同步发货状态", () -> {
                String h = browser.driver().findElement(By.cssSelector(".wb-title-row h2")).getText().strip();
                return h.equals("同步发货状态") ? h : null;
            });
            assertEquals("同步发货状态", heading);
            openFiltered("/delivery/sync", "sync-filter-text", "sync-grid", 0);
            tickShowSynced();
            String row = awaitRow("sync-grid", e1, "已同步", Browser.WAIT);
            browser.screenshot("63-sync-chinese");
            String button = String.valueOf(browser.js("return arguments[0].textContent;", browser.byId("start-sync")));
            assertTrue(button.contains("开始同步"), () -> "button: " + button);
            assertFalse(row.contains("Synced"), () -> "no English left in the row: " + row);
        } finally {
            switchLanguage("English");
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Opens a list page, types this run's prefix into its search field and waits for the expected row count. */
    private void openFiltered(String path, String filterId, String gridId, int expectedRows) {
        browser.go(path);
        browser.filter(filterId, gridId, prefix);
        browser.await(path + " filtered to " + expectedRows + " " + prefix + " rows",
                () -> browser.gridSize(gridId) == expectedRows);
    }

    /** Ticks "Also show synced packages" on the sync page (synced rows otherwise leave the list). */
    private void tickShowSynced() {
        if (!checked("sync-show-synced")) {
            browser.click("sync-show-synced");
            browser.await("show synced ticked", () -> checked("sync-show-synced"));
        }
    }

    private boolean checked(String id) {
        return Boolean.TRUE.equals(browser.js("return arguments[0].checked;", browser.byId(id)));
    }

    /** Clicks Execute delivery, checks the question, confirms, returns the result summary and closes it. */
    private String shipSelected(String shot, int n) {
        browser.click("ship-batch-confirm");
        String question = browser.awaitText("confirm-text", "confirm question", t -> !t.isEmpty());
        assertEquals("Ship " + (n == 1 ? "1 package" : n + " packages") + " now, without weighing?", question);
        browser.screenshot(shot + "-confirm");
        long t0 = System.nanoTime();
        browser.click("confirm-button");
        String summary = browser.awaitText("batch-result-summary", "batch delivery result", LIMIT,
                t -> !t.isEmpty());
        WaybillDistribution.figure("browser batch delivery of " + n + " (confirm -> result dialog)",
                String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - t0) / 1e9));
        browser.screenshot(shot + "-result");
        browser.click("batch-result-close");
        browser.awaitGone("batch-result-summary");
        return summary;
    }

    /** The rendered row of the package, or "" when it is not rendered. */
    private String rowText(String gridId, String pkg) {
        return browser.gridRows(gridId).stream().filter(r -> r.startsWith(pkg + " | ")).findFirst().orElse("");
    }

    /** Waits until the package's row (refreshed by push) contains the text; returns the row. */
    private String awaitRow(String gridId, String pkg, String text, Duration timeout) {
        return browser.await("row of " + pkg + " in #" + gridId + " containing '" + text + "'", timeout, () -> {
            String row = rowText(gridId, pkg);
            return row.contains(text) ? row : null;
        });
    }

    /**
     * The grid cell holding the text carries the whole reason and lets it wrap: its text content holds the text, and
     * its computed style wraps lines (white-space not nowrap) and breaks long tokens anywhere (overflow-wrap), so an
     * unbreakable {@code gid://shopify/Order/...} is never clipped. No rendered width is compared: widths of variable
     * text depend on the fonts installed.
     */
    @SuppressWarnings("unchecked")
    private void assertReadable(String gridId, String text) {
        Map<String, Object> cell = (Map<String, Object>) browser.js("""
                const [grid, text] = arguments;
                for (const c of grid.querySelectorAll('vaadin-grid-cell-content')) {
                  if (!c.textContent.includes(text)) continue;
                  const s = getComputedStyle(c);
                  return {text: c.textContent.trim(), whiteSpace: s.whiteSpace, overflowWrap: s.overflowWrap};
                }
                return null;
                """, browser.byId(gridId), text);
        assertTrue(cell != null, () -> "a cell of #" + gridId + " with '" + text + "'");
        assertFalse(String.valueOf(cell.get("whiteSpace")).startsWith("nowrap")
                        || "pre".equals(cell.get("whiteSpace")), () -> "the cell wraps lines: " + cell);
        assertEquals("anywhere", cell.get("overflowWrap"), () -> "long tokens break anywhere: " + cell);
    }

    /** Saves a carrier code for the pool carrier on a platform through the Delivery settings form. */
    private void mapCarrierCode(String platform, String code) {
        pickCombo("carrier-code-platform", platform);
        pickCombo("carrier-code-carrier", "pool");
        WebElement value = browser.byId("carrier-code-value").findElement(By.cssSelector("input"));
        value.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        value.sendKeys(code, Keys.TAB);
        browser.awaitVaadin();
        browser.click("carrier-code-save");
        browser.await("mapping " + platform + " / pool = " + code + " in the grid", () -> browser
                .gridRows("carrier-code-grid").stream().anyMatch(r -> r.equals(platform + " | pool | " + code)));
    }

    private void pickCombo(String id, String item) {
        browser.click(browser.byId(id).findElement(By.cssSelector("input")));
        WebElement option = browser.await("combo item '" + item + "' of #" + id, () -> browser.driver()
                .findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .filter(e -> e.isDisplayed() && item.equals(String.valueOf(e.getDomProperty("textContent")).strip()))
                .findFirst().orElse(null));
        option.click();
        browser.awaitVaadin();
        browser.await("#" + id + " shows " + item, () -> item.equals(browser.byId(id)
                .findElement(By.cssSelector("input")).getDomProperty("value")));
    }

    private void switchLanguage(String label) {
        browser.switchLanguage(label);
    }

    private List<ServeEvent> fulfillmentCreates(String tn) {
        List<ServeEvent> events = new ArrayList<>(shopify.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(GRAPHQL)
                        && e.getRequest().getBodyAsString().contains("fulfillmentCreate")
                        && e.getRequest().getBodyAsString().contains(tn)).toList());
        java.util.Collections.reverse(events); // WireMock lists the newest first
        return events;
    }

    private List<ServeEvent> ebayPosts(String pkg) {
        String order = platformIds.entrySet().stream().filter(e -> pkg.equals(packages.get(e.getKey())))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
        String path = "/sell/fulfillment/v1/order/" + order + "/shipping_fulfillment";
        List<ServeEvent> events = new ArrayList<>(ebay.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals("POST")
                        && e.getRequest().getUrl().equals(path)).toList());
        java.util.Collections.reverse(events);
        return events;
    }

    private List<String> shopifyLog() {
        return shopify.getAllServeEvents().stream().map(e -> e.getResponse().getStatus() + " "
                + e.getRequest().getBodyAsString()).toList();
    }

    private List<String> ebayLog() {
        return ebay.getAllServeEvents().stream().map(e -> e.getRequest().getMethod() + " " + e.getRequest().getUrl()
                + " -> " + e.getResponse().getStatus() + " " + e.getRequest().getBodyAsString()).toList();
    }

    private ResponseDefinitionBuilder recorded(Path dir, String file, int status) {
        try {
            return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                    .withBody(Files.readString(dir.resolve(file)));
        } catch (IOException e) {
            throw new IllegalStateException("recorded body " + dir.resolve(file).toAbsolutePath(), e);
        }
    }

    private void setShell(String command) {
        Result r = waybill.shell(command);
        assertEquals(0, r.exitCode(), () -> command + ":\n" + r.output());
    }

    private Map<String, String> stockRow() {
        Result r = waybill.shell("waybill:stock-list -w " + WAREHOUSE + " --sku " + SKU);
        return ShellTables.rows(r).stream().filter(row -> SKU.equals(row.get("SKU"))).findFirst()
                .orElseThrow(() -> new AssertionError(WAREHOUSE + " " + SKU + " not in:\n" + r.output()));
    }

    /** This class's packages by package no., from the shell. */
    private Map<String, Map<String, String>> rows() {
        Map<String, Map<String, String>> mine = new LinkedHashMap<>();
        for (String store : List.of(SHOP, EBAY)) {
            for (Map<String, String> row : ShellTables.rows(waybill.shell("waybill:package-list --store " + store
                    + " -n 1000"))) {
                if (packages.containsValue(row.get("Package no."))) {
                    mine.put(row.get("Package no."), row);
                }
            }
        }
        return mine;
    }

    private void awaitStatus(java.util.Collection<String> pkgs, String status) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        Predicate<Map<String, Map<String, String>>> done = r -> pkgs.stream()
                .allMatch(p -> r.containsKey(p) && status.equals(r.get(p).get("Status")));
        Map<String, Map<String, String>> r = rows();
        while (!done.test(r)) {
            if (System.nanoTime() > deadline) {
                fail(pkgs + " not " + status + " within " + LIMIT.toSeconds() + " s: " + r + "\neBay stub: "
                        + ebayLog() + "\nShopify stub: " + shopifyLog());
            }
            WaybillDistribution.sleep(500);
            r = rows();
        }
    }
}
