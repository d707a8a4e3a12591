package io.waybill.platform.amazon.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.MessageCodes;
import io.waybill.spi.common.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.waybill.platform.amazon.internal.AmazonFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/** Login with Amazon: refresh, cache until expiry, refresh on 401, refused credentials; the usage-plan pacing. */
class AmazonTokensTest {

    @RegisterExtension
    static WireMockExtension wm = wireMock();

    private void stubConnectionTest() {
        stubTokens(wm);
        wm.stubFor(get(urlPathEqualTo(AmazonRequests.PARTICIPATIONS)).willReturn(okJson(recorded(
                "participations.json"))));
    }

    @Test
    void testConnection_namesTheMarketplaces() {
        stubConnectionTest();
        Result<String> r = connector(wm).testConnection(STORE);
        assertTrue(r.isOk(), r.toString());
        assertEquals("Connected to Amazon: the seller of store AMZ-US takes part in Amazon.com (ATVPDKIKX0DER).",
                r.value());
    }

    @Test
    void accessToken_isCachedUntilShortlyBeforeExpiry_thenRefreshed() {
        // given
        stubConnectionTest();
        MutableClock clock = new MutableClock(NOW);
        AmazonMarketplaceConnector c = new AmazonMarketplaceConnector();
        c.clock = clock;
        c.configure(config(Map.of("storeCode", "AMZ-US", "baseUrl", wm.baseUrl(), "tokenUrl",
                wm.baseUrl() + TOKEN_PATH, "lwaClientId", "id", "_lwaClientSecret", CLIENT_SECRET, "_refreshToken",
                REFRESH_TOKEN)));

        // when: three calls within the hour (expires_in 3600), one after 3,541 s
        c.testConnection(STORE);
        clock.now = NOW.plusSeconds(1800);
        c.testConnection(STORE);
        clock.now = NOW.plusSeconds(3539);
        c.testConnection(STORE);
        wm.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        clock.now = NOW.plusSeconds(3541);
        c.testConnection(STORE);

        // then
        wm.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }

    @Test
    void expiredToken401_isRefreshedOnce_andTheCallSucceeds() {
        // given: SP-API refuses the first token it sees, then accepts
        stubConnectionTest();
        wm.stubFor(get(urlPathEqualTo(AmazonRequests.PARTICIPATIONS)).inScenario("expired")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withStatus(401)).willSetStateTo("refreshed"));
        wm.stubFor(get(urlPathEqualTo(AmazonRequests.PARTICIPATIONS)).inScenario("expired")
                .whenScenarioStateIs("refreshed").willReturn(okJson(recorded("participations.json"))));

        // when
        Result<String> r = connector(wm).testConnection(STORE);

        // then
        assertTrue(r.isOk(), r.toString());
        wm.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }

    @Test
    void refusedRefreshToken_isAuthFailedWithLwasText_noSpApiCall() {
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(recorded("lwa-invalid-grant.json"))));
        Message m = only(connector(wm).testConnection(STORE));
        assertEquals(MessageCodes.AUTH_FAILED, m.code());
        assertTrue(m.text().contains("invalid_grant"), m.text());
        assertFalse(m.text().contains(REFRESH_TOKEN) || m.text().contains(CLIENT_SECRET), m.text());
        wm.verify(0, getRequestedFor(urlPathEqualTo(AmazonRequests.PARTICIPATIONS)));
    }

    @Test
    void lwa5xx_isTransient() {
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(500)));
        assertEquals(MessageCodes.TRANSIENT, only(connector(wm).testConnection(STORE)).code());
    }

    @Test
    void rdtRefused_isReported() {
        stubTokens(wm);
        wm.stubFor(post(urlPathEqualTo(AmazonApi.RDT_PATH)).willReturn(aResponse().withStatus(403)));
        Message m = only(connector(wm).fetchOrders(STORE, null));
        assertEquals(MessageCodes.AUTH_FAILED, m.code());
        assertTrue(m.text().contains("restricted data token"), m.text());
    }

    @Test
    void pace_waitsForShortPauses_andRefusesLongOnes() throws Exception {
        AtomicLong now = new AtomicLong();
        AtomicLong slept = new AtomicLong();
        Pace pace = new Pace("getOrderItems", 0.5, 2, now::get);
        Pace.Sleeper sleeper = nanos -> {
            slept.addAndGet(nanos);
            now.addAndGet(nanos);
        };
        pace.acquire(Duration.ofSeconds(5), sleeper);
        pace.acquire(Duration.ofSeconds(5), sleeper);
        assertEquals(0, slept.get());
        pace.acquire(Duration.ofSeconds(5), sleeper); // the third waits 2 s for its token
        assertEquals(2_000_000_000L, slept.get());
        Refused r = assertThrows(Refused.class, () -> pace.acquire(Duration.ofSeconds(1), sleeper));
        assertEquals(MessageCodes.RATE_LIMITED, r.messages().get(0).code());
        assertEquals(Duration.ofSeconds(2), r.messages().get(0).retryAfter());
    }

    static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
