package io.waybill.platform.ebay.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.Result;
import io.waybill.spi.platform.ShipmentConfirmation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.waybill.platform.ebay.internal.EbayFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/** confirmShipment: the tracking check, getOrder, createShippingFulfillment, results, errors, repeating it. */
class EbayConfirmShipmentTest {

    @RegisterExtension
    static WireMockExtension wm = wireMock();

    static final String FULFILLMENTS = ORDERS + "/" + ORDER_ID + "/shipping_fulfillment";

    private void stubUnshippedOrder() {
        wm.stubFor(get(urlPathEqualTo(FULFILLMENTS)).willReturn(okJson(recorded("shipping-fulfillments-empty.json"))));
        wm.stubFor(get(urlPathEqualTo(ORDERS + "/" + ORDER_ID)).willReturn(okJson(recorded("order.json"))));
        wm.stubFor(post(urlPathEqualTo(FULFILLMENTS)).willReturn(aResponse().withStatus(201).withHeader("Location",
                "https://api.ebay.com/sell/fulfillment/v1/order/" + ORDER_ID + "/shipping_fulfillment/"
                        + TRACKING)));
    }

    @Test
    void requestMapping_allUnfulfilledLineItemsShippedDateCarrierAndTracking() {
        // given
        stubUnshippedOrder();

        // when
        connector(wm).confirmShipment(STORE, shipment(TRACKING));

        // then
        wm.verify(postRequestedFor(urlPathEqualTo(FULFILLMENTS))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(equalToJson(recorded("shipping-fulfillment-request.json"))));
    }

    @Test
    void endpoint_checksFulfillmentsThenReadsTheOrderThenPosts() {
        // given
        stubUnshippedOrder();

        // when
        connector(wm).confirmShipment(STORE, shipment(TRACKING));

        // then
        wm.verify(1, getRequestedFor(urlPathEqualTo("/sell/fulfillment/v1/order/01-03955-36441/shipping_fulfillment")));
        wm.verify(1, getRequestedFor(urlPathEqualTo("/sell/fulfillment/v1/order/01-03955-36441")));
        wm.verify(1, postRequestedFor(urlPathEqualTo("/sell/fulfillment/v1/order/01-03955-36441/shipping_fulfillment")));
    }

    @Test
    void created201WithLocation_isOkWithTheFulfillmentId() {
        // given
        stubUnshippedOrder();

        // when
        Result<Boolean> result = connector(wm).confirmShipment(STORE, shipment(TRACKING));

        // then
        assertTrue(result.isOk(), result.messages()::toString);
        assertEquals(Boolean.TRUE, result.value());
        Message m = only(result);
        assertEquals(EbayCodes.CONFIRMED, m.code());
        assertTrue(m.text().contains("(fulfillment " + TRACKING + ")"), m.text());
    }

    @Test
    void recordedError_isRejectedWithEbaysErrorId() {
        // given
        wm.stubFor(get(urlPathEqualTo(FULFILLMENTS)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(recorded("error-invalid-order.json"))));

        // when
        Result<Boolean> result = connector(wm).confirmShipment(STORE, shipment(TRACKING));

        // then
        assertFalse(result.isOk());
        Message m = only(result);
        assertEquals(EbayCodes.REJECTED, m.code());
        assertTrue(m.text().contains("32100: Invalid order ID"), m.text());
        wm.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void repeatedConfirmation_withTheSameTrackingNumber_isOkAndPostsNothing() {
        // given: the first call went through
        stubUnshippedOrder();
        EbayMarketplaceConnector connector = connector(wm);
        assertTrue(connector.confirmShipment(STORE, shipment(TRACKING)).isOk());
        wm.stubFor(get(urlPathEqualTo(FULFILLMENTS)).willReturn(okJson(recorded("shipping-fulfillments.json"))));

        // when: the core resends after a timeout
        Result<Boolean> again = connector.confirmShipment(STORE, shipment(" " + TRACKING + " "));

        // then
        assertTrue(again.isOk(), again.messages()::toString);
        assertEquals(EbayCodes.ALREADY_CONFIRMED, only(again).code());
        wm.verify(1, postRequestedFor(urlPathEqualTo(FULFILLMENTS)));
    }

    @Test
    void cancelledOrder_isRejectedWithoutPosting() {
        // given
        wm.stubFor(get(urlPathEqualTo(FULFILLMENTS)).willReturn(okJson(recorded("shipping-fulfillments-empty.json"))));
        wm.stubFor(get(urlPathEqualTo(ORDERS + "/" + ORDER_ID)).willReturn(okJson(recorded("order.json")
                .replace("\"NONE_REQUESTED\"", "\"CANCELED\""))));

        // when
        Message m = only(connector(wm).confirmShipment(STORE, shipment(TRACKING)));

        // then
        assertEquals(EbayCodes.REJECTED, m.code());
        assertTrue(m.text().contains("cancelled"), m.text());
        wm.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void everyLineFulfilledWithAnotherTracking_isRejected() {
        // given
        wm.stubFor(get(urlPathEqualTo(FULFILLMENTS)).willReturn(okJson(recorded("shipping-fulfillments.json"))));
        wm.stubFor(get(urlPathEqualTo(ORDERS + "/" + ORDER_ID)).willReturn(okJson(recorded("order.json")
                .replace("\"lineItemFulfillmentStatus\": \"NOT_STARTED\"",
                        "\"lineItemFulfillmentStatus\": \"FULFILLED\""))));

        // when
        Message m = only(connector(wm).confirmShipment(STORE, shipment("1Z999AA10123456784")));

        // then
        assertEquals(EbayCodes.REJECTED, m.code());
        assertTrue(m.text().contains("all its line items are fulfilled already (tracking " + TRACKING + ")"),
                m.text());
    }

    @Test
    void missingTrackingNumber_isABadRequest() {
        // when
        Message m = only(connector(wm).confirmShipment(STORE,
                new ShipmentConfirmation(ORDER_ID, "USPS", " ", null)));

        // then
        assertEquals(EbayCodes.BAD_REQUEST, m.code());
        wm.verify(0, anyRequestedFor(anyUrl()));
    }
}
