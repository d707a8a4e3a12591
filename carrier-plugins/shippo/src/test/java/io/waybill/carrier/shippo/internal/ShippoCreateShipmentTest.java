package io.waybill.carrier.shippo.internal;

import java.time.Duration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.waybill.spi.carrier.ShipmentRequest;
import io.waybill.spi.carrier.ShipmentResponse;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.waybill.carrier.shippo.internal.ShippoFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/** createShipment: POST /transactions (instalabel), against recorded Shippo bodies. */
class ShippoCreateShipmentTest {

    @RegisterExtension
    static WireMockExtension wm = wireMock();

    @Test
    void requestMapping_sendsInstalabelTransactionWithTokenAndIdempotencyKeyInMetadata() {
        // given
        wm.stubFor(post("/transactions").willReturn(okJson(recorded("transaction-success.json"))));

        // when
        gateway(wm).createShipment(request());

        // then
        wm.verify(postRequestedFor(urlEqualTo("/transactions"))
                .withHeader("Authorization", equalTo("ShippoToken " + TOKEN))
                .withHeader("SHIPPO-API-VERSION", equalTo("2018-02-08"))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(equalToJson(recorded("transaction-create-request.json"))));
    }

    @Test
    void unicodeRecipient_survivesTheRequestBodyByteForByte() {
        // given
        wm.stubFor(post("/transactions").willReturn(okJson(recorded("transaction-success.json"))));

        // when
        gateway(wm).createShipment(request());

        // then
        LoggedRequest sent = wm.findAll(postRequestedFor(urlEqualTo("/transactions"))).get(0);
        String body = new String(sent.getBody(), StandardCharsets.UTF_8);
        assertTrue(body.contains("\"name\":\"张伟\""), body);
        assertTrue(body.contains("\"street1\":\"ул. Тверская, 7\""), body);
        assertTrue(body.contains("\"city\":\"Москва\""), body);
    }

    @Test
    void endpoint_isPostTransactionsUnderTheConfiguredBaseUrl() {
        // given a base URL written with a trailing slash
        wm.stubFor(post("/transactions").willReturn(okJson(recorded("transaction-success.json"))));

        // when
        gateway(wm, Map.of("baseUrl", wm.baseUrl() + "/")).createShipment(request());

        // then
        wm.verify(1, postRequestedFor(urlEqualTo("/transactions")));
        assertEquals(1, wm.getAllServeEvents().size());
    }

    @Test
    void recordedSuccess_isTrackedWithTheTransactionIdAndTrackingNumber() {
        // given
        wm.stubFor(post("/transactions").willReturn(okJson(recorded("transaction-success.json"))));

        // when
        Result<ShipmentResponse> result = gateway(wm).createShipment(request());

        // then
        assertTrue(result.isOk(), result.messages().toString());
        assertEquals(new ShipmentResponse(ShipmentResponse.State.TRACKED, TX_ID, "9499907123456123456781"),
                result.value());
    }

    @Test
    void recordedError_becomesLabelFailedWithShipposMessages() {
        // given
        wm.stubFor(post("/transactions").willReturn(okJson(recorded("transaction-error.json"))));

        // when
        Result<ShipmentResponse> result = gateway(wm).createShipment(request());

        // then
        assertFalse(result.isOk());
        Message m = only(result);
        assertEquals(ShippoCodes.LABEL_FAILED, m.code());
        assertEquals(Message.Severity.ERROR, m.severity());
        assertTrue(m.text().contains("UPS: UPS API did not respond. Please try again in a few minutes. "
                + "(carrier_timeout)"), m.text());
    }

    @Test
    void async_queuedTransactionIsPendingWithItsId() {
        // given
        wm.stubFor(post("/transactions").willReturn(okJson(recorded("transaction-queued.json"))));

        // when
        Result<ShipmentResponse> result = gateway(wm, Map.of("async", true)).createShipment(request());

        // then
        wm.verify(postRequestedFor(urlEqualTo("/transactions")).withRequestBody(matchingJsonPath("$.async",
                equalTo("true"))));
        assertEquals(new ShipmentResponse(ShipmentResponse.State.PENDING, TX_ID, null), result.value());
    }

    @Test
    void requestServiceCode_winsOverTheAccountDefault() {
        // given
        wm.stubFor(post("/transactions").willReturn(okJson(recorded("transaction-success.json"))));
        ShipmentRequest r = request();
        ShipmentRequest withService = new ShipmentRequest(r.idempotencyKey(), r.packageNo(), r.orderNo(),
                "ups_ground", r.sender(), r.recipient(), r.weightGrams(), r.items());

        // when
        gateway(wm).createShipment(withService);

        // then
        wm.verify(postRequestedFor(urlEqualTo("/transactions"))
                .withRequestBody(matchingJsonPath("$.servicelevel_token", equalTo("ups_ground"))));
    }

    @Test
    void missingWeight_isBadRequestAndNothingIsSent() {
        // given
        ShipmentRequest r = request();
        ShipmentRequest noWeight = new ShipmentRequest(r.idempotencyKey(), r.packageNo(), r.orderNo(), "",
                r.sender(), r.recipient(), 0, r.items());

        // when
        Result<ShipmentResponse> result = gateway(wm).createShipment(noWeight);

        // then
        assertEquals(ShippoCodes.BAD_REQUEST, only(result).code());
        assertTrue(wm.getAllServeEvents().isEmpty());
    }

    @Test
    void missingToken_isBadConfigAndNothingIsSent() {
        // when
        Result<ShipmentResponse> result = gateway(wm, Map.of(".apiToken", " ")).createShipment(request());

        // then
        assertEquals(ShippoCodes.BAD_CONFIG, only(result).code());
        assertTrue(only(result).text().contains("'API token' is empty"));
        assertTrue(wm.getAllServeEvents().isEmpty());
    }

    // --- idempotency: the duplicate check through GET /transactions ---

    @Test
    void duplicateCheck_findsTheEarlierLabelByMetadataAndBuysNothing() {
        // given Shippo already holds a label whose metadata is this request's idempotency key
        String page = recorded("transactions-list.json").replace("\"metadata\": \"<string>\"",
                "\"metadata\": \"" + KEY + "\"");
        wm.stubFor(get(urlPathEqualTo("/transactions")).willReturn(okJson(page)));

        // when
        Result<ShipmentResponse> result = gateway(wm, Map.of("duplicateCheckHours", 24)).createShipment(request());

        // then
        wm.verify(getRequestedFor(urlEqualTo("/transactions?object_created_gte=2026-11-25T10:00:00&results=100&page=1"))
                .withHeader("Authorization", equalTo("ShippoToken " + TOKEN)));
        wm.verify(0, postRequestedFor(urlEqualTo("/transactions")));
        assertEquals(new ShipmentResponse(ShipmentResponse.State.TRACKED, TX_ID, "9499907123456123456781"),
                result.value());
        assertEquals(List.of(ShippoCodes.ALREADY_CREATED), result.messages().stream().map(Message::code).toList());
        assertTrue(result.isOk());
    }

    @Test
    void duplicateCheck_withoutMatchReadsEveryPageThenBuys() {
        // given two pages of other labels (the documented page says a next page follows)
        wm.stubFor(get(urlPathEqualTo("/transactions")).withQueryParam("page", equalTo("1"))
                .willReturn(okJson(recorded("transactions-list.json"))));
        wm.stubFor(get(urlPathEqualTo("/transactions")).withQueryParam("page", equalTo("2"))
                .willReturn(okJson(recorded("transactions-list.json").replace("\"next\": \"baseurl?page=3&results=10\"",
                        "\"next\": null"))));
        wm.stubFor(post("/transactions").willReturn(okJson(recorded("transaction-success.json"))));

        // when
        Result<ShipmentResponse> result = gateway(wm, Map.of("duplicateCheckHours", 24)).createShipment(request());

        // then
        wm.verify(2, getRequestedFor(urlPathEqualTo("/transactions")));
        wm.verify(1, postRequestedFor(urlEqualTo("/transactions")));
        assertTrue(result.isOk(), result.messages().toString());
    }

    @Test
    void duplicateCheck_thatCannotRunBuysNothing() {
        // given
        wm.stubFor(get(urlPathEqualTo("/transactions"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));

        // when
        Result<ShipmentResponse> result = gateway(wm, Map.of("duplicateCheckHours", 24)).createShipment(request());

        // then
        wm.verify(0, postRequestedFor(urlEqualTo("/transactions")));
        assertEquals(ShippoCodes.RATE_LIMITED, only(result).code());
        assertEquals(Duration.ofSeconds(30), only(result).retryAfter(), only(result).text());
    }
}
