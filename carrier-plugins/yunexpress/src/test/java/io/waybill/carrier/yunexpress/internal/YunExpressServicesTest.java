package io.waybill.carrier.yunexpress.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.waybill.plugin.kit.RefreshingValue;
import io.waybill.spi.carrier.CarrierService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.waybill.carrier.yunexpress.internal.YunExpressFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The services come from YunExpress ({@code GET /Common/GetShippingMethods}), read in the background at activation
 * and refreshed; the configured codes until the first answer; the last good answer kept, with its age, when a
 * refresh fails (an error status, a refusal envelope, a timeout).
 */
class YunExpressServicesTest {

    @RegisterExtension
    static WireMockExtension wm = wireMock();

    private static final String PATH = "/api/Common/GetShippingMethods";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static YunExpressCarrierGateway refreshing(Map<String, Object> more) {
        Map<String, Object> values = new HashMap<>(Map.of("servicesRefreshMinutes", 360, "defaultService", "THZXR",
                "services", new String[] {"PKZXR"}));
        values.putAll(more);
        return gateway(wm, values);
    }

    private static List<String> codes(List<CarrierService> services) {
        return services.stream().map(CarrierService::code).toList();
    }

    @Test
    void activationReadsTheShippingMethodsInTheBackground_theyBecomeTheServices() throws InterruptedException {
        wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(recorded("shipping-methods.json"))));
        YunExpressCarrierGateway g = refreshing(Map.of());
        try {
            assertTrue(g.awaitServiceFetches(1, WAIT));

            List<CarrierService> services = g.services();
            assertEquals(List.of("THPHR", "ZXHR"), codes(services));
            assertEquals("Global Direct Line Registered (general goods)", services.get(0).name());
            assertEquals("ZXHR", services.get(1).name(), "no name in the answer: the code");
            assertEquals(Set.of("USD", "GBP", "EUR"), services.get(0).acceptedCurrencies());
            assertNull(services.get(0).maxWeightGrams(), "YunExpress states no weight limit per method");
            assertEquals(RefreshingValue.Source.PROVIDER, g.servicesState().source());
            assertEquals(NOW, g.servicesState().fetchedAt());
            wm.verify(1, getRequestedFor(urlPathEqualTo(PATH)).withHeader("Authorization", equalTo("Basic " + TOKEN))
                    .withQueryParam("CountryCode", absent()));
        } finally {
            g.deactivate();
        }
    }

    @Test
    void beforeTheFirstAnswer_theConfiguredCodes_withoutWaitingForYunExpress() throws InterruptedException {
        wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(recorded("shipping-methods.json"))
                .withFixedDelay(1500)));
        YunExpressCarrierGateway g = refreshing(Map.of());
        try {
            assertEquals(List.of("THZXR", "PKZXR"), codes(g.services()), "activation did not wait for the answer");
            assertEquals(RefreshingValue.Source.BUILT_IN, g.servicesState().source());
            assertTrue(g.awaitServiceFetches(1, WAIT));
            assertEquals(List.of("THPHR", "ZXHR"), codes(g.services()));
        } finally {
            g.deactivate();
        }
    }

    @Test
    void errorStatusOrRefusal_beforeAnyAnswer_keepsTheConfiguredCodes_andSaysWhy() throws InterruptedException {
        wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(500)));
        YunExpressCarrierGateway g = refreshing(Map.of());
        try {
            assertTrue(g.awaitServiceFetches(1, WAIT));
            assertEquals(List.of("THZXR", "PKZXR"), codes(g.services()));
            RefreshingValue.State<List<CarrierService>> s = g.servicesState();
            assertEquals(RefreshingValue.Source.BUILT_IN, s.source());
            assertTrue(s.lastFailure().contains("500"), s.lastFailure());

            // the refusal envelope of the recorded CreateOrder refusal (create-order-refused.json)
            wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("{\"Items\":null,\"Code\":\"1001\","
                    + "\"Message\":\"提交失败!\"}")));
            RefreshingValue.State<List<CarrierService>> refused = g.refreshServices();
            assertEquals(List.of("THZXR", "PKZXR"), codes(refused.value()));
            assertTrue(refused.lastFailure().contains("提交失败"), refused.lastFailure());

            wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("{\"Items\":[],\"Code\":\"0000\","
                    + "\"Message\":\"\"}")));
            RefreshingValue.State<List<CarrierService>> empty = g.refreshServices();
            assertEquals(List.of("THZXR", "PKZXR"), codes(empty.value()), "an empty list replaces nothing");
            assertTrue(empty.lastFailure().contains("no shipping methods"), empty.lastFailure());
        } finally {
            g.deactivate();
        }
    }

    @Test
    void aRefreshReplacesTheList_aFailedOneKeepsTheLastGoodAnswerWithItsAge() throws InterruptedException {
        wm.stubFor(get(urlPathEqualTo(PATH)).inScenario("methods").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"Items\":[{\"Code\":\"THPHR\",\"EName\":\"Global Direct Line Registered\"}],"
                        + "\"Code\":\"0000\",\"Message\":\"\"}")).willSetStateTo("second"));
        wm.stubFor(get(urlPathEqualTo(PATH)).inScenario("methods").whenScenarioStateIs("second")
                .willReturn(okJson(recorded("shipping-methods.json"))).willSetStateTo("down"));
        wm.stubFor(get(urlPathEqualTo(PATH)).inScenario("methods").whenScenarioStateIs("down")
                .willReturn(aResponse().withStatus(401)));
        YunExpressCarrierGateway g = refreshing(Map.of());
        try {
            assertTrue(g.awaitServiceFetches(1, WAIT));
            assertEquals(List.of("THPHR"), codes(g.services()));

            assertEquals(List.of("THPHR", "ZXHR"), codes(g.refreshServices().value()), "refreshed");

            RefreshingValue.State<List<CarrierService>> s = g.refreshServices();
            assertEquals(List.of("THPHR", "ZXHR"), codes(s.value()), "the last good answer is kept");
            assertEquals(RefreshingValue.Source.PROVIDER, s.source());
            assertEquals(NOW, s.fetchedAt());
            assertTrue(s.lastFailure().contains("401"), s.lastFailure());
            assertFalse(s.lastFailure().contains(API_SECRET) || s.lastFailure().contains(TOKEN), s.lastFailure());
            assertTrue(s.describe(NOW.plus(Duration.ofHours(7))).contains("(7 h 0 min ago)"),
                    s.describe(NOW.plus(Duration.ofHours(7))));
        } finally {
            g.deactivate();
        }
    }

    @Test
    void aTimeout_keepsTheConfiguredCodes_asATransientFailure() throws InterruptedException {
        wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(recorded("shipping-methods.json"))
                .withFixedDelay(3000)));
        YunExpressCarrierGateway g = refreshing(Map.of("requestTimeoutSeconds", 1));
        try {
            assertTrue(g.awaitServiceFetches(1, WAIT));
            assertEquals(List.of("THZXR", "PKZXR"), codes(g.services()));
            assertNotNull(g.servicesState().lastFailure());
            assertTrue(g.servicesState().lastFailure().toLowerCase(java.util.Locale.ROOT).contains("time"),
                    g.servicesState().lastFailure());
        } finally {
            g.deactivate();
        }
    }

    @Test
    void aConfigurationChangeReadsAgain_refreshOffReadsNothing() throws InterruptedException {
        wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(recorded("shipping-methods.json"))));
        YunExpressCarrierGateway g = refreshing(Map.of());
        try {
            assertTrue(g.awaitServiceFetches(1, WAIT));
            Map<String, Object> values = new HashMap<>(Map.of("baseUrl", wm.baseUrl() + "/api", "customerCode",
                    CUSTOMER_CODE, ".apiSecret", API_SECRET, "servicesRefreshMinutes", 360));
            g.configure(config(values));
            assertTrue(g.awaitServiceFetches(1, WAIT), "the new configuration reads at once");
            wm.verify(2, getRequestedFor(urlPathEqualTo(PATH)));

            values.put("servicesRefreshMinutes", 0);
            values.put("defaultService", "THZXR");
            g.configure(config(values));
            assertEquals(List.of("THZXR"), codes(g.services()));
            wm.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
        } finally {
            g.deactivate();
        }
    }
}
