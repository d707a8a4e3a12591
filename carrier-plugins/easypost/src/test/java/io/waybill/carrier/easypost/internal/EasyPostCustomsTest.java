package io.waybill.carrier.easypost.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.waybill.spi.carrier.CustomsDeclaration;
import io.waybill.spi.carrier.ShipmentRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.waybill.carrier.easypost.internal.EasyPostFixture.CREATED_ID;
import static io.waybill.carrier.easypost.internal.EasyPostFixture.KEY;
import static io.waybill.carrier.easypost.internal.EasyPostFixture.gateway;
import static io.waybill.carrier.easypost.internal.EasyPostFixture.recorded;
import static io.waybill.carrier.easypost.internal.EasyPostFixture.request;
import static io.waybill.carrier.easypost.internal.EasyPostFixture.wireMock;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A request with a customs declaration (SPI carrier 1.2) sends EasyPost's customs_info and tax_identifiers. */
class EasyPostCustomsTest {

    @RegisterExtension
    static WireMockExtension wm = wireMock();

    private void stubNewShipment() {
        wm.stubFor(get("/v2/shipments/" + KEY).willReturn(aResponse().withStatus(404)));
        wm.stubFor(post("/v2/shipments").willReturn(okJson(recorded("shipment-create.json"))));
        wm.stubFor(post("/v2/shipments/" + CREATED_ID + "/buy").willReturn(okJson(recorded("shipment-buy.json"))));
    }

    static ShipmentRequest withCustoms(CustomsDeclaration.TaxIds ids) {
        ShipmentRequest r = request();
        return new ShipmentRequest(r.idempotencyKey(), r.packageNo(), r.orderNo(), r.serviceCode(), r.sender(),
                r.recipient(), r.weightGrams(), List.of(
                        new ShipmentRequest.Item("SKU-1", "Wool scarf", 2, 600, "6117.10", "羊毛围巾",
                                new BigDecimal("24.50"), "USD", "CN", 550),
                        new ShipmentRequest.Item("SKU-2", "Gift card", 1, 10)),
                new CustomsDeclaration(CustomsDeclaration.Category.GIFT, ids));
    }

    @Test
    void customsInfoWithItemsPerLine_andTheSendersTaxIdentifiers() {
        stubNewShipment();

        gateway(wm).createShipment(withCustoms(new CustomsDeclaration.TaxIds("IM2760000123", "2024123",
                "DE123456789012345", "DE123456789")));

        wm.verify(postRequestedFor(urlEqualTo("/v2/shipments"))
                .withRequestBody(matchingJsonPath("$.shipment.customs_info", equalToJson("""
                        {
                          "contents_type": "gift",
                          "customs_certify": true,
                          "customs_signer": "EasyPost",
                          "non_delivery_option": "return",
                          "restriction_type": "none",
                          "eel_pfc": "NOEEI 30.37(a)",
                          "customs_items": [
                            {"description": "Wool scarf", "quantity": 2, "value": "49", "currency": "USD",
                             "weight": "38.802", "hs_tariff_number": "6117.10", "origin_country": "CN",
                             "code": "SKU-1"},
                            {"description": "Gift card", "quantity": 1, "weight": "0.353", "code": "SKU-2"}
                          ]
                        }""")))
                .withRequestBody(matchingJsonPath("$.shipment.tax_identifiers", equalToJson("""
                        [
                          {"entity": "SENDER", "tax_id": "IM2760000123", "tax_id_type": "IOSS"},
                          {"entity": "SENDER", "tax_id": "2024123", "tax_id_type": "VOEC", "issuing_country": "NO"},
                          {"entity": "SENDER", "tax_id": "DE123456789012345", "tax_id_type": "EORI",
                           "issuing_country": "DE"},
                          {"entity": "SENDER", "tax_id": "DE123456789", "tax_id_type": "VAT", "issuing_country": "DE"}
                        ]"""))));
    }

    @Test
    void noTaxIds_noTaxIdentifiers_andADomesticParcelHasNoCustoms() {
        stubNewShipment();
        gateway(wm).createShipment(withCustoms(null));
        String body = wm.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().equals("/v2/shipments")
                && e.getRequest().getMethod().getName().equals("POST")).findFirst().orElseThrow().getRequest()
                .getBodyAsString();
        assertFalse(body.contains("tax_identifiers"), body);

        wm.resetRequests();
        ShipmentRequest r = withCustoms(null);
        gateway(wm).createShipment(new ShipmentRequest(r.idempotencyKey(), r.packageNo(), r.orderNo(),
                r.serviceCode(), r.sender(), r.sender(), r.weightGrams(), r.items(), r.customs()));
        wm.getAllServeEvents().forEach(e -> assertFalse(e.getRequest().getBodyAsString().contains("customs_info"),
                e.getRequest().getBodyAsString()));
    }
}
