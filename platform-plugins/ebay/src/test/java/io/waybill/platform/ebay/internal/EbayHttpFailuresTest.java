package io.waybill.platform.ebay.internal;

import java.time.Duration;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.Result;
import io.waybill.spi.platform.RateLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;
import java.util.function.Function;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.waybill.platform.ebay.internal.EbayFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/** Both operations classify failures the same way: 401/403, 429 + Retry-After, 5xx, timeout, other 4xx. */
class EbayHttpFailuresTest {

    @RegisterExtension
    static WireMockExtension wm = wireMock();

    enum Operation {
        FETCH_ORDERS(c -> c.fetchOrders(STORE, null)),
        CONFIRM_SHIPMENT(c -> c.confirmShipment(STORE, shipment(TRACKING))),
        TEST_CONNECTION(c -> c.testConnection(STORE));

        final Function<EbayMarketplaceConnector, Result<?>> call;

        Operation(Function<EbayMarketplaceConnector, Result<?>> call) {
            this.call = call;
        }
    }

    private Message failWith(Operation op, ResponseDefinitionBuilder response) {
        wm.stubFor(any(urlPathMatching("/sell/fulfillment/v1/order.*")).willReturn(response));
        Result<?> result = op.call.apply(connector(wm));
        assertFalse(result.isOk());
        assertNull(result.value());
        return only(result);
    }

    /** Like failWith, with a 1 s request timeout so the delayed answer times out. */
    private Message failWithTimeout(Operation op, ResponseDefinitionBuilder response) {
        wm.stubFor(any(urlPathMatching("/sell/fulfillment/v1/order.*")).willReturn(response));
        Result<?> result = op.call.apply(connector(wm, java.util.Map.of("requestTimeoutSeconds", 1)));
        assertFalse(result.isOk());
        assertNull(result.value());
        return only(result);
    }

    private static ResponseDefinitionBuilder json(int status, String file) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(recorded(file));
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void http401_isAuthFailedWithEbaysText(Operation op) {
        // given / when
        Message m = failWith(op, json(401, "error-401.json"));

        // then
        assertEquals(EbayCodes.AUTH_FAILED, m.code());
        assertEquals(Message.Severity.ERROR, m.severity());
        assertTrue(m.text().contains("1001: Invalid access token"), m.text());
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void http403_isAuthFailed(Operation op) {
        assertEquals(EbayCodes.AUTH_FAILED, failWith(op, aResponse().withStatus(403)).code());
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void http429_isRateLimitedWithRetryAfter(Operation op) {
        // given / when
        Message m = failWith(op, json(429, "error-429.json").withHeader("Retry-After", "30"));

        // then
        assertEquals(EbayCodes.RATE_LIMITED, m.code());
        assertEquals(Duration.ofSeconds(30), m.retryAfter(), m.text());
        assertTrue(m.text().contains("2001: Too many requests"), m.text());
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void http429_withoutRetryAfter_waitsTheDefault(Operation op) {
        Message m = failWith(op, json(429, "error-429.json"));
        assertEquals(Duration.ofSeconds(EbayErrors.DEFAULT_RETRY_AFTER), m.retryAfter(), m.text());
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void http500_isTransient(Operation op) {
        assertEquals(EbayCodes.TRANSIENT, failWith(op, aResponse().withStatus(500)).code());
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void timeout_isTransient(Operation op) {
        // given / when: the connector waits 1 s
        Message m = failWithTimeout(op, okJson("{}").withFixedDelay(2500));

        // then
        assertEquals(EbayCodes.TRANSIENT, m.code());
        assertTrue(m.text().contains("did not answer in time"), m.text());
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void http404_isRejected(Operation op) {
        assertEquals(EbayCodes.REJECTED, failWith(op, aResponse().withStatus(404)).code());
    }

    @Test
    void confirmShipment_failingPost_isClassifiedToo() {
        // given: the checks pass, the POST answers 500
        wm.stubFor(get(urlPathEqualTo(ORDERS + "/" + ORDER_ID + "/shipping_fulfillment"))
                .willReturn(okJson(recorded("shipping-fulfillments-empty.json"))));
        wm.stubFor(get(urlPathEqualTo(ORDERS + "/" + ORDER_ID)).willReturn(okJson(recorded("order.json"))));
        wm.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(503)));

        // when
        Message m = only(connector(wm).confirmShipment(STORE, shipment(TRACKING)));

        // then
        assertEquals(EbayCodes.TRANSIENT, m.code());
    }

    @Test
    void rateLimit_spreadsTheDailyQuotaOverTheDay() {
        // when
        RateLimit defaults = connector(wm).rateLimit(STORE);
        RateLimit grown = connector(wm, Map.of("callsPerDay", 1_500_000, "burst", 25)).rateLimit(STORE);

        // then: 100,000 / 86,400 s
        assertEquals(100_000 / 86_400.0, defaults.requestsPerSecond(), 1e-9);
        assertEquals(10, defaults.burst());
        assertEquals(1_500_000 / 86_400.0, grown.requestsPerSecond(), 1e-9);
        assertEquals(25, grown.burst());
    }
}
