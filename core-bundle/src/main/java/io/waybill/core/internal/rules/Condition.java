package io.waybill.core.internal.rules;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One condition of a rule: a small immutable value that tests a {@link RuleInput}. A rule matches when all its
 * conditions hold. Every condition is pure: the same input and the same {@code now} give the same answer, and
 * {@link #actual} says what the package has, for the reason a rule was skipped. Values are normalised and checked
 * when a condition is built ({@link InvalidRuleException} with a code), never during evaluation.
 */
public sealed interface Condition permits Condition.StoreIn, Condition.PlatformIn, Condition.CountryIn,
        Condition.RegionIn, Condition.PostalCodeLike, Condition.WeightBetween, Condition.ValueBetween,
        Condition.ContainsSku, Condition.HasFlag, Condition.ItemsBetween, Condition.BuyerNote,
        Condition.ShipByWithin {

    /** Whether the package meets the condition at {@code now}. */
    boolean test(RuleInput in, Instant now);

    /** What the condition asks, in words (English; shell and history). */
    String describe();

    /** What the package has for this condition, in words. */
    String actual(RuleInput in, Instant now);

    /** The store is one of these store codes (compared exactly). */
    record StoreIn(Set<String> stores) implements Condition {
        public StoreIn {
            stores = codes("store", stores, false);
        }

        @Override
        public boolean test(RuleInput in, Instant now) {
            return in.storeCode() != null && stores.contains(in.storeCode());
        }

        @Override
        public String describe() {
            return "store in " + sorted(stores);
        }

        @Override
        public String actual(RuleInput in, Instant now) {
            return "store " + in.storeCode();
        }
    }

    /** The store's platform is one of these plugin ids (case-insensitive). */
    record PlatformIn(Set<String> platforms) implements Condition {
        public PlatformIn {
            platforms = codes("platform", platforms, true);
        }

        @Override
        public boolean test(RuleInput in, Instant now) {
            return in.platform() != null && platforms.contains(in.platform());
        }

        @Override
        public String describe() {
            return "platform in " + sorted(platforms);
        }

        @Override
        public String actual(RuleInput in, Instant now) {
            return "platform " + in.platform();
        }
    }

    /** The ship-to country is one of these (ISO 3166-1 alpha-2); {@link #region} expands a named region. */
    record CountryIn(Set<String> countries) implements Condition {
        private static final Pattern ISO2 = Pattern.compile("[A-Z]{2}");

        /** Named regions a rule may use instead of listing countries. */
        public static final Map<String, Set<String>> REGIONS = Map.of(
                // the 27 member states of the European Union (VAT / IOSS area; Northern Ireland ships as GB)
                "EU", Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
                        "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"));

        public CountryIn {
            countries = codes("country", countries, false).stream().map(c -> c.toUpperCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
            for (String c : countries) {
                if (!ISO2.matcher(c).matches()) {
                    throw new InvalidRuleException("invalid", "Country \"" + c + "\" is not an ISO 3166 code of "
                            + "two letters.");
                }
            }
        }

        /** The countries of a named region ({@link #REGIONS}), e.g. {@code EU}. */
        public static CountryIn region(String name) {
            Set<String> members = name == null ? null : REGIONS.get(name.strip().toUpperCase(Locale.ROOT));
            if (members == null) {
                throw new InvalidRuleException("unknown_region", "Region \"" + name + "\" is not known; known: "
                        + sorted(REGIONS.keySet()) + ".");
            }
            return new CountryIn(members);
        }

        @Override
        public boolean test(RuleInput in, Instant now) {
            return in.countryCode() != null && countries.contains(in.countryCode());
        }

        @Override
        public String describe() {
            for (Map.Entry<String, Set<String>> r : REGIONS.entrySet()) {
                if (r.getValue().equals(countries)) {
                    return "country in region " + r.getKey();
                }
            }
            return "country in " + sorted(countries);
        }

        @Override
        public String actual(RuleInput in, Instant now) {
            return "country " + in.countryCode();
        }
    }

    /** The ship-to state / province / region is one of these (case-insensitive). */
    record RegionIn(Set<String> regions) implements Condition {
        public RegionIn {
            regions = codes("region", regions, false).stream().map(r -> r.toUpperCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        }

        @Override
        public boolean test(RuleInput in, Instant now) {
            return in.region() != null && regions.contains(in.region());
        }

        @Override
        public String describe() {
            return "region in " + sorted(regions);
        }

        @Override
        public String actual(RuleInput in, Instant now) {
            return in.region() == null ? "no region" : "region " + in.region();
        }
    }

    /**
     * The ship-to postal code matches one of these patterns: {@code *} any run of characters, {@code ?} one character;
     * case, spaces and hyphens ignored ({@code 75*}, {@code SW1? *}, {@code 9????}).
     */
    record PostalCodeLike(List<String> patterns) implements Condition {
        private static final Pattern ALLOWED = Pattern.compile("[A-Z0-9*?]+");

        public PostalCodeLike {
            if (patterns == null || patterns.isEmpty()) {
                throw new InvalidRuleException("required", "A postal-code condition needs at least one pattern.");
            }
            patterns = patterns.stream().map(p -> p == null ? "" : normalise(p)).toList();
            for (String p : patterns) {
                if (p.isEmpty() || p.length() > 20 || !ALLOWED.matcher(p).matches()) {
                    throw new InvalidRuleException("invalid", "Postal-code pattern \"" + p + "\" may hold 1 to 20 "
                            + "letters, digits, '*' and '?'.");
                }
            }
        }

        /** Upper case without spaces and hyphens. */
        static String normalise(String code) {
            StringBuilder b = new StringBuilder(code.length());
            for (int i = 0; i < code.length(); i++) {
                char c = code.charAt(i);
                if (c != ' ' && c != '-' && !Character.isWhitespace(c)) {
                    b.append(Character.toUpperCase(c));
                }
            }
            return b.toString();
        }

        @Override
        public boolean test(RuleInput in, Instant now) {
            String code = in.postalCode();
            if (code == null) {
                return false;
            }
            for (String p : patterns) {
                if (glob(p, 0, code, 0)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean glob(String p, int pi, String s, int si) {
            while (pi < p.length()) {
                char c = p.charAt(pi);
                if (c == '*') {
                    for (int k = si; k <= s.length(); k++) {
                        if (glob(p, pi + 1, s, k)) {
                            return true;
                        }
                    }
                    return false;
                }
                if (si >= s.length() || (c != '?' && c != s.charAt(si))) {
                    return false;
                }
                pi++;
                si++;
            }
            return si == s.length();
        }

        @Override
        public String describe() {
            return "postal code like " + String.join(" or ", patterns);
        }

        @Override
        public String actual(RuleInput in, Instant now) {
            return in.postalCode() == null ? "no postal code" : "postal code " + in.postalCode();
        }
    }

    /** The package's expected weight is within [min, max] grams; a null bound is open. */
    record WeightBetween(Integer minGrams, Integer maxGrams) implements Condition {
        public WeightBetween {
            range("weight", minGrams, maxGrams);
        }

        @Override
        public boolean test(RuleInput in, Instant now) {
            int w = in.weightGrams();
            return (minGrams == null || w >= minGrams) && (maxGrams == null || w <= maxGrams);
        }

        @Override
        public String describe() {
            return "weight " + bounds(minGrams, maxGrams) + " g";
        }

        @Override
        public String actual(RuleInput in, Instant now) {
            return "weight " + in.weightGrams() + " g";
        }
    }

    /**
     * The order's value is within [min, max] in {@code currency} (the store's currency); a null bound is open. An
     * order without a value, or in another currency, does not match (no conversion: a rule never guesses a rate).
     */
    record ValueBetween(BigDecimal min, BigDecimal max, String currency) implements Condition {
        private static final Pattern ISO4217 = Pattern.compile("[A-Z]{3}");

        public ValueBetween {
            currency = currency == null ? null : currency.strip().toUpperCase(Locale.ROOT);
            if (currency == null || !ISO4217.matcher(currency).matches()) {
                throw new InvalidRuleException("invalid", "An order-value condition needs an ISO 4217 currency of "
                        + "three letters, not \"" + currency + "\".");
            }
            if (min == null && max == null) {
                throw new InvalidRuleException("required", "An order-value condition needs a minimum or a maximum.");
            }
            if ((min != null && min.signum() < 0) || (max != null && max.signum() < 0)) {
                throw new InvalidRuleException("invalid_range", "Order-value bounds cannot be negative.");
            }
            if (min != null && max != null && min.compareTo(max) > 0) {
                throw new InvalidRuleException("invalid_range", "Order-value minimum " + min.toPlainString()
                        + " is above the maximum " + max.toPlainString() + ".");
            }
        }

        @Override
        public boolean test(RuleInput in, Instant now) {
            BigDecimal v = in.orderValue();
            return v != null && currency.equals(in.currency()) && (min == null || v.compareTo(min) >= 0)
                    && (max == null || v.compareTo(max) <= 0);
        }

        @Override
        public String describe() {
            return "order value " + (min == null ? "<= " + max.toPlainString()
                    : max == null ? ">= " + min.toPlainString()
                    : min.toPlainString() + " to " + max.toPlainString()) + " " + currency;
        }

        @Override
        public String actual(RuleInput in, Instant now) {
            return in.orderValue() == null ? "no order value"
                    : "order value " + in.orderValue().toPlainString() + " " + in.currency();
        }
    }

    /** The package contains at least one of these SKU codes. */
    record ContainsSku(Set<String> skus) implements Condition {
        public ContainsSku {
            skus = codes("SKU", skus, false);
        }

        @Override
        public boolean test(RuleInput in, Instant now) {
            for (RuleInput.Line l : in.lines()) {
                if (skus.contains(l.sku())) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String describe() {
            return "contains SKU " + sorted(skus);
        }

        @Override
        public String actual(RuleInput in, Instant now) {
            return "SKUs " + in.lines().stream().map(RuleInput.Line::sku).sorted().toList();
        }
    }

    /** At least one SKU of the package has one of these product flags (battery, liquid, ...). */
    record HasFlag(Set<ProductFlag> flags) implements Condition {
        public HasFlag {
            if (flags == null || flags.isEmpty()) {
                throw new InvalidRuleException("required", "A product-flag condition needs at least one flag.");
            }
            flags = Set.copyOf(flags);
        }

        @Override
        public boolean test(RuleInput in, Instant now) {
            for (RuleInput.Line l : in.lines()) {
                for (ProductFlag f : l.flags()) {
                    if (flags.contains(f)) {
                        return true;
                    }
                }
            }
            return false;
        }

        @Override
        public String describe() {
            return "any SKU flagged " + sorted(flags.stream().map(f -> f.name().toLowerCase(Locale.ROOT)).toList());
        }

        @Override
        public String actual(RuleInput in, Instant now) {
            Set<String> have = new TreeSet<>();
            in.lines().forEach(l -> l.flags().forEach(f -> have.add(f.name().toLowerCase(Locale.ROOT))));
            return have.isEmpty() ? "no flagged SKU" : "flags " + have;
        }
    }

    /** The package's unit count is within [min, max]; a null bound is open. */
    record ItemsBetween(Integer min, Integer max) implements Condition {
        public ItemsBetween {
            range("item count", min, max);
        }

        @Override
        public boolean test(RuleInput in, Instant now) {
            int n = in.itemCount();
            return (min == null || n >= min) && (max == null || n <= max);
        }

        @Override
        public String describe() {
            return "item count " + bounds(min, max);
        }

        @Override
        public String actual(RuleInput in, Instant now) {
            return "item count " + in.itemCount();
        }
    }

    /** The buyer left a note ({@code present}) or did not. */
    record BuyerNote(boolean present) implements Condition {
        @Override
        public boolean test(RuleInput in, Instant now) {
            return in.hasBuyerNote() == present;
        }

        @Override
        public String describe() {
            return present ? "buyer note present" : "no buyer note";
        }

        @Override
        public String actual(RuleInput in, Instant now) {
            return in.hasBuyerNote() ? "buyer note present" : "no buyer note";
        }
    }

    /**
     * The order must ship within {@code hours} of {@code now} (ship-by at or before now + hours; an overdue order
     * matches too). An order without a ship-by time does not match.
     */
    record ShipByWithin(int hours) implements Condition {
        public ShipByWithin {
            if (hours < 1 || hours > 24 * 365) {
                throw new InvalidRuleException("invalid_range", "Ship-by hours must be 1 to 8760, not " + hours
                        + ".");
            }
        }

        @Override
        public boolean test(RuleInput in, Instant now) {
            Instant by = in.shipBy();
            return by != null && !by.isAfter(now.plusSeconds(hours * 3600L));
        }

        @Override
        public String describe() {
            return "ship-by within " + hours + " h";
        }

        @Override
        public String actual(RuleInput in, Instant now) {
            if (in.shipBy() == null) {
                return "no ship-by time";
            }
            long minutes = Duration.between(now, in.shipBy()).toMinutes();
            return "ship-by in " + (minutes / 60) + " h " + Math.abs(minutes % 60) + " min";
        }
    }

    private static Set<String> codes(String what, Set<String> values, boolean lower) {
        if (values == null || values.isEmpty()) {
            throw new InvalidRuleException("required", "A " + what + " condition needs at least one value.");
        }
        Set<String> out = new java.util.HashSet<>();
        for (String v : values) {
            String s = v == null ? "" : v.strip();
            if (s.isEmpty()) {
                throw new InvalidRuleException("required", "A " + what + " condition has an empty value.");
            }
            if (s.length() > 100) {
                throw new InvalidRuleException("too_long", "A " + what + " value is longer than 100 characters.");
            }
            out.add(lower ? s.toLowerCase(Locale.ROOT) : s);
        }
        return Set.copyOf(out);
    }

    private static void range(String what, Integer min, Integer max) {
        if (min == null && max == null) {
            throw new InvalidRuleException("required", "A " + what + " condition needs a minimum or a maximum.");
        }
        if ((min != null && min < 0) || (max != null && max < 0)) {
            throw new InvalidRuleException("invalid_range", "A " + what + " bound cannot be negative.");
        }
        if (min != null && max != null && min > max) {
            throw new InvalidRuleException("invalid_range", "The " + what + " minimum " + min + " is above the "
                    + "maximum " + max + ".");
        }
    }

    private static String bounds(Integer min, Integer max) {
        return min == null ? "<= " + max : max == null ? ">= " + min : min + " to " + max;
    }

    private static String sorted(java.util.Collection<String> values) {
        return new TreeSet<>(values).toString();
    }
}
