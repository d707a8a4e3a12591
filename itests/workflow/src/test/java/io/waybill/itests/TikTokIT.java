package io.waybill.itests;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.waybill.itests.WaybillDistribution.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.like;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
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

/**
 * The TikTok Shop plugin on a Waybill of its own (demo off, thrown away afterwards, so the shared distribution keeps
 * no store, SKU, order or sync job of this class, whatever fails): its {@code .kar} hot-deployed, a store added with
 * {@code waybill:store-add} (app secret and refresh token from a file, no access token: the plugin refreshes it from
 * the stub first), a WireMock playing TikTok Shop with the plugin's recorded bodies and keeping the shop's packages
 * as TikTok would. The connection test, a capture (Search Orders with page_token), then allocate / upload (pool
 * carrier) / print / ship, and the automatic sync ships the package at TikTok with the pool's tracking number and the
 * mapped shipping provider id: the stub holds exactly one shipped package (a second Ship Package for it would be
 * refused by the stub), also after a manual sync, which the core refuses as already synced.
 */
@Order(21)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TikTokIT {

    static final String STORE = "TT-IT";
    static final String WAREHOUSE = "TT-WH";
    static final String ORDER_ID = "578012345678901234";
    static final String PACKAGE_ID = "1154528977690660930";
    static final String PROVIDER = "6617675021119438849";
    static final String APP_SECRET = "it-app-secret-3f9b2c7d1e5a";
    static final String REFRESH = "TTP_it-refresh-token-VHJlbnQgYW5kIFBlZ2d5";
    static final String ACCESS = "TTP_it-refreshed-access-token-Q2Fyb2wgYW5kIERhdmU"; // token-refresh.json
    private static final Path RECORDED = Path.of("..", "platform-plugins", "tiktok", "src", "test", "resources",
            "io", "waybill", "platform", "tiktok", "internal");
    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static final Pattern TIKTOK_ROW = Pattern.compile("(?m)^platform\\s*\\|\\s*tiktok\\s*\\|.*");
    private static final Pattern POOL_ROW = Pattern.compile("(?m)^carrier\\s*\\|\\s*pool\\s*\\|.*");

    private WaybillDistribution waybill;
    private WireMockServer tiktok;
    private PackageSteps steps;
    private final ShopPackages shop = new ShopPackages();

    /**
     * TikTok's side of the shop's packages: Ship Package records the tracking number and shipping provider of the
     * package; Get Order Detail then shows them on the package's line items, as TikTok does. Counts packages shipped,
     * not requests.
     */
    static final class ShopPackages implements ResponseDefinitionTransformerV2 {
        static final String NAME = "tiktok-shop-packages";
        /** package id -> {tracking number, shipping provider id}. */
        final Map<String, String[]> shipped = new ConcurrentHashMap<>();

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            String path = event.getRequest().getUrl().replaceAll("\\?.*", "");
            String body = event.getResponseDefinition().getBody();
            if (path.matches("/fulfillment/202309/packages/[^/]+/ship")) {
                String pkg = path.replaceAll(".*/packages/([^/]+)/ship", "$1");
                String sent = event.getRequest().getBodyAsString();
                String[] already = shipped.putIfAbsent(pkg, new String[] {field(sent, "tracking_number"),
                        field(sent, "shipping_provider_id")});
                if (already != null) {
                    return like(event.getResponseDefinition()).but().withBody(recorded("error-rejected.json")).build();
                }
                return event.getResponseDefinition();
            }
            for (Map.Entry<String, String[]> e : shipped.entrySet()) {
                body = body.replace("\"package_id\": \"" + e.getKey() + "\",", "\"package_id\": \"" + e.getKey()
                        + "\", \"tracking_number\": \"" + e.getValue()[0] + "\", \"shipping_provider_id\": \""
                        + e.getValue()[1] + "\",");
            }
            return like(event.getResponseDefinition()).but().withBody(body).build();
        }

        private static String field(String json, String name) {
            Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
            return m.find() ? m.group(1) : "";
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
        tiktok = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().extensions(shop));
        tiktok.start();
        tiktok.stubFor(get(urlPathEqualTo("/api/v2/token/refresh")).willReturn(json("token-refresh.json")));
        tiktok.stubFor(get(urlPathEqualTo("/authorization/202309/shops")).willReturn(json("shops.json")));
        tiktok.stubFor(post(urlPathEqualTo("/order/202309/orders/search")).withQueryParam("page_token", absent())
                .willReturn(json("search-orders-page-1.json")));
        tiktok.stubFor(post(urlPathEqualTo("/order/202309/orders/search"))
                .withQueryParam("page_token", matching(".+")).willReturn(json("search-orders-page-2.json")));
        tiktok.stubFor(get(urlPathEqualTo("/order/202309/orders")).willReturn(json("order-detail.json")
                .withTransformers(ShopPackages.NAME)));
        tiktok.stubFor(post(urlPathMatching("/fulfillment/202309/packages/[^/]+/ship"))
                .willReturn(json("ship-package.json").withTransformers(ShopPackages.NAME)));
        waybill = WaybillDistribution.ownWithDemoOff("tiktok");
        steps = new PackageSteps(waybill, STORE, LIMIT, () -> "requests the stub received: " + requests());
    }

    @AfterAll
    void tearDown() {
        try {
            if (waybill != null) {
                waybill.close(); // the whole instance goes: store, SKUs, orders, sync jobs, configurations
            }
        } finally {
            if (tiktok != null) {
                tiktok.stop();
            }
        }
    }

    @Test
    void hotDeployedTikTokCapturesOrdersAndShipsTheShippedPackageOnce() throws IOException {
        // given: a warehouse, the pool carrier and the TikTok Shop kar dropped into deploy/
        Result wh = waybill.shell("waybill:warehouse-add " + WAREHOUSE + " --name \"TikTok IT Warehouse\" --street "
                + "\"88 Haishu Road\" --city Ningbo --state Zhejiang --postal 315000 --country CN --contact \"Zhang San\""
                + " --phone \"+86 574 8765 4321\" --email it-wh@example.com");
        assertTrue(wh.output().contains("Added warehouse " + WAREHOUSE), wh::output);
        Path pool = Path.of(WaybillDistribution.required("waybill.it.poolKar"));
        Files.copy(pool, waybill.deployDir().resolve(pool.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Path kar = Path.of(WaybillDistribution.required("waybill.it.tiktokKar"));
        long t0 = System.nanoTime();
        Files.copy(kar, waybill.deployDir().resolve(kar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        waybill.shellUntil("waybill:plugin-list", r -> TIKTOK_ROW.matcher(r.output()).find()
                && POOL_ROW.matcher(WaybillDistribution.registeredPlugins(r.output())).find(), LIMIT);
        WaybillDistribution.figure("TikTok Shop kar hot deploy -> platform type listed", String.format(Locale.ROOT,
                "%.1f s", (System.nanoTime() - t0) / 1e9));

        // and: a store (secrets from a file, no access token), the SKUs in stock, pool mapped to a provider id
        Path secrets = waybill.importDir("tiktok").resolve("tiktok.secrets");
        Files.writeString(secrets, ".appSecret=" + APP_SECRET + "\n.refreshToken=" + REFRESH + "\n",
                StandardCharsets.UTF_8);
        Result add = waybill.shell("waybill:store-add " + STORE + " --platform tiktok --name \"TikTok IT\" "
                + "--warehouses " + WAREHOUSE + " --interval 0 --shipping-method pool/RR --set appKey=6a6t0g2kqmvbf"
                + " --set shopCipher=GCP_XF90igAAAABh00qsWgtvOiGFNqyubMt3 --set baseUrl=" + tiktok.baseUrl()
                + " --set authUrl=" + tiktok.baseUrl() + " --secrets-file " + secrets);
        assertTrue(add.output().contains("Added store " + STORE), add::output);
        assertFalse(add.output().contains(APP_SECRET) || add.output().contains(REFRESH), add::output);
        for (String sku : List.of("TT-CASE-01", "TT-CABLE-02")) {
            waybill.shell("waybill:sku-add " + sku + " --name \"TikTok " + sku + "\" --weight 120");
            Result stock = waybill.shell("waybill:stock-set " + WAREHOUSE + " " + sku + " 10");
            assertEquals(0, stock.exitCode(), stock::output);
        }
        Result code = waybill.shell("waybill:settings carrier-code tiktok pool " + PROVIDER);
        assertEquals(0, code.exitCode(), code::output);
        Result auto = waybill.shell("waybill:settings auto-sync tiktok true");
        assertEquals(0, auto.exitCode(), auto::output);

        // when: the connection test (the access token is refreshed from the stub first)
        Result test = waybill.shellUntil("waybill:store-test " + STORE, r -> r.output().contains(
                "OK: Connected to TikTok Shop"), LIMIT);
        assertTrue(test.output().contains("Waybill Test Shop"), test::output);
        assertEquals(1, tiktok.findAll(getRequestedFor(urlPathEqualTo("/api/v2/token/refresh"))).size(),
                () -> requests().toString());

        // and: the capture
        Result capture = waybill.shell("waybill:capture " + STORE);
        assertTrue(capture.output().contains("Captured " + STORE), capture::output);
        String pkg = steps.ofOrder(ORDER_ID).get("Package no.");

        // then: allocate, upload with pool, print, ship
        Map<String, String> tracked = steps.allocateAndUpload(pkg);
        String tn = tracked.get("Tracking no.");
        steps.printMarked(pkg, waybill.printDir("tiktok").resolve("tiktok-label.pdf"));
        long t1 = System.nanoTime();
        steps.ship(pkg, tracked);

        // and: the automatic sync ships the package at TikTok, once
        steps.await(pkg, "synced");
        WaybillDistribution.figure("ship -> SYNCED (TikTok Shop stub, Ship Package)", String.format(Locale.ROOT,
                "%.1f s", (System.nanoTime() - t1) / 1e9));
        assertEquals(1, shop.shipped.size(), () -> requests().toString());
        String[] held = shop.shipped.get(PACKAGE_ID);
        assertTrue(held != null, () -> requests().toString());
        assertEquals(tn, held[0]);
        assertEquals(PROVIDER, held[1]);

        // and: a manual sync afterwards is refused as already synced; TikTok still holds one shipped package
        Result again = waybill.shell("waybill:sync " + pkg);
        assertTrue(again.output().contains("0 done, 1 failed"), again::output);
        assertEquals(1, shop.shipped.size(), () -> requests().toString());
        assertEquals(tn, shop.shipped.get(PACKAGE_ID)[0]);
        assertFalse(requests().stream().anyMatch(r -> r.contains(APP_SECRET) && !r.contains("/api/v2/token/refresh")),
                "the app secret travels only to the token refresh");
    }

    private List<String> requests() {
        return PackageSteps.requests(tiktok);
    }

    private static String recorded(String file) {
        return PackageSteps.recorded(RECORDED, file);
    }

    private static ResponseDefinitionBuilder json(String file) {
        return PackageSteps.json(RECORDED, file);
    }
}
