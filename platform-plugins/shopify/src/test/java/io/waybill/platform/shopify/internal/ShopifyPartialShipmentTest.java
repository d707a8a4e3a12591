package io.waybill.platform.shopify.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.waybill.plugin.kit.platform.PartialShipment;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.Result;
import io.waybill.spi.platform.ShipmentConfirmation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.waybill.platform.shopify.internal.ShopifyFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * confirmShipment of a package that carries only some of the order's items (SPI platform 1.4): fulfillmentCreate
 * names exactly its fulfillment order line items and quantities (fulfillment-order-lines.json: MUG-RED x2 and MUG-BLUE
 * x1 at one location, TEE-M x1 at another); a SKU without units left is refused and nothing is created.
 */
class ShopifyPartialShipmentTest {

    @RegisterExtension
    static WireMockExtension wm = wireMock();

    private static final String FO_1 = "gid://shopify/FulfillmentOrder/940656279";

    private void stub(String state) {
        wm.stubFor(post(ENDPOINT).withRequestBody(containing("WaybillFulfillmentState"))
                .willReturn(okJson(recorded(state))));
        wm.stubFor(post(ENDPOINT).withRequestBody(containing("WaybillFulfillmentOrderLines"))
                .willReturn(okJson(recorded("fulfillment-order-lines.json"))));
        wm.stubFor(post(ENDPOINT).withRequestBody(containing("WaybillFulfillmentCreate"))
                .willReturn(okJson(recorded("fulfillment-create.json"))));
    }

    private static ShipmentConfirmation partial(ShipmentConfirmation.Item... items) {
        return new ShipmentConfirmation(ORDER_ID, "UPS", TRACKING, Instant.parse("2008-01-19T10:00:00Z"),
                List.of(items));
    }

    @Test
    void onlyThePackagesFulfillmentOrderLineItemsAndQuantitiesAreFulfilled() {
        // given
        stub("fulfillment-state-open.json");

        // when
        Result<Boolean> result = connector(wm).confirmShipment(STORE,
                partial(new ShipmentConfirmation.Item("mug-red", 1)));

        // then
        assertTrue(result.isOk(), result.messages()::toString);
        assertEquals(ShopifyCodes.CONFIRMED, only(result).code());
        wm.verify(postRequestedFor(urlEqualTo(ENDPOINT)).withRequestBody(containing("WaybillFulfillmentOrderLines"))
                .withRequestBody(matchingJsonPath("$.variables.id", equalTo(ORDER_ID))));
        wm.verify(1, postRequestedFor(urlEqualTo(ENDPOINT)).withRequestBody(containing("WaybillFulfillmentCreate")));
        wm.verify(postRequestedFor(urlEqualTo(ENDPOINT)).withRequestBody(matchingJsonPath("$.variables",
                equalToJson("""
                        {"fulfillment": {"lineItemsByFulfillmentOrder": [{"fulfillmentOrderId": "%s",
                          "fulfillmentOrderLineItems": [{"id": "gid://shopify/FulfillmentOrderLineItem/1058737482",
                                                         "quantity": 1}]}],
                         "trackingInfo": {"company": "UPS", "number": "%s"}, "notifyCustomer": false}}"""
                        .formatted(FO_1, TRACKING)))));
    }

    @Test
    void itemsAtTwoLocationsAreTwoFulfillmentsEachWithItsOwnItems() {
        // given
        stub("fulfillment-state-open.json");

        // when
        Result<Boolean> result = connector(wm).confirmShipment(STORE, partial(
                new ShipmentConfirmation.Item("TEE-M", 1), new ShipmentConfirmation.Item("MUG-BLUE", 1)));

        // then
        assertTrue(result.isOk(), result.messages()::toString);
        wm.verify(2, postRequestedFor(urlEqualTo(ENDPOINT)).withRequestBody(containing("WaybillFulfillmentCreate")));
        wm.verify(postRequestedFor(urlEqualTo(ENDPOINT)).withRequestBody(matchingJsonPath(
                "$.variables.fulfillment.lineItemsByFulfillmentOrder", equalToJson("""
                        [{"fulfillmentOrderId": "%s", "fulfillmentOrderLineItems":
                          [{"id": "gid://shopify/FulfillmentOrderLineItem/1058737483", "quantity": 1}]}]"""
                        .formatted(FO_1)))));
        wm.verify(postRequestedFor(urlEqualTo(ENDPOINT)).withRequestBody(matchingJsonPath(
                "$.variables.fulfillment.lineItemsByFulfillmentOrder", equalToJson("""
                        [{"fulfillmentOrderId": "gid://shopify/FulfillmentOrder/940656281", "fulfillmentOrderLineItems":
                          [{"id": "gid://shopify/FulfillmentOrderLineItem/1058737485", "quantity": 1}]}]"""))));
    }

    @Test
    void aSkuWithoutUnitsLeft_isRefusedAndNothingIsFulfilled() {
        // given: MUG-RED has 2 left; TEE-M's first fulfillment order is closed, the other has 1
        stub("fulfillment-state-open.json");

        // when
        Result<Boolean> result = connector(wm).confirmShipment(STORE, partial(
                new ShipmentConfirmation.Item("MUG-RED", 3), new ShipmentConfirmation.Item("TEE-M", 1)));

        // then
        assertFalse(result.isOk());
        Message m = only(result);
        assertEquals(PartialShipment.UNMATCHED, m.code());
        assertTrue(m.text().contains("MUG-RED x1") && m.text().contains("#1001"), m.text());
        wm.verify(0, postRequestedFor(urlEqualTo(ENDPOINT)).withRequestBody(containing("WaybillFulfillmentCreate")));
    }

    @Test
    void aFulfillmentWithTheTrackingNumber_isThePackagesAndNothingElseIsFulfilled() {
        // given: a resend after the first create went through
        stub("fulfillment-state-fulfilled.json");

        // when
        Result<Boolean> result = connector(wm).confirmShipment(STORE,
                partial(new ShipmentConfirmation.Item("MUG-RED", 1)));

        // then
        assertTrue(result.isOk(), result.messages()::toString);
        assertEquals(ShopifyCodes.ALREADY_CONFIRMED, only(result).code());
        wm.verify(0, postRequestedFor(urlEqualTo(ENDPOINT)).withRequestBody(containing("WaybillFulfillmentOrderLines")));
        wm.verify(0, postRequestedFor(urlEqualTo(ENDPOINT)).withRequestBody(containing("WaybillFulfillmentCreate")));
    }

    @Test
    void anItemUnderAnAliasedSkuIsFoundByItsLineItemAcrossFulfillmentOrders() {
        // given: Waybill's SKU OUR-MUG stands for Shopify's MUG-BLUE (a store alias); the order was captured with
        // Shopify's line item gids (SPI 1.6): MUG-BLUE is line item 1071823202
        stub("fulfillment-state-open.json");

        // when
        Result<Boolean> result = connector(wm).confirmShipment(STORE,
                partial(new ShipmentConfirmation.Item("OUR-MUG", 1, "gid://shopify/LineItem/1071823202")));

        // then: its fulfillment order line item, nothing else
        assertTrue(result.isOk(), result.messages()::toString);
        wm.verify(postRequestedFor(urlEqualTo(ENDPOINT)).withRequestBody(matchingJsonPath(
                "$.variables.fulfillment.lineItemsByFulfillmentOrder", equalToJson("""
                        [{"fulfillmentOrderId": "%s", "fulfillmentOrderLineItems":
                          [{"id": "gid://shopify/FulfillmentOrderLineItem/1058737483", "quantity": 1}]}]"""
                        .formatted(FO_1)))));
        wm.verify(postRequestedFor(urlEqualTo(ENDPOINT)).withRequestBody(containing("WaybillFulfillmentOrderLines"))
                .withRequestBody(containing("lineItem { id }")));
    }

    @Test
    void theSameItemOfAnOrderCapturedWithoutLineIds_isMatchedBySkuAndRefused() {
        // given: an order captured before V39 names the item by Waybill's SKU only
        stub("fulfillment-state-open.json");

        // when
        Result<Boolean> result = connector(wm).confirmShipment(STORE,
                partial(new ShipmentConfirmation.Item("OUR-MUG", 1)));

        // then
        assertFalse(result.isOk());
        assertEquals(PartialShipment.UNMATCHED, only(result).code());
        assertTrue(only(result).text().contains("OUR-MUG x1"), only(result).text());
        wm.verify(0, postRequestedFor(urlEqualTo(ENDPOINT)).withRequestBody(containing("WaybillFulfillmentCreate")));
    }
}
