package io.waybill.carrier.shippo.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.waybill.spi.carrier.LabelDocument;
import io.waybill.spi.carrier.ShipmentRef;
import io.waybill.spi.carrier.ShipmentResponse;
import io.waybill.spi.common.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.waybill.carrier.shippo.internal.ShippoFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/** fetchTrackingNumber (GET /transactions/{id}), the async QUEUED → SUCCESS path, and fetchLabel. */
class ShippoTrackingAndLabelTest {

    @RegisterExtension
    static WireMockExtension wm = wireMock();

    private static final ShipmentRef REF = new ShipmentRef(TX_ID, null);

    // --- fetchTrackingNumber ---

    @Test
    void fetchTracking_requestMappingAndEndpoint_isGetTransactionWithToken() {
        // given
        wm.stubFor(get("/transactions/" + TX_ID).willReturn(okJson(recorded("transaction-success.json"))));

        // when
        gateway(wm).fetchTrackingNumber(REF);

        // then
        wm.verify(getRequestedFor(urlEqualTo("/transactions/" + TX_ID))
                .withHeader("Authorization", equalTo("ShippoToken " + TOKEN))
                .withHeader("SHIPPO-API-VERSION", equalTo("2018-02-08")));
    }

    @Test
    void fetchTracking_recordedSuccess_isTracked() {
        // given
        wm.stubFor(get("/transactions/" + TX_ID).willReturn(okJson(recorded("transaction-success.json"))));

        // when
        Result<ShipmentResponse> result = gateway(wm).fetchTrackingNumber(REF);

        // then
        assertEquals(new ShipmentResponse(ShipmentResponse.State.TRACKED, TX_ID, "9499907123456123456781"),
                result.value());
    }

    @Test
    void fetchTracking_recordedError_isLabelFailed() {
        // given
        wm.stubFor(get("/transactions/" + TX_ID).willReturn(okJson(recorded("transaction-error.json"))));

        // when
        Result<ShipmentResponse> result = gateway(wm).fetchTrackingNumber(REF);

        // then
        assertEquals(ShippoCodes.LABEL_FAILED, only(result).code());
        assertNull(result.value());
    }

    @Test
    void fetchTracking_unknownTransaction_isRejected() {
        // given
        wm.stubFor(get("/transactions/" + TX_ID).willReturn(aResponse().withStatus(404)));

        // when
        Result<ShipmentResponse> result = gateway(wm).fetchTrackingNumber(REF);

        // then
        assertEquals(ShippoCodes.REJECTED, only(result).code());
        assertTrue(only(result).text().contains("HTTP 404"));
    }

    @Test
    void async_queuedThenSuccess_pendingUntilShippoBoughtTheLabel() {
        // given an async purchase that Shippo finishes after the first poll
        wm.stubFor(post("/transactions").willReturn(okJson(recorded("transaction-queued.json"))));
        wm.stubFor(get("/transactions/" + TX_ID).inScenario("async").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(recorded("transaction-queued.json"))).willSetStateTo("bought"));
        wm.stubFor(get("/transactions/" + TX_ID).inScenario("async").whenScenarioStateIs("bought")
                .willReturn(okJson(recorded("transaction-success.json"))));
        ShippoCarrierGateway gateway = gateway(wm, Map.of("async", true));

        // when the core creates, then polls twice
        Result<ShipmentResponse> created = gateway.createShipment(request());
        ShipmentRef ref = new ShipmentRef(created.value().carrierShipmentId(), null);
        Result<ShipmentResponse> firstPoll = gateway.fetchTrackingNumber(ref);
        Result<ShipmentResponse> secondPoll = gateway.fetchTrackingNumber(ref);

        // then
        assertEquals(ShipmentResponse.State.PENDING, created.value().state());
        assertEquals(ShipmentResponse.State.PENDING, firstPoll.value().state());
        assertEquals(new ShipmentResponse(ShipmentResponse.State.TRACKED, TX_ID, "9499907123456123456781"),
                secondPoll.value());
        wm.verify(1, postRequestedFor(urlEqualTo("/transactions")));
    }

    // --- fetchLabel ---

    private void stubTransactionWithLabelAt(String path) {
        wm.stubFor(get("/transactions/" + TX_ID).willReturn(okJson(
                recorded("transaction-success.json").replace(DOC_LABEL_URL, wm.baseUrl() + path))));
    }

    @Test
    void fetchLabel_readsTheTransactionThenDownloadsTheLabelWithoutTheToken() {
        // given
        stubTransactionWithLabelAt("/labels/70ae8117ee1749e393f249d5b77c45e0.pdf?Signature=abc");
        wm.stubFor(get(urlPathEqualTo("/labels/70ae8117ee1749e393f249d5b77c45e0.pdf"))
                .willReturn(aResponse().withHeader("Content-Type", "application/pdf").withBody(bytes("label.pdf"))));

        // when
        Result<LabelDocument> result = gateway(wm).fetchLabel(REF);

        // then
        assertTrue(result.isOk(), result.messages().toString());
        assertEquals(LabelDocument.Format.PDF, result.value().format());
        assertArrayEquals(bytes("label.pdf"), result.value().content());
        wm.verify(getRequestedFor(urlEqualTo("/labels/70ae8117ee1749e393f249d5b77c45e0.pdf?Signature=abc"))
                .withoutHeader("Authorization"));
    }

    @Test
    void fetchLabel_zplLabelIsRecognised() {
        // given
        stubTransactionWithLabelAt("/labels/l.zpl");
        wm.stubFor(get("/labels/l.zpl").willReturn(aResponse().withBody("^XA^FO50,50^FDWaybill^FS^XZ")));

        // when
        Result<LabelDocument> result = gateway(wm).fetchLabel(REF);

        // then
        assertEquals(LabelDocument.Format.ZPL, result.value().format());
    }

    @Test
    void fetchLabel_pngLabelIsUnsupported() {
        // given
        stubTransactionWithLabelAt("/labels/l.png");
        wm.stubFor(get("/labels/l.png").willReturn(aResponse().withHeader("Content-Type", "image/png")
                .withBody(new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10})));

        // when
        Result<LabelDocument> result = gateway(wm).fetchLabel(REF);

        // then
        assertEquals(ShippoCodes.UNSUPPORTED_LABEL_FORMAT, only(result).code());
    }

    @Test
    void fetchLabel_ofAQueuedTransactionIsNotReady() {
        // given
        wm.stubFor(get("/transactions/" + TX_ID).willReturn(okJson(recorded("transaction-queued.json"))));

        // when
        Result<LabelDocument> result = gateway(wm).fetchLabel(REF);

        // then
        assertEquals(ShippoCarrierGateway.LABEL_NOT_READY, only(result).code());
    }

    @Test
    void fetchLabel_expiredLinkIsRejectedNotAnAuthFailure() {
        // given
        stubTransactionWithLabelAt("/labels/expired.pdf");
        wm.stubFor(get("/labels/expired.pdf").willReturn(aResponse().withStatus(403)));

        // when
        Result<LabelDocument> result = gateway(wm).fetchLabel(REF);

        // then
        assertEquals(ShippoCodes.REJECTED, only(result).code());
        assertTrue(only(result).text().contains("HTTP 403"));
    }
}
