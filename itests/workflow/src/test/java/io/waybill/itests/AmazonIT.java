package io.waybill.itests;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
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
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Amazon SP-API plugin on a Waybill of its own (demo off, thrown away afterwards: the shared distribution keeps no
 * store, SKU, order, carrier code or sync job of this class, whatever fails), hot-deployed: its {@code .kar} into {@code deploy/}, a store
 * added with {@code waybill:store-add} (secrets from a file), a WireMock playing Login with Amazon and SP-API with the
 * plugin's recorded bodies. The connection test, a capture (token refresh, searchOrders of the Orders API v2026-01-01
 * with paginationToken, the items in the same answer), then allocate / upload (pool carrier) / print / ship, and the
 * automatic sync sends one confirmShipment (v0) for the package with its tracking number and the mapped carrier
 * name.
 */
@Order(20)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AmazonIT {

    static final String STORE = "AMZ-IT";
    static final String WAREHOUSE = "SZ-01";
    static final String ORDER_ID = "123-4567890-1234567"; // search-orders-page-1.json
    static final String SKU = "ECHO-DOT-4-CHARCOAL";
    static final String SKU2 = "FIRE-TV-4K-2021";
    static final String NEXT_TOKEN = "2YgYW55IGNhcm5hbCBwbGVhc3VyZS4";
    static final String SECRET = "amzn1.oa2-cs.v1.it-client-secret-0f3b5d7e9a1c";
    static final String REFRESH = "Atzr|IwEBI-it-refresh-token-5d7e9a1c";
    static final String ACCESS = "Atza|IQEBLjAsAhRmHjNgHpi0U-Dme37rR6CuUpSR"; // lwa-token.json
    private static final Path RECORDED = Path.of("..", "platform-plugins", "amazon", "src", "test", "resources",
            "io", "waybill", "platform", "amazon", "internal");
    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static final Pattern AMAZON_ROW = Pattern.compile("(?m)^platform\\s*\\|\\s*amazon\\s*\\|.*");
    private static final Pattern POOL_ROW = Pattern.compile("(?m)^carrier\\s*\\|\\s*pool\\s*\\|.*");

    private WaybillDistribution waybill;
    private WireMockServer amazon;
    private Path amazonKar;
    private PackageSteps steps;

    @BeforeAll
    void setUp() throws IOException {
        amazon = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        amazon.start();
        amazon.stubFor(post(urlPathEqualTo("/auth/o2/token")).willReturn(json("lwa-token.json")));
        amazon.stubFor(get(urlPathEqualTo("/sellers/v1/marketplaceParticipations"))
                .willReturn(json("participations.json")));
        // searchOrders: Amazon's example order (its status set to UNSHIPPED, a value of FulfillmentStatus), then the
        // sandbox's last page
        amazon.stubFor(get(urlPathEqualTo("/orders/2026-01-01/orders")).withQueryParam("paginationToken", absent())
                .willReturn(json("search-orders-page-1.json", "\"fulfillmentStatus\": \"SHIPPED\"",
                        "\"fulfillmentStatus\": \"UNSHIPPED\"")));
        amazon.stubFor(get(urlPathEqualTo("/orders/2026-01-01/orders"))
                .withQueryParam("paginationToken", equalTo(NEXT_TOKEN))
                .willReturn(json("search-orders-page-2.json")));
        amazon.stubFor(post(urlPathMatching("/orders/v0/orders/[^/]+/shipmentConfirmation"))
                .willReturn(aResponse().withStatus(204)));

        waybill = WaybillDistribution.ownWithDemoOff("amazon");
        steps = new PackageSteps(waybill, STORE, LIMIT, () -> "requests the stub received: " + requests());
        Result wh = waybill.shell("waybill:warehouse-add " + WAREHOUSE + " --name \"Amazon IT Warehouse\" --street "
                + "\"88 Haishu Road\" --city Ningbo --state Zhejiang --postal 315000 --country CN --contact \"Zhang San\""
                + " --phone \"+86 574 8765 4321\" --email it-wh@example.com");
        assertTrue(wh.output().contains("Added warehouse " + WAREHOUSE), wh::output);
        Path pool = Path.of(WaybillDistribution.required("waybill.it.poolKar"));
        Files.copy(pool, waybill.deployDir().resolve(pool.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        waybill.shellUntil("waybill:plugin-list",
                r -> POOL_ROW.matcher(WaybillDistribution.registeredPlugins(r.output())).find(), LIMIT);
    }

    @AfterAll
    void tearDown() {
        try {
            if (waybill != null) {
                waybill.close(); // the whole instance goes: store, SKU, orders, sync jobs, configurations
            }
        } finally {
            if (amazon != null) {
                amazon.stop();
            }
        }
    }

    @Test
    void hotDeployedAmazonCapturesOrdersAndConfirmsTheShippedPackageOnce() throws IOException {
        // given: the kar dropped into deploy/
        Path kar = Path.of(WaybillDistribution.required("waybill.it.amazonKar"));
        amazonKar = waybill.deployDir().resolve(kar.getFileName());
        long t0 = System.nanoTime();
        Files.copy(kar, amazonKar, StandardCopyOption.REPLACE_EXISTING);
        waybill.shellUntil("waybill:plugin-list", r -> AMAZON_ROW.matcher(r.output()).find(), LIMIT);
        WaybillDistribution.figure("Amazon kar hot deploy -> platform type listed", String.format(Locale.ROOT,
                "%.1f s", (System.nanoTime() - t0) / 1e9));

        // and: a store, its secrets from a file, the catalogue knows the SKU, pool is mapped to a carrier name
        Path secrets = waybill.importDir("amazon").resolve("amazon.secrets");
        Files.writeString(secrets, ".lwaClientSecret=" + SECRET + "\n.refreshToken=" + REFRESH + "\n",
                StandardCharsets.UTF_8);
        Result add = waybill.shell("waybill:store-add " + STORE + " --platform amazon --name \"Amazon IT\" "
                + "--warehouses " + WAREHOUSE + " --interval 0 --shipping-method pool/RR --set marketplaceId=ATVPDKIKX0DER "
                + "--set lwaClientId=amzn1.application-oa2-client.it --set baseUrl=" + amazon.baseUrl()
                + " --set tokenUrl=" + amazon.baseUrl() + "/auth/o2/token --secrets-file " + secrets);
        assertTrue(add.output().contains("Added store " + STORE), add::output);
        assertFalse(add.output().contains(SECRET) || add.output().contains(REFRESH), add::output);
        for (String sku : List.of(SKU, SKU2)) {
            waybill.shell("waybill:sku-add " + sku + " --name \"" + sku + "\" --weight 300");
            Result stock = waybill.shell("waybill:stock-set " + WAREHOUSE + " " + sku + " 10");
            assertEquals(0, stock.exitCode(), stock::output);
        }
        Result code = waybill.shell("waybill:settings carrier-code amazon pool \"China Post\"");
        assertEquals(0, code.exitCode(), code::output);
        Result auto = waybill.shell("waybill:settings auto-sync amazon true");
        assertEquals(0, auto.exitCode(), auto::output);

        // when: the connection test (green once the component has its configuration)
        Result test = waybill.shellUntil("waybill:store-test " + STORE, r -> r.output().contains(
                "OK: Connected to Amazon"), LIMIT);
        assertTrue(test.output().contains("Amazon.com (ATVPDKIKX0DER)"), test::output);

        // and: the capture
        Result capture = waybill.shell("waybill:capture " + STORE);
        assertTrue(capture.output().contains("Captured " + STORE), capture::output);
        amazon.verify(getRequestedForOrders(NEXT_TOKEN));
        amazon.verify(0, postRequestedFor(urlPathEqualTo("/tokens/2021-03-01/restrictedDataToken")));
        amazon.verify(0, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathMatching(
                "/orders/v0/.*")));
        Map<String, String> row = steps.ofOrder(ORDER_ID);
        String pkg = row.get("Package no.");
        // the item's iossNumber (recorded body) is the order's marketplace IOSS: the declaration carries it (V32)
        Result declaration = waybill.shell("waybill:package-declaration " + pkg);
        assertTrue(declaration.output().contains("IOSS IM1234567890"), declaration::output);

        // then: allocate, upload with pool, print, ship
        Map<String, String> tracked = steps.allocateAndUpload(pkg);
        String tn = tracked.get("Tracking no.");
        steps.printMarked(pkg, waybill.printDir("amazon").resolve("amazon-label.pdf"));
        long t1 = System.nanoTime();
        steps.ship(pkg, tracked);

        // and: the automatic sync confirms the package at Amazon, once
        steps.await(pkg, "synced");
        WaybillDistribution.figure("ship -> SYNCED (Amazon stub, confirmShipment)", String.format(Locale.ROOT,
                "%.1f s", (System.nanoTime() - t1) / 1e9));
        List<LoggedRequest> confirms = amazon.findAll(postRequestedFor(urlPathEqualTo("/orders/v0/orders/" + ORDER_ID
                + "/shipmentConfirmation")));
        assertEquals(1, confirms.size(), () -> "one confirmShipment: " + requests());
        String body = confirms.get(0).getBodyAsString();
        WaybillDistribution.log("confirmShipment sent to the stub: %s", body);
        assertEquals(ACCESS, confirms.get(0).getHeader("x-amz-access-token"));
        assertTrue(body.contains("\"trackingNumber\":\"" + tn + "\""), body);
        assertTrue(body.contains("\"carrierCode\":\"Other\"") && body.contains("\"carrierName\":\"China Post\""),
                body);
        assertTrue(body.contains("\"orderItemId\":\"12345678901234\",\"quantity\":2")
                && body.contains("\"orderItemId\":\"12345678901235\",\"quantity\":1"), body);
        assertTrue(body.contains("\"marketplaceId\":\"ATVPDKIKX0DER\""), body);
    }

    private static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder getRequestedForOrders(String next) {
        return com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo(
                "/orders/2026-01-01/orders")).withQueryParam("paginationToken", equalTo(next))
                .withQueryParam("fulfilledBy", equalTo("MERCHANT"));
    }

    private List<String> requests() {
        return PackageSteps.requests(amazon);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String file,
                                                                                String... replace) {
        String body = PackageSteps.recorded(RECORDED, file);
        for (int i = 0; i + 1 < replace.length; i += 2) {
            if (!body.contains(replace[i])) {
                throw new IllegalStateException(file + " has no " + replace[i]);
            }
            body = body.replace(replace[i], replace[i + 1]);
        }
        return com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body);
    }
}
