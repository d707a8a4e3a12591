package io.waybill.platform.amazon.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.waybill.spi.common.Address;
import io.waybill.spi.common.Result;
import io.waybill.spi.platform.OrderPage;
import io.waybill.spi.platform.PlatformOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.waybill.platform.amazon.internal.AmazonFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/** Order capture: getOrders with a restricted data token, NextToken paging, getOrderItems, the SPI mapping. */
class AmazonFetchOrdersTest {

    @RegisterExtension
    static WireMockExtension wm = wireMock();

    private static final String FROM = "2026-11-01T10:00:00Z";
    private static final String TO = "2026-12-01T09:57:00Z";

    private void stubOrders() {
        stubTokens(wm);
        wm.stubFor(get(urlPathEqualTo("/orders/v0/orders")).withQueryParam("NextToken", absent())
                .willReturn(okJson(recorded("orders-page-1.json"))));
        wm.stubFor(get(urlPathEqualTo("/orders/v0/orders"))
                .withQueryParam("NextToken", equalTo("2YgYW55IGNhcm5hbCBwbGVhc3VyZS4"))
                .willReturn(okJson(recorded("orders-page-2.json"))));
        wm.stubFor(get(urlPathMatching("/orders/v0/orders/[^/]+/orderItems"))
                .willReturn(okJson(recorded("order-items.json"))));
    }

    @Test
    void firstPage_usesTheRestrictedDataTokenAndTheWindow_mapsOrdersWithItems() {
        // given
        stubOrders();
        AmazonMarketplaceConnector c = connector(wm);

        // when
        Result<OrderPage> r = c.fetchOrders(STORE, null);

        // then
        assertTrue(r.isOk(), r.toString());
        OrderPage page = r.value();
        assertTrue(page.hasMore());
        assertEquals(2, page.orders().size());
        wm.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH))
                .withRequestBody(matchingJsonPath("$.grant_type", equalTo("refresh_token")))
                .withRequestBody(matchingJsonPath("$.refresh_token", equalTo(REFRESH_TOKEN)))
                .withRequestBody(matchingJsonPath("$.client_id", equalTo("amzn1.application-oa2-client.test")))
                .withRequestBody(matchingJsonPath("$.client_secret", equalTo(CLIENT_SECRET))));
        wm.verify(1, postRequestedFor(urlPathEqualTo(AmazonApi.RDT_PATH))
                .withRequestBody(matchingJsonPath("$.restrictedResources[0].method", equalTo("GET")))
                .withRequestBody(matchingJsonPath("$.restrictedResources[0].path", equalTo("/orders/v0/orders")))
                .withRequestBody(matchingJsonPath("$.restrictedResources[0].dataElements[1]",
                        equalTo("shippingAddress"))));
        wm.verify(1, getRequestedFor(urlPathEqualTo("/orders/v0/orders"))
                .withHeader("x-amz-access-token", equalTo(RDT))
                .withHeader("Authorization", absent())
                .withQueryParam("MarketplaceIds", equalTo("ATVPDKIKX0DER"))
                .withQueryParam("FulfillmentChannels", equalTo("MFN"))
                .withQueryParam("LastUpdatedAfter", equalTo(FROM))
                .withQueryParam("LastUpdatedBefore", equalTo(TO))
                .withQueryParam("MaxResultsPerPage", equalTo("20")));
        wm.verify(getRequestedFor(urlPathEqualTo("/orders/v0/orders/" + ORDER_ID + "/orderItems"))
                .withHeader("x-amz-access-token", equalTo(ACCESS_TOKEN)));

        PlatformOrder o = page.orders().get(0);
        assertEquals(ORDER_ID, o.platformOrderId());
        assertEquals(ORDER_ID, o.orderNo());
        assertFalse(o.cancelled());
        assertEquals(Instant.parse("1970-01-19T03:58:30Z"), o.createdAt());
        Address a = o.shipTo();
        assertEquals("张伟", a.name());
        assertEquals("朝阳区建国路 88 号", a.line1());
        assertEquals("SOHO 现代城 2 号楼, 1201 室", a.line2());
        assertEquals("北京", a.city());
        assertEquals("北京市", a.state());
        assertEquals("100022", a.postalCode());
        assertEquals("CN", a.countryCode());
        assertEquals("+86 10 5869 0000", a.phone());
        assertEquals("abc123@marketplace.amazon.com", a.email());
        assertEquals(1, o.lines().size());
        PlatformOrder.Line line = o.lines().get(0);
        assertEquals("NABetaASINB00551Q3CS", line.sku());
        assertEquals("05015851154158", line.lineId(), "the OrderItemId (SPI 1.6): a partial shipment's line");
        assertEquals(2, line.quantity());
        assertEquals(new BigDecimal("10.00"), line.unitPrice()); // ItemPrice 20.00 is for both units
        assertEquals("USD", line.currency());
        assertEquals(new BigDecimal("11.01"), o.value().total());
        assertEquals(new BigDecimal("3.99"), o.value().shippingPaid());
        assertEquals("USD", o.value().currency());
        assertEquals(Instant.parse("1970-01-19T04:05:13Z"), o.value().shipBy());
        assertEquals("IM1234567890", o.value().marketplaceIoss()); // the item's IossNumber: Amazon is deemed supplier
        assertTrue(page.orders().get(1).cancelled());
        assertEquals("Doe Ltd", page.orders().get(1).shipTo().company());
    }

    @Test
    void blankIossNumber_asInAmazonsOwnExample_leavesTheMarketplaceIossUnset() {
        // given: the items body with IossNumber "" (the value of Amazon's getOrderItems sandbox example, SOURCES.md)
        stubOrders();
        String recorded = recorded("order-items.json");
        assertTrue(recorded.contains("\"IossNumber\": \"IM1234567890\""));
        wm.stubFor(get(urlPathMatching("/orders/v0/orders/[^/]+/orderItems"))
                .willReturn(okJson(recorded.replace("\"IossNumber\": \"IM1234567890\"", "\"IossNumber\": \"\""))));
        AmazonMarketplaceConnector c = connector(wm);

        // when
        Result<OrderPage> r = c.fetchOrders(STORE, null);

        // then
        assertTrue(r.isOk(), r.toString());
        PlatformOrder o = r.value().orders().get(0);
        assertNull(o.value().marketplaceIoss());
        assertEquals(new BigDecimal("11.01"), o.value().total());
    }

    @Test
    void nextToken_continuesTheWindow_thenTheNextWindowStartsAtItsEnd_pendingOrdersLeftOut() {
        // given
        stubOrders();
        AmazonMarketplaceConnector c = connector(wm);
        String cursor = c.fetchOrders(STORE, null).value().nextCursor();

        // when
        Result<OrderPage> r = c.fetchOrders(STORE, cursor);

        // then
        assertTrue(r.isOk(), r.toString());
        assertFalse(r.value().hasMore());
        assertEquals(0, r.value().orders().size()); // the documented second page holds one Pending order
        wm.verify(getRequestedFor(urlPathEqualTo("/orders/v0/orders"))
                .withQueryParam("NextToken", equalTo("2YgYW55IGNhcm5hbCBwbGVhc3VyZS4"))
                .withQueryParam("LastUpdatedAfter", equalTo(FROM))
                .withQueryParam("LastUpdatedBefore", equalTo(TO)));
        wm.verify(0, getRequestedFor(urlPathEqualTo("/orders/v0/orders/902-3159896-1390916/orderItems")));
        assertEquals(AmazonCursor.startingAt(Instant.parse(TO)).encode(), r.value().nextCursor());
        // one token refresh and one RDT for the whole capture: both are cached until they expire
        wm.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        wm.verify(1, postRequestedFor(urlPathEqualTo(AmazonApi.RDT_PATH)));
    }

    @Test
    void itemsAreFetchedOncePerOrderVersion() {
        // given
        stubOrders();
        AmazonMarketplaceConnector c = connector(wm);

        // when: the same page twice (a resumed capture)
        c.fetchOrders(STORE, null);
        c.fetchOrders(STORE, null);

        // then
        wm.verify(1, getRequestedFor(urlPathEqualTo("/orders/v0/orders/" + ORDER_ID + "/orderItems")));
    }

    @Test
    void restrictedDataOff_usesTheAccessToken() {
        stubOrders();
        assertTrue(connector(wm, Map.of("restrictedData", false)).fetchOrders(STORE, null).isOk());
        wm.verify(0, postRequestedFor(urlPathEqualTo(AmazonApi.RDT_PATH)));
        wm.verify(getRequestedFor(urlPathEqualTo("/orders/v0/orders")).withHeader("x-amz-access-token",
                equalTo(ACCESS_TOKEN)));
    }

    @Test
    void foreignCursor_isBadRequest_nothingSent() {
        Result<OrderPage> r = connector(wm).fetchOrders(STORE, "v9|whatever");
        assertEquals(AmazonCodes.BAD_REQUEST, only(r).code());
        assertEquals(0, wm.getAllServeEvents().size());
    }

    @Test
    void windowNotOpenYet_returnsAnEmptyPage_nothingSent() {
        String recent = AmazonCursor.startingAt(NOW.minusSeconds(60)).encode();
        Result<OrderPage> r = connector(wm).fetchOrders(STORE, recent);
        assertTrue(r.isOk());
        assertFalse(r.value().hasMore());
        assertEquals(recent, r.value().nextCursor());
        assertEquals(0, wm.getAllServeEvents().size());
    }
}
