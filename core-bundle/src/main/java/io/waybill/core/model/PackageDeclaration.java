package io.waybill.core.model;

import io.waybill.spi.carrier.CustomsDeclaration;
import io.waybill.spi.carrier.ShipmentRequest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A package's customs declaration (报关): one line per SKU with its HS code, descriptions, value and origin, the
 * category and the store's tax ids. Built from the package's products and its order's values unless the operator
 * saved an edited one on the package page ({@link #edited}). What the carrier receives and the CN22/CN23 prints.
 * Since 1.10.
 *
 * @param category the nature of the consignment
 * @param taxIds   the store's tax registrations (IOSS, VOEC, EORI, VAT); the IOSS number is the marketplace's
 *                 when the order has one ({@code OrderValue.marketplaceIoss}, since 1.14)
 * @param lines    the declared contents
 * @param edited   true when an operator saved this declaration (it no longer follows the catalogue)
 */
public record PackageDeclaration(CustomsDeclaration.Category category, CustomsDeclaration.TaxIds taxIds,
                                 List<Line> lines, boolean edited) {

    public PackageDeclaration {
        category = category == null ? CustomsDeclaration.Category.MERCHANDISE : category;
        taxIds = taxIds == null ? CustomsDeclaration.TaxIds.NONE : taxIds;
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /**
     * One declared line.
     *
     * @param sku            the SKU
     * @param descriptionEn  description in English, or null
     * @param descriptionZh  description in Chinese, or null
     * @param hsCode         HS code (digits), or null
     * @param quantity       units, positive
     * @param unitValue      value of one unit, or null
     * @param currency       ISO 4217 code of the value, or null
     * @param originCountry  ISO 3166-1 alpha-2 country of origin, or null
     * @param netWeightGrams unit net weight in grams
     */
    public record Line(String sku, String descriptionEn, String descriptionZh, String hsCode, int quantity,
                       BigDecimal unitValue, String currency, String originCountry, int netWeightGrams) {
        public Line {
            descriptionEn = blankToNull(descriptionEn);
            descriptionZh = blankToNull(descriptionZh);
            hsCode = hsCode == null ? null : blankToNull(hsCode.replace(".", "").replace(" ", ""));
            currency = upper(currency);
            originCountry = upper(originCountry);
        }

        /** The unit value times the quantity; zero without a value. */
        public BigDecimal lineValue() {
            return unitValue == null ? BigDecimal.ZERO : unitValue.multiply(BigDecimal.valueOf(quantity));
        }
    }

    /** The EU member states (one customs union: no declaration between them; IOSS covers consignments into them). */
    public static final Set<String> EU = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE",
            "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");

    /**
     * Whether a parcel from {@code from} to {@code to} (ISO 3166-1 alpha-2) crosses a customs border and needs a
     * declaration: the countries differ and are not both in the EU; an unknown country counts as a border.
     */
    public static boolean international(String from, String to) {
        if (from == null || to == null || from.isBlank() || to.isBlank()) {
            return true;
        }
        String f = from.strip().toUpperCase(Locale.ROOT);
        String t = to.strip().toUpperCase(Locale.ROOT);
        return !f.equals(t) && !(EU.contains(f) && EU.contains(t));
    }

    /** The declared total: the lines' values summed (whatever their currencies; see {@link #currencies}). */
    public BigDecimal total() {
        BigDecimal t = BigDecimal.ZERO;
        for (Line l : lines) {
            t = t.add(l.lineValue());
        }
        return t;
    }

    /** The currencies of the lines that have one, in line order. */
    public Set<String> currencies() {
        Set<String> out = new LinkedHashSet<>();
        for (Line l : lines) {
            if (l.currency() != null) {
                out.add(l.currency());
            }
        }
        return out;
    }

    /** The declaration's one currency, or null when the lines have none or several. */
    public String currency() {
        Set<String> c = currencies();
        return c.size() == 1 ? c.iterator().next() : null;
    }

    /** Units declared. */
    public int units() {
        int n = 0;
        for (Line l : lines) {
            n += l.quantity();
        }
        return n;
    }

    /** Net weight of the contents in grams. */
    public int netWeightGrams() {
        int n = 0;
        for (Line l : lines) {
            n += l.netWeightGrams() * l.quantity();
        }
        return n;
    }

    /** The lines as the carrier SPI's items. */
    public List<ShipmentRequest.Item> items() {
        List<ShipmentRequest.Item> out = new ArrayList<>(lines.size());
        for (Line l : lines) {
            out.add(new ShipmentRequest.Item(l.sku(), l.descriptionEn(), l.quantity(), l.netWeightGrams(),
                    l.hsCode(), l.descriptionZh(), l.unitValue(), l.currency(), l.originCountry(),
                    l.netWeightGrams()));
        }
        return out;
    }

    /** The declaration-level part as the carrier SPI's. */
    public CustomsDeclaration spi() {
        return new CustomsDeclaration(category, taxIds);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String upper(String s) {
        return s == null || s.isBlank() ? null : s.strip().toUpperCase(Locale.ROOT);
    }
}
