package io.waybill.carrier.shippo.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.waybill.spi.carrier.CustomsDeclaration;
import io.waybill.spi.carrier.ShipmentRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.waybill.carrier.shippo.internal.ShippoFixture.gateway;
import static io.waybill.carrier.shippo.internal.ShippoFixture.recorded;
import static io.waybill.carrier.shippo.internal.ShippoFixture.request;
import static io.waybill.carrier.shippo.internal.ShippoFixture.wireMock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A request with a customs declaration (SPI carrier 1.2) sends Shippo's inline customs declaration. */
class ShippoCustomsTest {

    @RegisterExtension
    static WireMockExtension wm = wireMock();

    static ShipmentRequest withCustoms(CustomsDeclaration.Category category, CustomsDeclaration.TaxIds ids) {
        ShipmentRequest r = request();
        return new ShipmentRequest(r.idempotencyKey(), r.packageNo(), r.orderNo(), r.serviceCode(), r.sender(),
                r.recipient(), r.weightGrams(), List.of(
                        new ShipmentRequest.Item("SKU-1", "Wool scarf", 2, 600, "611710", "羊毛围巾",
                                new BigDecimal("24.50"), "USD", "CN", 550),
                        new ShipmentRequest.Item("SKU-2", "Gift card", 1, 10)),
                new CustomsDeclaration(category, ids));
    }

    @Test
    void theDeclarationTravelsInline_itemsWithHsCodeOriginValueAndWeightPerLine() {
        wm.stubFor(post("/transactions").willReturn(okJson(recorded("transaction-success.json"))));

        gateway(wm).createShipment(withCustoms(CustomsDeclaration.Category.MERCHANDISE,
                new CustomsDeclaration.TaxIds("IM2760000123", "2024123", "DE123456789012345", "DE123456789")));

        wm.verify(postRequestedFor(urlEqualTo("/transactions")).withRequestBody(matchingJsonPath(
                "$.shipment.customs_declaration", equalToJson("""
                        {
                          "contents_type": "MERCHANDISE",
                          "non_delivery_option": "RETURN",
                          "certify": true,
                          "certify_signer": "Mr. Hippo",
                          "items": [
                            {"description": "Wool scarf", "quantity": 2, "net_weight": "1100", "mass_unit": "g",
                             "value_amount": "49", "value_currency": "USD", "origin_country": "CN",
                             "tariff_number": "611710", "sku_code": "SKU-1"},
                            {"description": "Gift card", "quantity": 1, "net_weight": "10", "mass_unit": "g",
                             "sku_code": "SKU-2"}
                          ],
                          "exporter_identification": {
                            "eori_number": "DE123456789012345",
                            "tax_id": {"number": "IM2760000123", "type": "IOSS"}
                          },
                          "is_vat_collected": true
                        }"""))));
    }

    @Test
    void returnedGoods_areShipposReturnMerchandise_andAVatNumberWithoutIossIsTheTaxId() {
        wm.stubFor(post("/transactions").willReturn(okJson(recorded("transaction-success.json"))));

        gateway(wm).createShipment(withCustoms(CustomsDeclaration.Category.RETURNED_GOODS,
                new CustomsDeclaration.TaxIds(null, null, null, "GB123456789")));

        wm.verify(postRequestedFor(urlEqualTo("/transactions"))
                .withRequestBody(matchingJsonPath("$.shipment.customs_declaration.exporter_identification",
                        equalToJson("{\"tax_id\": {\"number\": \"GB123456789\", \"type\": \"VAT\"}}"))));
        String body = wm.getAllServeEvents().get(0).getRequest().getBodyAsString();
        assertTrue(body.contains("\"contents_type\":\"RETURN_MERCHANDISE\""), body);
        assertFalse(body.contains("is_vat_collected"), body);
    }

    @Test
    void withoutADeclaration_orWithinOneCountry_noCustomsAreSent() {
        wm.stubFor(post("/transactions").willReturn(okJson(recorded("transaction-success.json"))));
        gateway(wm).createShipment(request());
        ShipmentRequest r = withCustoms(CustomsDeclaration.Category.GIFT, null);
        ShipmentRequest domestic = new ShipmentRequest(r.idempotencyKey(), r.packageNo(), r.orderNo(),
                r.serviceCode(), r.sender(), r.sender(), r.weightGrams(), r.items(), r.customs());
        gateway(wm).createShipment(domestic);
        assertEquals(2, wm.getAllServeEvents().size());
        wm.getAllServeEvents().forEach(e -> assertFalse(e.getRequest().getBodyAsString()
                .contains("customs_declaration"), e.getRequest().getBodyAsString()));
    }
}
