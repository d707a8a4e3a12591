package io.waybill.core.internal.rules;

import io.waybill.core.model.PackageDetail;
import io.waybill.core.model.Product;
import io.waybill.spi.common.Address;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * What the rules see of one package: a plain record, built from the package, its order and its products
 * ({@link #from}), so the engine needs no database. Text is normalised once here (country and region upper case,
 * platform lower case, postal code upper case without spaces and hyphens), so the conditions compare plainly.
 *
 * @param packageNo   the package number (identifies the evaluation)
 * @param storeCode   the store's code
 * @param platform    the store's platform id ({@code csv}, {@code shopify}, ...)
 * @param countryCode ship-to country, ISO 3166-1 alpha-2
 * @param region      ship-to state / province / region, or null
 * @param postalCode  ship-to postal code, or null
 * @param weightGrams the package's expected weight in grams
 * @param orderValue  the order's total as paid, or null when the order carries no value
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
     * The input of a package as the core's model shows it: store, platform, ship-to, expected weight, order value
     * and ship-by from {@link PackageDetail}; each line's flags from its product (a bundle line: the union of its
     * components' products). The order model carries no buyer note yet (no column, no SPI field), so it is passed in.
     *
     * @param products the catalogue by SKU code; null for an unknown SKU (no flags)
     */
    public static RuleInput from(PackageDetail detail, Function<String, Product> products, String buyerNote) {
        List<Line> lines = new ArrayList<>(detail.lines().size());
        for (PackageDetail.Line l : detail.lines()) {
            EnumSet<ProductFlag> flags = EnumSet.noneOf(ProductFlag.class);
            flagsOf(products.apply(l.skuCode()), flags);
            for (PackageDetail.Line c : l.components()) {
                flagsOf(products.apply(c.skuCode()), flags);
            }
            lines.add(new Line(l.skuCode(), l.quantity(), flags));
        }
        Address to = detail.shipTo();
        return new RuleInput(detail.row().packageNo(), detail.row().storeCode(), detail.row().platform(),
                detail.row().countryCode(), to == null ? null : to.state(), to == null ? null : to.postalCode(),
                detail.row().expectedWeightGrams(), detail.value().total(), detail.value().currency(), lines,
                buyerNote, detail.value().shipBy());
    }

    private static void flagsOf(Product p, Set<ProductFlag> into) {
        if (p == null) {
            return;
        }
        if (p.battery()) {
            into.add(ProductFlag.BATTERY);
        }
        if (p.liquid()) {
            into.add(ProductFlag.LIQUID);
        }
        if (p.magnet()) {
            into.add(ProductFlag.MAGNET);
        }
        if (p.powder()) {
            into.add(ProductFlag.POWDER);
        }
    }
}
