package io.waybill.carrier.easypost.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.waybill.spi.carrier.ShipmentResponse;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.waybill.carrier.easypost.internal.EasyPostFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/** createShipment: look-up by reference, POST /v2/shipments, POST /v2/shipments/{id}/buy. */
class EasyPostCreateShipmentTest {

    @RegisterExtension
    static WireMockExtension wm = wireMock();

    /** No earlier shipment, creation answers the documented shipment, buying the documented bought one. */
    private void stubNewShipment() {
        wm.stubFor(get("/v2/shipments/" + KEY).willReturn(aResponse().withStatus(404)));
        wm.stubFor(post("/v2/shipments").willReturn(okJson(recorded("shipment-create.json"))));
        wm.stubFor(post("/v2/shipments/" + CREATED_ID + "/buy").willReturn(okJson(recorded("shipment-buy.json"))));
    }

    @Test
    void requestMapping_createsTheShipmentWithReferenceAndBasicAuth() {
        // given
        stubNewShipment();

        // when
        gateway(wm).createShipment(request());

        // then
        wm.verify(postRequestedFor(urlEqualTo("/v2/shipments"))
                .withHeader("Authorization", equalTo(BASIC))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(equalToJson(recorded("shipment-create-request.json"))));
    }

    @Test
    void requestMapping_buysTheCheapestRateWhenNoServiceIsWanted() {
        // given
        stubNewShipment();

        // when
        gateway(wm).createShipment(request());

        // then USPS GroundAdvantage 8.20 is the cheapest documented rate
        wm.verify(postRequestedFor(urlEqualTo("/v2/shipments/" + CREATED_ID + "/buy"))
                .withHeader("Authorization", equalTo(BASIC))
                .withRequestBody(equalToJson("{\"rate\": {\"id\": \"rate_76e0cae29e294e6db279c76bbe2f27e9\"}}")));
    }

    @Test
    void requestMapping_buysTheRateMatchingCarrierAndService() {
        // given
        stubNewShipment();

        // when
        Result<ShipmentResponse> result = gateway(wm).createShipment(request("usps:Priority"));

        // then
        wm.verify(postRequestedFor(urlEqualTo("/v2/shipments/" + CREATED_ID + "/buy"))
                .withRequestBody(equalToJson("{\"rate\": {\"id\": \"rate_e5b3aaafb00f48a4ab27d9f20a801b40\"}}")));
        assertTrue(result.messages().isEmpty(), result.messages().toString());
    }

    @Test
    void unofferedService_buysTheCheapestWithAWarning() {
        // given
        stubNewShipment();

        // when
        Result<ShipmentResponse> result = gateway(wm, Map.of("defaultService", "FedEx:FEDEX_GROUND"))
                .createShipment(request());

        // then
        wm.verify(postRequestedFor(urlEqualTo("/v2/shipments/" + CREATED_ID + "/buy"))
                .withRequestBody(matchingJsonPath("$.rate.id", equalTo("rate_76e0cae29e294e6db279c76bbe2f27e9"))));
        assertTrue(result.isOk());
        assertEquals(EasyPostCodes.SERVICE_NOT_OFFERED, only(result).code());
        assertEquals(Message.Severity.WARNING, only(result).severity());
    }

    @Test
    void unicodeRecipient_survivesTheRequestBodyByteForByte() {
        // given
        stubNewShipment();

        // when
        gateway(wm).createShipment(request());

        // then
        String body = new String(wm.findAll(postRequestedFor(urlEqualTo("/v2/shipments"))).get(0).getBody(),
                StandardCharsets.UTF_8);
        assertTrue(body.contains("\"name\":\"张伟\""), body);
        assertTrue(body.contains("\"street1\":\"ул. Тверская, 7\""), body);
        assertTrue(body.contains("\"city\":\"Москва\""), body);
    }

    @Test
    void endpoints_lookUpByReferenceThenCreateThenBuy() {
        // given
        stubNewShipment();

        // when
        gateway(wm).createShipment(request());

        // then
        List<String> calls = new java.util.ArrayList<>(wm.getAllServeEvents().stream()
                .map(e -> e.getRequest().getMethod() + " " + e.getRequest().getUrl()).toList());
        java.util.Collections.reverse(calls); // WireMock lists the newest first
        assertEquals(List.of("GET /v2/shipments/" + KEY, "POST /v2/shipments",
                "POST /v2/shipments/" + CREATED_ID + "/buy"), calls);
    }

    @Test
    void recordedSuccess_isTrackedWithTheBoughtShipment() {
        // given
        stubNewShipment();

        // when
        Result<ShipmentResponse> result = gateway(wm).createShipment(request());

        // then
        assertTrue(result.isOk(), result.messages().toString());
        assertEquals(new ShipmentResponse(ShipmentResponse.State.TRACKED, BOUGHT_ID, BOUGHT_TRACKING), result.value());
    }

    @Test
    void recordedError_becomesRejectedMessagesWithCodeAndFieldErrors() {
        // given
        wm.stubFor(get("/v2/shipments/" + KEY).willReturn(aResponse().withStatus(404)));
        wm.stubFor(post("/v2/shipments").willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json").withBody(recorded("error-address-verify.json"))));

        // when
        Result<ShipmentResponse> result = gateway(wm).createShipment(request());

        // then
        assertFalse(result.isOk());
        List<String> texts = result.messages().stream().map(Message::text).toList();
        assertEquals(3, texts.size(), texts.toString());
        result.messages().forEach(m -> assertEquals(EasyPostCodes.REJECTED, m.code()));
        assertTrue(texts.get(0).endsWith("(HTTP 422): ADDRESS.VERIFY.FAILURE: Address not found"), texts.get(0));
        assertTrue(texts.get(1).endsWith("address: Address not found"), texts.get(1));
        assertTrue(texts.get(2).endsWith("street1: House number is missing"), texts.get(2));
        wm.verify(0, postRequestedFor(urlMatching("/v2/shipments/.*/buy")));
    }

    @Test
    void shipmentWithoutRates_isNoRatesAndNothingIsBought() {
        // given the documented retrieve body with its rates removed
        wm.stubFor(get("/v2/shipments/" + KEY).willReturn(aResponse().withStatus(404)));
        wm.stubFor(post("/v2/shipments").willReturn(okJson(recorded("shipment-create.json")
                .replaceAll("(?s)\"rates\": \\[.*?\\n  \\]", "\"rates\": []"))));

        // when
        Result<ShipmentResponse> result = gateway(wm).createShipment(request());

        // then
        assertEquals(EasyPostCodes.NO_RATES, only(result).code());
        wm.verify(0, postRequestedFor(urlMatching("/v2/shipments/.*/buy")));
    }

    // --- idempotency through the reference ---

    @Test
    void repeatedRequest_findsTheBoughtShipmentByReferenceAndBuysNothing() {
        // given EasyPost already holds a bought shipment for this reference
        wm.stubFor(get("/v2/shipments/" + KEY).willReturn(okJson(recorded("shipment-buy.json"))));

        // when
        Result<ShipmentResponse> result = gateway(wm).createShipment(request());

        // then
        wm.verify(getRequestedFor(urlEqualTo("/v2/shipments/" + KEY)).withHeader("Authorization", equalTo(BASIC)));
        wm.verify(0, postRequestedFor(urlMatching("/v2/shipments.*")));
        assertEquals(new ShipmentResponse(ShipmentResponse.State.TRACKED, BOUGHT_ID, BOUGHT_TRACKING), result.value());
        assertEquals(EasyPostCodes.ALREADY_CREATED, only(result).code());
        assertEquals(Message.Severity.INFO, only(result).severity());
    }

    @Test
    void repeatedRequest_afterACreateWithoutBuy_buysTheExistingShipment() {
        // given a shipment for this reference that was created but never bought (documented retrieve body)
        wm.stubFor(get("/v2/shipments/" + KEY).willReturn(okJson(recorded("shipment-retrieve.json"))));
        wm.stubFor(post(urlMatching("/v2/shipments/shp_c1bb96ace9e943758c3bd61be420ab08/buy"))
                .willReturn(okJson(recorded("shipment-buy.json"))));

        // when
        Result<ShipmentResponse> result = gateway(wm).createShipment(request());

        // then
        wm.verify(0, postRequestedFor(urlEqualTo("/v2/shipments")));
        wm.verify(1, postRequestedFor(urlEqualTo("/v2/shipments/shp_c1bb96ace9e943758c3bd61be420ab08/buy")));
        assertEquals(ShipmentResponse.State.TRACKED, result.value().state());
    }

    @Test
    void lookUpThatCannotRun_createsNothing() {
        // given
        wm.stubFor(get("/v2/shipments/" + KEY).willReturn(aResponse().withStatus(503)));

        // when
        Result<ShipmentResponse> result = gateway(wm).createShipment(request());

        // then
        assertEquals(EasyPostCodes.TRANSIENT, only(result).code());
        wm.verify(0, postRequestedFor(urlMatching("/v2/shipments.*")));
    }

    @Test
    void missingKey_isBadConfigAndNothingIsSent() {
        // when
        Result<ShipmentResponse> result = gateway(wm, Map.of(".apiKey", "")).createShipment(request());

        // then
        assertEquals(EasyPostCodes.BAD_CONFIG, only(result).code());
        assertTrue(wm.getAllServeEvents().isEmpty());
    }
}
