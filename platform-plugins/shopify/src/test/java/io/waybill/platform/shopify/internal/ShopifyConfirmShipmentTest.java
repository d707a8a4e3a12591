package io.waybill.platform.shopify.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.Result;
import io.waybill.spi.platform.ShipmentConfirmation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.waybill.platform.shopify.internal.ShopifyFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/** confirmShipment: the state query and fulfillmentCreate mutation, results, userErrors, repeating it. */
class ShopifyConfirmShipmentTest {

    @RegisterExtension
    static WireMockExtension wm = wireMock();

    private void stubOpenOrder() {
        wm.stubFor(post(ENDPOINT).withRequestBody(containing("WaybillFulfillmentState"))
                .willReturn(okJson(recorded("fulfillment-state-open.json"))));
        wm.stubFor(post(ENDPOINT).withRequestBody(containing("WaybillFulfillmentCreate"))
                .willReturn(okJson(recorded("fulfillment-create.json"))));
    }

    @Test
    void requestMapping_readsTheOrderThenFulfilsItsOpenFulfillmentOrderWithTheTracking() {
        // given
        stubOpenOrder();

        // when
        connector(wm).confirmShipment(STORE, shipment(TRACKING));

        // then
        wm.verify(postRequestedFor(urlEqualTo(ENDPOINT))
                .withHeader("X-Shopify-Access-Token", equalTo(TOKEN))
                .withRequestBody(containing("WaybillFulfillmentState"))
                .withRequestBody(matchingJsonPath("$.variables.id", equalTo(ORDER_ID))));
        wm.verify(postRequestedFor(urlEqualTo(ENDPOINT))
                .withRequestBody(matchingJsonPath("$.query",
                        containing("fulfillmentCreate(fulfillment: $fulfillment)")))
                .withRequestBody(matchingJsonPath("$.variables",
                        equalToJson(recorded("fulfillment-create-request.json")))));
    }

    @Test
    void requestMapping_notifyCustomerFollowsTheSetting() {
        // given
        stubOpenOrder();

        // when
        connector(wm, Map.of("notifyCustomer", true)).confirmShipment(STORE, shipment(TRACKING));

        // then
        wm.verify(postRequestedFor(urlEqualTo(ENDPOINT))
                .withRequestBody(matchingJsonPath("$.variables.fulfillment.notifyCustomer", equalTo("true"))));
    }

    @Test
    void endpoint_bothCallsGoToTheShopsGraphqlUrl() {
        // given
        stubOpenOrder();

        // when
        connector(wm).confirmShipment(STORE, shipment(TRACKING));

        // then
        wm.verify(2, postRequestedFor(urlEqualTo(ENDPOINT)));
        assertEquals(2, wm.getAllServeEvents().size(), "no request elsewhere");
    }

    @Test
    void recordedFulfillment_isOkWithTheFulfillmentId() {
        // given
        stubOpenOrder();

        // when
        Result<Boolean> result = connector(wm).confirmShipment(STORE, shipment(TRACKING));

        // then
        assertTrue(result.isOk(), result.messages()::toString);
        assertEquals(Boolean.TRUE, result.value());
        Message m = only(result);
        assertEquals(ShopifyCodes.CONFIRMED, m.code());
        assertEquals(Message.Severity.INFO, m.severity());
        assertTrue(m.text().contains("gid://shopify/Fulfillment/1069019881"), m.text());
    }

    @Test
    void recordedUserErrors_areRejected() {
        // given
        wm.stubFor(post(ENDPOINT).withRequestBody(containing("WaybillFulfillmentState"))
                .willReturn(okJson(recorded("fulfillment-state-open.json"))));
        wm.stubFor(post(ENDPOINT).withRequestBody(containing("WaybillFulfillmentCreate"))
                .willReturn(okJson(recorded("fulfillment-create-user-errors.json"))));

        // when
        Result<Boolean> result = connector(wm).confirmShipment(STORE, shipment(TRACKING));

        // then
        assertFalse(result.isOk());
        Message m = only(result);
        assertEquals(ShopifyCodes.REJECTED, m.code());
        assertTrue(m.text().contains("fulfillment: Fulfillment order 940656279 has an unfulfillable status= closed."),
                m.text());
    }

    @Test
    void repeatedConfirmation_withTheSameTrackingNumber_isOkAndCreatesNothing() {
        // given: the first call went through, Shopify now shows the fulfillment
        stubOpenOrder();
        ShopifyMarketplaceConnector connector = connector(wm);
        assertTrue(connector.confirmShipment(STORE, shipment(TRACKING)).isOk());
        wm.stubFor(post(ENDPOINT).withRequestBody(containing("WaybillFulfillmentState"))
                .willReturn(okJson(recorded("fulfillment-state-fulfilled.json"))));

        // when: the core resends after a timeout (tracking typed with a space and lower case)
        Result<Boolean> again = connector.confirmShipment(STORE, shipment("1z001985yw 99744790"));

        // then
        assertTrue(again.isOk(), again.messages()::toString);
        assertEquals(ShopifyCodes.ALREADY_CONFIRMED, only(again).code());
        wm.verify(1, postRequestedFor(urlEqualTo(ENDPOINT)).withRequestBody(containing("WaybillFulfillmentCreate")));
    }

    @Test
    void fulfilledWithAnotherTrackingNumber_isRejected() {
        // given
        wm.stubFor(post(ENDPOINT).willReturn(okJson(recorded("fulfillment-state-fulfilled.json"))));

        // when
        Result<Boolean> result = connector(wm).confirmShipment(STORE, shipment("9400111899223197428490"));

        // then
        Message m = only(result);
        assertEquals(ShopifyCodes.REJECTED, m.code());
        assertTrue(m.text().contains("already fulfilled with tracking number(s) " + TRACKING), m.text());
    }

    @Test
    void unknownOrder_isRejected() {
        // given
        wm.stubFor(post(ENDPOINT).willReturn(okJson("{\"data\":{\"order\":null}}")));

        // when
        Message m = only(connector(wm).confirmShipment(STORE, shipment(TRACKING)));

        // then
        assertEquals(ShopifyCodes.REJECTED, m.code());
    }

    @Test
    void notAShopifyOrderId_isABadRequestAndNothingIsSent() {
        // when
        Message m = only(connector(wm).confirmShipment(STORE,
                new ShipmentConfirmation("450789469", "UPS", TRACKING, Instant.now())));

        // then
        assertEquals(ShopifyCodes.BAD_REQUEST, m.code());
        wm.verify(0, postRequestedFor(anyUrl()));
    }
}
