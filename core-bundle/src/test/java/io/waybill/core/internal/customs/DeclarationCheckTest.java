package io.waybill.core.internal.customs;

import io.waybill.core.model.PackageDeclaration;
import io.waybill.core.model.Reason;
import io.waybill.spi.carrier.CarrierService;
import io.waybill.spi.carrier.CustomsDeclaration;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one rule that lets a declaration go to a carrier, case by case. */
class DeclarationCheckTest {

    static final CustomsDeclaration.TaxIds IOSS = new CustomsDeclaration.TaxIds("IM2760000123", null, null, null);
    /** Takes EUR and USD, at most 2 lines, 2 kg, no dangerous goods, customs data required. */
    static final CarrierService AIR = new CarrierService("RA", "Registered Air", Set.of(), 2000, null, null,
            Set.of(), true, Set.of("EUR", "USD"), 2);
    /** A service that limits nothing and requires nothing. */
    static final CarrierService PLAIN = CarrierService.of("STD", "Standard");

    static PackageDeclaration.Line line(String sku, String hs, String value, String currency) {
        return new PackageDeclaration.Line(sku, "Phone case", "手机壳", hs, 2, value == null ? null
                : new BigDecimal(value), currency, "CN", 50);
    }

    static PackageDeclaration decl(CustomsDeclaration.TaxIds ids, PackageDeclaration.Line... lines) {
        return new PackageDeclaration(CustomsDeclaration.Category.MERCHANDISE, ids, List.of(lines), false);
    }

    static DeclarationCheck.Input in(PackageDeclaration d, String from, String to, boolean storeChecks) {
        return new DeclarationCheck.Input(d, from, to, 500, Set.of(), storeChecks);
    }

    static Stream<Arguments> cases() {
        PackageDeclaration good = decl(IOSS, line("A", "392690", "10.00", "EUR"));
        return Stream.of(
                Arguments.of("complete, to the EU with IOSS", in(good, "CN", "DE", true), AIR, List.of()),
                Arguments.of("HS code missing", in(decl(IOSS, line("A", null, "10", "EUR")), "CN", "DE", true),
                        null, List.of(Reason.of(Reason.CUSTOMS_HS_MISSING, "A"))),
                Arguments.of("HS code malformed", in(decl(IOSS, line("A", "39269", "10", "EUR"),
                                line("B", "39269A", "1", "EUR")), "CN", "US", true), null,
                        List.of(Reason.of(Reason.CUSTOMS_HS_MALFORMED, "A", "39269"),
                                Reason.of(Reason.CUSTOMS_HS_MALFORMED, "B", "39269A"))),
                Arguments.of("HS code with dots is read as digits", in(decl(IOSS, line("A", "3926.90.97", "10",
                        "EUR")), "CN", "US", true), null, List.of()),
                Arguments.of("English description missing", in(decl(IOSS, new PackageDeclaration.Line("A", " ",
                                "手机壳", "392690", 1, BigDecimal.ONE, "USD", "CN", 10)), "CN", "US", true), null,
                        List.of(Reason.of(Reason.CUSTOMS_DESCRIPTION_MISSING, "A"))),
                Arguments.of("EU, EUR 150 exactly, no IOSS", in(decl(CustomsDeclaration.TaxIds.NONE,
                                line("A", "392690", "75", "EUR")), "CN", "FR", true), null,
                        List.of(Reason.of(Reason.CUSTOMS_IOSS_MISSING, "FR", "150", "EUR"))),
                Arguments.of("EU, above EUR 150, no IOSS: a full declaration, fine", in(decl(
                        CustomsDeclaration.TaxIds.NONE, line("A", "392690", "75.01", "EUR")), "CN", "FR", true),
                        null, List.of()),
                Arguments.of("EU in USD, no IOSS: cannot be told", in(decl(CustomsDeclaration.TaxIds.NONE,
                                line("A", "392690", "10", "USD")), "CN", "IT", true), null,
                        List.of(Reason.of(Reason.CUSTOMS_IOSS_UNVERIFIABLE, "IT", "20", "USD"))),
                Arguments.of("outside the EU no IOSS is needed", in(decl(CustomsDeclaration.TaxIds.NONE,
                        line("A", "392690", "10", "EUR")), "CN", "GB", true), null, List.of()),
                Arguments.of("declared total 0", in(decl(IOSS, line("A", "392690", "0", "USD")), "CN", "US",
                        true), null, List.of(Reason.of(Reason.CUSTOMS_TOTAL_ZERO, "USD"))),
                Arguments.of("no value at all", in(decl(IOSS, line("A", "392690", null, null)), "CN", "US", true),
                        null, List.of(Reason.of(Reason.CUSTOMS_TOTAL_ZERO, ""))),
                Arguments.of("mixed currencies", in(decl(IOSS, line("A", "392690", "1", "USD"),
                                line("B", "392690", "1", "EUR")), "CN", "US", true), null,
                        List.of(Reason.of(Reason.CUSTOMS_CURRENCY_MIXED, "USD,EUR"))),
                Arguments.of("no lines", in(decl(IOSS), "CN", "US", true), null,
                        List.of(Reason.of(Reason.CUSTOMS_NO_LINES))),
                Arguments.of("currency the service does not accept", in(decl(IOSS, line("A", "392690", "80",
                                "CNY")), "CN", "US", true), AIR,
                        List.of(new Reason(Reason.SERVICE_CURRENCY, List.of("RA", "CNY", "EUR,USD")))),
                Arguments.of("more lines than the service takes", in(decl(IOSS, line("A", "392690", "1", "USD"),
                                line("B", "392690", "1", "USD"), line("C", "392690", "1", "USD")), "CN", "US",
                                true), AIR,
                        List.of(new Reason(Reason.SERVICE_CUSTOMS_LINES, List.of("RA", "3", "2")))),
                Arguments.of("domestic: no customs checks", in(decl(CustomsDeclaration.TaxIds.NONE,
                        line("A", null, null, null)), "CN", "CN", true), PLAIN, List.of()),
                Arguments.of("inside the EU: no customs checks", in(decl(CustomsDeclaration.TaxIds.NONE,
                        line("A", null, null, null)), "DE", "FR", true), null, List.of()),
                Arguments.of("store does not check, service does not require: nothing", in(decl(
                        CustomsDeclaration.TaxIds.NONE, line("A", null, null, null)), "CN", "US", false), PLAIN,
                        List.of()),
                Arguments.of("store does not check, the service requires customs data", in(decl(IOSS,
                                line("A", null, "5", "USD")), "CN", "US", false), AIR,
                        List.of(Reason.of(Reason.CUSTOMS_HS_MISSING, "A"),
                                new Reason(Reason.SERVICE_CUSTOMS_DATA, List.of("RA")))),
                Arguments.of("unknown warehouse country counts as international", in(decl(IOSS,
                        line("A", null, "5", "USD")), null, "US", true), null,
                        List.of(Reason.of(Reason.CUSTOMS_HS_MISSING, "A"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void problems(String name, DeclarationCheck.Input in, CarrierService service, List<Reason> expected) {
        assertEquals(expected, DeclarationCheck.problems(in, service));
        for (Reason r : expected) {
            assertTrue(Reason.CODES.contains(r.code()), "an English sentence for " + r.code());
            assertFalse(r.english().contains("{"), r.english());
        }
    }

    @Test
    void serviceLimitsApply_domesticToo() {
        DeclarationCheck.Input heavy = new DeclarationCheck.Input(decl(IOSS, line("A", "392690", "1", "USD")),
                "CN", "CN", 2500, Set.of(CarrierService.DangerousGoods.BATTERY), true);
        assertEquals(List.of(new Reason(Reason.SERVICE_WEIGHT, List.of("RA", "2500", "2000")),
                        new Reason(Reason.SERVICE_DANGEROUS_GOODS, List.of("RA", "battery"))),
                DeclarationCheck.problems(heavy, AIR));
        assertEquals("Service RA takes up to 2000 g; the package weighs 2500 g",
                DeclarationCheck.problems(heavy, AIR).get(0).english());
    }

    @Test
    void international() {
        assertTrue(DeclarationCheck.international("CN", "US"));
        assertTrue(DeclarationCheck.international("DE", "GB"));
        assertFalse(DeclarationCheck.international("de", "AT"));
        assertFalse(DeclarationCheck.international("US", "us"));
        assertTrue(DeclarationCheck.international("CN", null));
    }
}
