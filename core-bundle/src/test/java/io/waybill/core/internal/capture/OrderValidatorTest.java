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
}
