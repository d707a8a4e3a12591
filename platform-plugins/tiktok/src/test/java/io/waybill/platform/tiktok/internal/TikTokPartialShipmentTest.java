package io.waybill.platform.tiktok.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.waybill.plugin.kit.platform.PartialShipment;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.Result;
import io.waybill.spi.platform.ShipmentConfirmation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.waybill.platform.tiktok.internal.TikTokFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * confirmShipment of a package that carries only some of the order's items (SPI platform 1.4). order-detail.json:
 * one package with TT-CASE-01 x2 (line items ...001, ...002, one per unit) and TT-CABLE-02 x1 (...003). The package's
 * line items are split into a package of their own (when TikTok says it can) and that package is shipped; never
 * the whole order.
 */
class TikTokPartialShipmentTest {

    @RegisterExtension
    static WireMockExtension wm = wireMock();

    static final String SPLIT = TikTokRequests.splitOrder(ORDER_ID);
    static final String NEW_PACKAGE = "1154528977690661001";
    static final String SECOND_PACKAGE = "1154528977690669999";

    private void stub(String detail, String attributes) {
        wm.stubFor(get(urlPathEqualTo(TikTokRequests.ORDER_DETAIL)).willReturn(okJson(detail)));
        wm.stubFor(get(urlPathEqualTo(TikTokRequests.SPLIT_ATTRIBUTES)).willReturn(okJson(recorded(attributes))));
        wm.stubFor(post(urlPathEqualTo(SPLIT)).willReturn(okJson(recorded("split-orders.json"))));
        wm.stubFor(post(urlPathMatching("/fulfillment/202309/packages/.*/ship"))
                .willReturn(okJson(recorded("ship-package.json"))));
    }

    private static ShipmentConfirmation partial(ShipmentConfirmation.Item... items) {
        return new ShipmentConfirmation(ORDER_ID, PROVIDER, TRACKING, Instant.parse("2026-12-01T08:30:00Z"),
                List.of(items));
    }

    /** The order as TikTok shows it once split: the cable in a package of its own. */
    private static String alreadySplit() {
        String detail = recorded("order-detail.json");
        int cable = detail.indexOf("\"id\": \"577000000000000003\"");
        return detail.substring(0, cable) + detail.substring(cable).replaceFirst(PACKAGE_ID, SECOND_PACKAGE);
    }

    private static List<LoggedRequest> ships() {
        return wm.findAll(postRequestedFor(urlPathMatching("/fulfillment/202309/packages/.*/ship")));
    }

    @Test
    void someItems_areSplitIntoAPackageOfTheirOwnWhichIsShipped() {
        // given
        stub(recorded("order-detail.json"), "split-attributes.json");

        // when
        Result<Boolean> r = connector(wm).confirmShipment(STORE,
                partial(new ShipmentConfirmation.Item("tt-cable-02", 1)));

        // then
        assertTrue(r.isOk(), r.toString());
        assertEquals(TikTokCodes.CONFIRMED, only(r).code());
        LoggedRequest attributes = wm.findAll(getRequestedFor(urlPathEqualTo(TikTokRequests.SPLIT_ATTRIBUTES)))
                .get(0);
        assertEquals(ORDER_ID, query(attributes).get("order_ids"));
        assertTrue(signedCorrectly(attributes));
        List<LoggedRequest> splits = wm.findAll(postRequestedFor(urlPathEqualTo(SPLIT)));
        assertEquals(1, splits.size());
        assertTrue(signedCorrectly(splits.get(0)));
        assertEquals("{\"splittable_groups\":[{\"id\":\"1\",\"order_line_item_ids\":[\"577000000000000003\"]},"
                + "{\"id\":\"2\",\"order_line_item_ids\":[\"577000000000000001\",\"577000000000000002\"]}]}",
                splits.get(0).getBodyAsString());
        assertEquals(1, ships().size());
        assertEquals(TikTokRequests.shipPackage(NEW_PACKAGE), URI(ships().get(0)));
        assertTrue(signedCorrectly(ships().get(0)));
        assertEquals("{\"self_shipment\":{\"tracking_number\":\"" + TRACKING + "\",\"shipping_provider_id\":\""
                + PROVIDER + "\"}}", ships().get(0).getBodyAsString());
    }

    @Test
    void oneUnitOfASkuWithTwo_takesOneLineItem() {
        // given
        stub(recorded("order-detail.json"), "split-attributes.json");

        // when
        Result<Boolean> r = connector(wm).confirmShipment(STORE,
                partial(new ShipmentConfirmation.Item("TT-CASE-01", 1)));

        // then
        assertTrue(r.isOk(), r.toString());
        assertEquals("{\"splittable_groups\":[{\"id\":\"1\",\"order_line_item_ids\":[\"577000000000000001\"]},"
                + "{\"id\":\"2\",\"order_line_item_ids\":[\"577000000000000002\",\"577000000000000003\"]}]}",
                wm.findAll(postRequestedFor(urlPathEqualTo(SPLIT))).get(0).getBodyAsString());
    }

    @Test
    void everythingStillOpen_shipsTheOnePackageWithoutSplitting() {
        // given
        stub(recorded("order-detail.json"), "split-attributes.json");

        // when
        Result<Boolean> r = connector(wm).confirmShipment(STORE, partial(
                new ShipmentConfirmation.Item("TT-CASE-01", 2), new ShipmentConfirmation.Item("TT-CABLE-02", 1)));

        // then
        assertTrue(r.isOk(), r.toString());
        assertEquals(0, wm.findAll(getRequestedFor(urlPathEqualTo(TikTokRequests.SPLIT_ATTRIBUTES))).size());
        assertEquals(0, wm.findAll(postRequestedFor(urlPathEqualTo(SPLIT))).size());
        assertEquals(TikTokRequests.shipPackage(PACKAGE_ID), URI(ships().get(0)));
    }

    @Test
    void anOrderTikTokCannotSplit_isRefusedWithTikToksReason_nothingShipped() {
        // given
        stub(recorded("order-detail.json"), "split-attributes-refused.json");

        // when
        Result<Boolean> r = connector(wm).confirmShipment(STORE,
                partial(new ShipmentConfirmation.Item("TT-CABLE-02", 1)));

        // then
        assertFalse(r.isOk());
        Message m = only(r);
        assertEquals(PartialShipment.NOT_SPLITTABLE, m.code());
        assertTrue(m.text().contains("combo product") && m.text().contains(ORDER_ID), m.text());
        assertEquals(0, wm.findAll(postRequestedFor(urlPathEqualTo(SPLIT))).size());
        assertEquals(0, ships().size());
    }

    @Test
    void aSkuWithoutOpenLineItems_isRefused_nothingSplitNorShipped() {
        // given
        stub(recorded("order-detail.json"), "split-attributes.json");

        // when
        Result<Boolean> r = connector(wm).confirmShipment(STORE, partial(
                new ShipmentConfirmation.Item("TT-CASE-01", 3)));

        // then
        assertFalse(r.isOk());
        assertEquals(PartialShipment.UNMATCHED, only(r).code());
        assertTrue(only(r).text().contains("TT-CASE-01 x1"), only(r).text());
        assertEquals(0, wm.findAll(getRequestedFor(urlPathEqualTo(TikTokRequests.SPLIT_ATTRIBUTES))).size());
        assertEquals(0, ships().size());
    }

    @Test
    void anOrderSplitAlready_shipsThePackageThatHoldsExactlyTheseItems() {
        // given: e.g. a resend after the split went through and the ship call timed out
        stub(alreadySplit(), "split-attributes.json");

        // when
        Result<Boolean> r = connector(wm).confirmShipment(STORE,
                partial(new ShipmentConfirmation.Item("TT-CABLE-02", 1)));

        // then
        assertTrue(r.isOk(), r.toString());
        assertEquals(0, wm.findAll(postRequestedFor(urlPathEqualTo(SPLIT))).size());
        assertEquals(TikTokRequests.shipPackage(SECOND_PACKAGE), URI(ships().get(0)));
    }

    @Test
    void anOrderSplitOtherwise_isRefused_nothingShipped() {
        // given
        stub(alreadySplit(), "split-attributes.json");

        // when
        Result<Boolean> r = connector(wm).confirmShipment(STORE,
                partial(new ShipmentConfirmation.Item("TT-CASE-01", 1)));

        // then
        assertFalse(r.isOk());
        assertEquals(PartialShipment.NOT_SPLITTABLE, only(r).code());
        assertEquals(0, wm.findAll(postRequestedFor(urlPathEqualTo(SPLIT))).size());
        assertEquals(0, ships().size());
    }

    @Test
    void anItemUnderAnAliasedSku_takesTheLineItemsOfItsLine() {
        // given: Waybill's SKU OUR-CASE stands for TikTok's TT-CASE-01 (a store alias); the order was captured with
        // line ids (SPI 1.6): TT-CASE-01's line is 577000000000000001 (its first unit's line item)
        stub(recorded("order-detail.json"), "split-attributes.json");

        // when: the package carries both cases
        Result<Boolean> r = connector(wm).confirmShipment(STORE,
                partial(new ShipmentConfirmation.Item("OUR-CASE", 2, "577000000000000001")));

        // then: both units' line items form the new package, the cable the other
        assertTrue(r.isOk(), r.toString());
        assertEquals("{\"splittable_groups\":[{\"id\":\"1\",\"order_line_item_ids\":[\"577000000000000001\","
                + "\"577000000000000002\"]},{\"id\":\"2\",\"order_line_item_ids\":[\"577000000000000003\"]}]}",
                wm.findAll(postRequestedFor(urlPathEqualTo(SPLIT))).get(0).getBodyAsString());
        assertEquals(TikTokRequests.shipPackage(NEW_PACKAGE), URI(ships().get(0)));
    }

    @Test
    void theSameItemOfAnOrderCapturedWithoutLineIds_isMatchedBySkuAndRefused() {
        // given: an order captured before V39 names the item by Waybill's SKU only
        stub(recorded("order-detail.json"), "split-attributes.json");

        // when
        Result<Boolean> r = connector(wm).confirmShipment(STORE,
                partial(new ShipmentConfirmation.Item("OUR-CASE", 1)));

        // then
        assertFalse(r.isOk());
        assertEquals(PartialShipment.UNMATCHED, only(r).code());
        assertTrue(only(r).text().contains("OUR-CASE x1"), only(r).text());
        assertEquals(0, wm.findAll(postRequestedFor(urlPathEqualTo(SPLIT))).size());
        assertEquals(0, ships().size());
    }

    @Test
    void aLinesIdStaysTheSameWhenItsFirstUnitIsCancelledAfterCapture() {
        // given: the first TT-CASE-01 unit (the line's id) was cancelled on TikTok after the capture
        String detail = recorded("order-detail.json");
        int first = detail.indexOf("\"id\": \"577000000000000001\"");
        String cancelled = detail.substring(0, first) + detail.substring(first)
                .replaceFirst("\"display_status\": \"AWAITING_SHIPMENT\"", "\"display_status\": \"CANCELLED\"");
        stub(cancelled, "split-attributes.json");

        // when: the package carries the one case left, named by the line id captured
        Result<Boolean> r = connector(wm).confirmShipment(STORE,
                partial(new ShipmentConfirmation.Item("OUR-CASE", 1, "577000000000000001")));

        // then: the open unit of that line
        assertTrue(r.isOk(), r.toString());
        assertTrue(wm.findAll(postRequestedFor(urlPathEqualTo(SPLIT))).get(0).getBodyAsString()
                .startsWith("{\"splittable_groups\":[{\"id\":\"1\",\"order_line_item_ids\":[\"577000000000000002\"]}"),
                wm.findAll(postRequestedFor(urlPathEqualTo(SPLIT))).get(0).getBodyAsString());
    }

    private static String URI(LoggedRequest r) {
        return java.net.URI.create(r.getUrl()).getRawPath();
    }
}
