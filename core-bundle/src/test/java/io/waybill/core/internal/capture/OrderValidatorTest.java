package io.waybill.core.internal.capture;

import io.waybill.spi.common.Address;
import io.waybill.spi.platform.PlatformOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one validator every order path uses (file, manual form, marketplace capture, address edit). */
class OrderValidatorTest {

    private static Address address(String name, String line1) {
        return new Address(name, null, line1, null, "Springfield", "IL", "62704", "US", null, null);
    }

    private static PlatformOrder order(String orderNo, Address shipTo, String sku) {
        return new PlatformOrder("P-" + orderNo, orderNo, false, Instant.EPOCH, shipTo,
                List.of(new PlatformOrder.Line(sku, 1)));
    }

    @ParameterizedTest
    @ValueSource(chars = {'\u061C', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066',
            '\u2067', '\u2068', '\u2069'})
    void everyBidirectionalControlIsRefusedInANameWithItsCodeAndPosition(char control) {
        // given
        Address spoofed = address("Ann" + control + "gnp.exe", "1 Main Street");

        // when
        List<OrderValidator.Problem> address = OrderValidator.validateAddress(spoofed);
        List<OrderValidator.Problem> order = OrderValidator.validate(order("1001", spoofed, "A"), Set.of("A"));

        // then
        String code = String.format("U+%04X", (int) control);
        assertEquals(1, address.size(), address.toString());
        assertEquals("buyer_name", address.get(0).field());
        assertTrue(address.get(0).reason().startsWith("contains a bidirectional control character (" + code
                + ") at position 4;"), address.get(0).reason());
        assertEquals(address, order);
    }

    @Test
    void bidiControlsAreRefusedInEveryTextFieldAndInTheOrderIds() {
        Address a = new Address("Ann", "Acme\u202E", "1 Main\u2066 Street", "\u200Fflat 2", "Spring\u202Bfield",
                "I\u202AL", "62704", "US", "\u200E+1 555", "ann\u2069@example.com");
        PlatformOrder o = new PlatformOrder("P\u202E1", "1001\u061C", false, Instant.EPOCH, a,
                List.of(new PlatformOrder.Line("A", 1)));
        List<String> fields = OrderValidator.validate(o, Set.of("A")).stream().map(OrderValidator.Problem::field)
                .toList();
        assertEquals(List.of("platform_order_id", "order_no", "company", "address1", "address2", "city", "phone",
                "email", "state"), fields);
    }

    @Test
    void rightToLeftScriptsWithoutControlsAreAccepted() {
        assertEquals(List.of(), OrderValidator.validateAddress(address("محمد العتيبي", "שדרות רוטשילד 1")));
    }

    @Test
    void valuesQuotedInReasonsNeverCarryRawControls() {
        List<OrderValidator.Problem> problems = OrderValidator.validate(order("1001", address("Ann", "1 Road"),
                "MUG\u202E\u0007"), Set.of("A"));
        assertEquals("unknown SKU 'MUG<U+202E><U+0007>'", problems.get(0).reason());
    }

    /** A stand-in for the print service: these characters have no glyph in any installed font. */
    private static final OrderValidator.Printable NO_MATH_LETTERS = text -> text.codePoints()
            .filter(cp -> cp >= 0x1D400 && cp <= 0x1D7FF).boxed().distinct().toList();

    @Test
    void aRecipientTheLabelCannotPrintIsRefusedNamingTheCharacterAndField() {
        Address fancy = address("\uD835\uDD73ello Ann", "1 Main Street");

        List<OrderValidator.Problem> problems = OrderValidator.validate(order("1001", fancy, "A"), Set.of("A"),
                NO_MATH_LETTERS);

        assertEquals(1, problems.size(), problems.toString());
        assertEquals("buyer_name", problems.get(0).field());
        assertTrue(problems.get(0).reason().startsWith("contains \uD835\uDD73 (U+1D573), which no installed label "
                + "font can print"), problems.get(0).reason());
        assertEquals(problems, OrderValidator.validateAddress(fancy, NO_MATH_LETTERS));
    }

    @Test
    void everyPrintedAddressFieldIsChecked() {
        String m = "\uD835\uDC00";
        Address a = new Address("Ann", "Acme" + m, "1 Main" + m, "flat" + m, "Spring" + m, "IL" + m, "62704", "US",
                "+1 555" + m, "ann@example.com");
        List<String> fields = OrderValidator.validateAddress(a, NO_MATH_LETTERS).stream()
                .map(OrderValidator.Problem::field).toList();
        assertEquals(List.of("company", "address1", "address2", "city", "state", "phone"), fields);
    }

    @Test
    void printableEmojiAndCjkNamesAreAccepted() {
        OrderValidator.Printable everything = text -> List.of();
        assertEquals(List.of(), OrderValidator.validateAddress(address("\uD83D\uDC69\u200D\uD83D\uDC69\u200D"
                + "\uD83D\uDC67 \u5F20\u4F1F \uD83D\uDE9A", "1 Main Street"), everything));
    }

    @Test
    void withoutAPrintServiceNothingIsCheckedAndNothingCrashes() {
        Address fancy = address("\uD835\uDD73ello", "1 Main Street");
        assertEquals(List.of(), OrderValidator.validateAddress(fancy, OrderValidator.Printable.ANY));
        assertEquals(List.of(), OrderValidator.validateAddress(fancy, null));
        OrderValidator.Printable failing = text -> {
            throw new IllegalStateException("print service stopped");
        };
        assertEquals(List.of(), OrderValidator.validateAddress(fancy, failing));
    }

    // --- order value (SPI 1.2) ---

    private static PlatformOrder valued(PlatformOrder.Value value, PlatformOrder.Line... lines) {
        return new PlatformOrder("P-1", "1", false, Instant.EPOCH, address("Ann", "1 Main Street"), List.of(lines))
                .withValue(value);
    }

    private static PlatformOrder.Value value(String total, String shipping, String currency, String phone,
                                             String email) {
        return new PlatformOrder.Value(total == null ? null : new java.math.BigDecimal(total),
                shipping == null ? null : new java.math.BigDecimal(shipping), currency, phone, email,
                Instant.parse("2024-05-03T23:59:59Z"));
    }

    private static PlatformOrder.Line priced(String sku, String price, String currency) {
        return new PlatformOrder.Line(sku, 2, price == null ? null : new java.math.BigDecimal(price), currency);
    }

    private static List<String> problems(PlatformOrder o) {
        return OrderValidator.validate(o, Set.of("A", "B")).stream().map(p -> p.field() + ": " + p.reason()
                + (p.line() >= 0 ? " @" + p.line() : "")).toList();
    }

    @Test
    void aFullyValuedOrderPasses() {
        assertEquals(List.of(), problems(valued(value("31.98", "5.00", "USD", "+1 (217) 555-0100 ext. 12",
                "ann@example.com"), priced("A", "12.99", "USD"), priced("B", "0", null))));
        assertEquals(List.of(), problems(valued(value("1500", "0", "JPY", null, null), priced("A", "750", "JPY"))));
        assertEquals(List.of(), problems(valued(value("1.250", null, "KWD", null, null), priced("A", "0.625", null))));
        assertEquals(List.of(), problems(valued(PlatformOrder.Value.NONE, priced("A", null, null))));
    }

    @Test
    void anOrderWithoutValueUsesTheOldConstructorsAndPasses() {
        PlatformOrder old = new PlatformOrder("P-1", "1", false, Instant.EPOCH, address("Ann", "1 Main Street"),
                List.of(new PlatformOrder.Line("A", 1)));
        assertEquals(PlatformOrder.Value.NONE, old.value());
        assertEquals(List.of(), OrderValidator.validateValue(old));
    }

    @Test
    void unknownCurrenciesAreRefusedWithTheCode() {
        assertEquals(List.of("currency: 'usd' is not an ISO 4217 currency code (three capital letters such as USD, "
                        + "EUR, CNY)", "currency: 'ABC' of SKU A is not an ISO 4217 currency code (three capital "
                        + "letters such as USD, EUR, CNY) @0", "currency: 'XAU' of SKU B is not a currency buyers pay "
                        + "in (ISO 4217 lists it for metals, funds or testing) @1"),
                problems(valued(value(null, null, "usd", null, null), priced("A", "1", "ABC"),
                        priced("B", "1", "XAU"))));
    }

    @Test
    void amountsMustNotBeNegativeNorHaveMoreDecimalsThanTheCurrency() {
        assertEquals(List.of("unit_price: must not be negative, got -1.00 of SKU A @0",
                        "unit_price: 1.5 of SKU B has more decimals than JPY has (0) @1",
                        "order_total: 10.001 has more decimals than JPY has (0)",
                        "shipping_paid: must not be negative, got -2"),
                problems(valued(value("10.001", "-2", "JPY", null, null), priced("A", "-1.00", null),
                        priced("B", "1.5", "JPY"))));
        assertEquals(List.of("order_total: is too large (1000000000000000)"),
                problems(valued(value("1000000000000000", null, "USD", null, null), priced("A", "1", null))));
    }

    @Test
    void everyLineIsInTheOrdersCurrency() {
        assertEquals(List.of("currency: the line of SKU B is in EUR but the order is in USD; every line must be in "
                        + "the order's currency @1"),
                problems(valued(value("10", null, "USD", null, null), priced("A", "1", "USD"),
                        priced("B", "1", "EUR"))));
        assertEquals(List.of("currency: the line of SKU B is in EUR but an earlier line is in USD; every line must "
                        + "be in one currency @1"),
                problems(valued(PlatformOrder.Value.NONE, priced("A", "1", "USD"), priced("B", "1", "EUR"))));
    }

    @Test
    void anAmountNeedsACurrency() {
        assertEquals(List.of("currency: the unit price of SKU A has no currency; give the ISO 4217 code (e.g. USD) @0",
                        "currency: the order has a total but no currency; give the ISO 4217 code (e.g. USD)"),
                problems(valued(value("10", null, null, null, null), priced("A", "1", null))));
    }

    @Test
    void theTotalIsNotBelowTheShippingPaid() {
        assertEquals(List.of("order_total: the total 4.00 is less than the shipping paid 5.00; the total includes "
                        + "shipping"),
                problems(valued(value("4.00", "5.00", "EUR", null, null), priced("A", "1", null))));
    }

    @Test
    void phoneAndEmailMustLookLikeOnes() {
        assertEquals(List.of("buyer_phone: 'n/a' is not a phone number (digits with an optional leading +, spaces, "
                        + "dashes, dots or brackets; at least 5 digits)",
                        "buyer_email: 'ann@example' is not an e-mail address (name@domain.tld)"),
                problems(valued(value(null, null, null, "n/a", "ann@example"), priced("A", null, null))));
        assertEquals(List.of("buyer_phone: '123' is not a phone number (digits with an optional leading +, spaces, "
                        + "dashes, dots or brackets; at least 5 digits)",
                        "buyer_email: 'a b@example.com' is not an e-mail address (name@domain.tld)"),
                problems(valued(value(null, null, null, "123", "a b@example.com"), priced("A", null, null))));
        assertEquals(List.of(), problems(valued(value(null, null, null, "(+86) 138 0000 0000",
                "zhang.wei+shop@mail.example.cn"), priced("A", null, null))));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} / {1} -> {2}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "not-an-email    | +49 30 1234567 | email:invalid_email:not-an-email",
            "ann@example.com | abc            | phone:invalid_phone:abc",
            "ann@example.com | +49 30 1234567 | ''",
            "''              | ''             | ''",
    })
    void theShipToEmailAndPhoneAreCheckedWithACodeInForms(String email, String phone, String expected) {
        Address a = new Address("Ann", null, "Zeil 1", null, "Frankfurt", null, "60313", "DE", phone, email);

        List<String> found = OrderValidator.validateContact(a).stream()
                .map(p -> p.field() + ":" + p.code() + ":" + p.value()).toList();

        assertEquals(expected.isEmpty() ? List.of() : List.of(expected), found);
        // a captured or imported order keeps the marketplace's contact data: no format problem refuses it
        assertEquals(List.of(), OrderValidator.validateAddress(a));
    }

    @Test
    void aMissingGermanPostalCodeIsRequiredWithACode() {
        Address a = new Address("Ann", null, "Zeil 1", null, "Frankfurt", null, "", "DE", null, null);

        List<OrderValidator.Problem> problems = OrderValidator.validateAddress(a);

        assertEquals(List.of("postal_code:required:is required for destination DE"), problems.stream()
                .map(p -> p.field() + ":" + p.code() + ":" + p.reason()).toList());
        assertTrue(OrderValidator.postalCodeRequired("DE"));
        assertFalse(OrderValidator.postalCodeRequired("HK"), "Hong Kong has no postal codes");
        assertFalse(OrderValidator.postalCodeRequired(""));
        assertTrue(OrderValidator.stateRequired("US"));
        assertFalse(OrderValidator.stateRequired("DE"));
    }

    @Test
    void aParcelAboveTheLimitIsRefusedWithItsWeight() {
        assertEquals(List.of(), OrderValidator.validateWeight(OrderValidator.MAX_PARCEL_GRAMS));

        List<OrderValidator.Problem> heavy = OrderValidator.validateWeight(84_040);

        assertEquals(1, heavy.size());
        assertEquals("weight", heavy.get(0).field());
        assertEquals("too_heavy", heavy.get(0).code());
        assertEquals("84.04", heavy.get(0).value());
        assertEquals("the parcel would weigh 84.04 kg (catalogue weights times quantities), more than the 30 kg one "
                + "parcel may weigh; split the order into several", heavy.get(0).reason());
    }

    @Test
    void anUnknownSkuNamesItselfInItsCode() {
        PlatformOrder o = order("A1", address("Ann", "1 Main St"), "LAMP");

        List<OrderValidator.Problem> problems = OrderValidator.validate(o, java.util.Set.of("PEN"));

        assertEquals(List.of("sku:0:unknown_sku:LAMP"), problems.stream()
                .map(p -> p.field() + ":" + p.line() + ":" + p.code() + ":" + p.value()).toList());
    }

    @Test
    void aMarketplaceLineIdIsOptionalAndAtMostTwoHundredCharacters() {
        Address a = address("Ann", "1 Main Street");
        PlatformOrder ok = new PlatformOrder("P-1", "1", false, Instant.EPOCH, a, List.of(
                new PlatformOrder.Line("A", 1), new PlatformOrder.Line("A", 1).withLineId("x".repeat(200))));
        assertEquals(List.of(), OrderValidator.validate(ok, Set.of("A")));
        PlatformOrder tooLong = new PlatformOrder("P-2", "2", false, Instant.EPOCH, a, List.of(
                new PlatformOrder.Line("A", 1).withLineId("x".repeat(201))));
        List<OrderValidator.Problem> problems = OrderValidator.validate(tooLong, Set.of("A"));
        assertEquals(List.of("line_id"), problems.stream().map(OrderValidator.Problem::field).toList());
    }
}
