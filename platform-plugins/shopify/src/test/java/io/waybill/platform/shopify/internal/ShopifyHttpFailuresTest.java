package io.waybill.platform.shopify.internal;

import java.time.Duration;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.Result;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.function.Function;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.waybill.platform.shopify.internal.ShopifyFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/** Both operations classify failures the same way: 401/403, 429 + Retry-After, THROTTLED, 5xx, timeout, other 4xx. */
class ShopifyHttpFailuresTest {

    @RegisterExtension
    static WireMockExtension wm = wireMock();

    enum Operation {
        FETCH_ORDERS(c -> c.fetchOrders(STORE, null)),
        CONFIRM_SHIPMENT(c -> c.confirmShipment(STORE, shipment(TRACKING))),
        TEST_CONNECTION(c -> c.testConnection(STORE));

        final Function<ShopifyMarketplaceConnector, Result<?>> call;

        Operation(Function<ShopifyMarketplaceConnector, Result<?>> call) {
            this.call = call;
        }
    }

    private Message failWith(Operation op, ResponseDefinitionBuilder response) {
        wm.stubFor(post(ENDPOINT).willReturn(response));
        Result<?> result = op.call.apply(connector(wm));
        assertFalse(result.isOk());
        assertNull(result.value());
        return only(result);
    }

    /** Like failWith, with a 1 s request timeout so the delayed answer times out. */
    private Message failWithTimeout(Operation op, ResponseDefinitionBuilder response) {
        wm.stubFor(post(ENDPOINT).willReturn(response));
        Result<?> result = op.call.apply(connector(wm, java.util.Map.of("requestTimeoutSeconds", 1)));
        assertFalse(result.isOk());
        assertNull(result.value());
        return only(result);
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void http401_isAuthFailed(Operation op) {
        // given / when: Shopify's body for a wrong token
        Message m = failWith(op, aResponse().withStatus(401)
                .withBody("{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong password)\"}"));

        // then
        assertEquals(ShopifyCodes.AUTH_FAILED, m.code());
        assertEquals(Message.Severity.ERROR, m.severity());
        assertTrue(m.text().contains("Invalid API key or access token"), m.text());
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void http403_isAuthFailed(Operation op) {
        assertEquals(ShopifyCodes.AUTH_FAILED, failWith(op, aResponse().withStatus(403)).code());
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void http429_isRateLimitedWithRetryAfter(Operation op) {
        // given / when
        Message m = failWith(op, aResponse().withStatus(429).withHeader("Retry-After", "2.0"));

        // then
        assertEquals(ShopifyCodes.RATE_LIMITED, m.code());
        assertEquals(Duration.ofSeconds(2), m.retryAfter(), m.text());
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void throttledError_isRateLimitedWithTheWaitFromTheRestoreRate(Operation op) {
        // given / when: requested 752, available 666, restoring 50/s -> 86 / 50 = 1.72 s -> 2 s
        Message m = failWith(op, okJson(recorded("throttled.json")));

        // then
        assertEquals(ShopifyCodes.RATE_LIMITED, m.code());
        assertEquals(Duration.ofSeconds(2), m.retryAfter(), m.text());
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void http500_isTransient(Operation op) {
        assertEquals(ShopifyCodes.TRANSIENT, failWith(op, aResponse().withStatus(500)).code());
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void http503_isTransient(Operation op) {
        assertEquals(ShopifyCodes.TRANSIENT, failWith(op, aResponse().withStatus(503)).code());
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void timeout_isTransient(Operation op) {
        // given / when: the connector waits 1 s
        Message m = failWithTimeout(op, okJson("{}").withFixedDelay(2500));

        // then
        assertEquals(ShopifyCodes.TRANSIENT, m.code());
        assertTrue(m.text().contains("did not answer in time"), m.text());
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void http404_isRejected(Operation op) {
        // given / when: a shop that does not exist
        Message m = failWith(op, aResponse().withStatus(404).withBody("{\"errors\":\"Not Found\"}"));

        // then
        assertEquals(ShopifyCodes.REJECTED, m.code());
        assertTrue(m.text().contains("Not Found"), m.text());
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void connectionRefused_isTransient(Operation op) {
        // given: nothing listens on port 1
        ShopifyMarketplaceConnector connector = connector(wm, java.util.Map.of("baseUrl", "http://127.0.0.1:1"));

        // when
        Message m = only(op.call.apply(connector));

        // then
        assertEquals(ShopifyCodes.TRANSIENT, m.code());
    }
}
