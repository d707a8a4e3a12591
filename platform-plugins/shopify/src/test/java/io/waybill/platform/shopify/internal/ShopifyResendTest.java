package io.waybill.platform.shopify.internal;

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
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.waybill.platform.shopify.internal.ShopifyFixture.ENDPOINT;
import static io.waybill.platform.shopify.internal.ShopifyFixture.STORE;
import static io.waybill.platform.shopify.internal.ShopifyFixture.TRACKING;
import static io.waybill.platform.shopify.internal.ShopifyFixture.connector;
import static io.waybill.platform.shopify.internal.ShopifyFixture.only;
import static io.waybill.platform.shopify.internal.ShopifyFixture.shipment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A resend after a timeout never creates a second fulfillment: against {@link ShopifyFulfillmentStub}, which holds
 * the fulfillments created and answers the state query with them, the tests count what the stub holds.
 */
class ShopifyResendTest {

    private final ShopifyFulfillmentStub shop = new ShopifyFulfillmentStub();

    @RegisterExtension
    WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(shop)).build();

    @Test
    void timeoutOnACreateThatHappened_resendAnswersOkWithTheExistingFulfillment_oneHeld() {
        // given: Shopify creates the fulfillment but answers later than the 3 s request timeout (3 s: the reads before it must not time out on a busy machine)
        wm.stubFor(post(ENDPOINT).willReturn(aResponse().withTransformers(ShopifyFulfillmentStub.NAME)));
        wm.stubFor(post(ENDPOINT).atPriority(1).withRequestBody(containing("fulfillmentCreate"))
                .willReturn(aResponse().withFixedDelay(8000).withTransformers(ShopifyFulfillmentStub.NAME)));
        ShopifyMarketplaceConnector connector = connector(wm, Map.of("requestTimeoutSeconds", 3));
        Result<Boolean> first = connector.confirmShipment(STORE, shipment(TRACKING));
        assertFalse(first.isOk(), first.messages()::toString);
        assertEquals("transient", only(first).code(), "a timeout is transient, so the core resends");
        awaitHeld(1); // the create reached Shopify (on a busy machine possibly only after the client gave up)

        // when: the core resends (twice, the second with the number typed differently)
        Result<Boolean> resend = connector.confirmShipment(STORE, shipment(TRACKING));
        Result<Boolean> again = connector.confirmShipment(STORE, shipment("1z001985yw 99744790"));

        // then
        List<JsonNode> held = shop.held();
        assertEquals(1, held.size(), () -> "exactly one fulfillment held: " + held);
        String id = held.get(0).path("id").asText();
        for (Result<Boolean> r : List.of(resend, again)) {
            assertTrue(r.isOk(), r.messages()::toString);
            Message m = only(r);
            assertEquals(ShopifyCodes.ALREADY_CONFIRMED, m.code());
            assertTrue(m.text().contains(id), () -> "the answer names the existing fulfillment " + id + ": " + m);
        }
    }

    @Test
    void connectionLostBeforeTheCreateArrived_resendCreatesIt_oneHeld() {
        // given: the first fulfillmentCreate never reaches Shopify (connection reset), the next ones do
        wm.stubFor(post(ENDPOINT).willReturn(aResponse().withTransformers(ShopifyFulfillmentStub.NAME)));
        wm.stubFor(post(ENDPOINT).atPriority(1).withRequestBody(containing("fulfillmentCreate"))
                .inScenario("lost").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("reachable")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        ShopifyMarketplaceConnector connector = connector(wm);
        Result<Boolean> first = connector.confirmShipment(STORE, shipment(TRACKING));
        assertEquals("transient", only(first).code(), first.messages()::toString);
        assertEquals(0, shop.held().size());

        // when
        Result<Boolean> resend = connector.confirmShipment(STORE, shipment(TRACKING));

        // then
        assertTrue(resend.isOk(), resend.messages()::toString);
        assertEquals(ShopifyCodes.CONFIRMED, only(resend).code());
        List<JsonNode> held = shop.held();
        assertEquals(1, held.size(), () -> "one fulfillment held: " + held);
        assertEquals(TRACKING, held.get(0).path("trackingInfo").path(0).path("number").asText());
    }

    @Test
    void aFulfillmentWithTheTrackingNumberOnAnOrderStillInProgress_isNotCreatedAgain() {
        // given: a fulfillment service's fulfillment (deprecated status OPEN) with the tracking number, its
        // fulfillment order still IN_PROGRESS
        wm.stubFor(post(ENDPOINT).withRequestBody(containing("WaybillFulfillmentState")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(ShopifyFixture
                        .recorded("fulfillment-state-fulfilled.json")
                        .replace("\"SUCCESS\"", "\"OPEN\"").replace("\"CLOSED\"", "\"IN_PROGRESS\""))));
        wm.stubFor(post(ENDPOINT).withRequestBody(containing("fulfillmentCreate"))
                .willReturn(aResponse().withTransformers(ShopifyFulfillmentStub.NAME)));

        // when
        Result<Boolean> result = connector(wm).confirmShipment(STORE, shipment(TRACKING));

        // then
        assertTrue(result.isOk(), result.messages()::toString);
        assertEquals(ShopifyCodes.ALREADY_CONFIRMED, only(result).code());
        assertTrue(only(result).text().contains("gid://shopify/Fulfillment/1069019881"), only(result)::text);
        assertEquals(0, shop.held().size(), "no second fulfillment");
    }

    /** Waits (up to 15 s) until the stub holds n fulfillments. */
    private void awaitHeld(int n) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (shop.held().size() != n && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertEquals(n, shop.held().size(), "fulfillments the stub holds");
    }
}
