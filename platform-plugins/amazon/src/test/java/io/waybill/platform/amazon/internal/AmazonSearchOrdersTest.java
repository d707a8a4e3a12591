package io.waybill.platform.amazon.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.waybill.spi.common.Address;
import io.waybill.spi.common.Result;
import io.waybill.spi.platform.OrderPage;
import io.waybill.spi.platform.PlatformOrder;
import io.waybill.spi.platform.ShipmentConfirmation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.waybill.platform.amazon.internal.AmazonFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Order capture with searchOrders (Orders API v2026-01-01, the default listing): the documented query, the
 * access token (no restricted data token), paginationToken paging, the mapping of Amazon's own example orders, items
 * read from the same answer (no getOrderItems, also not for the confirmation). The HTTP failures (400, 401, 429, 5xx,
 * timeout) are in {@link AmazonHttpFailuresTest} ({@code SEARCH_ORDERS}).
 */
class AmazonSearchOrdersTest {

    @RegisterExtension
    static WireMockExtension wm = wireMock();

    private static final String FROM = "2026-11-01T10:00:00Z";
    private static final String TO = "2026-12-01T09:57:00Z";
    private static final String TOKEN = "2YgYW55IGNhcm5hbCBwbGVhc3VyZS4"; // search-orders-page-1.json
    private static final String FIRST = "123-4567890-1234567";

    private static AmazonMarketplaceConnector connector(Map<String, Object> more) {
        Map<String, Object> values = new HashMap<>(Map.of("ordersApi", AmazonRequests.V2026));
        values.putAll(more);
        return AmazonFixture.connector(wm, values);
    }

    private static void stubSearch(String page1) {
        stubTokens(wm);
        wm.stubFor(get(urlPathEqualTo(AmazonRequests.SEARCH_ORDERS)).withQueryParam("paginationToken", absent())
                .willReturn(okJson(page1)));
        wm.stubFor(get(urlPathEqualTo(AmazonRequests.SEARCH_ORDERS))
                .withQueryParam("paginationToken", equalTo(TOKEN))
                .willReturn(okJson(recorded("search-orders-page-2.json"))));
    }

    @Test
    void firstPage_sendsTheDocumentedQueryWithTheAccessToken_mapsAmazonsExampleOrder() {
        stubSearch(recorded("search-orders-page-1.json"));

        Result<OrderPage> r = connector(Map.of()).fetchOrders(STORE, null);

        assertTrue(r.isOk(), r.toString());
        assertTrue(r.value().hasMore());
        wm.verify(1, getRequestedFor(urlPathEqualTo(AmazonRequests.SEARCH_ORDERS))
                .withHeader("x-amz-access-token", equalTo(ACCESS_TOKEN))
                .withQueryParam("marketplaceIds", equalTo("ATVPDKIKX0DER"))
                .withQueryParam("fulfilledBy", equalTo("MERCHANT"))
                .withQueryParam("lastUpdatedAfter", equalTo(FROM))
                .withQueryParam("lastUpdatedBefore", equalTo(TO))
                .withQueryParam("maxResultsPerPage", equalTo("20"))
                .withQueryParam("includedData", equalTo("RECIPIENT,BUYER,FULFILLMENT,PROCEEDS"))
                .withQueryParam("createdAfter", absent()));
        wm.verify(0, postRequestedFor(urlPathEqualTo(AmazonApi.RDT_PATH)));
        wm.verify(0, getRequestedFor(urlPathMatching("/orders/v0/.*")));

        assertEquals(1, r.value().orders().size());
        PlatformOrder o = r.value().orders().get(0);
        assertEquals(FIRST, o.platformOrderId());
        assertEquals(FIRST, o.orderNo());
        assertFalse(o.cancelled());
        assertEquals(Instant.parse("2024-12-25T10:30:00Z"), o.createdAt());
        Address a = o.shipTo();
        assertEquals("John Smith", a.name());
        assertEquals("Smith Industries LLC", a.company());
        assertEquals("123 Main Street", a.line1());
        assertEquals("Suite 456", a.line2(), "the empty addressLine3 adds nothing");
        assertEquals("Seattle", a.city());
        assertEquals("WA", a.state());
        assertEquals("98101", a.postalCode());
        assertEquals("US", a.countryCode());
        assertEquals("555-123-4567", a.phone());
        assertEquals("buyer-email@marketplace.amazon.com", a.email());
        assertEquals(2, o.lines().size());
        assertEquals("ECHO-DOT-4-CHARCOAL", o.lines().get(0).sku());
        assertEquals(2, o.lines().get(0).quantity());
        assertEquals(new BigDecimal("49.99"), o.lines().get(0).unitPrice(), "unitPrice is per unit");
        assertEquals("USD", o.lines().get(0).currency());
        assertEquals("FIRE-TV-4K-2021", o.lines().get(1).sku());
        assertEquals(java.util.List.of("12345678901234", "12345678901235"),
                o.lines().stream().map(PlatformOrder.Line::lineId).toList(), "each line's orderItemId (SPI 1.6)");
        assertEquals(new BigDecimal("154.99"), o.value().total());
        assertEquals("USD", o.value().currency());
        assertNull(o.value().shippingPaid(), "the example has no SHIPPING proceeds");
        assertEquals(Instant.parse("2024-12-27T23:59:59Z"), o.value().shipBy());
        assertEquals("IM1234567890", o.value().marketplaceIoss());
    }

    @Test
    void paginationToken_continuesTheWindowWithTheSameFilters_thenTheNextWindowStartsAtItsEnd() {
        stubSearch(recorded("search-orders-page-1.json"));
        AmazonMarketplaceConnector c = connector(Map.of());
        String cursor = c.fetchOrders(STORE, null).value().nextCursor();

        Result<OrderPage> r = c.fetchOrders(STORE, cursor);

        assertTrue(r.isOk(), r.toString());
        assertFalse(r.value().hasMore());
        wm.verify(1, getRequestedFor(urlPathEqualTo(AmazonRequests.SEARCH_ORDERS))
                .withQueryParam("paginationToken", equalTo(TOKEN))
                .withQueryParam("lastUpdatedAfter", equalTo(FROM))
                .withQueryParam("lastUpdatedBefore", equalTo(TO))
                .withQueryParam("fulfilledBy", equalTo("MERCHANT")));
        assertEquals(AmazonCursor.startingAt(Instant.parse(TO)).encode(), r.value().nextCursor());
        PlatformOrder uk = r.value().orders().get(0);
        assertEquals("202-7654321-1098765", uk.platformOrderId());
        assertEquals("Flat 2A", uk.shipTo().line2());
        assertEquals("GB", uk.shipTo().countryCode());
        assertEquals(new BigDecimal("34.99"), uk.lines().get(0).unitPrice());
        assertEquals("GBP", uk.lines().get(0).currency());
        assertNull(uk.value().marketplaceIoss());
        wm.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH))); // one access token for both pages
    }

    @Test
    void pendingOrdersAreLeftOut_cancelledOnesComeCancelled() {
        String page = recorded("search-orders-page-1.json");
        assertTrue(page.contains("\"fulfillmentStatus\": \"SHIPPED\""));
        stubSearch(page.replace("\"fulfillmentStatus\": \"SHIPPED\"", "\"fulfillmentStatus\": \"PENDING\""));
        assertEquals(0, connector(Map.of()).fetchOrders(STORE, null).value().orders().size());

        wm.resetAll();
        stubSearch(page.replace("\"fulfillmentStatus\": \"SHIPPED\"", "\"fulfillmentStatus\": \"CANCELLED\""));
        assertTrue(connector(Map.of()).fetchOrders(STORE, null).value().orders().get(0).cancelled());
    }

    @Test
    void buyerDataOff_asksForNeitherRecipientNorBuyer() {
        stubSearch(recorded("search-orders-page-1.json"));
        assertTrue(connector(Map.of("restrictedData", false)).fetchOrders(STORE, null).isOk());
        wm.verify(getRequestedFor(urlPathEqualTo(AmazonRequests.SEARCH_ORDERS))
                .withQueryParam("includedData", equalTo("FULFILLMENT,PROCEEDS")));
        wm.verify(0, postRequestedFor(urlPathEqualTo(AmazonApi.RDT_PATH)));
    }

    @Test
    void aV0PageTokenInTheCursor_isNotSentToSearchOrders_theWindowIsReadAgain() {
        stubSearch(recorded("search-orders-page-1.json"));
        String v0 = new AmazonCursor(Instant.parse(FROM), Instant.parse("2026-11-20T00:00:00Z"), "v0-next-token")
                .encode();

        Result<OrderPage> r = connector(Map.of()).fetchOrders(STORE, v0);

        assertTrue(r.isOk(), r.toString());
        wm.verify(1, getRequestedFor(urlPathEqualTo(AmazonRequests.SEARCH_ORDERS))
                .withQueryParam("paginationToken", absent())
                .withQueryParam("lastUpdatedAfter", equalTo(FROM))
                .withQueryParam("lastUpdatedBefore", equalTo(TO)));
    }

    @Test
    void theConfirmationUsesTheCapturedItems_withoutGetOrderItems() {
        stubSearch(recorded("search-orders-page-1.json"));
        String confirm = "/orders/v0/orders/" + FIRST + "/shipmentConfirmation";
        wm.stubFor(post(urlPathEqualTo(confirm)).willReturn(aResponse().withStatus(204)));
        AmazonMarketplaceConnector c = connector(Map.of());
        assertTrue(c.fetchOrders(STORE, null).isOk());

        Result<Boolean> r = c.confirmShipment(STORE, new ShipmentConfirmation(FIRST, "YunExpress", TRACKING,
                Instant.parse("2026-12-01T08:30:00Z")));

        assertTrue(r.isOk(), r.toString());
        wm.verify(0, getRequestedFor(urlPathMatching("/orders/v0/orders/.*/orderItems")));
        wm.verify(1, postRequestedFor(urlPathEqualTo(confirm)).withRequestBody(matchingJsonPath(
                "$.packageDetail.orderItems[0].orderItemId", equalTo("12345678901234")))
                .withRequestBody(matchingJsonPath("$.packageDetail.orderItems[0].quantity", equalTo("2")))
                .withRequestBody(matchingJsonPath("$.packageDetail.orderItems[1].orderItemId",
                        equalTo("12345678901235"))));
    }

    @Test
    void documentedError400_isRejectedWithAmazonsText() {
        stubTokens(wm);
        wm.stubFor(get(urlPathEqualTo(AmazonRequests.SEARCH_ORDERS)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(recorded("search-orders-400.json"))));

        Result<OrderPage> r = connector(Map.of()).fetchOrders(STORE, null);

        assertEquals(AmazonCodes.REJECTED, only(r).code());
        assertTrue(only(r).text().contains("InvalidInput: Invalid Input"), only(r).text());
        assertTrue(only(r).text().contains("searchOrders"), only(r).text());
    }
}
