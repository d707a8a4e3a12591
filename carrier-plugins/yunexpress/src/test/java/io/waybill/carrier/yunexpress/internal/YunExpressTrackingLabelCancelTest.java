package io.waybill.carrier.yunexpress.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.waybill.spi.carrier.LabelDocument;
import io.waybill.spi.carrier.ShipmentRef;
import io.waybill.spi.carrier.ShipmentResponse;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.MessageCodes;
import io.waybill.spi.common.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.waybill.carrier.yunexpress.internal.YunExpressFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/** fetchTrackingNumber, fetchLabel and cancelShipment against a WireMock YunExpress. */
class YunExpressTrackingLabelCancelTest {

    @RegisterExtension
    static WireMockExtension wm = wireMock();

    private static final ShipmentRef REF = new ShipmentRef(KEY, null);
    private static final String TRACKING_URL = "/api/Waybill/GetTrackingNumber?CustomerOrderNumber=" + KEY;

    @Test
    void tracking_issued_isTracked() {
        wm.stubFor(get(TRACKING_URL).withHeader("Authorization", equalTo(BASIC))
                .willReturn(okJson(recorded("tracking-number.json"))));
        assertEquals(new ShipmentResponse(ShipmentResponse.State.TRACKED, KEY, TRACKING),
                gateway(wm).fetchTrackingNumber(REF).value());
    }

    @Test
    void tracking_beingIssued_isPending() {
        wm.stubFor(get(TRACKING_URL).willReturn(okJson(recorded("tracking-number-pending.json"))));
        assertEquals(ShipmentResponse.State.PENDING, gateway(wm).fetchTrackingNumber(REF).value().state());
    }

    @Test
    void tracking_notNeededForTheService_isTheWaybillNumber() {
        wm.stubFor(get(TRACKING_URL).willReturn(okJson(recorded("tracking-number-pending.json")
                .replace("\"Status\":2", "\"Status\":3"))));
        assertEquals(new ShipmentResponse(ShipmentResponse.State.TRACKED, KEY, WAYBILL),
                gateway(wm).fetchTrackingNumber(REF).value());
    }

    @Test
    void tracking_failedAtYunExpress_isAFailureWithTheRemark() {
        wm.stubFor(get(TRACKING_URL).willReturn(okJson(recorded("tracking-number-failed.json"))));
        Message m = only(gateway(wm).fetchTrackingNumber(REF));
        assertEquals(YunExpressCodes.TRACKING_FAILED, m.code());
        assertTrue(m.text().contains("no tracking number available"), m.text());
    }

    @Test
    void tracking_refusedEnvelope_isRejected() {
        wm.stubFor(get(TRACKING_URL).willReturn(okJson("{\"Code\":\"1001\",\"Message\":\"no such order\"}")));
        Message m = only(gateway(wm).fetchTrackingNumber(REF));
        assertEquals(MessageCodes.REJECTED, m.code());
        assertTrue(m.text().contains("1001") && m.text().contains("no such order"), m.text());
    }

    @Test
    void tracking_oddOrderNumber_isEncodedInTheQuery() {
        wm.stubFor(get(urlPathEqualTo("/api/Waybill/GetTrackingNumber"))
                .withQueryParam("CustomerOrderNumber", equalTo("a&b c"))
                .willReturn(okJson(recorded("tracking-number-pending.json"))));
        assertTrue(gateway(wm).fetchTrackingNumber(new ShipmentRef("a&b c", null)).isOk());
    }

    @Test
    void label_printsTheLink_andDownloadsThePdfWithoutTheToken() {
        // given the documented Label/Print answer whose Url points at WireMock
        wm.stubFor(post("/api/Label/Print").withHeader("Authorization", equalTo(BASIC))
                .withRequestBody(equalToJson("[\"" + KEY + "\"]"))
                .willReturn(okJson(recorded("label-print.json").replace("{{LABEL_URL}}",
                        wm.baseUrl() + "/labels/" + KEY + ".pdf"))));
        wm.stubFor(get("/labels/" + KEY + ".pdf").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/pdf").withBody(bytes("label.pdf"))));
        // when
        Result<LabelDocument> r = gateway(wm).fetchLabel(REF);
        // then
        assertTrue(r.isOk(), r.toString());
        assertEquals(LabelDocument.Format.PDF, r.value().format());
        assertArrayEquals(bytes("label.pdf"), r.value().content());
        wm.verify(getRequestedFor(urlEqualTo("/labels/" + KEY + ".pdf")).withoutHeader("Authorization"));
    }

    @Test
    void label_withoutPrintTemplate_isRejected() {
        wm.stubFor(post("/api/Label/Print").willReturn(okJson(recorded("label-print-no-template.json"))));
        Message m = only(gateway(wm).fetchLabel(REF));
        assertEquals(MessageCodes.REJECTED, m.code());
        assertTrue(m.text().contains("code 200") && m.text().contains("no print template"), m.text());
    }

    @Test
    void label_withoutUrlYet_isNotReady() {
        wm.stubFor(post("/api/Label/Print").willReturn(okJson(recorded("label-print.json")
                .replace("\"{{LABEL_URL}}\"", "null"))));
        assertEquals(MessageCodes.LABEL_NOT_READY, only(gateway(wm).fetchLabel(REF)).code());
    }

    @Test
    void label_thatIsNoPdf_isABadResponse() {
        wm.stubFor(post("/api/Label/Print").willReturn(okJson(recorded("label-print.json").replace("{{LABEL_URL}}",
                wm.baseUrl() + "/labels/x.pdf"))));
        wm.stubFor(get("/labels/x.pdf").willReturn(aResponse().withStatus(200).withBody("<html>login</html>")));
        assertEquals(MessageCodes.BAD_RESPONSE, only(gateway(wm).fetchLabel(REF)).code());
    }

    @Test
    void cancel_deletes() {
        wm.stubFor(post("/api/WayBill/Delete").withHeader("Authorization", equalTo(BASIC))
                .withRequestBody(equalToJson("{\"OrderType\":2,\"OrderNumber\":\"" + KEY + "\"}"))
                .willReturn(okJson(recorded("delete.json"))));
        Result<Boolean> r = gateway(wm).cancelShipment(REF);
        assertEquals(Boolean.TRUE, r.value());
        assertTrue(r.messages().isEmpty());
        wm.verify(0, postRequestedFor(urlEqualTo("/api/WayBill/Intercept")));
    }

    @Test
    void cancel_notDeletableAnyMore_intercepts_withAWarning() {
        wm.stubFor(post("/api/WayBill/Delete").willReturn(okJson(recorded("delete-failed.json"))));
        wm.stubFor(post("/api/WayBill/Intercept").withRequestBody(matchingJsonPath("$.OrderType", equalTo("2")))
                .withRequestBody(matchingJsonPath("$.OrderNumber", equalTo(KEY)))
                .withRequestBody(matchingJsonPath("$.Remark"))
                .willReturn(okJson(recorded("intercept.json"))));
        Result<Boolean> r = gateway(wm).cancelShipment(REF);
        assertEquals(Boolean.TRUE, r.value());
        Message m = only(r);
        assertEquals(YunExpressCodes.INTERCEPTED, m.code());
        assertEquals(Message.Severity.WARNING, m.severity());
        assertTrue(m.text().contains("order already received"), m.text());
    }

    @Test
    void cancel_neitherDeletedNorIntercepted_fails() {
        wm.stubFor(post("/api/WayBill/Delete").willReturn(okJson(recorded("delete-failed.json"))));
        wm.stubFor(post("/api/WayBill/Intercept").willReturn(okJson(recorded("intercept-failed.json"))));
        Message m = only(gateway(wm).cancelShipment(REF));
        assertEquals(YunExpressCodes.CANCEL_FAILED, m.code());
        assertTrue(m.text().contains("order already received") && m.text().contains("order already shipped"));
    }

    @Test
    void blankOrderNumber_isABadRequest_nothingSent() {
        assertEquals(MessageCodes.BAD_REQUEST, only(gateway(wm).cancelShipment(new ShipmentRef(" ", null))).code());
        assertEquals(0, wm.getAllServeEvents().size());
    }
}
