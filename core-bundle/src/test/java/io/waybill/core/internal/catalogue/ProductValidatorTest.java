package io.waybill.core.internal.catalogue;

import io.waybill.core.model.Product;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProductValidatorTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "4006381333931", // EAN-13 printed on a STABILO pen (GS1 check digit example)
            "5901234123457", // EAN-13 of GS1's own examples
            "9780306406157", // ISBN-13 as EAN-13
            "036000291452",  // UPC-A of a Wrigley's gum pack
            "012345678905",  // UPC-A example
            "96385074",      // EAN-8 example
            "10614141000415", // GTIN-14 example
            "FREE-0001", "ABC123", "12345-X"})
    void acceptsValidGtinsAndFreeCodes(String code) {
        assertNull(ProductValidator.barcodeProblem(code), code);
    }

    @Test
    void refusesAWrongCheckDigitNamingTheExpectedOne() {
        // given the STABILO EAN-13 with its last digit changed
        String why = ProductValidator.barcodeProblem("4006381333932");
        // then the reason names the kind and the right digit
        assertEquals("'4006381333932' has a wrong check digit: EAN-13 ending in 1 expected", why);
        assertEquals("'036000291453' has a wrong check digit: UPC-A ending in 2 expected",
                ProductValidator.barcodeProblem("036000291453"));
    }

    @Test
    void refusesAllDigitCodesOfNoGtinLengthAndUnprintableCodes() {
        assertTrue(ProductValidator.barcodeProblem("123456").contains("must be an EAN-8, UPC-A (12), EAN-13"));
        assertTrue(ProductValidator.barcodeProblem("AB C").contains("printable ASCII"));
        assertTrue(ProductValidator.barcodeProblem("条码1").contains("printable ASCII"));
    }

    @Test
    void gtinCheckDigitsFromTheWeightedSum() {
        assertEquals(1, Gtin.expectedCheckDigit("4006381333931"));
        assertEquals(2, Gtin.expectedCheckDigit("036000291452"));
        assertEquals(4, Gtin.expectedCheckDigit("96385074"));
        assertTrue(Gtin.checkDigitValid("5901234123457"));
    }

    @Test
    void aCompleteProductIsValidAndNormalised() {
        // given text as a file or the shell gives it, with lower-case codes and an HS code with a dot
        Map<ProductColumn, String> text = new EnumMap<>(ProductColumn.class);
        text.put(ProductColumn.SKU, " MUG-1 ");
        text.put(ProductColumn.NAME, "Mug");
        text.put(ProductColumn.NAME_ZH, "马克杯");
        text.put(ProductColumn.BARCODES, "4006381333931|FREE-9");
        text.put(ProductColumn.WEIGHT, "1,250");
        text.put(ProductColumn.LENGTH, "120");
        text.put(ProductColumn.DECLARED_VALUE, "6.50");
        text.put(ProductColumn.CURRENCY, "usd");
        text.put(ProductColumn.HS_CODE, "6912.00");
        text.put(ProductColumn.ORIGIN_COUNTRY, "cn");
        text.put(ProductColumn.BATTERY, "是");
        text.put(ProductColumn.ENABLED, "");
        // when
        ProductValidator.Parsed parsed = ProductValidator.parse(text);
        // then
        assertEquals(List.of(), parsed.problems());
        Product p = parsed.product();
        assertEquals("MUG-1", p.sku());
        assertEquals(List.of("4006381333931", "FREE-9"), p.barcodes());
        assertEquals(1250, p.weightGrams());
        assertEquals("USD", p.currency());
        assertEquals("691200", p.hsCode());
        assertEquals("CN", p.originCountry());
        assertTrue(p.battery());
        assertTrue(p.enabled());
        assertEquals(new BigDecimal("6.50"), p.declaredValue());
    }

    @Test
    void everyBadFieldHasAReadableReason() {
        // given a product wrong in every checked field
        Product p = new Product("A B", "", null, List.of("4006381333932", "FREE-1", "FREE-1"), 0, -1, 0, -5, 20_000,
                new BigDecimal("-1"), null, "12345", "XX", null, false, false, false, false, true);
        // when
        List<String> problems = ProductValidator.validate(ProductValidator.normalise(p)).stream()
                .map(ProductValidator.Problem::toString).toList();
        // then
        assertEquals(List.of(
                "sku: 'A B' must not contain spaces or control characters",
                "name: is required",
                "barcodes: '4006381333932' has a wrong check digit: EAN-13 ending in 1 expected",
                "barcodes: 'FREE-1' is listed twice",
                "weight_g: 0 must be a positive number of grams",
                "weight_tolerance_g: -1 must be 0 or more grams",
                "length_mm: 0 must be a positive number of mm",
                "width_mm: -5 must be a positive number of mm",
                "height_mm: 20000 is more than 10,000 mm",
                "declared_value: -1 must not be negative",
                "currency: is required with a declared value (ISO 4217 code such as USD)",
                "hs_code: '12345' must be 6 to 10 digits (e.g. 610910)",
                "origin_country: 'XX' is not an ISO 3166 country code (two letters, e.g. CN)"), problems);
    }

    @Test
    void unknownCurrencyUnreadableNumbersAndFlags() {
        Map<ProductColumn, String> text = new EnumMap<>(ProductColumn.class);
        text.put(ProductColumn.SKU, "X1");
        text.put(ProductColumn.NAME, "X");
        text.put(ProductColumn.WEIGHT, "heavy");
        text.put(ProductColumn.DECLARED_VALUE, "1.234");
        text.put(ProductColumn.CURRENCY, "XYZ");
        text.put(ProductColumn.LIQUID, "maybe");
        List<String> problems = ProductValidator.parse(text).problems().stream()
                .map(ProductValidator.Problem::toString).toList();
        assertEquals(List.of(
                "weight_g: 'heavy' is not a whole number",
                "declared_value: 1.234 has more than 2 decimals",
                "currency: 'XYZ' is not an ISO 4217 currency code (e.g. USD, EUR, CNY)",
                "liquid: 'maybe' is not yes/no (true/false, 1/0, 是/否)"), problems);
    }

    @Test
    void headersInEnglishOrChinese() {
        assertEquals(ProductColumn.WEIGHT, ProductColumn.ofHeader("Weight_G"));
        assertEquals(ProductColumn.WEIGHT, ProductColumn.ofHeader("重量（克）"));
        assertEquals(ProductColumn.SKU, ProductColumn.ofHeader("\uFEFFsku"));
        assertEquals(ProductColumn.NAME_ZH, ProductColumn.ofHeader("中文名称"));
        assertNull(ProductColumn.ofHeader("weigth_g"));
        assertNotNull(ProductColumn.ofHeader("海关编码"));
    }
}
