package io.waybill.spi.carrier;

import io.waybill.spi.carrier.ShipmentRequest.Item;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShipmentRequestTest {

    static Item item(String value, String currency, int qty) {
        return new Item("S", "Thing", qty, 100, "392690", "东西", value == null ? null : new BigDecimal(value),
                currency, "CN", 80);
    }

    static ShipmentRequest request(List<Item> items) {
        return new ShipmentRequest("k", "P", "O", "", null, null, 100, items);
    }

    @Test
    void theOneOneShape_stillBuilds_withoutCustoms() {
        ShipmentRequest r = new ShipmentRequest("k", "P", "O", "RR", null, null, 10,
                List.of(new Item("S", "Thing", 1, 10)));
        assertNull(r.customs());
        Item i = r.items().get(0);
        assertNull(i.hsCode());
        assertNull(i.unitValue());
        assertEquals(0, i.netWeightGrams());
        assertEquals(10, i.declaredNetWeightGrams());
        assertFalse(i.hasCustomsData());
        assertEquals(BigDecimal.ZERO, i.lineValue());
    }

    @Test
    void declaredTotal_sumsLinesOfOneCurrency() {
        assertEquals(Optional.of(new BigDecimal("7.50")),
                request(List.of(item("2.50", "USD", 2), item("2.50", "usd", 1))).declaredTotal());
        assertEquals(Optional.of("USD"), request(List.of(item("1", "usd", 1))).declaredCurrency());
        assertEquals(Optional.empty(), request(List.of(item("1", "USD", 1), item("1", "EUR", 1))).declaredTotal());
        assertEquals(Optional.empty(), request(List.of(item("1", "USD", 1), item(null, "USD", 1))).declaredTotal());
        assertEquals(Optional.empty(), request(List.of(item("1", null, 1))).declaredCurrency());
        assertEquals(Optional.empty(), request(List.of()).declaredTotal());
        assertEquals(Optional.empty(), request(null).declaredTotal());
    }

    @Test
    void hasCustomsData_needsCodeDescriptionPositiveValueCurrencyOrigin() {
        assertTrue(item("1", "USD", 1).hasCustomsData());
        assertFalse(item("0", "USD", 1).hasCustomsData());
        assertFalse(new Item("S", "Thing", 1, 1, " ", null, BigDecimal.ONE, "USD", "CN", 0).hasCustomsData());
        assertFalse(new Item("S", "", 1, 1, "392690", null, BigDecimal.ONE, "USD", "CN", 0).hasCustomsData());
        assertFalse(new Item("S", "Thing", 1, 1, "392690", null, BigDecimal.ONE, "USD", null, 0).hasCustomsData());
        assertEquals(80, item("1", "USD", 1).declaredNetWeightGrams());
    }

    @Test
    void declaration_defaultsToMerchandiseWithoutTaxIds() {
        CustomsDeclaration d = new CustomsDeclaration(null, null);
        assertEquals(CustomsDeclaration.Category.MERCHANDISE, d.category());
        assertEquals(CustomsDeclaration.TaxIds.NONE, d.taxIds());
        assertEquals("IM1234567890", new CustomsDeclaration.TaxIds(" IM1234567890 ", null, null, null).ioss());
    }
}
