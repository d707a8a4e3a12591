package io.waybill.platform.tiktok.internal;

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
import static io.waybill.platform.tiktok.internal.TikTokFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Each request of each operation against each failure: TikTok's documented invalid-sign answer (HTTP 401, code
 * 106001), the same code in a 200, another answer code, 429, 5xx, timeout.
 */
class TikTokHttpFailuresTest {

    @RegisterExtension
    static WireMockExtension wm = wireMock();

    enum Operation {
        SEARCH_ORDERS(TikTokRequests.SEARCH_ORDERS, c -> c.fetchOrders(STORE, null)),
        ORDER_DETAIL(TikTokRequests.ORDER_DETAIL, c -> c.confirmShipment(STORE, shipment(TRACKING))),
        SHIP_PACKAGE(TikTokRequests.shipPackage(PACKAGE_ID), c -> c.confirmShipment(STORE, shipment(TRACKING))),
        SHOPS(TikTokRequests.SHOPS, c -> c.testConnection(STORE));

        final String path;
        final Function<TikTokMarketplaceConnector, Result<?>> call;

        Operation(String path, Function<TikTokMarketplaceConnector, Result<?>> call) {
            this.path = path;
            this.call = call;
        }
    }

    private Message failWith(Operation op, ResponseDefinitionBuilder response, Map<String, Object> config) {
        wm.stubFor(post(urlPathEqualTo(TikTokRequests.SEARCH_ORDERS)).willReturn(okJson(recorded(
                "search-orders-page-1.json"))));
        wm.stubFor(get(urlPathEqualTo(TikTokRequests.ORDER_DETAIL)).willReturn(okJson(recorded("order-detail.json"))));
        wm.stubFor(post(urlPathEqualTo(TikTokRequests.shipPackage(PACKAGE_ID))).willReturn(okJson(recorded(
                "ship-package.json"))));
        wm.stubFor(get(urlPathEqualTo(TikTokRequests.SHOPS)).willReturn(okJson(recorded("shops.json"))));
        wm.stubFor(any(urlPathEqualTo(op.path)).atPriority(1).willReturn(response));
        Result<?> result = op.call.apply(connector(wm, config));
        assertFalse(result.isOk());
        assertNull(result.value());
        return only(result);
    }

    private Message failWith(Operation op, ResponseDefinitionBuilder response) {
        return failWith(op, response, Map.of());
    }

    private static ResponseDefinitionBuilder json(int status, String file) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(recorded(file));
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void invalidSign401_isAuthFailedWithTikToksText(Operation op) {
        Message m = failWith(op, json(401, "error-106001.json"));
        assertEquals(TikTokCodes.AUTH_FAILED, m.code());
        assertTrue(m.text().contains("106001: Invalid credentials"), m.text());
        assertFalse(m.text().contains(APP_SECRET) || m.text().contains(ACCESS_TOKEN), m.text());
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void tokenCodeIn200_isAuthFailed(Operation op) {
        assertEquals(TikTokCodes.AUTH_FAILED, failWith(op, json(200, "error-106001.json")).code());
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void otherAnswerCode_isRejectedWithTikToksText(Operation op) {
        Message m = failWith(op, json(200, "error-rejected.json"));
        assertEquals(TikTokCodes.REJECTED, m.code());
        assertTrue(m.text().contains("12345678: Test rejection"), m.text());
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void http429_isRateLimitedWithRetryAfter(Operation op) {
        Message m = failWith(op, aResponse().withStatus(429).withHeader("Retry-After", "2"));
        assertEquals(MessageCodes.RATE_LIMITED, m.code());
        assertEquals(Duration.ofSeconds(2), m.retryAfter());
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void http5xx_isTransient(Operation op) {
        assertEquals(TikTokCodes.TRANSIENT, failWith(op, aResponse().withStatus(502)).code());
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void timeout_isTransientOrTimeout(Operation op) {
        Message m = failWith(op, aResponse().withStatus(200).withFixedDelay(3000), Map.of("requestTimeoutSeconds", 1));
        assertTrue(m.code().equals(MessageCodes.TIMEOUT) || m.code().equals(MessageCodes.TRANSIENT), m.toString());
    }
}
