package io.waybill.carrier.yanwen.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.waybill.spi.carrier.LabelDocument;
import io.waybill.spi.carrier.ShipmentRef;
import io.waybill.spi.carrier.ShipmentRequest;
import io.waybill.spi.carrier.ShipmentResponse;
import io.waybill.spi.common.Address;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.MessageCodes;
import io.waybill.spi.common.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.waybill.carrier.yanwen.internal.YanwenFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/** The operations against a WireMock Yanwen, and the documented signature. */
class YanwenGatewayTest {

    @RegisterExtension
    static WireMockExtension wm = wireMock();

    private static final ShipmentRef REF = new ShipmentRef(WAYBILL, WAYBILL);

    /** Yanwen knows no waybill of the order number yet (the look-up before every create). */
    @org.junit.jupiter.api.BeforeEach
    void noWaybillYet() {
        stubNoWaybillYet();
    }

    static void stubNoWaybillYet() {
        wm.stubFor(method("express.order.getlist").atPriority(10).willReturn(okJson(recorded(
                "order-getlist-empty.json"))));
    }

    private static com.github.tomakehurst.wiremock.client.MappingBuilder method(String name) {
        return post(urlPathEqualTo(SERVICE)).withQueryParam("method", equalTo(name));
    }

    @Test
    void signature_documentedExample_countryPage() {
        // common.country.getlist page: input D6140...100000{}jsoncommon.country.getlist1655798809414V1.0D6140...
        assertEquals("bc5f1792e30936c72fa2a35efead8d73", YanwenSignature.sign(API_TOKEN, USER_ID, "{}", "json",
                "common.country.getlist", 1655798809414L, "V1.0"));
    }

    @Test
    void signature_labelPageExample_followsTheAlgorithmNotItsPrintedResult() {
        // express.order.label.get page: its input (test account 99000015) hashes to 1a4187d5..., the value in that
        // page's own URL example; the "result" printed beside it (bc5f1792...) is the country page's (SOURCES.md)
        String sign = YanwenSignature.sign("E33A3973221DB08128F8FF436EFDB8F4", "99000015", "{}", "json",
                "express.order.create", 1655798809414L, "V1.0");
        assertEquals("1a4187d5e55337e2383b041bfb5a532f", sign);
        assertNotEquals("bc5f1792e30936c72fa2a35efead8d73", sign);
    }

    @Test
    void create_sendsTheWaybill_signedOverTheExactBody_andAnswersTracked() {
        wm.stubFor(method("express.order.create")
                .withQueryParam("user_id", equalTo(USER_ID)).withQueryParam("format", equalTo("json"))
                .withQueryParam("version", equalTo("V1.0"))
                .withQueryParam("timestamp", equalTo(String.valueOf(NOW_MILLIS)))
                .withRequestBody(matchingJsonPath("$.channelId", equalTo("155")))
                .withRequestBody(matchingJsonPath("$.orderNumber", equalTo(KEY)))
                .withRequestBody(matchingJsonPath("$.orderSource", equalTo("Waybill")))
                .withRequestBody(matchingJsonPath("$.receiverInfo.country", equalTo("US")))
                .withRequestBody(matchingJsonPath("$.receiverInfo.zipCode", equalTo("90001")))
                .withRequestBody(matchingJsonPath("$.receiverInfo.address", equalTo("123 Test St, Apt 4")))
                .withRequestBody(matchingJsonPath("$.parcelInfo.hasBattery", equalTo("0")))
                .withRequestBody(matchingJsonPath("$.parcelInfo.currency", equalTo("USD")))
                .withRequestBody(matchingJsonPath("$.parcelInfo.totalPrice", equalTo("25")))
                .withRequestBody(matchingJsonPath("$.parcelInfo.totalQuantity", equalTo("2")))
                .withRequestBody(matchingJsonPath("$.parcelInfo.totalWeight", equalTo("1250")))
                .withRequestBody(matchingJsonPath("$.parcelInfo.productList[0].goodsNameCh", equalTo("羊毛围巾")))
                .withRequestBody(matchingJsonPath("$.parcelInfo.productList[0].weight", equalTo("600")))
                .willReturn(okJson(recorded("order-create.json"))));
        Result<ShipmentResponse> r = gateway(wm).createShipment(request());
        assertTrue(r.isOk(), r.toString());
        assertEquals(new ShipmentResponse(ShipmentResponse.State.TRACKED, WAYBILL, WAYBILL), r.value());
        LoggedRequest sent = wm.findAll(postRequestedFor(urlPathEqualTo(SERVICE)).withQueryParam("method",
                equalTo("express.order.create"))).get(0);
        assertEquals(YanwenSignature.sign(API_TOKEN, USER_ID, new String(sent.getBody(), StandardCharsets.UTF_8),
                "json", "express.order.create", NOW_MILLIS, "V1.0"), sent.queryParameter("sign").firstValue());
        assertFalse(sent.getUrl().contains(API_TOKEN) || sent.getBodyAsString().contains(API_TOKEN));
    }

    @Test
    void documentedRefusal_isRejectedWithYanwensText() {
        wm.stubFor(method("express.order.create").willReturn(okJson(recorded("order-create-refused.json"))));
        Message m = only(gateway(wm).createShipment(request()));
        assertEquals(MessageCodes.REJECTED, m.code());
        assertTrue(m.text().contains("1001: orderNumber already exists"), m.text());
    }

    @Test
    void limits_lines_currencies_chineseName_batteries_requiredFields_nothingSent() {
        YanwenCarrierGateway g = new YanwenCarrierGateway();
        g.customs = item -> new YanwenRequestMapper.Declared(new BigDecimal("3"), "JPY", null, null);
        g.configure(config(Map.of("baseUrl", wm.baseUrl() + SERVICE, "userId", USER_ID, ".apiToken", API_TOKEN,
                "defaultService", "155", "servicesRefreshMinutes", 0))); // no background channel read to count
        ShipmentRequest r = request();
        Address noState = new Address("John", "", "1 St", "", "LA", "", "", "US", "1", "");
        Message m = only(g.createShipment(new ShipmentRequest(KEY, "WB1", "SO", "", r.sender(), noState, 100,
                Collections.nCopies(6, r.items().get(0)))));
        assertEquals(MessageCodes.BAD_REQUEST, m.code());
        assertTrue(m.text().contains("6 declaration lines; Yanwen takes at most 5"), m.text());
        assertTrue(m.text().contains("is declared in JPY; Yanwen accepts USD, EUR, GBP, CNY, AUD or CAD"), m.text());
        assertTrue(m.text().contains("no line 1 Chinese name (Yanwen requires goodsNameCh)"), m.text());
        assertTrue(m.text().contains("does not say whether parcels contain batteries"), m.text());
        assertTrue(m.text().contains("no recipient state") && m.text().contains("no recipient postal code"));
        // nothing sent: no waybill left for Yanwen (a channel-list read of another test's gateway may still arrive)
        assertEquals(0, wm.findAll(postRequestedFor(urlPathEqualTo(SERVICE)).withQueryParam("method",
                equalTo("express.order.create"))).size());
    }

    @Test
    void withoutDeclaredValues_createIsRefused() {
        YanwenCarrierGateway g = new YanwenCarrierGateway();
        g.configure(config(Map.of("baseUrl", wm.baseUrl() + SERVICE, "userId", USER_ID, ".apiToken", API_TOKEN,
                "defaultService", "155", "batteries", "0", "servicesRefreshMinutes", 0)));
        assertTrue(only(g.createShipment(request())).text().contains("has no declared unit value"));
    }

    @Test
    void label_isTheBase64Pdf() {
        wm.stubFor(method("express.order.label.get").withRequestBody(equalToJson("{\"waybillNumber\":\"" + WAYBILL
                + "\"}")).willReturn(okJson(recorded("label-get.json"))));
        Result<LabelDocument> r = gateway(wm).fetchLabel(REF);
        assertEquals(LabelDocument.Format.PDF, r.value().format());
        assertArrayEquals(bytes("label.pdf"), r.value().content());
    }

    @Test
    void label_refused_isRejectedWithTheError() {
        wm.stubFor(method("express.order.label.get").willReturn(okJson(recorded("label-get-refused.json"))));
        Message m = only(gateway(wm).fetchLabel(REF));
        assertEquals(MessageCodes.REJECTED, m.code());
        assertTrue(m.text().contains("waybill cancelled"));
    }

    @Test
    void cancel_cancels_orFailsWithYanwensReason() {
        wm.stubFor(method("express.order.cancel").withRequestBody(matchingJsonPath("$.waybillNumber",
                equalTo(WAYBILL))).willReturn(okJson(recorded("cancel.json"))));
        assertEquals(Boolean.TRUE, gateway(wm).cancelShipment(REF).value());
        wm.resetAll();
        wm.stubFor(method("express.order.cancel").willReturn(okJson(recorded("cancel-refused.json"))));
        Message m = only(gateway(wm).cancelShipment(REF));
        assertEquals(YanwenCarrierGateway.CANCEL_FAILED, m.code());
        assertTrue(m.text().contains("waybill already received"));
    }

    @Test
    void iossOnlyToTheEu_andTheIsoCodeStandsForYanwensCountryId() {
        wm.stubFor(method("express.order.create").willReturn(okJson(recorded("order-create.json"))));
        gateway(wm, Map.of("iossNo", "IM1234567890")).createShipment(request());
        wm.verify(1, postRequestedFor(urlPathEqualTo(SERVICE)).withQueryParam("method",
                equalTo("express.order.create")).withRequestBody(notMatching(".*ioss.*")));
        ShipmentRequest r = request();
        Address de = new Address("Andreas", "", "Forstwald Str. 674", "", "Krefeld", "NRW", "47804", "DE", "0151",
                "");
        wm.resetAll();
        stubNoWaybillYet();
        wm.stubFor(method("express.order.create").willReturn(okJson(recorded("order-create.json"))));
        gateway(wm, Map.of("iossNo", "IM1234567890")).createShipment(new ShipmentRequest(KEY, "WB1", "SO", "", r.sender(),
                de, 100, r.items()));
        wm.verify(postRequestedFor(urlPathEqualTo(SERVICE))
                .withRequestBody(matchingJsonPath("$.parcelInfo.ioss", equalTo("IM1234567890")))
                .withRequestBody(matchingJsonPath("$.receiverInfo.country", equalTo("DE"))));
    }

    @Test
    void spi12_itemsAndTaxIds_areMapped_withoutTestSeam() {
        wm.stubFor(method("express.order.create").willReturn(okJson(recorded("order-create.json"))));
        YanwenCarrierGateway g = new YanwenCarrierGateway();
        g.configure(config(Map.of("baseUrl", wm.baseUrl() + SERVICE, "userId", USER_ID, ".apiToken", API_TOKEN,
                "defaultService", "155", "batteries", "0", "servicesRefreshMinutes", 0)));
        ShipmentRequest r = request();
        Address de = new Address("Andreas", "", "Forstwald Str. 674", "", "Krefeld", "NRW", "47804", "DE", "0151",
                "");
        ShipmentRequest declared = new ShipmentRequest(KEY, "WB1", "SO", "", r.sender(), de, 1250, java.util.List.of(
                new ShipmentRequest.Item("SKU-1", "Wool scarf", 2, 600, "611710", "羊毛围巾", new BigDecimal("9.90"),
                        "EUR", "CN", 0)),
                new io.waybill.spi.carrier.CustomsDeclaration(null,
                        new io.waybill.spi.carrier.CustomsDeclaration.TaxIds("IM0000000001", "", "", "CN-VAT-1")));
        assertTrue(g.createShipment(declared).isOk());
        wm.verify(postRequestedFor(urlPathEqualTo(SERVICE))
                .withRequestBody(matchingJsonPath("$.parcelInfo.currency", equalTo("EUR")))
                .withRequestBody(matchingJsonPath("$.parcelInfo.totalPrice", equalTo("19.8")))
                .withRequestBody(matchingJsonPath("$.parcelInfo.ioss", equalTo("IM0000000001")))
                .withRequestBody(matchingJsonPath("$.senderInfo.taxNumber", equalTo("CN-VAT-1")))
                .withRequestBody(matchingJsonPath("$.parcelInfo.productList[0].hscode", equalTo("611710"))));
    }

    @Test
    void services_carryTheLineAndCurrencyLimits_andBatteriesOnlyWhenDeclared() {
        var services = gateway(wm, Map.of("services", new String[] {"156"})).services();
        assertEquals(java.util.List.of("155", "156"), services.stream().map(s -> s.code()).toList());
        assertEquals(5, services.get(0).maxCustomsLines());
        assertTrue(services.get(0).dangerousGoodsAllowed().isEmpty());
        var withBatteries = gateway(wm, Map.of("batteries", "1")).services();
        assertEquals(java.util.Set.of(io.waybill.spi.carrier.CarrierService.DangerousGoods.BATTERY),
                withBatteries.get(0).dangerousGoodsAllowed());
    }
}
