package io.waybill.core.internal.rules;

import static io.waybill.core.internal.rules.RuleFixtures.NOW;
import static io.waybill.core.internal.rules.RuleFixtures.base;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every condition, table-driven: (condition, package, expected), and every refused condition with its code. */
class ConditionTest {

    private static RuleInput in(String country, String region, String postal) {
        return RuleFixtures.with(base(), null, null, country, region, postal, null, null, null, null, null, null);
    }

    private static RuleInput weight(int grams) {
        return RuleFixtures.with(base(), null, null, null, null, null, grams, null, null, null, null, null);
    }

    private static RuleInput value(String amount, String currency) {
        return new RuleInput("WB1", "S1", "csv", "DE", null, "10115", 800,
                amount == null ? null : new BigDecimal(amount), currency, base().lines(), null, null);
    }

    private static RuleInput lines(RuleInput.Line... lines) {
        return RuleFixtures.with(base(), null, null, null, null, null, null, null, null, List.of(lines), null, null);
    }

    private static RuleInput.Line line(String sku, int qty, ProductFlag... flags) {
        return new RuleInput.Line(sku, qty, Set.of(flags));
    }

    private static RuleInput note(String note) {
        return new RuleInput("WB1", "S1", "csv", "DE", null, null, 800, null, null, base().lines(), note, null);
    }

    private static RuleInput shipBy(Instant at) {
        return new RuleInput("WB1", "S1", "csv", "DE", null, null, 800, null, null, base().lines(), null, at);
    }

    private static RuleInput store(String store, String platform) {
        return RuleFixtures.with(base(), store, platform, null, null, null, null, null, null, null, null, null);
    }

    static Stream<Arguments> table() {
        return Stream.of(
                // store
                Arguments.of("store in [S1]", new Condition.StoreIn(Set.of("S1")), base(), true),
                Arguments.of("store in [S2, S3]", new Condition.StoreIn(Set.of("S2", "S3")), base(), false),
                Arguments.of("store exact case", new Condition.StoreIn(Set.of("s1")), base(), false),
                // platform (case-insensitive)
                Arguments.of("platform csv", new Condition.PlatformIn(Set.of("CSV")), base(), true),
                Arguments.of("platform shopify", new Condition.PlatformIn(Set.of("shopify")), base(), false),
                Arguments.of("platform of store", new Condition.PlatformIn(Set.of("ebay")), store("S9", "eBay"), true),
                // country and named region
                Arguments.of("country DE", new Condition.CountryIn(Set.of("de")), base(), true),
                Arguments.of("country FR", new Condition.CountryIn(Set.of("FR")), base(), false),
                Arguments.of("EU has DE", Condition.CountryIn.region("eu"), base(), true),
                Arguments.of("EU has IE", Condition.CountryIn.region("EU"), in("ie", null, null), true),
                Arguments.of("EU lacks GB", Condition.CountryIn.region("EU"), in("GB", null, null), false),
                Arguments.of("EU lacks NO", Condition.CountryIn.region("EU"), in("NO", null, null), false),
                // region (state / province)
                Arguments.of("region Berlin", new Condition.RegionIn(Set.of("berlin")), base(), true),
                Arguments.of("region CA", new Condition.RegionIn(Set.of("CA", "NY")), in("US", "ca", "94105"), true),
                Arguments.of("region TX", new Condition.RegionIn(Set.of("CA")), in("US", "TX", "73301"), false),
                Arguments.of("no region", new Condition.RegionIn(Set.of("CA")),
                        new RuleInput("WB1", "S1", "csv", "US", " ", null, 1, null, null, List.of(), null, null),
                        false),
                // postal code patterns
                Arguments.of("101*", new Condition.PostalCodeLike(List.of("101*")), base(), true),
                Arguments.of("1011?", new Condition.PostalCodeLike(List.of("1011?")), base(), true),
                Arguments.of("1011? too short", new Condition.PostalCodeLike(List.of("101?")), base(), false),
                Arguments.of("2* or 1*", new Condition.PostalCodeLike(List.of("2*", "1*")), base(), true),
                Arguments.of("UK with space", new Condition.PostalCodeLike(List.of("sw1? *")),
                        in("GB", null, "SW1A 1AA"), true),
                Arguments.of("UK other district", new Condition.PostalCodeLike(List.of("SW1?*")),
                        in("GB", null, "EC1A 1BB"), false),
                Arguments.of("hyphen ignored", new Condition.PostalCodeLike(List.of("100-0001")),
                        in("JP", null, "1000001"), true),
                Arguments.of("no postal code", new Condition.PostalCodeLike(List.of("*")),
                        new RuleInput("WB1", "S1", "csv", "HK", null, null, 1, null, null, List.of(), null, null),
                        false),
                Arguments.of("star matches all", new Condition.PostalCodeLike(List.of("*")), base(), true),
                // weight, bounds inclusive
                Arguments.of("weight > 2 kg: 2001", new Condition.WeightBetween(2001, null), weight(2001), true),
                Arguments.of("weight > 2 kg: 2000", new Condition.WeightBetween(2001, null), weight(2000), false),
                Arguments.of("weight <= 500: 500", new Condition.WeightBetween(null, 500), weight(500), true),
                Arguments.of("weight <= 500: 501", new Condition.WeightBetween(null, 500), weight(501), false),
                Arguments.of("weight 100-200: 150", new Condition.WeightBetween(100, 200), weight(150), true),
                // order value, in the store currency
                Arguments.of("value <= 150 EUR", new Condition.ValueBetween(null, new BigDecimal("150"), "eur"),
                        base(), true),
                Arguments.of("value 150.00 <= 150", new Condition.ValueBetween(null, new BigDecimal("150"), "EUR"),
                        value("150.00", "EUR"), true),
                Arguments.of("value 150.01 > 150", new Condition.ValueBetween(null, new BigDecimal("150"), "EUR"),
                        value("150.01", "EUR"), false),
                Arguments.of("value other currency", new Condition.ValueBetween(null, new BigDecimal("150"), "EUR"),
                        value("20", "USD"), false),
                Arguments.of("order without value", new Condition.ValueBetween(BigDecimal.ZERO, null, "EUR"),
                        value(null, null), false),
                Arguments.of("value >= 100", new Condition.ValueBetween(new BigDecimal("100"), null, "EUR"),
                        base(), false),
                // SKUs and flags
                Arguments.of("contains SKU-A", new Condition.ContainsSku(Set.of("SKU-A", "SKU-Z")), base(), true),
                Arguments.of("lacks SKU-Z", new Condition.ContainsSku(Set.of("SKU-Z")), base(), false),
                Arguments.of("battery line", new Condition.HasFlag(Set.of(ProductFlag.BATTERY)),
                        lines(line("A", 1), line("B", 1, ProductFlag.BATTERY)), true),
                Arguments.of("liquid or powder", new Condition.HasFlag(Set.of(ProductFlag.LIQUID, ProductFlag.POWDER)),
                        lines(line("A", 1, ProductFlag.POWDER)), true),
                Arguments.of("battery but magnet only", new Condition.HasFlag(Set.of(ProductFlag.BATTERY)),
                        lines(line("A", 1, ProductFlag.MAGNET)), false),
                Arguments.of("no flags", new Condition.HasFlag(Set.of(ProductFlag.LIQUID)), base(), false),
                // item count: units, not lines
                Arguments.of("items 3 of 2+1", new Condition.ItemsBetween(3, 3), lines(line("A", 2), line("B", 1)),
                        true),
                Arguments.of("items >= 3 of 2", new Condition.ItemsBetween(3, null), base(), false),
                Arguments.of("items <= 2 of 2", new Condition.ItemsBetween(null, 2), base(), true),
                // buyer note
                Arguments.of("note present", new Condition.BuyerNote(true), note("please gift wrap"), true),
                Arguments.of("blank note is none", new Condition.BuyerNote(true), note("  "), false),
                Arguments.of("no note wanted", new Condition.BuyerNote(false), base(), true),
                Arguments.of("no note but has one", new Condition.BuyerNote(false), note("x"), false),
                // ship-by within N hours of now
                Arguments.of("ship-by in 23 h, within 24", new Condition.ShipByWithin(24),
                        shipBy(NOW.plusSeconds(23 * 3600)), true),
                Arguments.of("ship-by in exactly 24 h", new Condition.ShipByWithin(24),
                        shipBy(NOW.plusSeconds(24 * 3600)), true),
                Arguments.of("ship-by in 24 h 1 s", new Condition.ShipByWithin(24),
                        shipBy(NOW.plusSeconds(24 * 3600 + 1)), false),
                Arguments.of("overdue", new Condition.ShipByWithin(1), shipBy(NOW.minusSeconds(60)), true),
                Arguments.of("no ship-by", new Condition.ShipByWithin(48), base(), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void condition(String name, Condition c, RuleInput in, boolean expected) {
        assertEquals(expected, c.test(in, NOW), () -> c.describe() + " on " + c.actual(in, NOW));
        // pure: asking again, and describing, changes nothing
        assertEquals(expected, c.test(in, NOW));
        assertEquals(false, c.describe().isBlank());
        assertEquals(false, c.actual(in, NOW).isBlank());
    }

    static Stream<Arguments> refused() {
        return Stream.<Arguments>of(
                Arguments.of("required", (Supplier<Object>) () -> new Condition.StoreIn(Set.of())),
                Arguments.of("required", (Supplier<Object>) () -> new Condition.StoreIn(Set.of(" "))),
                Arguments.of("required", (Supplier<Object>) () -> new Condition.PlatformIn(null)),
                Arguments.of("invalid", (Supplier<Object>) () -> new Condition.CountryIn(Set.of("DEU"))),
                Arguments.of("unknown_region", (Supplier<Object>) () -> Condition.CountryIn.region("ASEAN")),
                Arguments.of("required", (Supplier<Object>) () -> new Condition.RegionIn(Set.of())),
                Arguments.of("required", (Supplier<Object>) () -> new Condition.PostalCodeLike(List.of())),
                Arguments.of("invalid", (Supplier<Object>) () -> new Condition.PostalCodeLike(List.of("10[0-9]"))),
                Arguments.of("required", (Supplier<Object>) () -> new Condition.WeightBetween(null, null)),
                Arguments.of("invalid_range", (Supplier<Object>) () -> new Condition.WeightBetween(500, 100)),
                Arguments.of("invalid_range", (Supplier<Object>) () -> new Condition.WeightBetween(-1, null)),
                Arguments.of("invalid", (Supplier<Object>) () -> new Condition.ValueBetween(BigDecimal.ONE, null,
                        "EURO")),
                Arguments.of("invalid", (Supplier<Object>) () -> new Condition.ValueBetween(BigDecimal.ONE, null,
                        null)),
                Arguments.of("required", (Supplier<Object>) () -> new Condition.ValueBetween(null, null, "EUR")),
                Arguments.of("invalid_range", (Supplier<Object>) () -> new Condition.ValueBetween(BigDecimal.TEN,
                        BigDecimal.ONE, "EUR")),
                Arguments.of("invalid_range", (Supplier<Object>) () -> new Condition.ValueBetween(
                        new BigDecimal("-1"), null, "EUR")),
                Arguments.of("required", (Supplier<Object>) () -> new Condition.ContainsSku(Set.of())),
                Arguments.of("required", (Supplier<Object>) () -> new Condition.HasFlag(Set.of())),
                Arguments.of("invalid_range", (Supplier<Object>) () -> new Condition.ItemsBetween(3, 2)),
                Arguments.of("invalid_range", (Supplier<Object>) () -> new Condition.ShipByWithin(0)));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("refused")
    void refusedWithCode(String code, Supplier<Object> build) {
        InvalidRuleException e = assertThrows(InvalidRuleException.class, build::get);
        assertEquals(code, e.code(), e.getMessage());
    }
}
