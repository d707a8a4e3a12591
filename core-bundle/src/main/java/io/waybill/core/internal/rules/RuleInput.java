package io.waybill.core.internal.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the rules see of one package: a plain record, built from the package, its source orders and their products
 * ({@link #of}: a merged parcel is all its orders), so the engine needs no database. Text is normalised once here
 * (country and region upper case, platform lower case, postal code upper case without spaces and hyphens), so the
 * conditions compare plainly.
 *
 * @param packageNo   the package number (identifies the evaluation)
 * @param storeCode   the store's code
 * @param platform    the store's platform id ({@code csv}, {@code shopify}, ...)
 * @param countryCode ship-to country, ISO 3166-1 alpha-2
 * @param region      ship-to state / province / region, or null
 * @param postalCode  ship-to postal code, or null
 * @param weightGrams the package's expected weight in grams
 * @param orderValue  what the package is worth as paid: its order's total (a merge: its orders' totals added; a
 *                    package of a split order: its share's line prices), or null when not known
 * @param currency    ISO 4217 code of {@code orderValue}, or null
 * @param lines       the package's lines (SKU, quantity, the product's flags; a bundle line has its components'
 *                    flags)
 * @param buyerNote   the buyer's note, or null / blank when none
 * @param shipBy      the marketplace's ship-by time, or null
 */
public record RuleInput(String packageNo, String storeCode, String platform, String countryCode, String region,
                        String postalCode, int weightGrams, BigDecimal orderValue, String currency, List<Line> lines,
                        String buyerNote, Instant shipBy) {

    /**
     * One line of the package.
     *
     * @param sku      the Waybill SKU code
     * @param quantity units
     * @param flags    the product's dangerous-goods flags (a bundle: those of its components)
     */
    public record Line(String sku, int quantity, Set<ProductFlag> flags) {
        public Line {
            flags = flags == null || flags.isEmpty() ? Set.of() : Set.copyOf(flags);
        }
    }

    public RuleInput {
        if (packageNo == null || packageNo.isBlank()) {
            throw new InvalidRuleException("required", "A rule input needs its package number.");
        }
        storeCode = storeCode == null ? null : storeCode.strip();
        platform = platform == null ? null : platform.strip().toLowerCase(Locale.ROOT);
        countryCode = countryCode == null ? null : countryCode.strip().toUpperCase(Locale.ROOT);
        region = region == null || region.isBlank() ? null : region.strip().toUpperCase(Locale.ROOT);
        postalCode = postalCode == null ? null : Condition.PostalCodeLike.normalise(postalCode);
        currency = currency == null ? null : currency.strip().toUpperCase(Locale.ROOT);
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** Units in the package (the lines' quantities summed). */
    public int itemCount() {
        int n = 0;
        for (Line l : lines) {
            n += l.quantity();
        }
        return n;
    }

    /** Whether the buyer left a note. */
    public boolean hasBuyerNote() {
        return buyerNote != null && !buyerNote.isBlank();
    }

    /**
     * What one source order gives a package: its lines (for a package of a split order, its share of them), what
     * they are worth, and the order's buyer note and ship-by. A merged parcel has one source per order it ships (its
     * own first, then those of the packages merged into it); any other package has one.
     *
     * @param lines     the lines it carries of this order (SKU, units, flags)
     * @param value     what they are worth in {@code currency} (the order's total, or a split share's line prices),
     *                  or null when not known
     * @param currency  ISO 4217 code of {@code value}, or null
     * @param buyerNote the order's buyer note, or null / blank
     * @param shipBy    the order's ship-by time, or null
     */
    public record Source(List<Line> lines, BigDecimal value, String currency, String buyerNote, Instant shipBy) {
        public Source {
            lines = lines == null ? List.of() : List.copyOf(lines);
            currency = currency == null || currency.isBlank() ? null : currency.strip().toUpperCase(Locale.ROOT);
        }
    }

    /**
     * The input of a package that carries these sources' lines: the one rule of what a parcel of several orders (a
     * merge) is to the rules, the carrier quotes and the services' limits. Its lines are every source's, each SKU once
     * (in the order it first appears, units added, flags united), so the item count, the SKUs and the flags are the
     * parcel's; its value is the sum of the sources' values when every source has one in one currency (no conversion:
     * otherwise none, and a value condition does not match); its buyer notes are those of every source that has one
     * (so "buyer note present" holds when any order has one); its ship-by is the earliest. The ship-to, store, platform
     * and weight are the package's (a merge has one address; its expected weight is already the parcel's).
     *
     * @param sources the sources, the package's own order first; none gives a package without lines or value
     */
    public static RuleInput of(String packageNo, String storeCode, String platform, String countryCode,
                               String region, String postalCode, int weightGrams, List<Source> sources) {
        Map<String, Integer> units = new LinkedHashMap<>();
        Map<String, EnumSet<ProductFlag>> flags = new HashMap<>();
        BigDecimal value = BigDecimal.ZERO;
        String currency = null;
        boolean valued = !sources.isEmpty();
        boolean oneCurrency = true;
        List<String> notes = new ArrayList<>(1);
        Instant shipBy = null;
        for (Source s : sources) {
            for (Line l : s.lines()) {
                units.merge(l.sku(), l.quantity(), Integer::sum);
                EnumSet<ProductFlag> f = flags.computeIfAbsent(l.sku(), k -> EnumSet.noneOf(ProductFlag.class));
                f.addAll(l.flags());
            }
            if (s.value() == null) {
                valued = false;
            } else {
                value = value.add(s.value());
                oneCurrency &= s.currency() != null; // an amount in no known currency cannot be added to others
            }
            if (currency == null) {
                currency = s.currency();
            } else if (s.currency() != null && !currency.equals(s.currency())) {
                oneCurrency = false;
            }
            if (s.buyerNote() != null && !s.buyerNote().isBlank()) {
                notes.add(s.buyerNote().strip());
            }
            if (s.shipBy() != null && (shipBy == null || s.shipBy().isBefore(shipBy))) {
                shipBy = s.shipBy();
            }
        }
        List<Line> lines = new ArrayList<>(units.size());
        units.forEach((sku, n) -> lines.add(new Line(sku, n, flags.get(sku))));
        if (sources.size() == 1) {
            // one order: its value and currency as they are (a value without a currency stays one)
            Source only = sources.get(0);
            return new RuleInput(packageNo, storeCode, platform, countryCode, region, postalCode, weightGrams,
                    only.value(), only.currency(), lines, only.buyerNote(), shipBy);
        }
        return new RuleInput(packageNo, storeCode, platform, countryCode, region, postalCode, weightGrams,
                valued && oneCurrency ? value : null, oneCurrency ? currency : null, lines,
                notes.isEmpty() ? null : String.join("\n", notes), shipBy);
    }
}
