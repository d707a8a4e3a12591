package ${package}.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.waybill.plugin.kit.json.Json;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.MessageCodes;
import io.waybill.spi.common.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static ${package}.internal.${marketplaceName}Fixture.SHIPMENTS;
import static ${package}.internal.${marketplaceName}Fixture.STORE;
import static ${package}.internal.${marketplaceName}Fixture.TOKEN;
import static ${package}.internal.${marketplaceName}Fixture.TRACKING;
import static ${package}.internal.${marketplaceName}Fixture.connector;
import static ${package}.internal.${marketplaceName}Fixture.recorded;
import static ${package}.internal.${marketplaceName}Fixture.shipment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** confirmShipment: the body mapping, the happy path, a resend, a provider error, a timeout. */
class ${marketplaceName}ConfirmShipmentTest {

    @RegisterExtension
    static WireMockExtension wm = ${marketplaceName}Fixture.wireMock();

    @Test
    void mapping_sendsTheDocumentedBody() {
        JsonNode expected = Json.parse(recorded("shipment-request.json").getBytes(StandardCharsets.UTF_8))
                .orElseThrow();
        assertEquals(expected, ${marketplaceName}RequestMapper.shipment(shipment(TRACKING)));
        assertTrue(${marketplaceName}RequestMapper.problems(shipment(TRACKING)).isEmpty());
        assertEquals(1, ${marketplaceName}RequestMapper.problems(shipment(" ")).size());
    }

    @Test
    void happyPath_reportsTheShipment() {
        // given
        wm.stubFor(post(urlEqualTo(SHIPMENTS))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(equalToJson(recorded("shipment-request.json")))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(recorded("shipment-created.json"))));

        // when
        Result<Boolean> result = connector(wm, Map.of()).confirmShipment(STORE, shipment(TRACKING));

        // then
        assertTrue(result.isOk(), () -> result.messages().toString());
        assertEquals(Boolean.TRUE, result.value());
        wm.verify(1, postRequestedFor(urlEqualTo(SHIPMENTS)));
    }

    @Test
    void resend_alreadyShippedWithTheSameNumberIsOk_withAnotherNumberIsRejected() {
        // given
        wm.stubFor(post(urlEqualTo(SHIPMENTS)).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/json").withBody(recorded("error-already-shipped.json"))));

        // when
        Result<Boolean> same = connector(wm, Map.of()).confirmShipment(STORE, shipment(TRACKING));
        Result<Boolean> other = connector(wm, Map.of()).confirmShipment(STORE, shipment("ZZ999999999CN"));

        // then
        assertTrue(same.isOk(), () -> same.messages().toString());
        assertEquals(MessageCodes.ALREADY_CONFIRMED, same.messages().get(0).code());
        assertEquals(MessageCodes.REJECTED, only(other).code());
        assertTrue(only(other).text().contains("ALREADY_SHIPPED"), only(other).text());
    }

    @Test
    void providerError_isRejectedWithTheProvidersCodeAndMessage() {
        // given
        wm.stubFor(post(urlEqualTo(SHIPMENTS)).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json").withBody(recorded("error-unknown-carrier.json"))));

        // when
        Message m = only(connector(wm, Map.of()).confirmShipment(STORE, shipment(TRACKING)));

        // then
        assertEquals(MessageCodes.REJECTED, m.code());
        assertTrue(m.text().contains("CARRIER_UNKNOWN"), m.text());
    }

    @Test
    void timeout_isTransient() {
        // given ${marketplaceName} answers after the 1 s request timeout
        wm.stubFor(post(urlEqualTo(SHIPMENTS)).willReturn(okJson(recorded("shipment-created.json"))
                .withFixedDelay(3_000)));

        // when
        Message m = only(connector(wm, Map.of("requestTimeoutSeconds", 1)).confirmShipment(STORE, shipment(TRACKING)));

        // then
        assertEquals(MessageCodes.TRANSIENT, m.code());
    }

    private static Message only(Result<?> result) {
        assertFalse(result.isOk());
        assertNull(result.value());
        assertEquals(1, result.messages().size(), () -> result.messages().toString());
        return result.messages().get(0);
    }
}
