package io.waybill.itests;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.waybill.itests.WaybillDistribution.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The YunExpress carrier on the real distribution: its {@code .kar} dropped into {@code deploy/} registers the carrier
 * once an account is configured through the shell, and an upload of a package reaches the plugin through the core's
 * carrier queue. YunExpress requires a declared unit value per line ({@code UnitPrice}); the core's carrier worker
 * sends declared values only once the customs core (SPI 1.2 declarations) is in. So the outcome is one of two, each
 * checked completely: without declared values the plugin refuses before any call, with its reason in the package's
 * history, and the WireMock YunExpress receives nothing; with them, exactly one CreateOrder carrying the package's
 * key reaches the stub and the package is tracked with the number the stub answered.
 */
@Order(19)
@ExtendWith(WaybillExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class YunExpressIT {

    private static final String CARRIER = "yunexpress-ityun";
    private static final String STORE = "ACME-SHOP";
    private static final String SKU = "PEN-GEL-12";
    private static final String ORDER = "YUN-IT-001";
    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static final String TRACKING = "LX000000001CN";
    private static final Path YUNEXPRESS = Path.of("..", "carrier-plugins", "yunexpress", "src", "test", "resources",
            "io", "waybill", "carrier", "yunexpress", "internal");

    private WaybillDistribution waybill;
    private WireMockServer yunexpress;
    private Path deployed;
    private Map<String, String[]> savedDefaults = Map.of();

    @BeforeAll
    void setUp(WaybillDistribution waybill) {
        this.waybill = waybill;
        yunexpress = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        yunexpress.start();
        yunexpress.stubFor(any(anyUrl()).atPriority(10).willReturn(CarrierStubs.json(500, "{}")));
    }

    @AfterAll
    void tearDown() throws IOException {
        try {
            CarrierStubs.restoreDefaults(waybill, savedDefaults);
            CarrierStubs.deleteConfigurations(waybill, "(accountId=ityun)");
            if (deployed != null) {
                Files.deleteIfExists(deployed);
            }
        } finally {
            yunexpress.stop();
        }
    }

    @Test
    void karHotDeploys_accountRegisters_andAnUploadReachesThePlugin() throws IOException {
        // given: the kar dropped into deploy/ and an account pointing at the stub
        Path kar = Path.of(WaybillDistribution.required("waybill.it.yunexpressKar"));
        assertTrue(Files.isRegularFile(kar), () -> "YunExpress kar missing: " + kar);
        deployed = waybill.deployDir().resolve(kar.getFileName());
        Files.copy(kar, deployed, StandardCopyOption.REPLACE_EXISTING);
        waybill.shellUntil("feature:list -i", r -> r.output().contains("waybill-carrier-yunexpress"), LIMIT);
        CarrierStubs.configure(waybill, "io.waybill.carrier.yunexpress", "it-yunexpress", Map.of(
                "accountId", "ityun", "displayName", "YunExpress-IT", "baseUrl", yunexpress.baseUrl() + "/api",
                "customerCode", "ITC0893791", ".apiSecret", "itsecret0000", "defaultService", "THPHR"));
        CarrierStubs.awaitCarrier(waybill, CARRIER);
        savedDefaults = CarrierStubs.defaultMethods(waybill);
        CarrierStubs.setDefaultMethod(waybill, STORE, "IT-YUN", CARRIER, "THPHR");

        // and: one allocated package of that store, to Germany
        Result stock = waybill.shell("waybill:stock-adjust -r \"YunExpress IT\" SZ-01 " + SKU + " 1");
        assertEquals(0, stock.exitCode(), () -> "stock-adjust:\n" + stock.output());
        Path dir = waybill.importDir("yunexpress-it");
        Path file = dir.resolve("yunexpress-it.csv");
        Files.writeString(file, Fixtures.HEADER + "\n" + ORDER + ",,2025-05-01 08:00,Andreas Loertzer,,"
                + "Forstwald Strasse 674,,Krefeld,,47804,DE,015141965790,,"+ SKU + ",1\n", StandardCharsets.UTF_8);
        Result imported = waybill.shell("waybill:import --store " + STORE + " --confirm \"" + file + "\"");
        assertTrue(imported.output().contains("Imported: 1 new"), () -> "import:\n" + imported.output());
        String pkg = packageOf(ORDER);
        Result alloc = waybill.shell("waybill:allocate " + pkg);
        assertTrue(alloc.output().contains("1 done, 0 failed"), () -> "allocate:\n" + alloc.output());

        // and: YunExpress answers this package's order (its key is the CustomerOrderNumber) with a tracking number
        String key = pkg + "-1";
        yunexpress.stubFor(post(urlEqualTo("/api/WayBill/CreateOrder")).atPriority(1)
                .withRequestBody(matchingJsonPath("$[0].CustomerOrderNumber", equalTo(key)))
                .willReturn(CarrierStubs.json(200, CarrierStubs.replaced(CarrierStubs.body(YUNEXPRESS,
                        "create-order.json"), "WB000123-1", key, "LX123456785CN", TRACKING))));

        // when: it is uploaded
        Result upload = waybill.shell("waybill:upload " + pkg);
        assertEquals(0, upload.exitCode(), () -> "upload:\n" + upload.output());

        // then: refused by the plugin before any call, or created at the stub and tracked (see the class comment)
        Result shown = waybill.shellUntil("waybill:package-show " + pkg,
                r -> r.output().contains("declared unit value") || r.output().contains(TRACKING), LIMIT);
        int creates = yunexpress.findAll(postRequestedFor(urlEqualTo("/api/WayBill/CreateOrder"))).size();
        if (shown.output().contains(TRACKING)) {
            assertEquals(1, creates, () -> "one CreateOrder: " + CarrierStubs.bodies(yunexpress));
        } else {
            assertTrue(shown.output().contains("YunExpress requires UnitPrice"), () -> shown.output());
            assertEquals(0, creates, () -> "requests to the stub: " + CarrierStubs.bodies(yunexpress));
        }
    }

    private String packageOf(String order) {
        // every page: earlier classes import more than one page of this store's packages (oldest first)
        List<Map<String, String>> rows = waybill.allPackageRows("waybill:package-list --store " + STORE);
        return rows.stream().filter(row -> order.equals(row.get("Order no.")))
                .map(row -> row.get("Package no.")).findFirst()
                .orElseThrow(() -> new AssertionError("no package of " + order + " among " + rows.size()
                        + " packages of " + STORE));
    }
}
