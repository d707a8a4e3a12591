package io.waybill.platform.ebay.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.waybill.platform.ebay.internal.EbayFixture.ORDERS;
import static io.waybill.platform.ebay.internal.EbayFixture.ORDER_ID;
import static io.waybill.platform.ebay.internal.EbayFixture.STORE;
import static io.waybill.platform.ebay.internal.EbayFixture.TRACKING;
import static io.waybill.platform.ebay.internal.EbayFixture.connector;
import static io.waybill.platform.ebay.internal.EbayFixture.only;
import static io.waybill.platform.ebay.internal.EbayFixture.recorded;
import static io.waybill.platform.ebay.internal.EbayFixture.shipment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A resend after a timeout never creates a second shipping fulfillment: against {@link EbayFulfillmentStub}, which
 * holds the fulfillments posted and lists them, the tests count what the stub holds.
 */
class EbayResendTest {

    private static final String FULFILLMENTS = ORDERS + "/" + ORDER_ID + "/shipping_fulfillment";

    private final EbayFulfillmentStub ebay = new EbayFulfillmentStub();

    @RegisterExtension
    WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(ebay)).build();

    private void stubOrder() {
        wm.stubFor(get(urlPathEqualTo(ORDERS + "/" + ORDER_ID)).willReturn(okJson(recorded("order.json"))));
        wm.stubFor(get(urlPathEqualTo(FULFILLMENTS)).willReturn(aResponse()
                .withTransformers(EbayFulfillmentStub.NAME)));
    }

    @Test
    void timeoutOnAPostThatHappened_resendAnswersOkWithTheExistingFulfillment_oneHeld() {
        // given: eBay creates the fulfillment but answers later than the 3 s request timeout (3 s: the reads before it must not time out on a busy machine)
        stubOrder();
        wm.stubFor(post(urlPathEqualTo(FULFILLMENTS)).willReturn(aResponse().withFixedDelay(8000)
                .withTransformers(EbayFulfillmentStub.NAME)));
        EbayMarketplaceConnector connector = connector(wm, Map.of("requestTimeoutSeconds", 3));
        Result<Boolean> first = connector.confirmShipment(STORE, shipment(TRACKING));
        assertFalse(first.isOk(), first.messages()::toString);
        assertEquals("transient", only(first).code(), "a timeout is transient, so the core resends");
        awaitHeld(1); // the POST reached eBay (on a busy machine possibly only after the client gave up)

        // when: the core resends (twice, the second with the number typed differently)
        Result<Boolean> resend = connector.confirmShipment(STORE, shipment(TRACKING));
        Result<Boolean> again = connector.confirmShipment(STORE, shipment("9405 5096 9993 7003 4574 59"));

        // then
        List<JsonNode> held = ebay.held(ORDER_ID);
        assertEquals(1, held.size(), () -> "exactly one fulfillment held: " + held);
        String id = held.get(0).path("fulfillmentId").asText();
        for (Result<Boolean> r : List.of(resend, again)) {
            assertTrue(r.isOk(), r.messages()::toString);
            Message m = only(r);
            assertEquals(EbayCodes.ALREADY_CONFIRMED, m.code());
            assertTrue(m.text().contains("fulfillment " + id), () -> "the answer names fulfillment " + id + ": " + m);
        }
    }

    @Test
    void connectionLostBeforeThePostArrived_resendCreatesIt_oneHeld() {
        // given: the first POST never reaches eBay (connection reset), the next ones do
        stubOrder();
        wm.stubFor(post(urlPathEqualTo(FULFILLMENTS)).willReturn(aResponse()
                .withTransformers(EbayFulfillmentStub.NAME)));
        wm.stubFor(post(urlPathEqualTo(FULFILLMENTS)).atPriority(1).inScenario("lost")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("reachable")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        EbayMarketplaceConnector connector = connector(wm);
        Result<Boolean> first = connector.confirmShipment(STORE, shipment(TRACKING));
        assertEquals("transient", only(first).code(), first.messages()::toString);
        assertEquals(0, ebay.held(ORDER_ID).size());

        // when
        Result<Boolean> resend = connector.confirmShipment(STORE, shipment(TRACKING));

        // then
        assertTrue(resend.isOk(), resend.messages()::toString);
        assertEquals(EbayCodes.CONFIRMED, only(resend).code());
        List<JsonNode> held = ebay.held(ORDER_ID);
        assertEquals(1, held.size(), () -> "one fulfillment held: " + held);
        assertEquals(TRACKING, held.get(0).path("shipmentTrackingNumber").asText());
        assertTrue(only(resend).text().contains(held.get(0).path("fulfillmentId").asText()), only(resend)::text);
    }

    /** Waits (up to 15 s) until the stub holds n fulfillments for the order. */
    private void awaitHeld(int n) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (ebay.held(ORDER_ID).size() != n && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertEquals(n, ebay.held(ORDER_ID).size(), "fulfillments the stub holds");
    }
}
