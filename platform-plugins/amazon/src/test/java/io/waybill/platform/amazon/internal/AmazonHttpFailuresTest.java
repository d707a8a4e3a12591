package io.waybill.platform.amazon.internal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.MessageCodes;
import io.waybill.spi.common.Result;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.waybill.platform.amazon.internal.AmazonFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Every operation against each failure class: documented error (400 errors[]), 401 after a fresh token, 429, 5xx,
 * timeout. The tokens are fine; the operation's own SP-API path fails. The capture is tested on both listing APIs:
 * searchOrders (v2026-01-01, the default) and getOrders / getOrderItems (v0).
 */
class AmazonHttpFailuresTest {

    @RegisterExtension
    static WireMockExtension wm = wireMock();

    enum Operation {
        SEARCH_ORDERS(AmazonRequests.SEARCH_ORDERS, c -> c.fetchOrders(STORE, null)),
        FETCH_ORDERS("/orders/v0/orders", c -> c.fetchOrders(STORE, null)),
        FETCH_ORDER_ITEMS("/orders/v0/orders/" + ORDER_ID + "/orderItems", c -> c.fetchOrders(STORE, null)),
        CONFIRM_SHIPMENT("/orders/v0/orders/" + ORDER_ID + "/shipmentConfirmation",
                c -> c.confirmShipment(STORE, shipment(TRACKING))),
        TEST_CONNECTION(AmazonRequests.PARTICIPATIONS, c -> c.testConnection(STORE));

        final String path;
        final Function<AmazonMarketplaceConnector, Result<?>> call;

        Operation(String path, Function<AmazonMarketplaceConnector, Result<?>> call) {
            this.path = path;
            this.call = call;
        }
    }

    private Message failWith(Operation op, ResponseDefinitionBuilder response, Map<String, Object> config) {
        stubTokens(wm);
        wm.stubFor(get(urlPathEqualTo("/orders/v0/orders")).willReturn(okJson(recorded("orders-page-1.json"))));
        wm.stubFor(get(urlPathMatching("/orders/v0/orders/[^/]+/orderItems"))
                .willReturn(okJson(recorded("order-items.json"))));
        wm.stubFor(post(urlPathMatching("/orders/v0/orders/[^/]+/shipmentConfirmation"))
                .willReturn(aResponse().withStatus(204)));
        wm.stubFor(get(urlPathEqualTo(AmazonRequests.PARTICIPATIONS)).willReturn(okJson(recorded(
                "participations.json"))));
        wm.stubFor(get(urlPathEqualTo(AmazonRequests.SEARCH_ORDERS))
                .willReturn(okJson(recorded("search-orders-page-1.json"))));
        wm.stubFor(any(urlPathEqualTo(op.path)).atPriority(1).willReturn(response));
        Map<String, Object> all = new java.util.HashMap<>(config);
        if (op == Operation.SEARCH_ORDERS) {
            all.put("ordersApi", AmazonRequests.V2026);
        }
        Result<?> result = op.call.apply(connector(wm, all));
        assertFalse(result.isOk());
        assertNull(result.value());
        return only(result);
    }

    private Message failWith(Operation op, ResponseDefinitionBuilder response) {
        return failWith(op, response, Map.of());
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void documentedError400_isRejectedWithAmazonsText(Operation op) {
        Message m = failWith(op, aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody(recorded("error-400.json")));
        assertEquals(AmazonCodes.REJECTED, m.code());
        assertTrue(m.text().contains("InvalidInput: Invalid Input"), m.text());
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void http401_isRetriedOnceWithAFreshToken_thenAuthFailed(Operation op) {
        Message m = failWith(op, aResponse().withStatus(401));
        assertEquals(AmazonCodes.AUTH_FAILED, m.code());
        wm.verify(2, anyRequestedFor(urlPathEqualTo(op.path)));
        wm.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void http429_isRateLimitedWithRetryAfter(Operation op) {
        Message m = failWith(op, aResponse().withStatus(429).withHeader("Retry-After", "3"));
        assertEquals(MessageCodes.RATE_LIMITED, m.code());
        assertEquals(Duration.ofSeconds(3), m.retryAfter());
        wm.verify(1, anyRequestedFor(urlPathEqualTo(op.path)));
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void http429WithoutRetryAfter_stillCarriesAPause(Operation op) {
        Message m = failWith(op, aResponse().withStatus(429));
        assertEquals(MessageCodes.RATE_LIMITED, m.code());
        assertEquals(Duration.ofSeconds(AmazonErrors.DEFAULT_RETRY_AFTER), m.retryAfter());
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void http5xx_isTransient(Operation op) {
        assertEquals(AmazonCodes.TRANSIENT, failWith(op, aResponse().withStatus(503)).code());
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void timeout_isTransientOrTimeout(Operation op) {
        Message m = failWith(op, aResponse().withStatus(200).withFixedDelay(3000), Map.of("requestTimeoutSeconds", 1));
        assertTrue(m.code().equals(MessageCodes.TIMEOUT) || m.code().equals(MessageCodes.TRANSIENT), m.toString());
    }
}
