package io.waybill.carrier.yunexpress.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.waybill.spi.carrier.ShipmentRequest;
import io.waybill.spi.carrier.ShipmentResponse;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.MessageCodes;
import io.waybill.spi.common.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.waybill.carrier.yunexpress.internal.YunExpressFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/** createShipment and the batch createShipments against a WireMock YunExpress. */
class YunExpressCreateShipmentTest {

    @RegisterExtension
    static WireMockExtension wm = wireMock();

    private static final String CREATE = "/api/WayBill/CreateOrder";

    @Test
    void token_isBase64OfCustomerCodeAmpersandSecret_documentedTestAccount() {
        // given the test account of YunExpress's API document; when the token is built; then it is the documented rule
        assertEquals(TOKEN, YunExpressClient.token(CUSTOMER_CODE, API_SECRET));
        assertEquals(CUSTOMER_CODE + "&" + API_SECRET, new String(java.util.Base64.getDecoder().decode(TOKEN),
                java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void create_sendsTheDocumentedOrder_andAnswersTracked() {
        // given YunExpress accepting the order with a tracking number
        wm.stubFor(post(CREATE).withHeader("Authorization", equalTo(BASIC))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(equalToJson(recorded("create-order-request.json")))
                .willReturn(okJson(recorded("create-order.json"))));
        // when
        Result<ShipmentResponse> r = gateway(wm).createShipment(request());
        // then: the id kept is the CustomerOrderNumber (every later call takes it)
        assertTrue(r.isOk(), r.toString());
        assertEquals(new ShipmentResponse(ShipmentResponse.State.TRACKED, KEY, TRACKING), r.value());
        wm.verify(1, postRequestedFor(urlEqualTo(CREATE)));
    }

    @Test
    void create_withoutTrackingNumberYet_answersPending() {
        wm.stubFor(post(CREATE).willReturn(okJson(recorded("create-order-pending.json"))));
        Result<ShipmentResponse> r = gateway(wm).createShipment(request());
        assertEquals(new ShipmentResponse(ShipmentResponse.State.PENDING, KEY, null), r.value());
    }

    @Test
    void documentedRefusal_isRejectedWithTheRemark_afterTheLookUpFindsNoOrder() {
        // given the recorded refusal (its order number) and no such order at YunExpress
        String key = "1534002172771790848";
        wm.stubFor(post(CREATE).willReturn(okJson(recorded("create-order-refused.json"))));
        wm.stubFor(get("/api/WayBill/GetOrder?OrderNumber=" + key).willReturn(okJson(recorded("get-order-none.json"))));
        // when
        Result<ShipmentResponse> r = gateway(wm).createShipment(request(key, "WB000777"));
        // then
        Message m = only(r);
        assertEquals(MessageCodes.REJECTED, m.code());
        assertTrue(m.text().contains("Value cannot be null"), m.text());
        assertTrue(m.text().contains("WB000777"), m.text());
    }

    @Test
    void refusedBecauseAnEarlierAttemptCreatedIt_returnsThatOrder_andCreatesNothingMore() {
        // given an order with this key already at YunExpress (the first answer was lost)
        wm.stubFor(post(CREATE).willReturn(okJson(recorded("create-order-refused.json")
                .replace("1534002172771790848", KEY))));
        wm.stubFor(get("/api/WayBill/GetOrder?OrderNumber=" + KEY).withHeader("Authorization", equalTo(BASIC))
                .willReturn(okJson(recorded("get-order.json"))));
        // when
        Result<ShipmentResponse> r = gateway(wm).createShipment(request());
        // then
        assertTrue(r.isOk(), r.toString());
        assertEquals(new ShipmentResponse(ShipmentResponse.State.TRACKED, KEY, TRACKING), r.value());
        assertEquals(MessageCodes.ALREADY_CREATED, only(r).code());
        assertTrue(only(r).text().contains(WAYBILL));
        wm.verify(1, postRequestedFor(urlEqualTo(CREATE)));
    }

    @Test
    void lookUpFailing_returnsItsFailure_soTheCoreRetries() {
        wm.stubFor(post(CREATE).willReturn(okJson(recorded("create-order-refused.json")
                .replace("1534002172771790848", KEY))));
        wm.stubFor(get(urlPathEqualTo("/api/WayBill/GetOrder")).willReturn(aResponse().withStatus(503)));
        assertEquals(MessageCodes.TRANSIENT, only(gateway(wm).createShipment(request())).code());
    }

    @Test
    void batchOf1000_takes100Calls_andEachPackageGetsItsOwnResult() {
        // given YunExpress answering every order of a call (one body naming all 1,000 orders; each call reads its own)
        int n = 1000;
        List<ShipmentRequest> requests = new ArrayList<>();
        StringJoiner items = new StringJoiner(",", "{\"Item\":[", "],\"Code\":\"0000\",\"Message\":\"\"}");
        for (int i = 0; i < n; i++) {
            String key = String.format("WB%08d-1", i);
            requests.add(request(key, key.substring(0, 10)));
            items.add("{\"CustomerOrderNumber\":\"" + key + "\",\"Success\":1,\"TrackType\":\"1\",\"WayBillNumber\":\"YT"
                    + i + "\",\"TrackingNumber\":\"LX" + String.format("%09d", i) + "CN\"}");
        }
        wm.stubFor(post(CREATE).willReturn(okJson(items.toString())));
        // when
        List<Result<ShipmentResponse>> results = gateway(wm).createShipments(requests);
        // then: ceil(1000 / 10) calls, no call with more than 10 orders, every package its own tracking number
        assertEquals(100, wm.countRequestsMatching(postRequestedFor(urlEqualTo(CREATE)).build()).getCount());
        wm.verify(0, postRequestedFor(urlEqualTo(CREATE)).withRequestBody(matchingJsonPath("$[10]")));
        assertEquals(n, results.size());
        for (int i = 0; i < n; i++) {
            assertEquals(String.format("LX%09dCN", i), results.get(i).value().trackingNumber(), "package " + i);
            assertEquals(requests.get(i).idempotencyKey(), results.get(i).value().carrierShipmentId());
        }
    }

    @Test
    void batch_mixesRefusedChecks_refusedOrders_andAFailedCall_eachPackageItsOwnOutcome() {
        // given 12 packages: one breaks a limit (never sent), one refused by YunExpress, and the second call fails
        List<ShipmentRequest> requests = new ArrayList<>();
        StringJoiner items = new StringJoiner(",", "{\"Item\":[", "],\"Code\":\"1001\",\"Message\":\"\"}");
        for (int i = 0; i < 12; i++) {
            String key = "K-" + i;
            ShipmentRequest r = request(key, "WB" + i);
            if (i == 3) {
                r = new ShipmentRequest(key, "WB3", "SO", "THPHR", r.sender(), r.recipient(), 0, r.items());
            }
            requests.add(r);
            items.add("{\"CustomerOrderNumber\":\"" + key + "\",\"Success\":" + (i == 5 ? 0 : 1)
                    + ",\"Remark\":" + (i == 5 ? "\"bad postcode\"" : "null") + ",\"WayBillNumber\":\"YT" + i
                    + "\",\"TrackingNumber\":null}");
        }
        wm.stubFor(post(CREATE).withRequestBody(matchingJsonPath("$[0].CustomerOrderNumber", equalTo("K-0")))
                .willReturn(okJson(items.toString())));
        wm.stubFor(post(CREATE).withRequestBody(matchingJsonPath("$[0].CustomerOrderNumber", equalTo("K-11")))
                .willReturn(aResponse().withStatus(500)));
        wm.stubFor(get(urlPathEqualTo("/api/WayBill/GetOrder")).willReturn(okJson(recorded("get-order-none.json"))));
        // when
        List<Result<ShipmentResponse>> results = gateway(wm).createShipments(requests);
        // then: 11 sent in two calls (10 + 1)
        assertEquals(2, wm.countRequestsMatching(postRequestedFor(urlEqualTo(CREATE)).build()).getCount());
        assertEquals(MessageCodes.BAD_REQUEST, only(results.get(3)).code());
        assertEquals(MessageCodes.REJECTED, only(results.get(5)).code());
        assertTrue(only(results.get(5)).text().contains("bad postcode"));
        assertEquals(ShipmentResponse.State.PENDING, results.get(0).value().state());
        assertEquals(MessageCodes.TRANSIENT, only(results.get(11)).code());
    }

    @Test
    void limits_areCheckedBeforeTheCall_withReadableReasons() {
        wm.stubFor(post(CREATE).willReturn(okJson(recorded("create-order.json"))));
        ShipmentRequest ok = request();
        // a recipient name over 50 characters, a sender phone over 20, a Japanese parcel declared in EUR
        var to = ok.recipient();
        var longName = new io.waybill.spi.common.Address("x".repeat(51), "", to.line1(), "", to.city(), "", "100-0001",
                "JP", "", "");
        var from = ok.sender();
        var longPhone = new io.waybill.spi.common.Address(from.name(), "", from.line1(), "", from.city(), "", "",
                "CN", "+86 755 0000 0000 000", "");
        Result<ShipmentResponse> r = gateway(wm).createShipment(new ShipmentRequest(KEY, "WB000123", "SO", "THPHR",
                longPhone, longName, 1250, ok.items()));
        Message m = only(r);
        assertEquals(MessageCodes.BAD_REQUEST, m.code());
        assertTrue(m.text().contains("recipient name has 51 characters; YunExpress takes at most 50"), m.text());
        assertTrue(m.text().contains("sender phone has 21 characters; YunExpress takes at most 20"), m.text());
        assertTrue(m.text().contains("declared in EUR; YunExpress accepts only USD for JP"), m.text());
        wm.verify(0, postRequestedFor(urlEqualTo(CREATE)));
    }

    @Test
    void currencies_usdEverywhere_gbpOrEurToTheUk_eurToTheEu() {
        assertTrue(YunExpressRequestMapper.accepted("USD", "JP"));
        assertTrue(YunExpressRequestMapper.accepted("GBP", "GB"));
        assertTrue(YunExpressRequestMapper.accepted("EUR", "GB"));
        assertTrue(YunExpressRequestMapper.accepted("EUR", "FR"));
        assertFalse(YunExpressRequestMapper.accepted("GBP", "FR"));
        assertFalse(YunExpressRequestMapper.accepted("CNY", "US"));
    }

    @Test
    void withoutDeclaredValues_theCreateIsRefused_nothingSent() {
        // under SPI 1.1 the core sends no unit values, and YunExpress requires UnitPrice
        YunExpressCarrierGateway g = new YunExpressCarrierGateway();
        g.configure(config(Map.of("baseUrl", wm.baseUrl() + "/api", "customerCode", CUSTOMER_CODE,
                ".apiSecret", API_SECRET)));
        Message m = only(g.createShipment(request()));
        assertEquals(MessageCodes.BAD_REQUEST, m.code());
        assertTrue(m.text().contains("line 1 has no declared unit value (YunExpress requires UnitPrice)"), m.text());
        wm.verify(0, postRequestedFor(urlEqualTo(CREATE)));
    }

    @Test
    void iossCode_isSentOnlyToEuCountries() {
        wm.stubFor(post(CREATE).willReturn(okJson(recorded("create-order.json"))));
        ShipmentRequest de = request();
        var to = de.recipient();
        var us = new io.waybill.spi.common.Address(to.name(), "", "67700 Lockwood-Jolon Road", "", "Lockwood",
                "California", "93932", "US", "5869098233", "");
        YunExpressCarrierGateway g = new YunExpressCarrierGateway();
        g.customs = item -> new YunExpressRequestMapper.Declared(new BigDecimal("12.50"), "USD", null, null);
        g.configure(config(Map.of("baseUrl", wm.baseUrl() + "/api", "customerCode", CUSTOMER_CODE,
                ".apiSecret", API_SECRET, "iossCode", IOSS)));
        assertTrue(g.createShipment(new ShipmentRequest(KEY, "WB000123", "SO", "THPHR", de.sender(), us, 1250,
                List.of(new ShipmentRequest.Item("SKU-1", "Wool scarf", 1, 1200)))).isOk());
        wm.verify(postRequestedFor(urlEqualTo(CREATE)).withRequestBody(notMatching(".*IossCode.*")));
        assertEquals(new BigDecimal("1.250"), YunExpressRequestMapper.kg(1250));
    }

    @Test
    void spi12_declaredValues_customsNames_taxIds_andCategory_areSent() {
        // given a gateway reading the request's own customs data (carrier SPI 1.2), no test seam
        wm.stubFor(post(CREATE).willReturn(okJson(recorded("create-order.json"))));
        YunExpressCarrierGateway g = new YunExpressCarrierGateway();
        g.configure(config(Map.of("baseUrl", wm.baseUrl() + "/api", "customerCode", CUSTOMER_CODE,
                ".apiSecret", API_SECRET, "iossCode", "IOSS-OF-THE-ACCOUNT")));
        ShipmentRequest r = request();
        ShipmentRequest declared = new ShipmentRequest(KEY, "WB000123", "SO-1001", "THPHR", r.sender(), r.recipient(),
                1250, List.of(new ShipmentRequest.Item("SKU-1", "Wool scarf", 1, 1200, "611710", "羊毛围巾",
                new BigDecimal("12.5"), "EUR", "CN", 1100)),
                new io.waybill.spi.carrier.CustomsDeclaration(io.waybill.spi.carrier.CustomsDeclaration.Category.GIFT,
                        new io.waybill.spi.carrier.CustomsDeclaration.TaxIds("IM0000000001", "", "DE123456789000",
                                "DE123456789")));
        // when
        Result<ShipmentResponse> result = g.createShipment(declared);
        // then: the store's IOSS number wins over the account's, EORI and VAT go along, a gift is ApplicationType 1
        assertTrue(result.isOk(), result.toString());
        wm.verify(postRequestedFor(urlEqualTo(CREATE))
                .withRequestBody(matchingJsonPath("$[0].Parcels[0].UnitPrice", equalTo("12.5")))
                .withRequestBody(matchingJsonPath("$[0].Parcels[0].CurrencyCode", equalTo("EUR")))
                .withRequestBody(matchingJsonPath("$[0].Parcels[0].HSCode", equalTo("611710")))
                .withRequestBody(matchingJsonPath("$[0].Parcels[0].CName", equalTo("羊毛围巾")))
                .withRequestBody(matchingJsonPath("$[0].IossCode", equalTo("IM0000000001")))
                .withRequestBody(matchingJsonPath("$[0].EoriNumber", equalTo("DE123456789000")))
                .withRequestBody(matchingJsonPath("$[0].TaxNumber", equalTo("DE123456789")))
                .withRequestBody(matchingJsonPath("$[0].ApplicationType", equalTo("1"))));
        assertEquals(4, YunExpressRequestMapper.applicationType(
                io.waybill.spi.carrier.CustomsDeclaration.Category.MERCHANDISE));
    }

    @Test
    void services_areTheConfiguredMethodCodes_withTheDeclarationCurrencies() {
        YunExpressCarrierGateway g = gateway(wm, Map.of("defaultService", "THPHR",
                "services", new String[] {"THPHR", "FXPHR", " "}));
        var services = g.services();
        assertEquals(List.of("THPHR", "FXPHR"), services.stream().map(s -> s.code()).toList());
        assertEquals(java.util.Set.of("USD", "GBP", "EUR"), services.get(0).acceptedCurrencies());
        assertTrue(services.get(0).check(new io.waybill.spi.carrier.CarrierService.Parcel("US", 100, null, "CNY",
                java.util.Set.of(), 1, false)).stream().anyMatch(x -> x.code().equals(
                io.waybill.spi.carrier.CarrierService.CURRENCY)));
    }
}
