package io.waybill.itests;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.waybill.itests.WaybillDistribution.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.like;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 18's end-to-end cross-border path on a Waybill of its own (demo off, thrown away afterwards, so the shared
 * distribution keeps no store, account, rule, order or job of this class, whatever fails): the YunExpress and Amazon
 * {@code .kar}s hot-deployed into {@code deploy/}; the YunExpress account created in the Plugins page's form and the
 * Amazon store in the Stores page's form (both generated from the plugins' Metatype) in headless Chromium, its
 * connection test green; {@value #ORDERS} Amazon orders captured from the stub (two searchOrders pages of the Orders
 * API v2026-01-01, items included, the recorded bodies with their ids and ship-to addresses varied); a logistics rule assigns
 * YunExpress to the store's packages; the upload reaches YunExpress in CreateOrder calls of up to 10 orders, each
 * order accepted with its number to come later; the numbers arrive through "Update logistics provider information"
 * (GetTrackingNumber); Waybill fetches YunExpress's PDF label per package (Label/Print, then the returned URL), and
 * the printed batch carries each package's carrier label; ship; the automatic sync confirms each package at the
 * Amazon stub, which counts confirmShipment per order in its state: exactly one per package, the mapped carrier name
 * "YunExpress" (V29), under the published usage plan (2 requests/s, burst 10) that the stub enforces as Amazon does
 * (429 beyond it; the package is confirmed later, once). Then, on the
 * same packages, {@code waybill:carrier-quote} shows YunExpress's price trial and its refusal.
 */
@Order(22)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrossBorderIT {

    static final int ORDERS = 12;
    static final String STORE = "AMZ-XB";
    static final String WAREHOUSE = "XB-WH";
    static final String SKU = "ECHO-DOT-4-CHARCOAL"; // search-orders-page-1.json, its two items
    static final String SKU2 = "FIRE-TV-4K-2021";
    static final String FIRST_ORDER = "123-4567890-1234567";
    static final String SECRET = "amzn1.oa2-cs.v1.xb-client-secret-7c1e9b3a5d2f";
    static final String REFRESH = "Atzr|IwEBI-xb-refresh-token-9b3a5d2f";
    static final String ACCESS = "Atza|IQEBLjAsAhRmHjNgHpi0U-Dme37rR6CuUpSR"; // lwa-token.json
    static final String YUN_SECRET = "xbsecret-4f8a2c6e";
    static final String YUN_CUSTOMER = "XBC0893791";
    static final String SERVICE = "THPHR";
    static final String NEXT_TOKEN = "2YgYW55IGNhcm5hbCBwbGVhc3VyZS4"; // search-orders-page-1.json
    private static final Path AMAZON_RECORDED = Path.of("..", "platform-plugins", "amazon", "src", "test",
            "resources", "io", "waybill", "platform", "amazon", "internal");
    private static final Path YUN_RECORDED = Path.of("..", "carrier-plugins", "yunexpress", "src", "test",
            "resources", "io", "waybill", "carrier", "yunexpress", "internal");
    private static final Duration LIMIT = Duration.ofSeconds(180);
    private static final Pattern AMAZON_ROW = Pattern.compile("(?m)^platform\\s*\\|\\s*amazon\\s*\\|.*");
    private static final Pattern YUN_ROW = Pattern.compile("(?m)^carrier\\s*\\|\\s*yunexpress\\s*\\|.*");
    /** Amazon's published usage plan of confirmShipment (Orders API v0): 2 requests per second, burst 10. */
    private static final double RATE = 2.0;
    private static final int BURST = 10;

    private WaybillDistribution waybill;
    private WireMockServer amazon;
    private WireMockServer yunexpress;
    private Browser browser;
    private final AmazonShipments shipments = new AmazonShipments();
    private final YunExpressOrders yun = new YunExpressOrders();
    private final List<String> orderIds = new ArrayList<>();

    /** Amazon's side: confirmShipment counted per order, with the moment each arrived. */
    static final class AmazonShipments implements ResponseDefinitionTransformerV2 {
        static final String NAME = "amazon-shipments";
        final Map<String, AtomicInteger> confirmed = new ConcurrentHashMap<>();
        final Map<String, String> bodies = new ConcurrentHashMap<>();
        /** Confirmations the usage plan refused (HTTP 429), as Amazon's own token bucket would. */
        final AtomicInteger throttled = new AtomicInteger();
        private double tokens = BURST;
        private long refilledAt = System.nanoTime();

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            if (!take()) {
                throttled.incrementAndGet();
                return com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(429).build();
            }
            String order = event.getRequest().getUrl().replaceAll(".*/orders/([^/]+)/shipmentConfirmation.*", "$1");
            confirmed.computeIfAbsent(order, k -> new AtomicInteger()).incrementAndGet();
            bodies.put(order, event.getRequest().getBodyAsString());
            return event.getResponseDefinition();
        }

        /**
         * The usage plan as Amazon enforces it: a bucket of {@value #BURST} tokens refilled at {@value #RATE}/s. The
         * client's pacing is measured where it is sent (the core's throttle tests, {@code AmazonSyncBenchmark}): on a
         * busy machine requests paced right can still reach the stub bunched, so the stub answers as Amazon would
         * (429) and the test checks that each package is still confirmed exactly once.
         */
        private synchronized boolean take() {
            long now = System.nanoTime();
            tokens = Math.min(BURST, tokens + (now - refilledAt) / 1e9 * RATE);
            refilledAt = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }

    /**
     * YunExpress's side: CreateOrder accepts every order of the call with its number to come later (the recorded
     * pending answer, TrackType 2), GetTrackingNumber answers "pending" until {@link #issue} and then the order's own
     * number (the recorded answers), Label/Print returns a URL of this stub per order, and that URL a one-page PDF
     * naming the order. Counts create calls and the orders they carried.
     */
    final class YunExpressOrders implements ResponseDefinitionTransformerV2 {
        static final String NAME = "yunexpress-orders";
        final AtomicBoolean issue = new AtomicBoolean();
        final List<Integer> ordersPerCreate = new CopyOnWriteArrayList<>();
        final Map<String, String> numbers = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> created = new ConcurrentHashMap<>();
        /** GetTrackingNumber calls per order answered "pending". */
        final Map<String, AtomicInteger> pendingPolls = new ConcurrentHashMap<>();

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            String url = event.getRequest().getUrl();
            String path = url.replaceAll("\\?.*", "");
            String sent = event.getRequest().getBodyAsString();
            if (path.endsWith("/WayBill/CreateOrder")) {
                List<String> keys = all(sent, "CustomerOrderNumber");
                ordersPerCreate.add(keys.size());
                String item = itemOf(recorded(YUN_RECORDED, "create-order-pending.json"));
                List<String> items = new ArrayList<>();
                for (String key : keys) {
                    created.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                    items.add(item.replace("WB000123-1", key).replace("YT2031721266061991", waybillNo(key)));
                }
                String body = recorded(YUN_RECORDED, "create-order-pending.json").replace(item,
                        String.join(",", items));
                return like(event.getResponseDefinition()).but().withBody(body).build();
            }
            if (path.endsWith("/Waybill/GetTrackingNumber")) {
                String key = url.replaceAll(".*CustomerOrderNumber=([^&]+).*", "$1");
                if (!issue.get()) {
                    pendingPolls.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                }
                String body = issue.get()
                        ? recorded(YUN_RECORDED, "tracking-number.json").replace("LX123456785CN", number(key))
                        : recorded(YUN_RECORDED, "tracking-number-pending.json");
                return like(event.getResponseDefinition()).but().withBody(body.replace("WB000123-1", key)
                        .replace("YT2031721266061991", waybillNo(key))).build();
            }
            if (path.endsWith("/Label/Print")) {
                String key = all(sent, null).get(0);
                return like(event.getResponseDefinition()).but().withBody(recorded(YUN_RECORDED, "label-print.json")
                        .replace("WB000123-1", key).replace("{{LABEL_URL}}", yunexpress.baseUrl() + "/labels/"
                                + key + ".pdf")).build();
            }
            if (path.startsWith("/labels/")) {
                String key = path.replaceAll("/labels/(.+)\\.pdf", "$1");
                return like(event.getResponseDefinition()).but().withHeader("Content-Type", "application/pdf")
                        .withBody(CarrierStubs.carrierLabelPdf("YUNEXPRESS LABEL " + key + " " + number(key)))
                        .build();
            }
            return event.getResponseDefinition();
        }

        /** A tracking number of the recorded one's form (LX...CN), its digits the order's. */
        String number(String key) {
            return numbers.computeIfAbsent(key, k -> String.format(Locale.ROOT, "LX%09dCN", numbers.size() + 1));
        }

        private String waybillNo(String key) {
            return "YT20317212660" + String.format(Locale.ROOT, "%05d", Math.abs(key.hashCode()) % 100000);
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }

    @BeforeAll
    void setUp() throws IOException {
        amazon = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().extensions(shipments));
        amazon.start();
        yunexpress = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().extensions(yun));
        yunexpress.start();
        stubAmazon();
        yunexpress.stubFor(any(anyUrl()).atPriority(10).willReturn(CarrierStubs.json(500, "{}")));
        for (String path : List.of("/api/WayBill/CreateOrder", "/api/Label/Print")) {
            yunexpress.stubFor(post(urlPathEqualTo(path)).atPriority(1).willReturn(CarrierStubs.json(200, "{}")
                    .withTransformers(YunExpressOrders.NAME)));
        }
        // the account's shipping methods (read in the background when the account is saved): the recorded list
        yunexpress.stubFor(get(urlPathEqualTo("/api/Common/GetShippingMethods")).atPriority(1)
                .willReturn(json(YUN_RECORDED, "shipping-methods.json")));
        yunexpress.stubFor(get(urlPathEqualTo("/api/Waybill/GetTrackingNumber")).atPriority(1)
                .willReturn(CarrierStubs.json(200, "{}").withTransformers(YunExpressOrders.NAME)));
        yunexpress.stubFor(get(urlPathMatching("/labels/.+\\.pdf")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withTransformers(YunExpressOrders.NAME)));
        waybill = WaybillDistribution.ownWithDemoOff("crossborder");
    }

    /**
     * The Amazon stub: the recorded Login with Amazon and participations; {@value #ORDERS} orders over two searchOrders
     * pages (paginationToken), each Amazon's example order (status UNSHIPPED, a value of its FulfillmentStatus) with
     * its own id and one of the two recorded delivery addresses (Seattle, London), its two items included;
     * confirmShipment 204 (the recorded answer), counted by {@link AmazonShipments}.
     */
    private void stubAmazon() {
        amazon.stubFor(post(urlPathEqualTo("/auth/o2/token")).willReturn(json(AMAZON_RECORDED, "lwa-token.json")));
        amazon.stubFor(get(urlPathEqualTo("/sellers/v1/marketplaceParticipations"))
                .willReturn(json(AMAZON_RECORDED, "participations.json")));
        String page1 = recorded(AMAZON_RECORDED, "search-orders-page-1.json");
        String template = object(page1, page1.indexOf('{', page1.indexOf("\"orders\"")))
                .replace("\"fulfillmentStatus\": \"SHIPPED\"", "\"fulfillmentStatus\": \"UNSHIPPED\"");
        String seattle = object(template, template.indexOf('{', template.indexOf("\"deliveryAddress\"")));
        String page2 = recorded(AMAZON_RECORDED, "search-orders-page-2.json");
        String london = object(page2, page2.indexOf('{', page2.indexOf("\"deliveryAddress\"")));
        List<String> orders = new ArrayList<>();
        for (int i = 1; i <= ORDERS; i++) {
            String id = String.format(Locale.ROOT, "123-4567890-12345%02d", i);
            orderIds.add(id);
            orders.add(template.replace(FIRST_ORDER, id).replace(seattle, i % 2 == 0 ? seattle : london));
        }
        int half = ORDERS / 2;
        amazon.stubFor(get(urlPathEqualTo("/orders/2026-01-01/orders")).withQueryParam("paginationToken", absent())
                .willReturn(jsonBody("{\"orders\": [" + String.join(",", orders.subList(0, half))
                        + "], \"pagination\": {\"nextToken\": \"" + NEXT_TOKEN + "\"}}")));
        amazon.stubFor(get(urlPathEqualTo("/orders/2026-01-01/orders"))
                .withQueryParam("paginationToken", equalTo(NEXT_TOKEN))
                .willReturn(jsonBody("{\"orders\": [" + String.join(",", orders.subList(half, ORDERS)) + "]}")));
        amazon.stubFor(post(urlPathMatching("/orders/v0/orders/[^/]+/shipmentConfirmation"))
                .willReturn(aResponse().withStatus(204).withTransformers(AmazonShipments.NAME)));
    }

    /** The JSON object starting at {@code start} (a '{'), to its matching brace; strings are skipped. */
    private static String object(String json, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return json.substring(start, i + 1);
            }
        }
        throw new IllegalArgumentException("no object at " + start);
    }

    @AfterAll
    void tearDown() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            try {
                if (waybill != null) {
                    waybill.close(); // the whole instance goes: store, account, rule, orders, jobs
                }
            } finally {
                amazon.stop();
                yunexpress.stop();
            }
        }
    }

    @Test
    @Order(1)
    void amazonOrdersGoOutWithYunExpressAndAreConfirmedOncePerPackageWithinTheRateLimit() throws IOException {
        // given: a warehouse in China, the product with its customs data, both kars dropped into deploy/
        Result wh = waybill.shell("waybill:warehouse-add " + WAREHOUSE + " --name \"Cross-border IT Warehouse\" "
                + "--street \"88 Haishu Road\" --city Ningbo --state Zhejiang --postal 315000 --country CN "
                + "--contact \"Zhang San\" --phone \"+86 574 8765 4321\" --email it-xb@example.com");
        assertTrue(wh.output().contains("Added warehouse " + WAREHOUSE), wh::output);
        Result sku = waybill.shell("waybill:sku-add " + SKU + " --name \"Smart speaker\" --name-zh 智能音箱 --weight 300 "
                + "--hs 851822 --customs-en \"Smart speaker\" --customs-zh 智能音箱");
        assertEquals(0, sku.exitCode(), sku::output);
        Result sku2 = waybill.shell("waybill:sku-add " + SKU2 + " --name \"Streaming stick\" --name-zh 电视棒 --weight 100 "
                + "--hs 852872 --customs-en \"Streaming stick\" --customs-zh 电视棒");
        assertEquals(0, sku2.exitCode(), sku2::output);
        for (String s : List.of(SKU, SKU2)) {
            Result stock = waybill.shell("waybill:stock-set " + WAREHOUSE + " " + s + " " + (2 * ORDERS + 6));
            assertEquals(0, stock.exitCode(), stock::output);
        }
        long t0 = System.nanoTime();
        for (String property : List.of("waybill.it.yunexpressKar", "waybill.it.amazonKar")) {
            Path kar = Path.of(WaybillDistribution.required(property));
            Files.copy(kar, waybill.deployDir().resolve(kar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        waybill.shellUntil("waybill:plugin-list", r -> AMAZON_ROW.matcher(r.output()).find()
                && YUN_ROW.matcher(r.output()).find(), LIMIT);
        WaybillDistribution.figure("YunExpress + Amazon kars hot deploy -> both types listed",
                String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - t0) / 1e9));

        // when: the YunExpress account through the Plugins page's form
        browser = Browser.open("crossborder", waybill);
        browser.login("admin", waybill.password());
        // an install not fully set up starts the admin on the setup checklist
        browser.await("signed in", () -> browser.path().equals("/setup") || browser.path().equals("/delivery/waiting"));
        browser.go("/plugins");
        browser.click(browser.await("New YunExpress account", () -> browser.driver()
                .findElements(By.id("plugin-new-carrier-yunexpress")).stream().findFirst().orElse(null)));
        browser.byId("plugin-dialog");
        browser.type(By.cssSelector("#plugin-setting-baseUrl input"), yunexpress.baseUrl() + "/api");
        browser.type(By.cssSelector("#plugin-setting-customerCode input"), YUN_CUSTOMER);
        assertEquals("password", browser.js("return document.querySelector('#plugin-setting-_apiSecret input').type;"));
        browser.type(By.cssSelector("#plugin-setting-_apiSecret input"), YUN_SECRET);
        browser.type(By.cssSelector("#plugin-setting-defaultService input"), SERVICE);
        browser.click("plugin-save");
        browser.awaitGone("plugin-dialog");
        CarrierStubs.awaitCarrier(waybill, "yunexpress");
        Result yunConfig = waybill.shell("config:list \"(service.factoryPid=io.waybill.carrier.yunexpress)\"");
        assertTrue(yunConfig.output().contains(YUN_CUSTOMER), yunConfig::output);
        assertFalse(yunConfig.output().contains(YUN_SECRET), yunConfig::output);

        // and: the Amazon store through the Stores page's form (no capture schedule, no default shipping method)
        browser.go("/stores");
        browser.click("store-new");
        browser.byId("store-dialog");
        browser.type(By.cssSelector("#store-code input"), STORE);
        browser.type(By.cssSelector("#store-name input"), "Amazon Cross-border IT");
        browser.click(browser.byId("store-platform").findElement(By.cssSelector("input")));
        browser.pickOverlayItem("vaadin-combo-box-item", "(amazon)");
        browser.type(By.cssSelector("#store-interval input"), "0");
        browser.type(By.cssSelector("#store-warehouses input"), WAREHOUSE);
        browser.type(By.cssSelector("#store-setting-marketplaceId input"), "ATVPDKIKX0DER");
        browser.type(By.cssSelector("#store-setting-lwaClientId input"), "amzn1.application-oa2-client.xb");
        browser.type(By.cssSelector("#store-setting-_lwaClientSecret input"), SECRET);
        browser.type(By.cssSelector("#store-setting-_refreshToken input"), REFRESH);
        browser.type(By.cssSelector("#store-setting-baseUrl input"), amazon.baseUrl());
        browser.type(By.cssSelector("#store-setting-tokenUrl input"), amazon.baseUrl() + "/auth/o2/token");
        browser.click("store-save");
        browser.await("grid lists " + STORE, () -> browser.gridRows("store-grid").stream()
                .anyMatch(r -> r.startsWith(STORE + " |")));
        String green = testUntil("connection OK");
        assertTrue(green.contains("Amazon.com (ATVPDKIKX0DER)"), green);
        assertFalse(browser.driver().getPageSource().contains(SECRET), "the secret is never sent back");
        browser.click("store-cancel");
        browser.awaitGone("store-dialog");
        Result storeConfig = waybill.shell("config:list \"(storeCode=" + STORE + ")\"");
        assertFalse(storeConfig.output().contains(SECRET) || storeConfig.output().contains(REFRESH),
                storeConfig::output);
        Result auto = waybill.shell("waybill:settings auto-sync amazon true");
        assertEquals(0, auto.exitCode(), auto::output);

        // and: a logistics rule: the store's packages go with YunExpress
        Result rule = waybill.shell("waybill:rule-add -w 'store " + STORE + "' -t 'ship yunexpress " + SERVICE
                + "' 'Amazon via YunExpress'");
        assertEquals(0, rule.exitCode(), rule::output);

        // when: the capture
        Result capture = waybill.shell("waybill:capture " + STORE);
        assertTrue(capture.output().contains("Captured " + STORE), capture::output);
        Map<String, String> packages = packagesByOrder();
        assertEquals(new java.util.TreeSet<>(orderIds), new java.util.TreeSet<>(packages.keySet()),
                () -> "one package per captured order; requests: " + requests(amazon));
        List<String> pkgs = new ArrayList<>(packages.values());
        String all = String.join(" ", pkgs);
        Result dry = waybill.shell("waybill:rule-dry-run " + pkgs.get(0));
        assertTrue(dry.output().contains("yunexpress"), dry::output);

        // then: allocated and uploaded; YunExpress accepts every order, numbers to come
        Result alloc = waybill.shell("waybill:allocate " + all);
        assertTrue(alloc.output().contains(ORDERS + " done, 0 failed"), alloc::output);
        Result upload = waybill.shell("waybill:upload " + all);
        assertEquals(0, upload.exitCode(), upload::output);
        awaitStatus(pkgs, "awaiting_tracking", () -> CarrierStubs.bodies(yunexpress).toString());
        assertEquals(ORDERS, yun.created.size(), () -> CarrierStubs.bodies(yunexpress).toString());
        assertTrue(yun.created.values().stream().allMatch(n -> n.get() == 1), () -> yun.created.toString());
        int calls = yun.ordersPerCreate.size();
        WaybillDistribution.log("YunExpress CreateOrder: %d calls for %d packages %s", calls, ORDERS,
                yun.ordersPerCreate);
        assertTrue(calls < ORDERS && yun.ordersPerCreate.stream().allMatch(n -> n <= 10), yun.ordersPerCreate::toString);
        String firstBody = CarrierStubs.bodies(yunexpress).stream().filter(b -> b.contains("/WayBill/CreateOrder"))
                .findFirst().orElseThrow();
        assertTrue(firstBody.contains("\"ShippingMethodCode\":\"" + SERVICE + "\""), firstBody);
        assertTrue(firstBody.contains("\"HSCode\":\"851822\"") && firstBody.contains("\"UnitPrice\":49.99"), firstBody);

        // when: the core's own polls have backed off (each order asked 6 times and answered "pending": the next poll
        // is 15 s or more away, CarrierJobWorker.pollDelay), the numbers are issued, and
        // "Update logistics provider information" asks for them now
        List<String> keys = pkgs.stream().map(p -> p + "-1").toList();
        browser.await("every order polled 6 times, pending", LIMIT, () -> keys.stream().allMatch(k ->
                yun.pendingPolls.getOrDefault(k, new AtomicInteger()).get() >= 6) ? Boolean.TRUE : null);
        yun.issue.set(true);
        Result refresh = waybill.shell("waybill:refresh-tracking " + all);
        assertTrue(refresh.output().contains("Update logistics provider information: " + ORDERS + " done, 0 failed"),
                refresh::output);

        // then: every package tracked with its own YunExpress number, its carrier label stored
        Map<String, Map<String, String>> tracked = awaitStatus(pkgs, "tracked",
                () -> CarrierStubs.bodies(yunexpress).toString());
        for (String pkg : pkgs) {
            assertEquals(yun.number(pkg + "-1"), tracked.get(pkg).get("Tracking no."), pkg);
            waybill.shellUntil("waybill:package-show " + pkg, r -> r.output().contains("label from"), LIMIT);
        }

        // when: printed (the carriers' PDF labels), shipped
        Path pdf = waybill.printDir("crossborder").resolve("yunexpress-labels.pdf");
        Result print = waybill.shell("waybill:print -o \"" + pdf + "\" --mark-printed " + all);
        assertTrue(print.output().contains("Mark printed: " + ORDERS + " done, 0 failed"), print::output);
        Result text = WaybillDistribution.run(List.of("pdftotext", "-enc", "UTF-8", pdf.toString(), "-"), null,
                Map.of(), Duration.ofSeconds(60));
        assertEquals(0, text.exitCode(), text::output);
        for (String pkg : pkgs) {
            assertTrue(text.output().contains("YUNEXPRESS LABEL " + pkg + "-1 " + yun.number(pkg + "-1")),
                    () -> "YunExpress's label of " + pkg + " in the batch:\n" + text.output());
        }
        long t1 = System.nanoTime();
        Result ship = waybill.shell("waybill:ship --batch " + all);
        assertTrue(ship.output().contains(ORDERS + " done, 0 failed"), ship::output);

        // then: the automatic sync confirms every package at Amazon, once, within the usage plan
        awaitStatus(pkgs, "synced", () -> requests(amazon).toString());
        WaybillDistribution.figure("ship " + ORDERS + " -> SYNCED (Amazon stub, confirmShipment)",
                String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - t1) / 1e9));
        assertEquals(new java.util.TreeSet<>(orderIds), new java.util.TreeSet<>(shipments.confirmed.keySet()));
        for (Map.Entry<String, String> e : packages.entrySet()) {
            assertEquals(1, shipments.confirmed.get(e.getKey()).get(), () -> "one confirmShipment for " + e);
            String body = shipments.bodies.get(e.getKey());
            String tn = tracked.get(e.getValue()).get("Tracking no.");
            assertTrue(body.contains("\"trackingNumber\":\"" + tn + "\""), body);
            assertTrue(body.contains("\"carrierCode\":\"Other\"") && body.contains("\"carrierName\":\"YunExpress\""),
                    body);
            assertTrue(body.contains("\"orderItemId\":\"12345678901234\",\"quantity\":2")
                    && body.contains("\"orderItemId\":\"12345678901235\",\"quantity\":1"), body);
        }
        WaybillDistribution.figure("confirmShipment calls the stub's usage plan (" + RATE + "/s burst " + BURST
                + ") answered 429, each confirmed later", String.valueOf(shipments.throttled.get()));
        assertEquals(ORDERS, requests(amazon).stream().filter(r -> r.contains("shipmentConfirmation")
                && r.contains("-> 204")).count(), () -> requests(amazon).toString());
        assertTrue(requests(amazon).stream().filter(r -> r.contains("shipmentConfirmation"))
                .allMatch(r -> r.contains("-> 204") || r.contains("-> 429")), () -> requests(amazon).toString());
        assertEquals(ACCESS, amazon.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl()
                .contains("shipmentConfirmation")).findFirst().orElseThrow().getRequest()
                .getHeader("x-amz-access-token"));
    }

    /**
     * {@code waybill:carrier-quote} on two of the packages above (it needs the YunExpress account and the packages of
     * the first test): to Seattle, YunExpress's price trial answer (the recorded one) as a table row per method; to
     * London, YunExpress's refusal (the recorded refusal envelope) as the reason for no prices.
     */
    @Test
    @Order(2)
    void carrierQuoteShowsYunExpressPriceTrial_andItsRefusal() {
        Map<String, String> packages = packagesByOrder();
        assertEquals(ORDERS, packages.size(), "runs after the first test, on its packages: " + packages);
        String seattle = packages.get(orderIds.get(1)); // even orders go to Seattle (stubAmazon)
        String london = packages.get(orderIds.get(0)); // odd ones to London
        yunexpress.stubFor(get(urlPathEqualTo("/api/Freight/GetPriceTrial")).withQueryParam("CountryCode",
                equalTo("US")).atPriority(1).willReturn(json(YUN_RECORDED, "price-trial.json")));
        yunexpress.stubFor(get(urlPathEqualTo("/api/Freight/GetPriceTrial")).withQueryParam("CountryCode",
                equalTo("GB")).atPriority(1).willReturn(jsonBody("{\"Items\":null,\"Code\":\"1001\","
                        + "\"Message\":\"提交失败!\"}"))); // the envelope of create-order-refused.json

        Result us = waybill.shell("waybill:carrier-quote " + seattle);
        assertEquals(0, us.exitCode(), us::output);
        assertTrue(Pattern.compile("(?m)^yunexpress\\s*\\|\\s*THPHR\\s*\\|\\s*70\\.80?\\s*\\|\\s*CNY\\s*\\|\\s*7-12\\s*"
                + "\\|\\s*Global Direct Line Registered \\(general goods\\)").matcher(us.output()).find(), us::output);
        assertTrue(Pattern.compile("(?m)^yunexpress\\s*\\|\\s*ZXHR\\s*\\|\\s*79\\.20?\\s*\\|\\s*CNY").matcher(us.output())
                .find(), us::output);
        yunexpress.verify(1, getRequestedFor(urlPathEqualTo("/api/Freight/GetPriceTrial"))
                .withQueryParam("CountryCode", equalTo("US")).withQueryParam("Weight", matching("[0-9]+\\.[0-9]{3}"))
                .withQueryParam("PackageType", equalTo("0")));

        Result gb = waybill.shell("waybill:carrier-quote " + london);
        assertTrue(gb.output().contains("yunexpress: no prices - ") && gb.output().contains("提交失败!"), gb::output);
        assertFalse(gb.output().contains("THPHR"), gb::output);
    }

    /** Presses Test connection until the answer contains {@code expected} (the plugin takes its configuration asynchronously). */
    private String testUntil(String expected) {
        browser.await("edit dialog of " + STORE, () -> "true".equals(String.valueOf(browser.js(
                "const t = document.querySelector('#store-test'); return !!t && !t.hasAttribute('disabled');"))));
        return browser.await("Test connection answers '" + expected + "'", LIMIT, () -> {
            browser.click("store-test");
            Object t = browser.js("const e = document.getElementById('store-test-result');"
                    + " return e ? e.textContent : null;");
            return t != null && String.valueOf(t).contains(expected) ? String.valueOf(t) : null;
        });
    }

    /** Order id -> package no. of the store's packages. */
    private Map<String, String> packagesByOrder() {
        Map<String, String> byOrder = new LinkedHashMap<>();
        for (Map<String, String> row : waybill.allPackageRows("waybill:package-list --store " + STORE)) {
            byOrder.put(row.get("Order no."), row.get("Package no."));
        }
        return byOrder;
    }

    private Map<String, Map<String, String>> awaitStatus(List<String> pkgs, String status,
                                                         java.util.function.Supplier<String> context) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        do {
            rows.clear();
            for (Map<String, String> row : waybill.allPackageRows("waybill:package-list --store " + STORE)) {
                rows.put(row.get("Package no."), row);
            }
            if (pkgs.stream().allMatch(p -> rows.containsKey(p) && status.equals(rows.get(p).get("Status")))) {
                return new LinkedHashMap<>(rows);
            }
            WaybillDistribution.sleep(500);
        } while (System.nanoTime() < deadline);
        StringBuilder shown = new StringBuilder();
        for (String p : pkgs) {
            if (!rows.containsKey(p) || !status.equals(rows.get(p).get("Status"))) {
                shown.append(waybill.shell("waybill:package-show " + p).output()).append('\n');
                break;
            }
        }
        fail("not all " + status + " within " + LIMIT.toSeconds() + " s: " + rows + "\n" + shown + "\nstub: "
                + context.get());
        return rows;
    }

    private static List<String> requests(WireMockServer stub) {
        return stub.getAllServeEvents().stream().map(e -> e.getRequest().getMethod() + " " + e.getRequest().getUrl()
                + " -> " + e.getResponse().getStatus() + " " + e.getRequest().getBodyAsString()).toList();
    }

    /** Every string value of a JSON field (or, with {@code null}, every string of a JSON string array). */
    private static List<String> all(String json, String field) {
        Matcher m = Pattern.compile(field == null ? "\"([^\"]*)\"" : "\"" + field + "\"\\s*:\\s*\"([^\"]*)\"")
                .matcher(json);
        List<String> values = new ArrayList<>();
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    /** The one object of a recorded answer's {@code Item} array. */
    private static String itemOf(String answer) {
        int start = answer.indexOf('{', answer.indexOf("\"Item\""));
        return answer.substring(start, answer.indexOf('}', start) + 1);
    }

    private static String recorded(Path dir, String file) {
        try {
            return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("recorded body " + dir.resolve(file).toAbsolutePath(), e);
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(Path dir, String file) {
        return jsonBody(recorded(dir, file));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder jsonBody(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
