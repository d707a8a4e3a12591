package io.waybill.platform.shopify.internal;

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
import static io.waybill.platform.shopify.internal.ShopifyFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/** fetchOrders: the orders query, its endpoint, recorded pages to orders, errors, paging, a Chinese address. */
class ShopifyFetchOrdersTest {

    @RegisterExtension
    static WireMockExtension wm = wireMock();

    private void stubFirstPage() {
        wm.stubFor(post(ENDPOINT).withRequestBody(containing("WaybillOrders"))
                .withRequestBody(matchingJsonPath("$.variables.after", absent()))
                .willReturn(okJson(recorded("orders-page-1.json"))));
        wm.stubFor(post(ENDPOINT).withRequestBody(containing("WaybillOrderLines"))
                .willReturn(okJson(recorded("order-more-lines.json"))));
    }

    @Test
    void requestMapping_tokenHeaderUpdatedSinceFilterPageSizeNoCursor() {
        // given
        stubFirstPage();

        // when
        connector(wm).fetchOrders(STORE, null);

        // then
        wm.verify(postRequestedFor(urlEqualTo(ENDPOINT))
                .withHeader("X-Shopify-Access-Token", equalTo(TOKEN))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(matchingJsonPath("$.query", containing("orders(first: $first, after: $after,"
                        + " query: $query, sortKey: UPDATED_AT)")))
                .withRequestBody(matchingJsonPath("$.query", containing("pageInfo { hasNextPage endCursor }")))
                .withRequestBody(matchingJsonPath("$.query", containing(
                        "totalPriceSet { shopMoney { amount currencyCode } }")))
                .withRequestBody(matchingJsonPath("$.query", containing(
                        "originalUnitPriceSet { shopMoney { amount currencyCode } }")))
                .withRequestBody(matchingJsonPath("$.variables.first", equalTo("50")))
                .withRequestBody(matchingJsonPath("$.variables.query",
                        equalTo("updated_at:>='" + FIRST_SINCE + "'")))
                .withRequestBody(matchingJsonPath("$.variables.after", absent())));
    }

    @Test
    void requestMapping_followUpQueryForFurtherLineItemsCarriesTheOrderAndItsLineCursor() {
        // given
        stubFirstPage();

        // when
        connector(wm).fetchOrders(STORE, null);

        // then
        wm.verify(1, postRequestedFor(urlEqualTo(ENDPOINT))
                .withRequestBody(containing("WaybillOrderLines"))
                .withRequestBody(matchingJsonPath("$.variables.id", equalTo("gid://shopify/Order/1073459965")))
                .withRequestBody(matchingJsonPath("$.variables.after",
                        equalTo("eyJsYXN0X2lkIjoxMDcxODIzMTc3LCJsYXN0X3ZhbHVlIjoxMDcxODIzMTc3fQ=="))));
    }

    @Test
    void endpoint_isTheShopsGraphqlUrlOfTheConfiguredApiVersion() {
        // given
        wm.stubFor(post("/admin/api/2025-10/graphql.json").willReturn(okJson(recorded("orders-page-2.json"))));

        // when
        Result<OrderPage> result = connector(wm, Map.of("apiVersion", "2025-10")).fetchOrders(STORE, null);

        // then
        assertTrue(result.isOk(), result.messages()::toString);
        wm.verify(1, postRequestedFor(urlEqualTo("/admin/api/2025-10/graphql.json")));
    }

    @Test
    void recordedPage_becomesOrdersWithAddressesAndShippableLines() {
        // given
        stubFirstPage();

        // when
        Result<OrderPage> result = connector(wm).fetchOrders(STORE, null);

        // then
        assertTrue(result.isOk(), result.messages()::toString);
        List<PlatformOrder> orders = result.value().orders();
        assertEquals(2, orders.size());
        PlatformOrder first = orders.get(0);
        assertEquals("gid://shopify/Order/450789469", first.platformOrderId());
        assertEquals("#1001", first.orderNo());
        assertFalse(first.cancelled());
        assertEquals(Instant.parse("2008-01-10T16:00:00Z"), first.createdAt());
        assertEquals(new Address("Bob Norman", "", "Chestnut Street 92", "", "Louisville", "KY", "40202", "US",
                "+1(502)-459-2181", "bob.norman@mail.example.com"), first.shipTo());
        // currentQuantity (1 of 2 left after an edit); the gift card needs no shipping
        // each line's originalUnitPriceSet.shopMoney; the order's totalPriceSet / totalShippingPriceSet, email, phone
        BigDecimal ipod = new BigDecimal("199.00");
        // each line with its line item gid (SPI 1.6): a partial shipment finds its fulfillment order line items by it
        assertEquals(List.of(new PlatformOrder.Line("IPOD2008PINK", 1, ipod, "USD", "gid://shopify/LineItem/466157049"),
                new PlatformOrder.Line("IPOD2008BLACK", 1, ipod, "USD", "gid://shopify/LineItem/518995019")),
                first.lines());
        assertEquals(new PlatformOrder.Value(new BigDecimal("598.94"), new BigDecimal("10.00"), "USD",
                "+557734881234", "bob.norman@mail.example.com", null), first.value());
        PlatformOrder second = orders.get(1);
        assertEquals("Acme", second.shipTo().company());
        assertEquals("Apartment 2", second.shipTo().line2());
        assertEquals("", second.shipTo().phone(), "no phone on the address nor the order");
        // the first line came with the page, the rest from the follow-up query
        assertEquals(List.of(new PlatformOrder.Line("IPOD2008PINK", 1, ipod, "USD",
                        "gid://shopify/LineItem/1071823177"),
                new PlatformOrder.Line("IPOD2008BLACK", 3, ipod, "USD", "gid://shopify/LineItem/1071823179")),
                second.lines());
        // the value survives the follow-up query for the remaining lines
        assertEquals(new PlatformOrder.Value(new BigDecimal("418.00"), new BigDecimal("20.00"), "USD", null,
                "bob.norman@mail.example.com", null), second.value());
        assertTrue(result.value().hasMore());
    }

    @Test
    void recordedAccessDenied_isAuthFailedWithShopifysText() {
        // given
        wm.stubFor(post(ENDPOINT).willReturn(okJson(recorded("access-denied.json"))));

        // when
        Result<OrderPage> result = connector(wm).fetchOrders(STORE, null);

        // then
        assertFalse(result.isOk());
        Message m = only(result);
        assertEquals(ShopifyCodes.AUTH_FAILED, m.code());
        assertTrue(m.text().contains("Required access: `read_orders` access scope."), m.text());
    }

    @Test
    void otherGraphqlErrors_areRejectedWithTheirCode() {
        // given: the error shape of Shopify's GraphQL answers, with another code
        wm.stubFor(post(ENDPOINT).willReturn(okJson("{\"errors\":[{\"message\":\"Query cost is 1402, which exceeds"
                + " the single query max cost limit (1000).\",\"extensions\":{\"code\":\"MAX_COST_EXCEEDED\"}}]}")));

        // when
        Message m = only(connector(wm).fetchOrders(STORE, null));

        // then
        assertEquals(ShopifyCodes.REJECTED, m.code());
        assertTrue(m.text().contains("MAX_COST_EXCEEDED"), m.text());
    }

    @Test
    void multiPageCapture_advancesTheCursorThenStartsTheNextWindowAtTheLatestUpdate() {
        // given
        stubFirstPage();
        wm.stubFor(post(ENDPOINT).withRequestBody(containing("WaybillOrders"))
                .withRequestBody(matchingJsonPath("$.variables.after", equalTo(PAGE_1_END)))
                .willReturn(okJson(recorded("orders-page-2.json"))));
        ShopifyMarketplaceConnector connector = connector(wm);

        // when
        OrderPage page1 = connector.fetchOrders(STORE, null).value();
        OrderPage page2 = connector.fetchOrders(STORE, page1.nextCursor()).value();

        // then
        assertTrue(page1.hasMore());
        assertEquals("v1|" + FIRST_SINCE + "|2008-01-11T10:05:00Z|" + PAGE_1_END, page1.nextCursor());
        assertFalse(page2.hasMore());
        assertEquals(1, page2.orders().size());
        assertTrue(page2.orders().get(0).cancelled(), "cancelledAt set -> cancelled");
        assertEquals("v1|2008-01-12T09:00:00Z|2008-01-12T09:00:00Z|", page2.nextCursor());

        // when: the next capture run
        wm.resetRequests();
        connector.fetchOrders(STORE, page2.nextCursor());

        // then
        wm.verify(postRequestedFor(urlEqualTo(ENDPOINT))
                .withRequestBody(matchingJsonPath("$.variables.query", equalTo("updated_at:>='2008-01-12T09:00:00Z'")))
                .withRequestBody(matchingJsonPath("$.variables.after", absent())));
    }

    @Test
    void chineseAddress_roundTripsExactly() {
        // given
        wm.stubFor(post(ENDPOINT).willReturn(okJson(recorded("orders-chinese.json"))));

        // when
        PlatformOrder order = connector(wm).fetchOrders(STORE, null).value().orders().get(0);

        // then
        assertEquals(new Address("张伟", "北京某某科技有限公司", "朝阳区建国路88号", "SOHO现代城 A座 1201室", "北京市", "北京市",
                "100022", "CN", "+86 138 0013 8000", "zhang.wei@example.com"), order.shipTo());
        assertEquals(List.of(new PlatformOrder.Line("茶杯-红", 2, new BigDecimal("49.90"), "CNY",
                "gid://shopify/LineItem/1071823190")), order.lines());
        assertEquals(new BigDecimal("109.80"), order.value().total());
        assertEquals("CNY", order.value().currency());
    }

    @Test
    void anotherStore_isRefusedWithoutCallingShopify() {
        // when
        Result<OrderPage> result = connector(wm).fetchOrders(new StoreContext("SHOP-EU", Map.of()), null);

        // then
        Message m = only(result);
        assertEquals(ShopifyCodes.WRONG_STORE, m.code());
        assertTrue(m.text().contains("serves store SHOP-US, not SHOP-EU"), m.text());
        wm.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void foreignCursor_isABadRequest() {
        // when
        Message m = only(connector(wm).fetchOrders(STORE, "offset=100"));

        // then
        assertEquals(ShopifyCodes.BAD_REQUEST, m.code());
        wm.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void missingToken_isBadConfigAndNothingIsSent() {
        // when
        Message m = only(connector(wm, Map.of("_accessToken", "")).fetchOrders(STORE, null));

        // then
        assertEquals(ShopifyCodes.BAD_CONFIG, m.code());
        assertTrue(m.text().contains("access token"), m.text());
        wm.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void token_neverAppearsInMessagesOrToString() {
        // given: a proxy that echoes the request headers in its error body
        wm.stubFor(post(ENDPOINT).willReturn(aResponse().withStatus(400)
                .withBody("{\"errors\":\"bad header X-Shopify-Access-Token: " + TOKEN + "\"}")));
        ShopifyMarketplaceConnector connector = connector(wm);

        // when
        Message m = only(connector.fetchOrders(STORE, null));

        // then
        assertEquals(ShopifyCodes.REJECTED, m.code());
        assertFalse(m.text().contains(TOKEN), m.text());
        assertTrue(m.text().contains("***"), m.text());
        assertFalse(connector.toString().contains(TOKEN));
    }
}
