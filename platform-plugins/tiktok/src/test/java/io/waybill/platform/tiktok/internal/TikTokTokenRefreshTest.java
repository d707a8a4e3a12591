package io.waybill.platform.tiktok.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.MessageCodes;
import io.waybill.spi.common.Result;
import io.waybill.spi.platform.OrderPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.waybill.platform.tiktok.internal.TikTokFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The access token refresh ({@code GET /api/v2/token/refresh}): before first use when only a refresh token is given,
 * before the refreshed token expires, on TikTok's token-group answer code (refresh, then the request once more),
 * TikTok's refusal of the refresh, 429 on the refresh; and a bad signature (106001) is not refreshed.
 */
class TikTokTokenRefreshTest {

    static final String REFRESH_TOKEN = "TTP_it-refresh-token-VHJlbnQgYW5kIFBlZ2d5";
    static final String NEW_TOKEN = "TTP_it-refreshed-access-token-Q2Fyb2wgYW5kIERhdmU";
    static final String ROTATED = "TTP_it-rotated-refresh-token-RXZlIGFuZCBNYWxsb3J5";
    /** {@code access_token_expire_in} of token-refresh.json: 2026-12-08T10:00:00Z. */
    static final Instant EXPIRES = Instant.ofEpochSecond(1796724000L);

    @RegisterExtension
    static WireMockExtension wm = wireMock();

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        Instant now = NOW;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private TikTokMarketplaceConnector connector(String accessToken, Clock clock) {
        Map<String, Object> values = new HashMap<>();
        values.put("storeCode", "TT-GB");
        values.put("baseUrl", wm.baseUrl());
        values.put("authUrl", wm.baseUrl());
        values.put("appKey", APP_KEY);
        values.put("_appSecret", APP_SECRET);
        values.put("_accessToken", accessToken);
        values.put("_refreshToken", REFRESH_TOKEN);
        values.put("shopCipher", CIPHER);
        TikTokMarketplaceConnector connector = new TikTokMarketplaceConnector();
        connector.clock = clock;
        connector.configure(config(values));
        return connector;
    }

    private static void stubRefresh() {
        wm.stubFor(get(urlPathEqualTo(TikTokAuth.REFRESH_PATH)).willReturn(okJson(recorded("token-refresh.json"))));
    }

    private static void stubSearch(String token, String body) {
        wm.stubFor(post(urlPathEqualTo(TikTokRequests.SEARCH_ORDERS)).withHeader("x-tts-access-token",
                equalTo(token)).willReturn(okJson(recorded(body))));
    }

    private static List<LoggedRequest> refreshes() {
        return wm.findAll(getRequestedFor(urlPathEqualTo(TikTokAuth.REFRESH_PATH)));
    }

    private static List<LoggedRequest> searches() {
        return wm.findAll(postRequestedFor(urlPathEqualTo(TikTokRequests.SEARCH_ORDERS)));
    }

    private static void assertNoSecret(Result<?> result) {
        for (Message m : result.messages()) {
            for (String s : List.of(APP_SECRET, REFRESH_TOKEN, NEW_TOKEN, ROTATED, ACCESS_TOKEN)) {
                assertFalse(m.text().contains(s), m.text());
            }
        }
    }

    @Test
    void onlyRefreshToken_refreshesBeforeFirstUse_asDocumented_andKeepsTheToken() {
        stubRefresh();
        stubSearch(NEW_TOKEN, "search-orders-page-1.json");
        TikTokMarketplaceConnector c = connector("", Clock.fixed(NOW, ZoneOffset.UTC));

        Result<OrderPage> first = c.fetchOrders(STORE, null);
        assertTrue(first.isOk(), first.messages().toString());
        assertTrue(c.fetchOrders(STORE, null).isOk());

        List<LoggedRequest> refresh = refreshes();
        assertEquals(1, refresh.size(), "one refresh serves both calls");
        Map<String, String> q = query(refresh.get(0));
        assertEquals(Map.of("app_key", APP_KEY, "app_secret", APP_SECRET, "refresh_token", REFRESH_TOKEN,
                "grant_type", "refresh_token"), q);
        assertEquals("GET", refresh.get(0).getMethod().getName());
        assertEquals(2, searches().size());
        searches().forEach(r -> assertEquals(NEW_TOKEN, r.getHeader("x-tts-access-token")));
        assertEquals(1, c.refreshes());
    }

    @Test
    void refreshedToken_isRenewedBeforeItExpires_withTheRotatedRefreshToken() {
        stubRefresh();
        stubSearch(NEW_TOKEN, "search-orders-page-2.json");
        MovingClock clock = new MovingClock();
        TikTokMarketplaceConnector c = connector("", clock);

        assertTrue(c.fetchOrders(STORE, null).isOk());
        clock.now = EXPIRES.minus(TikTokAuth.EARLY).minusSeconds(1);
        assertTrue(c.fetchOrders(STORE, null).isOk());
        assertEquals(1, refreshes().size(), "still valid: not refreshed");

        clock.now = EXPIRES.minus(TikTokAuth.EARLY);
        assertTrue(c.fetchOrders(STORE, null).isOk());
        List<LoggedRequest> refresh = refreshes();
        assertEquals(2, refresh.size(), "renewed before it expires");
        assertEquals(ROTATED, query(refresh.get(1)).get("refresh_token"),
                "the refresh token TikTok handed back is the one used next");
    }

    @Test
    void expiredTokenCode_refreshesAndSendsTheRequestOnceMore() {
        stubRefresh();
        wm.stubFor(post(urlPathEqualTo(TikTokRequests.SEARCH_ORDERS)).withHeader("x-tts-access-token",
                equalTo(ACCESS_TOKEN)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(recorded("error-105-token.json"))));
        stubSearch(NEW_TOKEN, "search-orders-page-1.json");
        TikTokMarketplaceConnector c = connector(ACCESS_TOKEN, Clock.fixed(NOW, ZoneOffset.UTC));

        Result<OrderPage> page = c.fetchOrders(STORE, null);
        assertTrue(page.isOk(), page.messages().toString());
        assertFalse(page.value().orders().isEmpty());
        List<LoggedRequest> sent = searches();
        assertEquals(2, sent.size());
        assertEquals(ACCESS_TOKEN, sent.get(0).getHeader("x-tts-access-token"));
        assertEquals(NEW_TOKEN, sent.get(1).getHeader("x-tts-access-token"));
        assertEquals(sent.get(0).getBodyAsString(), sent.get(1).getBodyAsString(), "the same request again");
        assertEquals(1, refreshes().size());
    }

    @Test
    void expiredTokenCodeIn200_onConfirmation_refreshesAndRetriesOnce() {
        stubRefresh();
        wm.stubFor(get(urlPathEqualTo(TikTokRequests.ORDER_DETAIL)).withHeader("x-tts-access-token",
                equalTo(ACCESS_TOKEN)).willReturn(okJson(recorded("error-105-token.json"))));
        wm.stubFor(get(urlPathEqualTo(TikTokRequests.ORDER_DETAIL)).withHeader("x-tts-access-token",
                equalTo(NEW_TOKEN)).willReturn(okJson(recorded("order-detail.json"))));
        wm.stubFor(post(urlPathEqualTo(TikTokRequests.shipPackage(PACKAGE_ID))).willReturn(okJson(recorded(
                "ship-package.json"))));
        TikTokMarketplaceConnector c = connector(ACCESS_TOKEN, Clock.fixed(NOW, ZoneOffset.UTC));

        Result<Boolean> r = c.confirmShipment(STORE, shipment(TRACKING));
        assertTrue(r.isOk(), r.messages().toString());
        assertEquals(2, wm.findAll(getRequestedFor(urlPathEqualTo(TikTokRequests.ORDER_DETAIL))).size());
        List<LoggedRequest> ship = wm.findAll(postRequestedFor(urlPathEqualTo(TikTokRequests.shipPackage(PACKAGE_ID))));
        assertEquals(1, ship.size());
        assertEquals(NEW_TOKEN, ship.get(0).getHeader("x-tts-access-token"));
        assertEquals(1, refreshes().size());
    }

    @Test
    void tokenStillRefusedAfterRefresh_isAuthFailed_afterExactlyOneRetry() {
        stubRefresh();
        wm.stubFor(post(urlPathEqualTo(TikTokRequests.SEARCH_ORDERS)).willReturn(okJson(recorded(
                "error-105-token.json"))));
        TikTokMarketplaceConnector c = connector(ACCESS_TOKEN, Clock.fixed(NOW, ZoneOffset.UTC));

        Result<OrderPage> r = c.fetchOrders(STORE, null);
        assertFalse(r.isOk());
        assertEquals(TikTokCodes.AUTH_FAILED, only(r).code());
        assertTrue(only(r).text().contains("105002"), only(r).text());
        assertEquals(2, searches().size(), "the request once more, not again and again");
        assertEquals(1, refreshes().size());
        assertNoSecret(r);
    }

    @Test
    void refreshRefusedByTikTok_isAuthFailedWithItsText_andNothingElseIsSent() {
        wm.stubFor(get(urlPathEqualTo(TikTokAuth.REFRESH_PATH)).willReturn(okJson(recorded("error-rejected.json"))));
        stubSearch(NEW_TOKEN, "search-orders-page-1.json");
        TikTokMarketplaceConnector c = connector("", Clock.fixed(NOW, ZoneOffset.UTC));

        Result<OrderPage> r = c.fetchOrders(STORE, null);
        assertFalse(r.isOk());
        Message m = only(r);
        assertEquals(TikTokCodes.AUTH_FAILED, m.code());
        assertTrue(m.text().contains("access token refresh") && m.text().contains("12345678: Test rejection"),
                m.text());
        assertEquals(0, searches().size());
        assertNoSecret(r);
    }

    @Test
    void refresh429_isRateLimitedWithRetryAfter() {
        wm.stubFor(get(urlPathEqualTo(TikTokAuth.REFRESH_PATH)).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "3")));
        TikTokMarketplaceConnector c = connector("", Clock.fixed(NOW, ZoneOffset.UTC));

        Result<OrderPage> r = c.fetchOrders(STORE, null);
        Message m = only(r);
        assertEquals(MessageCodes.RATE_LIMITED, m.code());
        assertEquals(Duration.ofSeconds(3), m.retryAfter());
        assertEquals(0, searches().size());
        assertNoSecret(r);
    }

    @Test
    void api429_isNotATokenProblem_noRefresh() {
        stubRefresh();
        wm.stubFor(post(urlPathEqualTo(TikTokRequests.SEARCH_ORDERS)).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "2")));
        TikTokMarketplaceConnector c = connector(ACCESS_TOKEN, Clock.fixed(NOW, ZoneOffset.UTC));

        Message m = only(c.fetchOrders(STORE, null));
        assertEquals(MessageCodes.RATE_LIMITED, m.code());
        assertEquals(Duration.ofSeconds(2), m.retryAfter());
        assertEquals(0, refreshes().size());
        assertEquals(1, searches().size());
    }

    @Test
    void invalidSign_isNotRefreshed() {
        stubRefresh();
        wm.stubFor(post(urlPathEqualTo(TikTokRequests.SEARCH_ORDERS)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(recorded("error-106001.json"))));
        TikTokMarketplaceConnector c = connector(ACCESS_TOKEN, Clock.fixed(NOW, ZoneOffset.UTC));

        assertEquals(TikTokCodes.AUTH_FAILED, only(c.fetchOrders(STORE, null)).code());
        assertEquals(0, refreshes().size());
        assertEquals(1, searches().size());
    }

    @Test
    void neitherAccessNorRefreshToken_isBadConfig() {
        Map<String, Object> values = new HashMap<>();
        values.put("_accessToken", "");
        values.put("_refreshToken", "");
        Message m = only(TikTokFixture.connector(wm, values).fetchOrders(STORE, null));
        assertEquals(TikTokCodes.BAD_CONFIG, m.code());
        assertTrue(m.text().contains("'Refresh token'"), m.text());
        assertEquals(0, searches().size());
    }
}
