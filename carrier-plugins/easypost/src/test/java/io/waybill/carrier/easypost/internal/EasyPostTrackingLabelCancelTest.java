package io.waybill.carrier.easypost.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.waybill.spi.carrier.LabelDocument;
import io.waybill.spi.carrier.ShipmentRef;
import io.waybill.spi.carrier.ShipmentResponse;
import io.waybill.spi.common.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.waybill.carrier.easypost.internal.EasyPostFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/** fetchTrackingNumber (GET /v2/shipments/{id}), fetchLabel, cancelShipment (POST /v2/shipments/{id}/refund). */
class EasyPostTrackingLabelCancelTest {

    @RegisterExtension
    static WireMockExtension wm = wireMock();

    private static final ShipmentRef BOUGHT = new ShipmentRef(BOUGHT_ID, BOUGHT_TRACKING);
    private static final String DOC_PNG_URL =
            "https://easypost-files.s3.us-west-2.amazonaws.com/files/postage_label/20250509/e8bbb027b8222f4578ab4250487ed98fc6.png";
    private static final String DOC_ZPL_URL =
            "https://easypost-files.s3-us-west-2.amazonaws.com/files/postage_label/20250509/cbed7645eafc4a23af370b4525144fc3.zpl";

    // --- fetchTrackingNumber ---

    @Test
    void fetchTracking_requestMappingAndEndpoint_isGetShipmentWithBasicAuth() {
        // given
        wm.stubFor(get("/v2/shipments/" + BOUGHT_ID).willReturn(okJson(recorded("shipment-buy.json"))));

        // when
        gateway(wm).fetchTrackingNumber(BOUGHT);

        // then
        wm.verify(getRequestedFor(urlEqualTo("/v2/shipments/" + BOUGHT_ID)).withHeader("Authorization", equalTo(BASIC)));
    }

    @Test
    void fetchTracking_recordedBoughtShipment_isTracked() {
        // given
        wm.stubFor(get("/v2/shipments/" + BOUGHT_ID).willReturn(okJson(recorded("shipment-buy.json"))));

        // when
        Result<ShipmentResponse> result = gateway(wm).fetchTrackingNumber(BOUGHT);

        // then
        assertEquals(new ShipmentResponse(ShipmentResponse.State.TRACKED, BOUGHT_ID, BOUGHT_TRACKING), result.value());
    }

    @Test
    void fetchTracking_recordedUnboughtShipment_isPending() {
        // given
        String id = "shp_c1bb96ace9e943758c3bd61be420ab08";
        wm.stubFor(get("/v2/shipments/" + id).willReturn(okJson(recorded("shipment-retrieve.json"))));

        // when
        Result<ShipmentResponse> result = gateway(wm).fetchTrackingNumber(new ShipmentRef(id, null));

        // then
        assertEquals(new ShipmentResponse(ShipmentResponse.State.PENDING, id, null), result.value());
    }

    @Test
    void fetchTracking_recordedError_isRejected() {
        // given
        wm.stubFor(get("/v2/shipments/" + BOUGHT_ID).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(recorded("error-address-verify.json"))));

        // when
        Result<ShipmentResponse> result = gateway(wm).fetchTrackingNumber(BOUGHT);

        // then
        assertFalse(result.isOk());
        assertEquals(EasyPostCodes.REJECTED, result.messages().get(0).code());
        assertTrue(result.messages().get(0).text().contains("HTTP 404"));
    }

    // --- fetchLabel ---

    @Test
    void fetchLabel_pdfUrlOfTheShipmentIsDownloadedWithoutTheKey() {
        // given the documented bought shipment, with a PDF URL on WireMock
        wm.stubFor(get("/v2/shipments/" + BOUGHT_ID).willReturn(okJson(recorded("shipment-buy.json")
                .replace("\"label_pdf_url\": null", "\"label_pdf_url\": \"" + wm.baseUrl() + "/files/label.pdf\""))));
        wm.stubFor(get("/files/label.pdf").willReturn(aResponse().withHeader("Content-Type", "application/pdf")
                .withBody(bytes("label.pdf"))));

        // when
        Result<LabelDocument> result = gateway(wm).fetchLabel(BOUGHT);

        // then
        assertTrue(result.isOk(), result.messages().toString());
        assertEquals(LabelDocument.Format.PDF, result.value().format());
        assertArrayEquals(bytes("label.pdf"), result.value().content());
        wm.verify(getRequestedFor(urlEqualTo("/files/label.pdf")).withoutHeader("Authorization"));
    }

    @Test
    void fetchLabel_pngOnlyShipmentIsConvertedToZplFirst() {
        // given the documented bought shipment (PNG only) and the documented label conversion answer (ZPL)
        wm.stubFor(get("/v2/shipments/" + BOUGHT_ID).willReturn(okJson(recorded("shipment-buy.json"))));
        wm.stubFor(get("/v2/shipments/" + BOUGHT_ID + "/label?file_format=ZPL").willReturn(okJson(
                recorded("shipment-label.json").replace(DOC_ZPL_URL, wm.baseUrl() + "/files/label.zpl"))));
        wm.stubFor(get("/files/label.zpl").willReturn(aResponse().withBody("^XA^FO50,50^FDWaybill^FS^XZ")));

        // when
        Result<LabelDocument> result = gateway(wm, Map.of("labelFormat", "ZPL")).fetchLabel(BOUGHT);

        // then
        assertTrue(result.isOk(), result.messages().toString());
        assertEquals(LabelDocument.Format.ZPL, result.value().format());
        wm.verify(getRequestedFor(urlEqualTo("/v2/shipments/" + BOUGHT_ID + "/label?file_format=ZPL"))
                .withHeader("Authorization", equalTo(BASIC)));
        wm.verify(0, getRequestedFor(urlEqualTo(DOC_PNG_URL)));
    }

    @Test
    void fetchLabel_ofAnUnboughtShipmentIsNotReady() {
        // given
        wm.stubFor(get("/v2/shipments/" + BOUGHT_ID).willReturn(okJson(recorded("shipment-retrieve.json"))));

        // when
        Result<LabelDocument> result = gateway(wm).fetchLabel(BOUGHT);

        // then
        assertEquals(EasyPostCodes.LABEL_NOT_READY, only(result).code());
    }

    // --- cancelShipment ---

    @Test
    void cancel_requestMappingAndEndpoint_isPostRefundWithBasicAuth() {
        // given
        wm.stubFor(post("/v2/shipments/" + BOUGHT_ID + "/refund").willReturn(okJson(recorded("shipment-refund.json"))));

        // when
        gateway(wm).cancelShipment(BOUGHT);

        // then
        wm.verify(postRequestedFor(urlEqualTo("/v2/shipments/" + BOUGHT_ID + "/refund"))
                .withHeader("Authorization", equalTo(BASIC)));
        assertEquals(1, wm.getAllServeEvents().size());
    }

    @Test
    void cancel_recordedSubmittedRefund_isTrue() {
        // given
        wm.stubFor(post("/v2/shipments/" + BOUGHT_ID + "/refund").willReturn(okJson(recorded("shipment-refund.json"))));

        // when
        Result<Boolean> result = gateway(wm).cancelShipment(BOUGHT);

        // then
        assertTrue(result.isOk());
        assertEquals(Boolean.TRUE, result.value());
    }

    @Test
    void cancel_rejectedRefund_isRefundFailed() {
        // given the documented refund answer with refund_status "rejected" (a documented value)
        wm.stubFor(post("/v2/shipments/" + BOUGHT_ID + "/refund").willReturn(okJson(recorded("shipment-refund.json")
                .replace("\"refund_status\": \"submitted\"", "\"refund_status\": \"rejected\""))));

        // when
        Result<Boolean> result = gateway(wm).cancelShipment(BOUGHT);

        // then
        assertEquals(EasyPostCodes.REFUND_FAILED, only(result).code());
        assertTrue(only(result).text().contains("'rejected'"));
    }

    @Test
    void cancel_recordedErrorBody_isRejectedWithEasyPostsCode() {
        // given
        wm.stubFor(post("/v2/shipments/" + BOUGHT_ID + "/refund").willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json").withBody(recorded("error-address-verify.json"))));

        // when
        Result<Boolean> result = gateway(wm).cancelShipment(BOUGHT);

        // then
        assertEquals(EasyPostCodes.REJECTED, result.messages().get(0).code());
        assertTrue(result.messages().get(0).text().contains("ADDRESS.VERIFY.FAILURE"));
    }
}
