package ${package}.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.waybill.plugin.kit.json.Json;
import io.waybill.spi.carrier.ShipmentResponse;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.MessageCodes;
import io.waybill.spi.common.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static ${package}.internal.${carrierName}Fixture.API_KEY;
import static ${package}.internal.${carrierName}Fixture.gateway;
import static ${package}.internal.${carrierName}Fixture.recorded;
import static ${package}.internal.${carrierName}Fixture.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** createShipment: the request mapping, the happy path, a provider error, a timeout and a transient failure. */
class ${carrierName}CreateShipmentTest {

    @RegisterExtension
    static WireMockExtension wm = ${carrierName}Fixture.wireMock();

    @Test
    void mapping_sendsTheDocumentedBodyWithTheIdempotencyKeyAsReference() {
        // when
        String body = new String(Json.bytes(${carrierName}RequestMapper.createShipment(request())),
                StandardCharsets.UTF_8);

        // then (field for field, so a renamed or forgotten field fails)
        assertTrue(${carrierName}RequestMapper.problems(request()).isEmpty());
        com.fasterxml.jackson.databind.JsonNode expected = Json.parse(
                recorded("create-shipment-request.json").getBytes(StandardCharsets.UTF_8)).orElseThrow();
        com.fasterxml.jackson.databind.JsonNode actual = Json.parse(
                body.getBytes(StandardCharsets.UTF_8)).orElseThrow();
        assertEquals(expected, actual);
    }

    @Test
    void happyPath_returnsTheTrackingNumberOfTheCreatedShipment() {
        // given
        wm.stubFor(post(urlEqualTo("/v1/shipments"))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .withRequestBody(equalToJson(recorded("create-shipment-request.json")))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(recorded("create-shipment.json"))));

        // when
        Result<ShipmentResponse> result = gateway(wm, Map.of()).createShipment(request());

        // then
        assertTrue(result.isOk(), () -> result.messages().toString());
        assertEquals(new ShipmentResponse(ShipmentResponse.State.TRACKED, "shp_7f3a91c2", "AC123456789CN"),
                result.value());
        wm.verify(1, postRequestedFor(urlEqualTo("/v1/shipments")));
    }

    @Test
    void providerError_isRejectedWithTheProvidersCodeAndMessage() {
        // given
        wm.stubFor(post(urlEqualTo("/v1/shipments")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json").withBody(recorded("error-invalid-address.json"))));

        // when
        Result<ShipmentResponse> result = gateway(wm, Map.of()).createShipment(request());

        // then
        Message m = only(result);
        assertEquals(MessageCodes.REJECTED, m.code());
        assertTrue(m.text().contains("ADDRESS_INVALID"), m.text());
        assertFalse(m.text().contains(API_KEY), "API key in the message: " + m.text());
    }

    @Test
    void timeout_isTransient() {
        // given ${carrierName} answers after the 1 s request timeout
        wm.stubFor(post(urlEqualTo("/v1/shipments")).willReturn(okJson(recorded("create-shipment.json"))
                .withFixedDelay(3_000)));

        // when
        Result<ShipmentResponse> result = gateway(wm, Map.of("requestTimeoutSeconds", 1)).createShipment(request());

        // then
        Message m = only(result);
        assertEquals(MessageCodes.TRANSIENT, m.code());
        assertTrue(m.text().contains("did not answer in time"), m.text());
    }

    @Test
    void serverErrorIsTransientAnd429CarriesRetryAfter() {
        // given / when / then
        wm.stubFor(post(urlEqualTo("/v1/shipments")).willReturn(aResponse().withStatus(503)));
        assertEquals(MessageCodes.TRANSIENT, only(gateway(wm, Map.of()).createShipment(request())).code());

        wm.stubFor(post(urlEqualTo("/v1/shipments")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "7")));
        Message limited = only(gateway(wm, Map.of()).createShipment(request()));
        assertEquals(MessageCodes.RATE_LIMITED, limited.code());
        assertEquals(Duration.ofSeconds(7), limited.retryAfter());
    }

    @Test
    void withoutApiKey_isBadConfigAndNothingIsSent() {
        // when
        Result<ShipmentResponse> result = gateway(wm, Map.of(".apiKey", "")).createShipment(request());

        // then
        assertEquals(MessageCodes.BAD_CONFIG, only(result).code());
        wm.verify(0, postRequestedFor(urlEqualTo("/v1/shipments")));
    }

    private static Message only(Result<?> result) {
        assertFalse(result.isOk());
        assertNull(result.value());
        assertEquals(1, result.messages().size(), () -> result.messages().toString());
        return result.messages().get(0);
    }
}
