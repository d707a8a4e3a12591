package io.waybill.platform.amazon.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.Result;
import io.waybill.spi.platform.RateLimit;
import io.waybill.spi.platform.ShipmentConfirmation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.waybill.platform.amazon.internal.AmazonFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/** confirmShipment: one call per package, its body, the resend that edits instead of adding, the rate limit. */
class AmazonConfirmShipmentTest {

    private final AmazonPackagesStub amazon = new AmazonPackagesStub();

    @RegisterExtension
    WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(amazon)).build();

    static final String CONFIRM = "/orders/v0/orders/" + ORDER_ID + "/shipmentConfirmation";

    private void stubAmazon() {
        stubTokens(wm);
        wm.stubFor(get(urlPathEqualTo("/orders/v0/orders/" + ORDER_ID + "/orderItems"))
                .willReturn(okJson(recorded("order-items.json"))));
        wm.stubFor(post(urlPathEqualTo(CONFIRM)).willReturn(aResponse().withTransformers(AmazonPackagesStub.NAME)));
    }

    @Test
    void confirm_ofAPackageOfASplitOrder_sendsOnlyItsItems() {
        // given: the order has 2 units of its one item; this package carries 1
        stubAmazon();
        ShipmentConfirmation whole = shipment(TRACKING);
        ShipmentConfirmation part = new ShipmentConfirmation(whole.platformOrderId(), whole.carrierCode(),
                whole.trackingNumber(), whole.shippedAt(), java.util.List.of(
                        new ShipmentConfirmation.Item("nabetaasinb00551q3cs", 1)));

        // when
        Result<Boolean> r = connector(wm).confirmShipment(STORE, part);

        // then
        assertTrue(r.isOk(), r.toString());
        wm.verify(1, postRequestedFor(urlPathEqualTo(CONFIRM)).withRequestBody(matchingJsonPath(
                "$.packageDetail.orderItems[0].quantity", equalTo("1"))));

        // an item the order does not have: refused, nothing sent
        ShipmentConfirmation stranger = new ShipmentConfirmation(whole.platformOrderId(), whole.carrierCode(),
                "OTHER" + whole.trackingNumber(), whole.shippedAt(), java.util.List.of(
                        new ShipmentConfirmation.Item("NOT-IN-ORDER", 1)));
        Result<Boolean> refused = connector(wm).confirmShipment(STORE, stranger);
        assertFalse(refused.isOk());
        assertEquals(io.waybill.plugin.kit.platform.PartialShipment.UNMATCHED, only(refused).code());
        assertTrue(only(refused).text().contains("NOT-IN-ORDER x1"), only(refused).text());
        wm.verify(1, postRequestedFor(urlPathEqualTo(CONFIRM)));
    }

    @Test
    void confirm_ofAnItemUnderAnAliasedSku_findsItsOrderItemById() {
        // given: Waybill's SKU OUR-BETA stands for Amazon's NABetaASINB00551Q3CS (a store alias); the order was
        // captured with Amazon's OrderItemIds (SPI 1.6)
        stubAmazon();
        ShipmentConfirmation whole = shipment(TRACKING);
        ShipmentConfirmation part = new ShipmentConfirmation(whole.platformOrderId(), whole.carrierCode(),
                whole.trackingNumber(), whole.shippedAt(), java.util.List.of(
                        new ShipmentConfirmation.Item("OUR-BETA", 1, "05015851154158")));

        // when
        Result<Boolean> r = connector(wm).confirmShipment(STORE, part);

        // then
        assertTrue(r.isOk(), r.toString());
        wm.verify(1, postRequestedFor(urlPathEqualTo(CONFIRM))
                .withRequestBody(matchingJsonPath("$.packageDetail.orderItems[0].orderItemId",
                        equalTo("05015851154158")))
                .withRequestBody(matchingJsonPath("$.packageDetail.orderItems[0].quantity", equalTo("1"))));
    }

    @Test
    void confirm_ofTheSameItemOfAnOrderCapturedWithoutIds_isBySkuAndRefused() {
        // given: an order captured before V39: its items by SKU only, and Amazon has no OUR-BETA
        stubAmazon();
        ShipmentConfirmation whole = shipment(TRACKING);
        ShipmentConfirmation part = new ShipmentConfirmation(whole.platformOrderId(), whole.carrierCode(),
                whole.trackingNumber(), whole.shippedAt(), java.util.List.of(
                        new ShipmentConfirmation.Item("OUR-BETA", 1)));

        // when
        Result<Boolean> r = connector(wm).confirmShipment(STORE, part);

        // then
        assertFalse(r.isOk());
        assertEquals(io.waybill.plugin.kit.platform.PartialShipment.UNMATCHED, only(r).code());
        assertTrue(only(r).text().contains("OUR-BETA x1"), only(r).text());
        wm.verify(0, postRequestedFor(urlPathEqualTo(CONFIRM)));
    }

    @Test
    void confirm_sendsOnePackageWithItemsCarrierAndTracking() {
        // given
        stubAmazon();

        // when
        Result<Boolean> r = connector(wm).confirmShipment(STORE, shipment(TRACKING));

        // then
        assertTrue(r.isOk(), r.toString());
        assertEquals(AmazonCodes.CONFIRMED, only(r).code());
        assertEquals(Message.Severity.INFO, only(r).severity());
        String reference = AmazonRequests.packageReferenceId(TRACKING);
        wm.verify(1, postRequestedFor(urlPathEqualTo(CONFIRM))
                .withHeader("x-amz-access-token", equalTo(ACCESS_TOKEN))
                .withRequestBody(equalToJson("{\"marketplaceId\":\"ATVPDKIKX0DER\",\"packageDetail\":{"
                        + "\"packageReferenceId\":\"" + reference + "\",\"carrierCode\":\"Other\","
                        + "\"carrierName\":\"YunExpress\",\"trackingNumber\":\"" + TRACKING + "\","
                        + "\"shipDate\":\"2026-12-01T08:30:00Z\",\"orderItems\":[{\"orderItemId\":\""
                        + ORDER_ITEM_ID + "\",\"quantity\":2}]}}")));
        assertEquals(1, amazon.packages(ORDER_ID));
    }

    @Test
    void knownAmazonCarrierCode_goesToCarrierCode() {
        stubAmazon();
        ShipmentConfirmation fedex = new ShipmentConfirmation(ORDER_ID, "fedex", TRACKING, Instant.parse(
                "2026-12-01T08:30:00Z"));
        assertTrue(connector(wm, Map.of("amazonCarrierCodes", "UPS, FedEx")).confirmShipment(STORE, fedex).isOk());
        wm.verify(postRequestedFor(urlPathEqualTo(CONFIRM))
                .withRequestBody(matchingJsonPath("$.packageDetail.carrierCode", equalTo("FedEx")))
                .withRequestBody(notContaining("carrierName")));
    }

    @Test
    void resend_editsTheSamePackage_neverASecond() {
        // given: the first confirmation went through, its answer was lost, the core sends again
        stubAmazon();
        AmazonMarketplaceConnector c = connector(wm);
        assertTrue(c.confirmShipment(STORE, shipment(TRACKING)).isOk());

        // when
        Result<Boolean> again = connector(wm).confirmShipment(STORE, shipment(" " + TRACKING.toLowerCase() + " "));

        // then
        assertTrue(again.isOk(), again.toString());
        assertEquals(2, amazon.requests.get());
        assertEquals(1, amazon.packages(ORDER_ID));
    }

    @Test
    void secondPackageOfAnOrder_isItsOwnPackage() {
        stubAmazon();
        AmazonMarketplaceConnector c = connector(wm);
        assertTrue(c.confirmShipment(STORE, shipment(TRACKING)).isOk());
        assertTrue(c.confirmShipment(STORE, shipment("YT2533521272099999")).isOk());
        assertEquals(2, amazon.packages(ORDER_ID));
    }

    @Test
    void itemsFromTheCapture_areReused() {
        // given: the order was captured (its items read then)
        stubAmazon();
        wm.stubFor(get(urlPathEqualTo("/orders/v0/orders")).willReturn(okJson(recorded("orders-page-1.json"))));
        wm.stubFor(get(urlPathEqualTo("/orders/v0/orders/902-8745147-1934268/orderItems"))
                .willReturn(okJson(recorded("order-items.json"))));
        AmazonMarketplaceConnector c = connector(wm);
        Result<?> captured = c.fetchOrders(STORE, null);
        assertTrue(captured.isOk(), captured.toString());

        // when
        assertTrue(c.confirmShipment(STORE, shipment(TRACKING)).isOk());

        // then: no second getOrderItems (0.5 requests/s would hold back confirmations at 2/s)
        wm.verify(1, getRequestedFor(urlPathEqualTo("/orders/v0/orders/" + ORDER_ID + "/orderItems")));
    }

    @Test
    void documentedError400_isRejectedWithAmazonsText() {
        stubAmazon();
        wm.stubFor(post(urlPathEqualTo(CONFIRM)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(recorded("confirm-400.json"))));
        Message m = only(connector(wm).confirmShipment(STORE, shipment(TRACKING)));
        assertEquals(AmazonCodes.REJECTED, m.code());
        assertTrue(m.text().contains("Invalid Input: Invalid Input"), m.text());
        assertTrue(m.text().contains(ORDER_ID), m.text());
    }

    @Test
    void blankInput_isBadRequest_nothingSent() {
        Result<Boolean> r = connector(wm).confirmShipment(STORE, new ShipmentConfirmation(ORDER_ID, "", TRACKING,
                null));
        assertEquals(AmazonCodes.BAD_REQUEST, only(r).code());
        assertEquals(0, wm.getAllServeEvents().size());
    }

    @Test
    void rateLimit_isConfirmShipmentsUsagePlan_orTheConfiguredOne() {
        assertEquals(new RateLimit(2, 10), connector(wm).rateLimit(STORE));
        assertEquals(new RateLimit(50, 5), connector(wm, Map.of("confirmRate", 50.0, "confirmBurst", 5))
                .rateLimit(STORE));
    }

    @Test
    void packageReferenceId_isAPositiveNumberOfAtMostNineDigits_stablePerTrackingNumber() {
        for (String t : new String[] {TRACKING, "1Z999AA10123456784", "x", "LX123456789CN"}) {
            String id = AmazonRequests.packageReferenceId(t);
            assertTrue(id.matches("[1-9][0-9]{0,8}"), id);
            assertEquals(id, AmazonRequests.packageReferenceId(" " + t.toLowerCase() + "\t"));
        }
        assertNotEquals(AmazonRequests.packageReferenceId(TRACKING),
                AmazonRequests.packageReferenceId("YT2533521272099999"));
    }
}
