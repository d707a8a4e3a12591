package ${package}.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.MessageCodes;
import io.waybill.spi.common.Result;
import io.waybill.spi.platform.OrderPage;
import io.waybill.spi.platform.PlatformOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static ${package}.internal.${marketplaceName}Fixture.STORE;
import static ${package}.internal.${marketplaceName}Fixture.TOKEN;
import static ${package}.internal.${marketplaceName}Fixture.connector;
import static ${package}.internal.${marketplaceName}Fixture.recorded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** fetchOrders: the query mapping, the happy path (two pages), a provider error, a timeout and transient failures. */
class ${marketplaceName}FetchOrdersTest {

    @RegisterExtension
    static WireMockExtension wm = ${marketplaceName}Fixture.wireMock();

    @Test
    void mapping_firstCaptureAsksForTheLookbackWindow_laterOnesForTheCursor() {
        assertEquals("/v1/orders?limit=50&updated_since=2026-10-27T10%3A00%3A00Z",
                ${marketplaceName}RequestMapper.ordersQuery(null, Instant.parse("2026-10-27T10:00:00Z"), 50));
        assertEquals("/v1/orders?limit=50&cursor=c2-xyz",
                ${marketplaceName}RequestMapper.ordersQuery("c2-xyz", Instant.EPOCH, 50));
    }

    @Test
    void happyPath_readsTwoPagesOfOrders() {
        // given
        wm.stubFor(get(urlEqualTo("/v1/orders?limit=50&updated_since=2026-10-27T10%3A00%3A00Z"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(okJson(recorded("orders-page-1.json"))));
        wm.stubFor(get(urlEqualTo("/v1/orders?limit=50&cursor=c2-8f41a"))
                .willReturn(okJson(recorded("orders-page-2.json"))));
        ${marketplaceName}MarketplaceConnector connector = connector(wm, Map.of());

        // when
        Result<OrderPage> first = connector.fetchOrders(STORE, null);
        Result<OrderPage> second = connector.fetchOrders(STORE, first.value().nextCursor());

        // then
        assertTrue(first.isOk(), () -> first.messages().toString());
        assertTrue(first.value().hasMore());
        PlatformOrder order = first.value().orders().get(0);
        assertEquals("ord_5d1e9b", order.platformOrderId());
        assertEquals("AM-1001", order.orderNo());
        assertEquals(Instant.parse("2026-11-25T08:15:00Z"), order.createdAt());
        assertEquals("王小明", order.shipTo().name());
        assertEquals("CN", order.shipTo().countryCode());
        assertEquals(List.of(new PlatformOrder.Line("SKU-1", 2), new PlatformOrder.Line("SKU-2", 1)), order.lines());
        assertTrue(first.value().orders().get(1).cancelled());
        assertTrue(second.isOk(), () -> second.messages().toString());
        assertFalse(second.value().hasMore());
        assertEquals(1, second.value().orders().size());
    }

    @Test
    void providerError_isAuthFailedWithoutTheToken() {
        // given
        wm.stubFor(get(urlPathEqualTo("/v1/orders")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(recorded("error-unauthorized.json"))));

        // when
        Message m = only(connector(wm, Map.of()).fetchOrders(STORE, null));

        // then
        assertEquals(MessageCodes.AUTH_FAILED, m.code());
        assertFalse(m.text().contains(TOKEN), "token in the message: " + m.text());
    }

    @Test
    void timeout_isTransient() {
        // given ${marketplaceName} answers after the 1 s request timeout
        wm.stubFor(get(urlPathEqualTo("/v1/orders")).willReturn(okJson(recorded("orders-page-2.json"))
                .withFixedDelay(3_000)));

        // when
        Message m = only(connector(wm, Map.of("requestTimeoutSeconds", 1)).fetchOrders(STORE, null));

        // then
        assertEquals(MessageCodes.TRANSIENT, m.code());
    }

    @Test
    void serverErrorIsTransient_429CarriesRetryAfter_unreadablePageIsBadResponse() {
        wm.stubFor(get(urlPathEqualTo("/v1/orders")).willReturn(aResponse().withStatus(503)));
        assertEquals(MessageCodes.TRANSIENT, only(connector(wm, Map.of()).fetchOrders(STORE, null)).code());

        wm.stubFor(get(urlPathEqualTo("/v1/orders")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "7")));
        Message limited = only(connector(wm, Map.of()).fetchOrders(STORE, null));
        assertEquals(MessageCodes.RATE_LIMITED, limited.code());
        assertEquals(Duration.ofSeconds(7), limited.retryAfter());

        wm.stubFor(get(urlPathEqualTo("/v1/orders")).willReturn(okJson("{\"orders\": [{\"id\": \"x\"}]}")));
        assertEquals(MessageCodes.BAD_RESPONSE, only(connector(wm, Map.of()).fetchOrders(STORE, null)).code());
    }

    @Test
    void withoutToken_isBadConfig_andAnotherStoreIsRefused_nothingIsSent() {
        assertEquals(MessageCodes.BAD_CONFIG,
                only(connector(wm, Map.of(".apiToken", "")).fetchOrders(STORE, null)).code());
        assertEquals(MessageCodes.WRONG_STORE, only(connector(wm, Map.of())
                .fetchOrders(new io.waybill.spi.platform.StoreContext("OTHER", Map.of()), null)).code());
        wm.verify(0, getRequestedFor(urlPathEqualTo("/v1/orders")));
    }

    private static Message only(Result<?> result) {
        assertFalse(result.isOk());
        assertNull(result.value());
        assertEquals(1, result.messages().size(), () -> result.messages().toString());
        return result.messages().get(0);
    }
}
