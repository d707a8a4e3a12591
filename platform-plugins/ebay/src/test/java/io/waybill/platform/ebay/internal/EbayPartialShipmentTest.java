package io.waybill.platform.ebay.internal;

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
import static io.waybill.platform.ebay.internal.EbayFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * confirmShipment of a package that carries only some of the order's items (SPI platform 1.4): createShippingFulfillment
 * names exactly its line items and units; a SKU the order has no units left for is refused, nothing posted.
 * {@code order.json}: MUG-RED x2 (line item 10022882297900), MUG-BLUE x1 (10022882297901).
 */
class EbayPartialShipmentTest {

    @RegisterExtension
    static WireMockExtension wm = wireMock();

    static final String FULFILLMENTS = ORDERS + "/" + ORDER_ID + "/shipping_fulfillment";

    /** One earlier package of the split order: one MUG-RED, shipped with another tracking number. */
    static final String ONE_RED_SHIPPED = """
            {"fulfillments": [{"fulfillmentId": "1Z0000000000000001", "shipmentTrackingNumber": "1Z0000000000000001",
              "shippingCarrierCode": "UPS", "shippedDate": "2015-08-03T10:00:00.000Z",
              "lineItems": [{"lineItemId": "10022882297900", "quantity": 1}]}], "total": 1}""";

    private void stub(String fulfillments) {
        wm.stubFor(get(urlPathEqualTo(FULFILLMENTS)).willReturn(okJson(fulfillments)));
        wm.stubFor(get(urlPathEqualTo(ORDERS + "/" + ORDER_ID)).willReturn(okJson(recorded("order.json"))));
        wm.stubFor(post(urlPathEqualTo(FULFILLMENTS)).willReturn(aResponse().withStatus(201).withHeader("Location",
                "https://api.ebay.com/sell/fulfillment/v1/order/" + ORDER_ID + "/shipping_fulfillment/" + TRACKING)));
    }

    private static ShipmentConfirmation partial(ShipmentConfirmation.Item... items) {
        return new ShipmentConfirmation(ORDER_ID, "USPS", TRACKING, Instant.parse("2015-08-04T19:09:02.768Z"),
                List.of(items));
    }

    @Test
    void onlyThePackagesLineItemsAndUnitsArePosted() {
        // given
        stub(recorded("shipping-fulfillments-empty.json"));

        // when
        Result<Boolean> result = connector(wm).confirmShipment(STORE,
                partial(new ShipmentConfirmation.Item("mug-red ", 1)));

        // then
        assertTrue(result.isOk(), result.messages()::toString);
        assertEquals(EbayCodes.CONFIRMED, only(result).code());
        wm.verify(postRequestedFor(urlPathEqualTo(FULFILLMENTS)).withRequestBody(equalToJson("""
                {"lineItems": [{"lineItemId": "10022882297900", "quantity": 1}],
                 "shippedDate": "2015-08-04T19:09:02.768Z", "shippingCarrierCode": "USPS",
                 "trackingNumber": "9405509699937003457459"}""")));
    }

    @Test
    void unitsAnEarlierPackageShippedAreNotShippedAgain() {
        // given: the first package of the split order carried one MUG-RED
        stub(ONE_RED_SHIPPED);

        // when: the second carries the rest
        Result<Boolean> result = connector(wm).confirmShipment(STORE, partial(
                new ShipmentConfirmation.Item("MUG-BLUE", 1), new ShipmentConfirmation.Item("MUG-RED", 1)));

        // then
        assertTrue(result.isOk(), result.messages()::toString);
        wm.verify(postRequestedFor(urlPathEqualTo(FULFILLMENTS)).withRequestBody(equalToJson("""
                {"lineItems": [{"lineItemId": "10022882297900", "quantity": 1},
                               {"lineItemId": "10022882297901", "quantity": 1}]}""", false, true)));
    }

    @Test
    void moreUnitsThanTheOrderHasLeft_isRefusedAndNothingIsPosted() {
        // given
        stub(ONE_RED_SHIPPED);

        // when
        Result<Boolean> result = connector(wm).confirmShipment(STORE,
                partial(new ShipmentConfirmation.Item("MUG-RED", 2)));

        // then
        assertFalse(result.isOk());
        Message m = only(result);
        assertEquals(PartialShipment.UNMATCHED, m.code());
        assertTrue(m.text().contains("MUG-RED x1") && m.text().contains(ORDER_ID), m.text());
        wm.verify(0, postRequestedFor(urlPathEqualTo(FULFILLMENTS)));
    }

    @Test
    void aSkuTheOrderDoesNotHave_isRefusedNotConfirmedAsTheWholeOrder() {
        // given
        stub(recorded("shipping-fulfillments-empty.json"));

        // when
        Result<Boolean> result = connector(wm).confirmShipment(STORE, partial(
                new ShipmentConfirmation.Item("MUG-RED", 1), new ShipmentConfirmation.Item("MUG-GREEN", 1)));

        // then
        assertFalse(result.isOk());
        assertEquals(PartialShipment.UNMATCHED, only(result).code());
        assertTrue(only(result).text().contains("MUG-GREEN x1"), only(result).text());
        wm.verify(0, postRequestedFor(urlPathEqualTo(FULFILLMENTS)));
    }

    @Test
    void aResendFindsTheFulfillmentWithItsTrackingNumber() {
        // given: the package was confirmed before (its POST went through, the answer was lost)
        stub(recorded("shipping-fulfillments.json"));

        // when
        Result<Boolean> result = connector(wm).confirmShipment(STORE,
                partial(new ShipmentConfirmation.Item("MUG-RED", 1)));

        // then
        assertTrue(result.isOk(), result.messages()::toString);
        assertEquals(EbayCodes.ALREADY_CONFIRMED, only(result).code());
        wm.verify(0, postRequestedFor(urlPathEqualTo(FULFILLMENTS)));
    }

    @Test
    void anItemUnderAnAliasedSkuIsConfirmedByItsLineItemId() {
        // given: Waybill's SKU OUR-MUG-BLUE stands for eBay's MUG-BLUE (a store alias); the order was captured with
        // eBay's lineItemIds (SPI 1.6)
        stub(recorded("shipping-fulfillments-empty.json"));

        // when
        Result<Boolean> result = connector(wm).confirmShipment(STORE,
                partial(new ShipmentConfirmation.Item("OUR-MUG-BLUE", 1, "10022882297901")));

        // then
        assertTrue(result.isOk(), result.messages()::toString);
        wm.verify(postRequestedFor(urlPathEqualTo(FULFILLMENTS)).withRequestBody(equalToJson("""
                {"lineItems": [{"lineItemId": "10022882297901", "quantity": 1}]}""", false, true)));
    }

    @Test
    void theSameItemOfAnOrderCapturedWithoutLineIds_isMatchedBySkuAndSoRefused() {
        // given: an order captured before V39 names its items by SKU only; eBay knows no OUR-MUG-BLUE
        stub(recorded("shipping-fulfillments-empty.json"));

        // when
        Result<Boolean> result = connector(wm).confirmShipment(STORE,
                partial(new ShipmentConfirmation.Item("OUR-MUG-BLUE", 1)));

        // then
        assertFalse(result.isOk());
        assertEquals(PartialShipment.UNMATCHED, only(result).code());
        assertTrue(only(result).text().contains("OUR-MUG-BLUE x1"), only(result).text());
        wm.verify(0, postRequestedFor(urlPathEqualTo(FULFILLMENTS)));
    }

    @Test
    void aLineIdWithMoreUnitsThanTheLineHasLeft_isRefusedNamingTheLine() {
        // given: one MUG-RED of line 10022882297900 shipped already
        stub(ONE_RED_SHIPPED);

        // when
        Result<Boolean> result = connector(wm).confirmShipment(STORE,
                partial(new ShipmentConfirmation.Item("MUG-RED", 2, "10022882297900")));

        // then
        assertFalse(result.isOk());
        assertTrue(only(result).text().contains("MUG-RED (line 10022882297900) x1"), only(result).text());
        wm.verify(0, postRequestedFor(urlPathEqualTo(FULFILLMENTS)));
    }
}
