package io.waybill.platform.tiktok.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.waybill.spi.common.Address;
import io.waybill.spi.common.Result;
import io.waybill.spi.platform.OrderPage;
import io.waybill.spi.platform.PlatformOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.waybill.platform.tiktok.internal.TikTokFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/** Search Orders: the signed request, the update_time window, next_page_token paging, the SPI mapping. */
class TikTokFetchOrdersTest {

    @RegisterExtension
    static WireMockExtension wm = wireMock();

    private static final long FROM = NOW.getEpochSecond() - 30L * 86_400;
    private static final long TO = NOW.getEpochSecond() - 180;

    private void stubPages() {
        wm.stubFor(post(urlPathEqualTo(TikTokRequests.SEARCH_ORDERS)).withQueryParam("page_token", absent())
                .willReturn(okJson(recorded("search-orders-page-1.json"))));
        wm.stubFor(post(urlPathEqualTo(TikTokRequests.SEARCH_ORDERS))
                .withQueryParam("page_token", equalTo("aDU2dHBxTkxIYU5ob2FQd3E1UWp5R3c="))
                .willReturn(okJson(recorded("search-orders-page-2.json"))));
    }

    @Test
    void firstPage_isSignedWithTheWindow_andMapsOrders() {
        // given
        stubPages();

        // when
        Result<OrderPage> r = connector(wm).fetchOrders(STORE, null);

        // then: the request
        assertTrue(r.isOk(), r.toString());
        List<LoggedRequest> sent = wm.findAll(postRequestedFor(urlPathEqualTo(TikTokRequests.SEARCH_ORDERS)));
        assertEquals(1, sent.size());
        LoggedRequest req = sent.get(0);
        Map<String, String> q = query(req);
        assertEquals(APP_KEY, q.get("app_key"));
        assertEquals(String.valueOf(NOW.getEpochSecond()), q.get("timestamp"));
        assertEquals(CIPHER, q.get("shop_cipher"));
        assertEquals("50", q.get("page_size"));
        assertEquals("update_time", q.get("sort_field"));
        assertEquals("ASC", q.get("sort_order"));
        assertFalse(q.containsKey("access_token"));
        assertTrue(signedCorrectly(req), "sign " + q.get("sign"));
        assertEquals(ACCESS_TOKEN, req.getHeader("x-tts-access-token"));
        assertEquals("{\"update_time_ge\":" + FROM + ",\"update_time_lt\":" + TO + "}", req.getBodyAsString());

        // and: the orders (the UNPAID one is left out)
        OrderPage page = r.value();
        assertTrue(page.hasMore());
        assertEquals(2, page.orders().size());
        PlatformOrder o = page.orders().get(0);
        assertEquals(ORDER_ID, o.platformOrderId());
        assertEquals(ORDER_ID, o.orderNo());
        assertFalse(o.cancelled());
        assertEquals(Instant.ofEpochSecond(1764500000), o.createdAt());
        Address a = o.shipTo();
        assertEquals("Alice Smith", a.name());
        assertEquals("10 Downing Street", a.line1());
        assertEquals("Flat 2", a.line2());
        assertEquals("London", a.city());
        assertEquals("England", a.state());
        assertEquals("SW1A 2AA", a.postalCode());
        assertEquals("GB", a.countryCode());
        assertEquals("(+44)7700900123", a.phone());
        assertEquals("v2_abc123@scs.tiktokw.uk", a.email());
        // each line's id (SPI 1.6): the first of its SKU's line items (TikTok lists one per unit)
        assertEquals(List.of(new PlatformOrder.Line("TT-CASE-01", 2, new BigDecimal("9.99"), "GBP",
                        "577000000000000001"),
                new PlatformOrder.Line("TT-CABLE-02", 1, new BigDecimal("7.99"), "GBP", "577000000000000003")),
                o.lines());
        assertEquals(new BigDecimal("30.96"), o.value().total());
        assertEquals(new BigDecimal("2.99"), o.value().shippingPaid());
        assertEquals("GBP", o.value().currency());
        PlatformOrder cancelled = page.orders().get(1);
        assertTrue(cancelled.cancelled());
        assertEquals(List.of(), cancelled.lines());
    }

    @Test
    void nextPageToken_continuesTheWindow_thenTheNextWindowStartsAtItsEnd() {
        stubPages();
        TikTokMarketplaceConnector c = connector(wm);
        String cursor = c.fetchOrders(STORE, null).value().nextCursor();

        Result<OrderPage> r = c.fetchOrders(STORE, cursor);

        assertTrue(r.isOk(), r.toString());
        assertFalse(r.value().hasMore());
        assertEquals(TikTokCursor.startingAt(TO).encode(), r.value().nextCursor());
        LoggedRequest second = wm.findAll(postRequestedFor(urlPathEqualTo(TikTokRequests.SEARCH_ORDERS))
                .withQueryParam("page_token", equalTo("aDU2dHBxTkxIYU5ob2FQd3E1UWp5R3c="))).get(0);
        assertTrue(signedCorrectly(second));
        assertEquals("{\"update_time_ge\":" + FROM + ",\"update_time_lt\":" + TO + "}", second.getBodyAsString());
    }

    @Test
    void foreignCursor_isBadRequest_nothingSent() {
        assertEquals(TikTokCodes.BAD_REQUEST, only(connector(wm).fetchOrders(STORE, "v1|x|y|z")).code());
        assertEquals(0, wm.getAllServeEvents().size());
    }

    @Test
    void testConnection_listsTheShops_unsignedCipherLeftOut() {
        wm.stubFor(get(urlPathEqualTo(TikTokRequests.SHOPS)).willReturn(okJson(recorded("shops.json"))));
        Result<String> r = connector(wm).testConnection(STORE);
        assertTrue(r.isOk(), r.toString());
        assertEquals("Connected to TikTok Shop: the token of store TT-GB opens Waybill Test Shop (GB).", r.value());
        LoggedRequest req = wm.findAll(getRequestedFor(urlPathEqualTo(TikTokRequests.SHOPS))).get(0);
        assertFalse(query(req).containsKey("shop_cipher"));
        assertTrue(signedCorrectly(req));
    }
}
