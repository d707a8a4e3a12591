package io.waybill.carrier.fourpx.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.waybill.spi.carrier.LabelDocument;
import io.waybill.spi.carrier.ShipmentRef;
import io.waybill.spi.carrier.ShipmentResponse;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.MessageCodes;
import io.waybill.spi.common.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.waybill.carrier.fourpx.internal.FourPxFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/** The four operations against a WireMock 4PX open platform, and the signature. */
class FourPxGatewayTest {

    @RegisterExtension
    static WireMockExtension wm = wireMock();

    private static final ShipmentRef REF = new ShipmentRef(CONSIGNMENT, null);

    private static com.github.tomakehurst.wiremock.client.MappingBuilder method(String name) {
        return post(urlPathEqualTo(SERVICE)).withQueryParam("method", equalTo(name));
    }

    @Test
    void signature_isMd5OfTheDocumentedConcatenation_vectorComputedIndependently() {
        // vector: md5("app_keytest-app-keyformatjsonmethodds.xms.order.gettimestamp1765087200000v1.0.0"
        //             + "{\"request_no\":\"WB000123-1\"}test-app-secret"), computed with Python's hashlib
        assertEquals("4ff01e5dc682bccb2f9d6e8d9a6c2c99", FourPxSignature.sign(APP_KEY, "json", "ds.xms.order.get",
                NOW_MILLIS, "1.0.0", "{\"request_no\":\"WB000123-1\"}", APP_SECRET));
        // UTF-8 body text (Chinese) hashed as UTF-8 bytes
        assertEquals("2e2ad7d29ae68ae6f89795837e1b7fef", FourPxSignature.sign(APP_KEY, "json", "ds.xms.order.create",
                NOW_MILLIS, "1.0.0", "{\"ref_no\":\"单号\"}", APP_SECRET));
    }

    @Test
    void everyCall_carriesTheCommonParameters_andASignatureOverTheExactBodySent() {
        wm.stubFor(method("ds.xms.order.get").willReturn(okJson(recorded("order-get.json"))));
        gateway(wm).fetchTrackingNumber(new ShipmentRef(KEY, null));
        LoggedRequest sent = wm.findAll(postRequestedFor(urlPathEqualTo(SERVICE))).get(0);
        String body = sent.getBodyAsString();
        assertEquals("{\"request_no\":\"WB000123-1\"}", body);
        assertEquals(APP_KEY, sent.queryParameter("app_key").firstValue());
        assertEquals("1.0.0", sent.queryParameter("v").firstValue());
        assertEquals("json", sent.queryParameter("format").firstValue());
        assertEquals(String.valueOf(NOW_MILLIS), sent.queryParameter("timestamp").firstValue());
        assertEquals("4ff01e5dc682bccb2f9d6e8d9a6c2c99", sent.queryParameter("sign").firstValue());
        assertFalse(sent.getUrl().contains(APP_SECRET) || body.contains(APP_SECRET), "the secret is never sent");
    }

    @Test
    void create_sendsTheConsignment_andAnswersTracked() {
        wm.stubFor(method("ds.xms.order.create")
                .withRequestBody(matchingJsonPath("$.ref_no", equalTo(KEY)))
                .withRequestBody(matchingJsonPath("$.logistics_service_info.logistics_product_code", equalTo("A1")))
                .withRequestBody(matchingJsonPath("$.parcel_list[0].weight", equalTo("1250")))
                .withRequestBody(matchingJsonPath("$.parcel_list[0].parcel_value", equalTo("25")))
                .withRequestBody(matchingJsonPath("$.parcel_list[0].currency", equalTo("USD")))
                .withRequestBody(matchingJsonPath("$.parcel_list[0].product_list[0].product_unit_price",
                        equalTo("12.5")))
                .withRequestBody(matchingJsonPath("$.parcel_list[0].declare_product_info[0].declare_product_name_cn",
                        equalTo("羊毛围巾")))
                .withRequestBody(matchingJsonPath("$.parcel_list[0].declare_product_info[0].hscode_export",
                        equalTo("611710")))
                .withRequestBody(matchingJsonPath("$.recipient_info.street", equalTo("123 Test St, Apt 4")))
                .withRequestBody(matchingJsonPath("$.sender.country", equalTo("CN")))
                .withRequestBody(matchingJsonPath("$.deliver_type_info.deliver_type", equalTo("1")))
                .willReturn(okJson(recorded("order-create.json"))));
        Result<ShipmentResponse> r = gateway(wm).createShipment(request());
        assertTrue(r.isOk(), r.toString());
        assertEquals(new ShipmentResponse(ShipmentResponse.State.TRACKED, CONSIGNMENT, TRACKING), r.value());
        LoggedRequest sent = wm.findAll(postRequestedFor(urlPathEqualTo(SERVICE))).get(0);
        assertEquals(FourPxSignature.sign(APP_KEY, "json", "ds.xms.order.create", NOW_MILLIS, "1.0.0",
                new String(sent.getBody(), StandardCharsets.UTF_8), APP_SECRET), sent.queryParameter("sign").firstValue());
    }

    @Test
    void create_withoutNumberYet_isPending() {
        wm.stubFor(method("ds.xms.order.create").willReturn(okJson(recorded("order-create-pending.json"))));
        assertEquals(new ShipmentResponse(ShipmentResponse.State.PENDING, CONSIGNMENT, null),
                gateway(wm).createShipment(request()).value());
    }

    @Test
    void refusedCreate_withAnEarlierConsignment_returnsIt() {
        wm.stubFor(method("ds.xms.order.create").willReturn(okJson(recorded("order-create-refused.json"))));
        wm.stubFor(method("ds.xms.order.get").withRequestBody(equalToJson("{\"request_no\":\"" + KEY + "\"}"))
                .willReturn(okJson(recorded("order-get.json"))));
        Result<ShipmentResponse> r = gateway(wm).createShipment(request());
        assertEquals(new ShipmentResponse(ShipmentResponse.State.TRACKED, CONSIGNMENT, TRACKING), r.value());
        assertEquals(MessageCodes.ALREADY_CREATED, only(r).code());
    }

    @Test
    void refusedCreate_withoutEarlierConsignment_isRejectedWithEveryError() {
        wm.stubFor(method("ds.xms.order.create").willReturn(okJson(recorded("order-create-refused.json"))));
        wm.stubFor(method("ds.xms.order.get").willReturn(okJson(recorded("order-get-none.json"))));
        Message m = only(gateway(wm).createShipment(request()));
        assertEquals(MessageCodes.REJECTED, m.code());
        assertTrue(m.text().contains("E001: ref_no already exists (WB000123-1)"), m.text());
    }

    @Test
    void limits_onlyUsd_fourDecimals_requiredFields_nothingSent() {
        FourPxCarrierGateway g = new FourPxCarrierGateway();
        g.customs = item -> new FourPxRequestMapper.Declared(new BigDecimal("1.23456"), "EUR", null, null, null);
        g.configure(config(java.util.Map.of("baseUrl", wm.baseUrl() + SERVICE, "appKey", APP_KEY,
                ".appSecret", APP_SECRET)));
        var r = request();
        var noPhone = new io.waybill.spi.common.Address("John", "", "1 St", "", "LA", "", "", "US", "", "");
        Message m = only(g.createShipment(new io.waybill.spi.carrier.ShipmentRequest(KEY, "WB1", "SO", "A1",
                r.sender(), noPhone, 100, r.items())));
        assertEquals(MessageCodes.BAD_REQUEST, m.code());
        assertTrue(m.text().contains("line 1 is declared in EUR; 4PX accepts only USD"), m.text());
        assertTrue(m.text().contains("line 1 unit value 1.23456 has more than 4 decimals"), m.text());
        assertTrue(m.text().contains("no recipient phone"), m.text());
        assertEquals(0, wm.getAllServeEvents().size());
    }

    @Test
    void withoutDeclaredValues_createIsRefused() {
        FourPxCarrierGateway g = new FourPxCarrierGateway();
        g.configure(config(java.util.Map.of("baseUrl", wm.baseUrl() + SERVICE, "appKey", APP_KEY,
                ".appSecret", APP_SECRET)));
        assertTrue(only(g.createShipment(request())).text().contains("has no declared unit value"));
    }

    @Test
    void tracking_issued_pending_closed() {
        wm.stubFor(method("ds.xms.order.get").willReturn(okJson(recorded("order-get.json"))));
        assertEquals(TRACKING, gateway(wm).fetchTrackingNumber(REF).value().trackingNumber());
        wm.resetAll();
        wm.stubFor(method("ds.xms.order.get").willReturn(okJson(recorded("order-get.json")
                .replace("\"4PX3000000000001CN\"", "null"))));
        assertEquals(ShipmentResponse.State.PENDING, gateway(wm).fetchTrackingNumber(REF).value().state());
        wm.resetAll();
        wm.stubFor(method("ds.xms.order.get").willReturn(okJson(recorded("order-get.json")
                .replace("\"4PX3000000000001CN\"", "null").replace("\"P\"", "\"X\""))));
        assertEquals(FourPxCodes.CONSIGNMENT_CLOSED, only(gateway(wm).fetchTrackingNumber(REF)).code());
    }

    @Test
    void label_downloadsThePdf() {
        wm.stubFor(method("ds.xms.label.get").withRequestBody(matchingJsonPath("$.response_label_format",
                        equalTo("PDF")))
                .willReturn(okJson(recorded("label-get.json").replace("{{LABEL_URL}}", wm.baseUrl() + "/l.pdf"))));
        wm.stubFor(get("/l.pdf").willReturn(aResponse().withBody(bytes("label.pdf"))));
        Result<LabelDocument> r = gateway(wm).fetchLabel(REF);
        assertEquals(LabelDocument.Format.PDF, r.value().format());
        assertArrayEquals(bytes("label.pdf"), r.value().content());
        wm.verify(getRequestedFor(urlEqualTo("/l.pdf")).withoutQueryParam("sign"));
    }

    @Test
    void label_notYet_isNotReady() {
        wm.stubFor(method("ds.xms.label.get").willReturn(okJson(recorded("label-get.json")
                .replace("\"{{LABEL_URL}}\"", "null"))));
        assertEquals(MessageCodes.LABEL_NOT_READY, only(gateway(wm).fetchLabel(REF)).code());
    }

    @Test
    void cancel_cancels_elseHolds_elseFails() {
        wm.stubFor(method("ds.xms.order.cancel").withRequestBody(matchingJsonPath("$.request_no",
                equalTo(CONSIGNMENT))).willReturn(okJson(recorded("cancel.json"))));
        assertEquals(Boolean.TRUE, gateway(wm).cancelShipment(REF).value());
        wm.resetAll();
        wm.stubFor(method("ds.xms.order.cancel").willReturn(okJson(recorded("cancel-refused.json"))));
        wm.stubFor(method("ds.xms.order.hold").withRequestBody(matchingJsonPath("$.is_hold", equalTo("Y")))
                .willReturn(okJson(recorded("hold.json"))));
        Result<Boolean> held = gateway(wm).cancelShipment(REF);
        assertEquals(Boolean.TRUE, held.value());
        assertEquals(FourPxCodes.HELD, only(held).code());
        assertTrue(only(held).text().contains("consignment already received"));
        wm.resetAll();
        wm.stubFor(method("ds.xms.order.cancel").willReturn(okJson(recorded("cancel-refused.json"))));
        wm.stubFor(method("ds.xms.order.hold").willReturn(okJson(recorded("hold-refused.json"))));
        Message m = only(gateway(wm).cancelShipment(REF));
        assertEquals(FourPxCodes.CANCEL_FAILED, m.code());
        assertTrue(m.text().contains("consignment already shipped"));
    }

    @Test
    void iossNumber_onlyToTheEu() {
        wm.stubFor(method("ds.xms.order.create").willReturn(okJson(recorded("order-create.json"))));
        gateway(wm, java.util.Map.of("iossNo", "IM1234567890")).createShipment(request());
        wm.verify(postRequestedFor(urlPathEqualTo(SERVICE)).withRequestBody(notMatching(".*ioss_no.*")));
        assertTrue(List.of("DE", "FR").stream().allMatch(FourPxRequestMapper.EU::contains));
    }

    @Test
    void spi12_itemsAndDeclaration_areMapped_withoutTestSeam() {
        wm.stubFor(method("ds.xms.order.create").willReturn(okJson(recorded("order-create.json"))));
        FourPxCarrierGateway g = new FourPxCarrierGateway();
        g.configure(config(java.util.Map.of("baseUrl", wm.baseUrl() + SERVICE, "appKey", APP_KEY,
                ".appSecret", APP_SECRET, "iossNo", "IM9999999999")));
        var r = request();
        var de = new io.waybill.spi.common.Address("Andreas", "", "Forstwald Str. 674", "", "Krefeld", "", "47804",
                "DE", "0151", "");
        var declared = new io.waybill.spi.carrier.ShipmentRequest(KEY, "WB000123", "SO", "A1", r.sender(), de, 1250,
                List.of(new io.waybill.spi.carrier.ShipmentRequest.Item("SKU-1", "Wool scarf", 2, 600, "611710",
                        "羊毛围巾", new BigDecimal("12.50"), "USD", "CN", 550)),
                new io.waybill.spi.carrier.CustomsDeclaration(
                        io.waybill.spi.carrier.CustomsDeclaration.Category.SAMPLE,
                        new io.waybill.spi.carrier.CustomsDeclaration.TaxIds("IM0000000001", "", "DE1", "DE2")));
        assertTrue(g.createShipment(declared).isOk());
        wm.verify(postRequestedFor(urlPathEqualTo(SERVICE))
                .withRequestBody(matchingJsonPath("$.ioss_no", equalTo("IM0000000001")))
                .withRequestBody(matchingJsonPath("$.eori_no", equalTo("DE1")))
                .withRequestBody(matchingJsonPath("$.vat_no", equalTo("DE2")))
                .withRequestBody(matchingJsonPath("$.cargo_type", equalTo("3")))
                .withRequestBody(matchingJsonPath("$.parcel_list[0].declare_product_info[0].origin_country",
                        equalTo("CN")))
                .withRequestBody(matchingJsonPath("$.parcel_list[0].parcel_value", equalTo("25"))));
    }

    @Test
    void services_areTheConfiguredProducts_inUsdOnly() {
        var services = gateway(wm, java.util.Map.of("defaultService", "A1", "services", new String[] {"A2"}))
                .services();
        assertEquals(List.of("A1", "A2"), services.stream().map(s -> s.code()).toList());
        assertEquals(java.util.Set.of("USD"), services.get(1).acceptedCurrencies());
    }
}
