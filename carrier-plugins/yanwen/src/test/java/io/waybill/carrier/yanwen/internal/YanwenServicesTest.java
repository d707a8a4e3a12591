package io.waybill.carrier.yanwen.internal;

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
import static io.waybill.carrier.yanwen.internal.YanwenFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The services are the account's channels as Yanwen lists them ({@code express.channel.getlist}, signed like every
 * call), read in the background at activation and refreshed; the configured channel ids until the first answer;
 * the last good answer kept, with its age, when a refresh fails (an error status, a refusal envelope, a timeout).
 */
class YanwenServicesTest {

    @RegisterExtension
    static WireMockExtension wm = wireMock();

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static YanwenCarrierGateway refreshing(Map<String, Object> more) {
        Map<String, Object> values = new HashMap<>(Map.of("servicesRefreshMinutes", 360, "services",
                new String[] {"156"}));
        values.putAll(more);
        return gateway(wm, values);
    }

    private static List<String> codes(List<CarrierService> services) {
        return services.stream().map(CarrierService::code).toList();
    }

    private static void channels(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        wm.stubFor(post(urlPathEqualTo(SERVICE)).withQueryParam("method", equalTo("express.channel.getlist"))
                .willReturn(answer));
    }

    @Test
    void activationReadsTheChannelsInTheBackground_signed_theyBecomeTheServices() throws InterruptedException {
        channels(okJson(recorded("channel-getlist.json")));
        YanwenCarrierGateway g = refreshing(Map.of("batteries", "1"));
        try {
            assertTrue(g.awaitServiceFetches(1, WAIT));

            List<CarrierService> services = g.services();
            assertEquals(List.of("155", "481"), codes(services));
            assertEquals("Yanwen Economy Registered", services.get(0).name());
            assertEquals("燕文专线追踪", services.get(1).name(), "no English name: the Chinese one");
            assertEquals(5, services.get(0).maxCustomsLines());
            assertEquals(YanwenRequestMapper.CURRENCIES, services.get(0).acceptedCurrencies());
            assertEquals(Set.of(CarrierService.DangerousGoods.BATTERY), services.get(1).dangerousGoodsAllowed());
            assertEquals(RefreshingValue.Source.PROVIDER, g.servicesState().source());
            assertEquals(NOW, g.servicesState().fetchedAt());
            String sign = YanwenSignature.sign(API_TOKEN, USER_ID, "{}", "json", "express.channel.getlist",
                    NOW_MILLIS, "V1.0");
            wm.verify(1, postRequestedFor(urlPathEqualTo(SERVICE)).withQueryParam("user_id", equalTo(USER_ID))
                    .withQueryParam("method", equalTo("express.channel.getlist"))
                    .withQueryParam("timestamp", equalTo(Long.toString(NOW_MILLIS)))
                    .withQueryParam("sign", equalTo(sign)).withRequestBody(equalTo("{}")));
        } finally {
            g.deactivate();
        }
    }

    @Test
    void beforeTheFirstAnswer_theConfiguredIds_withoutWaitingForYanwen() throws InterruptedException {
        channels(okJson(recorded("channel-getlist.json")).withFixedDelay(1500));
        YanwenCarrierGateway g = refreshing(Map.of());
        try {
            assertEquals(List.of("155", "156"), codes(g.services()), "activation did not wait for the answer");
            assertEquals(RefreshingValue.Source.BUILT_IN, g.servicesState().source());
            assertTrue(g.awaitServiceFetches(1, WAIT));
            assertEquals(List.of("155", "481"), codes(g.services()));
        } finally {
            g.deactivate();
        }
    }

    @Test
    void aRefreshReplacesTheList_failuresKeepTheLastGoodAnswerWithItsAge() throws InterruptedException {
        wm.stubFor(post(urlPathEqualTo(SERVICE)).inScenario("channels").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"success\":true,\"code\":\"0\",\"message\":\"\",\"data\":[{\"id\":\"155\","
                        + "\"nameEn\":\"Yanwen Economy Registered\",\"nameCh\":\"燕文经济挂号\"}]}"))
                .willSetStateTo("second"));
        wm.stubFor(post(urlPathEqualTo(SERVICE)).inScenario("channels").whenScenarioStateIs("second")
                .willReturn(okJson(recorded("channel-getlist.json"))).willSetStateTo("refused"));
        // the refusal envelope of cancel-refused.json / order-create-refused.json
        wm.stubFor(post(urlPathEqualTo(SERVICE)).inScenario("channels").whenScenarioStateIs("refused")
                .willReturn(okJson("{\"success\":false,\"code\":\"1002\",\"message\":\"no permission\","
                        + "\"data\":null}")).willSetStateTo("down"));
        wm.stubFor(post(urlPathEqualTo(SERVICE)).inScenario("channels").whenScenarioStateIs("down")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("empty"));
        wm.stubFor(post(urlPathEqualTo(SERVICE)).inScenario("channels").whenScenarioStateIs("empty")
                .willReturn(okJson("{\"success\":true,\"code\":\"0\",\"message\":\"\",\"data\":[]}")));
        YanwenCarrierGateway g = refreshing(Map.of());
        try {
            assertTrue(g.awaitServiceFetches(1, WAIT));
            assertEquals(List.of("155"), codes(g.services()));
            assertEquals(List.of("155", "481"), codes(g.refreshServices().value()), "refreshed");

            RefreshingValue.State<List<CarrierService>> refused = g.refreshServices();
            assertEquals(List.of("155", "481"), codes(refused.value()), "the last good answer is kept");
            assertTrue(refused.lastFailure().contains("no permission"), refused.lastFailure());
            RefreshingValue.State<List<CarrierService>> down = g.refreshServices();
            assertEquals(List.of("155", "481"), codes(down.value()));
            assertTrue(down.lastFailure().contains("503"), down.lastFailure());
            RefreshingValue.State<List<CarrierService>> empty = g.refreshServices();
            assertEquals(List.of("155", "481"), codes(empty.value()), "an empty list replaces nothing");
            assertTrue(empty.lastFailure().contains("no channels"), empty.lastFailure());
            assertEquals(RefreshingValue.Source.PROVIDER, empty.source());
            assertFalse(empty.describe(NOW).contains(API_TOKEN));
            assertTrue(empty.describe(NOW.plus(Duration.ofMinutes(90))).contains("(1 h 30 min ago)"),
                    empty.describe(NOW.plus(Duration.ofMinutes(90))));
        } finally {
            g.deactivate();
        }
    }

    @Test
    void aTimeout_keepsTheConfiguredIds_asATransientFailure() throws InterruptedException {
        channels(okJson(recorded("channel-getlist.json")).withFixedDelay(3000));
        YanwenCarrierGateway g = refreshing(Map.of("requestTimeoutSeconds", 1));
        try {
            assertTrue(g.awaitServiceFetches(1, WAIT));
            assertEquals(List.of("155", "156"), codes(g.services()));
            assertNotNull(g.servicesState().lastFailure());
            assertTrue(g.servicesState().lastFailure().toLowerCase(java.util.Locale.ROOT).contains("time"),
                    g.servicesState().lastFailure());
        } finally {
            g.deactivate();
        }
    }

    @Test
    void refreshOff_readsNothing_theConfiguredIdsAreTheServices() {
        channels(okJson(recorded("channel-getlist.json")));
        YanwenCarrierGateway g = refreshing(Map.of("servicesRefreshMinutes", 0));
        try {
            assertEquals(List.of("155", "156"), codes(g.services()));
            assertEquals(0, g.servicesState().fetches());
            wm.verify(0, postRequestedFor(urlPathEqualTo(SERVICE)));
        } finally {
            g.deactivate();
        }
    }
}
