package io.waybill.platform.shopify.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.waybill.spi.platform.RateLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.waybill.platform.shopify.internal.ShopifyFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/** rateLimit: query-cost points mapped to requests, from the settings or from what Shopify reported. */
class ShopifyRateLimitTest {

    @RegisterExtension
    static WireMockExtension wm = wireMock();

    @Test
    void defaults_50PointsPerSecondBucket1000_at50PointsPerCall_are1RequestPerSecondBurst20() {
        // when
        RateLimit limit = connector(wm).rateLimit(STORE);

        // then
        assertEquals(1.0, limit.requestsPerSecond(), 1e-9);
        assertEquals(20, limit.burst());
    }

    @Test
    void configuredPlan_isUsedUntilShopifyReportsOne() {
        // when: Shopify Plus figures
        RateLimit limit = connector(wm, Map.of("restoreRate", 1000.0, "bucketSize", 20000.0)).rateLimit(STORE);

        // then
        assertEquals(20.0, limit.requestsPerSecond(), 1e-9);
        assertEquals(400, limit.burst());
    }

    @Test
    void reportedThrottleStatus_replacesTheConfiguredPlan() {
        // given: orders-page-2.json reports maximumAvailable 2000, restoreRate 100
        wm.stubFor(post(ENDPOINT).willReturn(okJson(recorded("orders-page-2.json"))));
        ShopifyMarketplaceConnector connector = connector(wm);

        // when
        connector.fetchOrders(STORE, null);
        RateLimit limit = connector.rateLimit(STORE);

        // then
        assertEquals(2.0, limit.requestsPerSecond(), 1e-9);
        assertEquals(40, limit.burst());
    }

    @Test
    void reportedThrottleStatus_isIgnoredWhenSwitchedOff() {
        // given
        wm.stubFor(post(ENDPOINT).willReturn(okJson(recorded("orders-page-2.json"))));
        ShopifyMarketplaceConnector connector = connector(wm, Map.of("useReportedLimits", false));

        // when
        connector.fetchOrders(STORE, null);

        // then
        assertEquals(1.0, connector.rateLimit(STORE).requestsPerSecond(), 1e-9);
    }
}
