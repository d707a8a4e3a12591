package io.waybill.itests;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.waybill.itests.WaybillDistribution.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Synchronisation to Shopify against a WireMock stub of the GraphQL Admin API that replays the Shopify plugin's
 * recorded bodies: a Shopify factory configuration for {@value #STORE} with {@code baseUrl} pointing at the stub,
 * {@code waybill:settings auto-sync shopify true}; shipping a demo package of the store makes the plugin ask for
 * the order's fulfillment state and send {@code fulfillmentCreate} with the package's tracking number, and the
 * package becomes SYNCED.
 */
@Order(9)
@ExtendWith(WaybillExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncIT {

    static final String STORE = "ACME-SHOP";
    static final String ALIAS = "it-shopify";
    static final String GRAPHQL = Fixtures.SHOPIFY_GRAPHQL;
    private static final Path RECORDED = Path.of("..", "platform-plugins", "shopify", "src", "test", "resources",
            "io", "waybill", "platform", "shopify", "internal");
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final Pattern POOL_ROW = Pattern.compile("(?m)^carrier\\s*\\|\\s*pool\\s*\\|.*");

    private WaybillDistribution waybill;
    private WireMockServer shopify;
    private Path deployedKar;

    @BeforeAll
    void setUp(WaybillDistribution waybill) throws IOException {
        this.waybill = waybill;
        shopify = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        shopify.start();
        shopify.stubFor(post(urlEqualTo(GRAPHQL)).withRequestBody(containing("WaybillFulfillmentState"))
                .willReturn(json("fulfillment-state-open.json")));
        shopify.stubFor(post(urlEqualTo(GRAPHQL)).withRequestBody(containing("fulfillmentCreate"))
                .willReturn(json("fulfillment-create.json")));

        Result install = waybill.shell("feature:install waybill-platform-shopify");
        assertEquals(0, install.exitCode(), () -> "feature:install waybill-platform-shopify:\n" + install.output());
        Result cfg = waybill.shell(String.join("\n",
                "config:edit --factory --alias " + ALIAS + " io.waybill.platform.shopify",
                "config:property-set storeCode " + STORE,
                "config:property-set shop acme-global",
                "config:property-set .accessToken shpat_it_test_token",
                "config:property-set baseUrl " + shopify.baseUrl(),
                "config:update"));
        assertEquals(0, cfg.exitCode(), () -> "Shopify configuration:\n" + cfg.output());
        Result auto = waybill.shell("waybill:settings auto-sync shopify true");
        assertEquals(0, auto.exitCode(), () -> "auto-sync:\n" + auto.output());

        Path kar = Path.of(WaybillDistribution.required("waybill.it.poolKar"));
        deployedKar = waybill.deployDir().resolve(kar.getFileName());
        Files.copy(kar, deployedKar, StandardCopyOption.REPLACE_EXISTING);
        waybill.shellUntil("waybill:plugin-list", r -> POOL_ROW.matcher(WaybillDistribution.registeredPlugins(r.output())).find(), LIMIT);
    }

    @AfterAll
    void tearDown() throws IOException {
        waybill.shell("waybill:settings auto-sync shopify false");
        Result list = waybill.shell("config:list \"(storeCode=" + STORE + ")\"");
        Matcher pid = Pattern.compile("(?m)^Pid:\\s+(\\S+)").matcher(list.output());
        while (pid.find()) {
            waybill.shell("config:delete " + pid.group(1));
        }
        if (deployedKar != null && Files.deleteIfExists(deployedKar)) {
            waybill.shellUntil("waybill:plugin-list", r -> r.exitCode() == 0 && !POOL_ROW.matcher(r.output()).find(),
                    LIMIT);
        }
        if (shopify != null) {
            shopify.stop();
        }
    }

    @Test
    void shippingAShopifyPackageSendsFulfillmentCreateWithItsTrackingNumberAndSyncsIt() {
        // given: a demo package of the Shopify store, allocated, tracked and printed
        Result waiting = waybill.shell("waybill:package-list --store " + STORE + " --status waiting -n 1000");
        List<String> candidates = new ArrayList<>();
        for (Map<String, String> row : ShellTables.rows(waiting)) {
            if (row.get("Order no.").startsWith("#") && Fixtures.grams(row.get("Weight")) <= 3500
                    && candidates.size() < 3) {
                candidates.add(row.get("Package no."));
            }
        }
        assertTrue(!candidates.isEmpty(), () -> "waiting demo packages of " + STORE + ":\n" + waiting.output());
        waybill.shell("waybill:allocate " + String.join(" ", candidates));
        String pkg = candidates.stream().filter(p -> "allocated".equals(row(p).get("Status"))).findFirst()
                .orElseThrow(() -> new AssertionError("none of " + candidates + " allocated"));
        Result upload = waybill.shell("waybill:upload " + pkg);
        assertTrue(upload.output().contains("1 queued, 0 refused"), () -> "upload:\n" + upload.output());
        Map<String, String> tracked = await(pkg, "tracked");
        String tn = tracked.get("Tracking no.");
        int grams = Fixtures.grams(tracked.get("Weight"));
        Result print = waybill.shell("waybill:print -o \"" + waybill.printDir("sync").resolve("sync-label.pdf")
                + "\" --mark-printed " + pkg);
        assertTrue(print.output().contains("Mark printed: 1 done, 0 failed"), () -> "print:\n" + print.output());

        // when
        long t0 = System.nanoTime();
        Result ship = waybill.shell("waybill:ship -w " + grams + " " + pkg);
        assertTrue(ship.output().contains(pkg + ": PASS SHIPPED"), () -> "ship:\n" + ship.output());

        // then
        Map<String, String> synced;
        try {
            synced = await(pkg, "synced");
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nrequests the stub received: " + bodies()
                    + "\npackage-show:\n" + waybill.shell("waybill:package-show " + pkg).output(), e);
        }
        WaybillDistribution.figure("ship -> SYNCED (Shopify stub, auto-sync)", String.format(Locale.ROOT, "%.1f s",
                (System.nanoTime() - t0) / 1e9));
        assertEquals(tn, synced.get("Tracking no."));
        List<LoggedRequest> creates = shopify.findAll(postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(containing("fulfillmentCreate")));
        assertEquals(1, creates.size(), () -> "one fulfillmentCreate; the stub received: " + bodies());
        String body = creates.get(0).getBodyAsString();
        WaybillDistribution.log("fulfillmentCreate sent to the stub: %s", body);
        assertTrue(body.contains("\"" + tn + "\""), () -> "tracking number " + tn + " in fulfillmentCreate: " + body);
        assertTrue(body.contains("gid://shopify/FulfillmentOrder/940656279"),
                () -> "the open fulfillment order of the recorded state in fulfillmentCreate: " + body);
        assertTrue(creates.get(0).getHeader("X-Shopify-Access-Token").equals("shpat_it_test_token"),
                "access token header");
    }

    private List<String> bodies() {
        return shopify.getAllServeEvents().stream().map(e -> e.getRequest().getUrl() + " "
                + e.getRequest().getBodyAsString()).toList();
    }

    private com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String file) {
        try {
            return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                    .withBody(Files.readString(RECORDED.resolve(file)));
        } catch (IOException e) {
            throw new IllegalStateException("recorded body " + RECORDED.resolve(file).toAbsolutePath(), e);
        }
    }

    private Map<String, String> row(String pkg) {
        Result r = waybill.shell("waybill:package-list --store " + STORE + " -n 1000");
        return ShellTables.row(r, "Package no.", pkg).orElseThrow(() -> new AssertionError(pkg + " not listed:\n"
                + r.output()));
    }

    private Map<String, String> await(String pkg, String status) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        Map<String, String> row;
        do {
            row = row(pkg);
            if (status.equals(row.get("Status"))) {
                return row;
            }
            WaybillDistribution.sleep(500);
        } while (System.nanoTime() < deadline);
        fail(pkg + " not " + status + " within " + LIMIT.toSeconds() + " s: " + row);
        return new LinkedHashMap<>();
    }
}
