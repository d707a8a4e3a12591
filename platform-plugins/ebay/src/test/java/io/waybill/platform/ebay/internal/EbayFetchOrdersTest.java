package io.waybill.platform.ebay.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.waybill.spi.common.Address;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.Result;
import io.waybill.spi.platform.OrderPage;
import io.waybill.spi.platform.PlatformOrder;
import io.waybill.spi.platform.StoreContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.waybill.platform.ebay.internal.EbayFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/** fetchOrders: getOrders' filter and paging, its endpoint, recorded pages to orders, errors, a Chinese address. */
class EbayFetchOrdersTest {

    @RegisterExtension
    static WireMockExtension wm = wireMock();

    @Test
    void requestMapping_bearerTokenLastModifiedWindowLimitOffset() {
        // given
        wm.stubFor(get(urlPathEqualTo(ORDERS)).willReturn(okJson(recorded("orders-page-2.json"))));

        // when
        connector(wm).fetchOrders(STORE, null);

        // then
        wm.verify(getRequestedFor(urlPathEqualTo(ORDERS))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("X-EBAY-C-MARKETPLACE-ID", equalTo("EBAY_US"))
                .withQueryParam("filter", equalTo(FIRST_FILTER))
                .withQueryParam("limit", equalTo("50"))
                .withQueryParam("offset", equalTo("0")));
    }

    @Test
    void requestMapping_filterIsUrlEncoded() {
        // given
        wm.stubFor(get(urlPathEqualTo(ORDERS)).willReturn(okJson(recorded("orders-page-2.json"))));

        // when
        connector(wm).fetchOrders(STORE, null);

        // then: brackets and colons percent-encoded, as eBay's getOrders page asks
        String url = wm.getAllServeEvents().get(0).getRequest().getUrl();
        assertTrue(url.contains("filter=lastmodifieddate%3A%5B2015-07-21T10%3A00%3A00.000Z..2015-08-20T09%3A58%3A00"
                + ".000Z%5D"), url);
    }

    @Test
    void endpoint_isSellFulfillmentV1OrderOnTheConfiguredHost() {
        // given
        wm.stubFor(get(urlPathEqualTo(ORDERS)).willReturn(okJson(recorded("orders-page-2.json"))));

        // when
        Result<OrderPage> result = connector(wm).fetchOrders(STORE, null);

        // then
        assertTrue(result.isOk(), result.messages()::toString);
        wm.verify(1, getRequestedFor(urlPathEqualTo("/sell/fulfillment/v1/order")));
    }

    @Test
    void recordedPage_becomesOrdersWithShipToAndSkuLines() {
        // given
        wm.stubFor(get(urlPathEqualTo(ORDERS)).willReturn(okJson(recorded("orders-page-1.json"))));

        // when
        Result<OrderPage> result = connector(wm).fetchOrders(STORE, null);

        // then
        assertTrue(result.isOk(), result.messages()::toString);
        List<PlatformOrder> orders = result.value().orders();
        assertEquals(2, orders.size());
        PlatformOrder first = orders.get(0);
        assertEquals(ORDER_ID, first.platformOrderId());
        assertEquals(ORDER_ID, first.orderNo());
        assertFalse(first.cancelled());
        assertEquals(Instant.parse("2015-08-04T19:09:02.768Z"), first.createdAt());
        assertEquals(new Address("Ann Smith", "", "2145 Hamilton Ave", "Suite 100", "San Jose", "CA", "95125", "US",
                "4085551234", "ann.smith@example.com"), first.shipTo());
        // lineItemCost is the price of all units of a line: one unit is lineItemCost / quantity
        BigDecimal mug = new BigDecimal("22.99");
        assertEquals(new PlatformOrder.Value(new BigDecimal("73.97"), new BigDecimal("5.00"), "USD", "4085551234",
                "ann.smith@example.com", Instant.parse("2015-08-05T06:59:59Z")), orders.get(0).value(),
                "pricingSummary total/deliveryCost, buyerRegistrationAddress, the earliest line shipByDate");
        // each line with its lineItemId (SPI 1.6): what a partial shipment of it is confirmed with
        assertEquals(List.of(new PlatformOrder.Line("MUG-RED", 2, mug.setScale(2), "USD", "10022882297900"),
                        new PlatformOrder.Line("MUG-BLUE", 1, mug, "USD", "10022882297901")), first.lines());
        assertEquals("Jones Tools", orders.get(1).shipTo().company());
    }

    @Test
    void recordedError_becomesRejectedMessagesWithErrorIds() {
        // given
        wm.stubFor(get(urlPathEqualTo(ORDERS)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(recorded("error-invalid-order.json"))));

        // when
        Message m = only(connector(wm).fetchOrders(STORE, null));

        // then
        assertEquals(EbayCodes.REJECTED, m.code());
        assertTrue(m.text().contains("32100: Invalid order ID: 99-99999-99999"), m.text());
    }

    @Test
    void multiPageCapture_advancesTheOffsetThenOpensTheNextWindowAtTheOldEnd() {
        // given: 3 orders, 2 per page
        wm.stubFor(get(urlPathEqualTo(ORDERS)).withQueryParam("offset", equalTo("0"))
                .willReturn(okJson(recorded("orders-page-1.json"))));
        wm.stubFor(get(urlPathEqualTo(ORDERS)).withQueryParam("offset", equalTo("2"))
                .willReturn(okJson(recorded("orders-page-2.json"))));
        EbayMarketplaceConnector connector = connector(wm, Map.of("pageSize", 2));

        // when
        OrderPage page1 = connector.fetchOrders(STORE, null).value();
        OrderPage page2 = connector.fetchOrders(STORE, page1.nextCursor()).value();

        // then
        assertTrue(page1.hasMore());
        assertEquals("v1|2015-07-21T10:00:00Z|2015-08-20T09:58:00Z|2|3", page1.nextCursor());
        wm.verify(getRequestedFor(urlPathEqualTo(ORDERS)).withQueryParam("filter", equalTo(FIRST_FILTER))
                .withQueryParam("limit", equalTo("2")).withQueryParam("offset", equalTo("2")));
        assertFalse(page2.hasMore());
        assertEquals(1, page2.orders().size());
        assertTrue(page2.orders().get(0).cancelled(), "cancelState CANCELED -> cancelled");
        assertEquals("v1|2015-08-20T09:58:00Z||0|-1", page2.nextCursor());
    }

    @Test
    void nextWindow_startsWhereTheLastEnded() {
        // given
        wm.stubFor(get(urlPathEqualTo(ORDERS)).willReturn(okJson("{\"total\":0,\"orders\":[]}")));
        EbayMarketplaceConnector connector = connector(wm);
        connector.clock = java.time.Clock.fixed(NOW.plusSeconds(3600), java.time.ZoneOffset.UTC);

        // when
        OrderPage page = connector.fetchOrders(STORE, "v1|2015-08-20T09:58:00Z||0|-1").value();

        // then
        wm.verify(getRequestedFor(urlPathEqualTo(ORDERS)).withQueryParam("filter",
                equalTo("lastmodifieddate:[2015-08-20T09:58:00.000Z..2015-08-20T10:58:00.000Z]")));
        assertFalse(page.hasMore());
        assertEquals("v1|2015-08-20T10:58:00Z||0|-1", page.nextCursor());
    }

    @Test
    void windowThatShrankWhilePaged_isReadAgainFromOffsetZero() {
        // given: the window had 4 orders when opened; now eBay reports 3 (one was modified and left it)
        wm.stubFor(get(urlPathEqualTo(ORDERS)).willReturn(okJson(recorded("orders-page-2.json"))));

        // when
        OrderPage page = connector(wm, Map.of("pageSize", 2))
                .fetchOrders(STORE, "v1|2015-07-21T10:00:00Z|2015-08-20T09:58:00Z|2|4").value();

        // then
        assertEquals(1, page.orders().size());
        assertTrue(page.hasMore());
        assertEquals("v1|2015-07-21T10:00:00Z|2015-08-20T09:58:00Z|0|-1", page.nextCursor());
    }

    @Test
    void chineseAddress_roundTripsExactly() {
        // given
        wm.stubFor(get(urlPathEqualTo(ORDERS)).willReturn(okJson(recorded("orders-chinese.json"))));

        // when
        PlatformOrder order = connector(wm).fetchOrders(STORE, null).value().orders().get(0);

        // then
        assertEquals(new Address("张伟", "北京某某科技有限公司", "朝阳区建国路88号", "SOHO现代城 A座 1201室", "北京市", "北京市",
                "100022", "CN", "+86 138 0013 8000", "zhang.wei@example.com"), order.shipTo());
        assertEquals(List.of(new PlatformOrder.Line("茶杯-红", 2, new BigDecimal("22.99"), "USD", "10022882297930")),
                order.lines());
    }

    @Test
    void anotherStore_isRefusedWithoutCallingEbay() {
        // when
        Message m = only(connector(wm).fetchOrders(new StoreContext("EBAY-DE", Map.of()), null));

        // then
        assertEquals(EbayCodes.WRONG_STORE, m.code());
        assertTrue(m.text().contains("serves store EBAY-US, not EBAY-DE"), m.text());
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void foreignCursor_isABadRequest() {
        // when
        Message m = only(connector(wm).fetchOrders(STORE, "v1|gid://shopify|x|"));

        // then
        assertEquals(EbayCodes.BAD_REQUEST, m.code());
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void token_neverAppearsInMessagesOrToString() {
        // given: a proxy that echoes the Authorization header
        wm.stubFor(get(urlPathEqualTo(ORDERS)).willReturn(aResponse().withStatus(400)
                .withBody("bad header Authorization: Bearer " + TOKEN)));
        EbayMarketplaceConnector connector = connector(wm);

        // when
        Message m = only(connector.fetchOrders(STORE, null));

        // then
        assertFalse(m.text().contains(TOKEN), m.text());
        assertTrue(m.text().contains("***"), m.text());
        assertFalse(connector.toString().contains(TOKEN));
    }

    @Test
    void aLineCostThatDoesNotDivideByTheQuantityIsRoundedToTheCurrencysDecimals() {
        assertEquals(new BigDecimal("3.33"), EbayResponseParser.unitPrice(new BigDecimal("10.00"), 3, "USD"));
        assertEquals(new BigDecimal("334"), EbayResponseParser.unitPrice(new BigDecimal("1001"), 3, "JPY"));
        assertEquals(new BigDecimal("10.00"), EbayResponseParser.unitPrice(new BigDecimal("10.00"), 1, "USD"));
        assertEquals(null, EbayResponseParser.unitPrice(null, 2, "USD"));
    }
}
