package io.waybill.platform.tiktok.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.Result;
import io.waybill.spi.platform.RateLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.waybill.platform.tiktok.internal.TikTokFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/** Ship Package with the seller's own carrier, checked first; Update Shipping Info; the resend. */
class TikTokConfirmShipmentTest {

    @RegisterExtension
    static WireMockExtension wm = wireMock();

    static final String SHIP = TikTokRequests.shipPackage(PACKAGE_ID);

    /** TikTok as a state: the order is unshipped until a Ship Package, then it carries the tracking number. */
    static void stubShop(WireMockExtension wm) {
        wm.stubFor(get(urlPathEqualTo(TikTokRequests.ORDER_DETAIL)).inScenario("tiktok")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(okJson(recorded("order-detail.json"))));
        wm.stubFor(post(urlPathEqualTo(SHIP)).inScenario("tiktok").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(recorded("ship-package.json"))).willSetStateTo("shipped"));
        wm.stubFor(get(urlPathEqualTo(TikTokRequests.ORDER_DETAIL)).inScenario("tiktok")
                .whenScenarioStateIs("shipped").willReturn(okJson(recorded("order-detail-shipped.json"))));
    }

    @Test
    void unshippedPackage_isShippedWithSelfShipment() {
        // given
        stubShop(wm);

        // when
        Result<Boolean> r = connector(wm).confirmShipment(STORE, shipment(TRACKING));

        // then
        assertTrue(r.isOk(), r.toString());
        assertEquals(TikTokCodes.CONFIRMED, only(r).code());
        LoggedRequest detail = wm.findAll(getRequestedFor(urlPathEqualTo(TikTokRequests.ORDER_DETAIL))).get(0);
        assertEquals(ORDER_ID, query(detail).get("ids"));
        assertTrue(signedCorrectly(detail));
        List<LoggedRequest> ships = wm.findAll(postRequestedFor(urlPathEqualTo(SHIP)));
        assertEquals(1, ships.size());
        assertTrue(signedCorrectly(ships.get(0)));
        assertEquals(ACCESS_TOKEN, ships.get(0).getHeader("x-tts-access-token"));
        assertEquals("{\"self_shipment\":{\"tracking_number\":\"" + TRACKING + "\",\"shipping_provider_id\":\""
                + PROVIDER + "\"}}", ships.get(0).getBodyAsString());
    }

    @Test
    void resend_findsTheTrackingNumber_andShipsNothing() {
        stubShop(wm);
        assertTrue(connector(wm).confirmShipment(STORE, shipment(TRACKING)).isOk());

        Result<Boolean> again = connector(wm).confirmShipment(STORE, shipment(TRACKING.toLowerCase()));

        assertTrue(again.isOk(), again.toString());
        assertEquals(TikTokCodes.ALREADY_CONFIRMED, only(again).code());
        assertEquals(1, wm.findAll(postRequestedFor(urlPathEqualTo(SHIP))).size());
    }

    @Test
    void shippedWithAnotherNumber_updatesTheShippingInfo() {
        String update = TikTokRequests.updateShippingInfo(ORDER_ID);
        wm.stubFor(get(urlPathEqualTo(TikTokRequests.ORDER_DETAIL)).willReturn(okJson(recorded(
                "order-detail-shipped.json"))));
        wm.stubFor(post(urlPathEqualTo(update)).willReturn(okJson(recorded("ship-package.json"))));

        Result<Boolean> r = connector(wm).confirmShipment(STORE, shipment("YT2533521272099999"));

        assertTrue(r.isOk(), r.toString());
        assertTrue(only(r).text().contains("shipping info updated"), only(r).text());
        LoggedRequest sent = wm.findAll(postRequestedFor(urlPathEqualTo(update))).get(0);
        assertTrue(signedCorrectly(sent));
        assertEquals("{\"tracking_number\":\"YT2533521272099999\",\"shipping_provider_id\":\"" + PROVIDER + "\"}",
                sent.getBodyAsString());
        assertEquals(0, wm.findAll(postRequestedFor(urlPathMatching("/fulfillment/202309/packages/.*"))).size());
    }

    @Test
    void cancelledOrder_isRejected_nothingShipped() {
        wm.stubFor(get(urlPathEqualTo(TikTokRequests.ORDER_DETAIL)).willReturn(okJson(recorded("order-detail.json")
                .replace("\"AWAITING_SHIPMENT\"", "\"CANCELLED\""))));
        Message m = only(connector(wm).confirmShipment(STORE, shipment(TRACKING)));
        assertEquals(TikTokCodes.REJECTED, m.code());
        assertEquals(0, wm.findAll(postRequestedFor(anyUrl())).size());
    }

    @Test
    void blankProvider_isBadRequest_nothingSent() {
        Message m = only(connector(wm).confirmShipment(STORE, new io.waybill.spi.platform.ShipmentConfirmation(
                ORDER_ID, " ", TRACKING, null)));
        assertEquals(TikTokCodes.BAD_REQUEST, m.code());
        assertEquals(0, wm.getAllServeEvents().size());
    }

    @Test
    void rateLimit_isTheConfiguredOne() {
        assertEquals(new RateLimit(5, 5), connector(wm).rateLimit(STORE));
        assertEquals(new RateLimit(20, 40), connector(wm, Map.of("requestsPerSecond", 20.0, "burst", 40))
                .rateLimit(STORE));
    }
}
