package io.waybill.spi.carrier;

import io.waybill.spi.carrier.CarrierService.DangerousGoods;
import io.waybill.spi.carrier.CarrierService.Parcel;
import io.waybill.spi.carrier.CarrierService.Refusal;
import io.waybill.spi.common.Address;
import io.waybill.spi.common.PluginDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CarrierServiceTest {

    /** Registered air mail to the EU and GB: 2 kg, EUR 150, batteries only, full customs data, EUR/USD, 5 lines. */
    static final CarrierService AIR = new CarrierService("RA", "Registered Air", Set.of("de", "FR", "gb"), 2000,
            new BigDecimal("150"), "eur", Set.of(DangerousGoods.BATTERY), true, Set.of("EUR", "usd"), 5);

    static Parcel parcel(String country, int grams, String value, String currency, Set<DangerousGoods> dg, int lines,
                         boolean complete) {
        return new Parcel(country, grams, value == null ? null : new BigDecimal(value), currency, dg, lines, complete);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("fits", parcel("DE", 2000, "150.00", "EUR", Set.of(DangerousGoods.BATTERY), 5, true),
                        List.of()),
                Arguments.of("country lower case fits", parcel("fr", 100, "1", "eur", Set.of(), 1, true), List.of()),
                Arguments.of("destination", parcel("US", 100, "10", "EUR", Set.of(), 1, true),
                        List.of(new Refusal(CarrierService.DESTINATION, List.of("RA", "US")))),
                Arguments.of("no destination", parcel(null, 100, "10", "EUR", Set.of(), 1, true),
                        List.of(new Refusal(CarrierService.DESTINATION, List.of("RA", "null")))),
                Arguments.of("weight", parcel("DE", 2001, "10", "EUR", Set.of(), 1, true),
                        List.of(new Refusal(CarrierService.WEIGHT, List.of("RA", "2001", "2000")))),
                Arguments.of("dangerous goods", parcel("DE", 100, "10", "EUR",
                                Set.of(DangerousGoods.LIQUID, DangerousGoods.BATTERY, DangerousGoods.POWDER), 1, true),
                        List.of(new Refusal(CarrierService.DANGEROUS_GOODS, List.of("RA", "liquid,powder")))),
                Arguments.of("customs data", parcel("DE", 100, "10", "EUR", Set.of(), 1, false),
                        List.of(new Refusal(CarrierService.CUSTOMS_DATA, List.of("RA")))),
                Arguments.of("currency", parcel("DE", 100, "10", "CNY", Set.of(), 1, true),
                        List.of(new Refusal(CarrierService.CURRENCY, List.of("RA", "CNY", "EUR,USD")),
                                new Refusal(CarrierService.VALUE_CURRENCY, List.of("RA", "CNY", "EUR")))),
                Arguments.of("value", parcel("DE", 100, "150.01", "EUR", Set.of(), 1, true),
                        List.of(new Refusal(CarrierService.VALUE, List.of("RA", "150.01", "EUR", "150", "EUR")))),
                Arguments.of("value unknown", parcel("DE", 100, null, null, Set.of(), 1, true),
                        List.of(new Refusal(CarrierService.VALUE_UNKNOWN, List.of("RA", "150", "EUR")))),
                Arguments.of("value in another accepted currency", parcel("DE", 100, "10", "USD", Set.of(), 1, true),
                        List.of(new Refusal(CarrierService.VALUE_CURRENCY, List.of("RA", "USD", "EUR")))),
                Arguments.of("lines", parcel("DE", 100, "10", "EUR", Set.of(), 6, true),
                        List.of(new Refusal(CarrierService.CUSTOMS_LINES, List.of("RA", "6", "5")))),
                Arguments.of("everything wrong, in order", parcel("US", 3000, "200", "EUR",
                                Set.of(DangerousGoods.MAGNET), 9, false),
                        List.of(new Refusal(CarrierService.DESTINATION, List.of("RA", "US")),
                                new Refusal(CarrierService.WEIGHT, List.of("RA", "3000", "2000")),
                                new Refusal(CarrierService.DANGEROUS_GOODS, List.of("RA", "magnet")),
                                new Refusal(CarrierService.CUSTOMS_DATA, List.of("RA")),
                                new Refusal(CarrierService.VALUE, List.of("RA", "200", "EUR", "150", "EUR")),
                                new Refusal(CarrierService.CUSTOMS_LINES, List.of("RA", "9", "5")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void check(String name, Parcel parcel, List<Refusal> expected) {
        assertEquals(expected, AIR.check(parcel));
        assertEquals(expected.isEmpty(), AIR.accepts(parcel));
        for (Refusal r : expected) {
            assertFalse(r.english().contains(r.code()), "an English sentence for " + r.code() + ": " + r.english());
        }
    }

    @Test
    void aServiceWithoutLimits_takesEverything() {
        CarrierService any = CarrierService.of("STD", null);
        assertEquals("STD", any.name());
        assertTrue(any.accepts(parcel(null, 1_000_000, null, null, Set.of(), 1000, false)));
        // dangerous goods are refused unless a service names them
        assertEquals(List.of(new Refusal(CarrierService.DANGEROUS_GOODS, List.of("STD", "battery,liquid,magnet,powder"))),
                any.check(parcel(null, 1, null, null, Set.of(DangerousGoods.values()), 1, false)));
    }

    @Test
    void aValueLimitNeedsItsCurrency_andACodeIsRequired() {
        assertThrows(IllegalArgumentException.class, () -> new CarrierService("X", "X", null, null, BigDecimal.TEN,
                null, null, false, null, null));
        assertThrows(IllegalArgumentException.class, () -> CarrierService.of(" ", "X"));
        assertThrows(IllegalArgumentException.class, () -> new Refusal(null, List.of()));
    }

    @Test
    void english_namesTheValues() {
        assertEquals("Service RA takes parcels up to 2000 g; this one weighs 2001 g.",
                AIR.check(parcel("DE", 2001, "10", "EUR", Set.of(), 1, true)).get(0).english());
        assertEquals("Service RA takes declared values up to 150 EUR; this parcel declares 151 EUR.",
                AIR.check(parcel("DE", 1, "151", "EUR", Set.of(), 1, true)).get(0).english());
    }

    @Test
    void parcelOfARequest_takesCountryWeightValueAndLines() {
        Address to = new Address("A", "", "l1", "", "Berlin", "", "10115", "DE", "", "");
        ShipmentRequest.Item full = new ShipmentRequest.Item("SKU1", "Phone case", 2, 50, "392690", "手机壳",
                new BigDecimal("3.50"), "EUR", "CN", 45);
        ShipmentRequest.Item other = new ShipmentRequest.Item("SKU2", "Cable", 1, 30, "854442", "数据线",
                new BigDecimal("2"), "eur", "CN", 0);
        ShipmentRequest request = new ShipmentRequest("k", "WB1", "O1", "RA", to, to, 130, List.of(full, other),
                new CustomsDeclaration(CustomsDeclaration.Category.MERCHANDISE, null));
        Parcel p = Parcel.of(request, Set.of(DangerousGoods.BATTERY));
        assertEquals(new Parcel("DE", 130, new BigDecimal("9.00"), "EUR", Set.of(DangerousGoods.BATTERY), 2, true), p);
        assertTrue(AIR.accepts(p));

        ShipmentRequest old = new ShipmentRequest("k", "WB1", "O1", "RA", to, to, 130,
                List.of(new ShipmentRequest.Item("SKU1", "Phone case", 1, 50)));
        Parcel bare = Parcel.of(old, null);
        assertEquals(new Parcel("DE", 130, null, null, Set.of(), 1, false), bare);
        assertEquals(List.of(CarrierService.CUSTOMS_DATA, CarrierService.VALUE_UNKNOWN),
                AIR.check(bare).stream().map(Refusal::code).toList());
    }

    @Test
    void gatewayDefault_declaresNoServices() {
        CarrierGateway bare = () -> new PluginDescriptor("bare", "Bare", "");
        assertEquals(List.of(), bare.services());
    }
}
