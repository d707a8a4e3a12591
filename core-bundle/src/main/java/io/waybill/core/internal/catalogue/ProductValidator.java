package io.waybill.core.internal.catalogue;

import io.waybill.core.model.Product;
import io.waybill.core.model.Reason;
import io.waybill.core.model.RowError;
import io.waybill.core.model.ProductComponent;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one set of product rules, used by the product form, the shell and catalogue imports: reading a product from
 * text fields (a file row or shell options) and checking every field, each problem with a reason an operator can
 * read. Barcodes: an all-digit code must be an EAN-8, UPC-A, EAN-13 or GTIN-14 with a valid check digit; any code
 * with a non-digit character (e.g. {@code FREE-0001}) is a free in-house code and is not checked further.
 */
public final class ProductValidator {
    public static final int MAX_WEIGHT_GRAMS = 1_000_000;
    public static final int MAX_DIMENSION_MM = 10_000;
    /** Components of one bundle at most. */
    public static final int MAX_COMPONENTS = 50;
    /** Bundles inside bundles, at most this many levels. */
    public static final int MAX_NESTING = 5;
    /** Units of one component per bundle at most. */
    public static final int MAX_COMPONENT_QUANTITY = 10_000;
    private static final BigDecimal MAX_VALUE = new BigDecimal("999999999999.99");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> YES = Set.of("true", "yes", "y", "1", "x", "是", "有", "√");
    private static final Set<String> NO = Set.of("false", "no", "n", "0", "否", "无", "");

    /** One problem: the field's file key and why. */
    public record Problem(String field, String reason, Reason structured) {
        /** A problem as data: its English text is the reason's. */
        public Problem(String field, Reason structured) {
            this(field, structured.english(), structured);
        }

        @Override
        public String toString() {
            return field + ": " + reason;
        }

        /** The problem as a file row's error. */
        public RowError row(int row) {
            return new RowError(row, field, reason, structured);
        }
    }

    /**
     * A product refused for its problems: {@code invalid_product} naming each field and its problem, rendered in
     * the reader's language (a problem without a reason as data keeps its English words).
     */
    public static Reason refusal(List<Problem> problems) {
        List<String> params = new ArrayList<>();
        for (Problem p : problems) {
            params.add(p.field());
            params.add(Reason.encode(List.of(p.structured() != null ? p.structured()
                    : Reason.of(Reason.PRODUCT_TEXT, p.reason()))));
        }
        return new Reason(Reason.INVALID_PRODUCT, params);
    }

    /** A product read from text, with the problems of reading it (a product is null when a number was unreadable). */
    public record Parsed(Product product, List<Problem> problems) {
    }

    private ProductValidator() {
    }

    /** Reads text fields (absent = empty) into a product and checks it; problems of both in column order. */
    public static Parsed parse(Map<ProductColumn, String> text) {
        List<Problem> problems = new ArrayList<>();
        Map<ProductColumn, String> t = new EnumMap<>(ProductColumn.class);
        for (ProductColumn c : ProductColumn.values()) {
            String v = text.get(c);
            t.put(c, v == null ? "" : v.strip());
        }
        Integer weight = integer(t, ProductColumn.WEIGHT, problems);
        Integer tolerance = integer(t, ProductColumn.WEIGHT_TOLERANCE, problems);
        Integer length = integer(t, ProductColumn.LENGTH, problems);
        Integer width = integer(t, ProductColumn.WIDTH, problems);
        Integer height = integer(t, ProductColumn.HEIGHT, problems);
        BigDecimal value = null;
        String v = t.get(ProductColumn.DECLARED_VALUE);
        if (!v.isEmpty()) {
            try {
                value = new BigDecimal(v.replace(",", ""));
            } catch (NumberFormatException e) {
                problems.add(new Problem(ProductColumn.DECLARED_VALUE.key(), Reason.of(Reason.PRODUCT_NOT_NUMBER, v)));
            }
        }
        boolean battery = flag(t, ProductColumn.BATTERY, false, problems);
        boolean liquid = flag(t, ProductColumn.LIQUID, false, problems);
        boolean magnet = flag(t, ProductColumn.MAGNET, false, problems);
        boolean powder = flag(t, ProductColumn.POWDER, false, problems);
        boolean enabled = flag(t, ProductColumn.ENABLED, true, problems);
        List<String> barcodes = Arrays.stream(t.get(ProductColumn.BARCODES).split("[|;,\\s]+"))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        List<ProductComponent> components = components(t.get(ProductColumn.COMPONENTS), problems);
        Product p = normalise(new Product(t.get(ProductColumn.SKU), t.get(ProductColumn.NAME),
                t.get(ProductColumn.NAME_ZH), barcodes, weight, tolerance, length, width, height, value,
                t.get(ProductColumn.CURRENCY), t.get(ProductColumn.HS_CODE), t.get(ProductColumn.ORIGIN_COUNTRY),
                t.get(ProductColumn.MATERIAL), battery, liquid, magnet, powder, enabled, components,
                t.get(ProductColumn.CUSTOMS_NAME_EN), t.get(ProductColumn.CUSTOMS_NAME_ZH)));
        Set<String> unreadable = problems.stream().map(Problem::field).collect(Collectors.toSet());
        for (Problem pr : validate(p)) {
            if (!unreadable.contains(pr.field())) {
                problems.add(pr);
            }
        }
        problems.sort((a, b) -> Integer.compare(order(a.field()), order(b.field())));
        return new Parsed(p, problems);
    }

    /** A product's fields as text, as a file row shows them (the inverse of {@link #parse}). */
    public static Map<ProductColumn, String> text(Product p) {
        Map<ProductColumn, String> m = new LinkedHashMap<>();
        m.put(ProductColumn.SKU, s(p.sku()));
        m.put(ProductColumn.NAME, s(p.name()));
        m.put(ProductColumn.NAME_ZH, s(p.nameZh()));
        m.put(ProductColumn.BARCODES, String.join(ProductColumn.BARCODE_SEPARATOR, p.barcodes()));
        m.put(ProductColumn.WEIGHT, s(p.weightGrams()));
        m.put(ProductColumn.WEIGHT_TOLERANCE, s(p.weightToleranceGrams()));
        m.put(ProductColumn.LENGTH, s(p.lengthMm()));
        m.put(ProductColumn.WIDTH, s(p.widthMm()));
        m.put(ProductColumn.HEIGHT, s(p.heightMm()));
        m.put(ProductColumn.DECLARED_VALUE, p.declaredValue() == null ? "" : p.declaredValue().toPlainString());
        m.put(ProductColumn.CURRENCY, s(p.currency()));
        m.put(ProductColumn.HS_CODE, s(p.hsCode()));
        m.put(ProductColumn.ORIGIN_COUNTRY, s(p.originCountry()));
        m.put(ProductColumn.MATERIAL, s(p.material()));
        m.put(ProductColumn.CUSTOMS_NAME_EN, s(p.customsNameEn()));
        m.put(ProductColumn.CUSTOMS_NAME_ZH, s(p.customsNameZh()));
        m.put(ProductColumn.BATTERY, Boolean.toString(p.battery()));
        m.put(ProductColumn.LIQUID, Boolean.toString(p.liquid()));
        m.put(ProductColumn.MAGNET, Boolean.toString(p.magnet()));
        m.put(ProductColumn.POWDER, Boolean.toString(p.powder()));
        m.put(ProductColumn.ENABLED, Boolean.toString(p.enabled()));
        m.put(ProductColumn.COMPONENTS, componentsText(p.components()));
        return m;
    }

    /** Stripped values, empty text as null, codes in upper case, HS code without dots and spaces. */
    public static Product normalise(Product p) {
        String hs = n(p.hsCode());
        return new Product(n(p.sku()), n(p.name()), n(p.nameZh()),
                p.barcodes().stream().map(String::strip).filter(b -> !b.isEmpty()).toList(),
                p.weightGrams(), p.weightToleranceGrams(), p.lengthMm(), p.widthMm(), p.heightMm(),
                p.declaredValue(), upper(p.currency()), hs == null ? null : hs.replace(".", "").replace(" ", ""),
                upper(p.originCountry()), n(p.material()), p.battery(), p.liquid(), p.magnet(), p.powder(),
                p.enabled(), p.components().stream().map(c -> new ProductComponent(n(c.sku()), c.quantity()))
                        .toList(), n(p.customsNameEn()), n(p.customsNameZh()));
    }

    /** Components as one text cell: {@code SKU-A*2;SKU-B*1} (empty for a plain product). */
    public static String componentsText(List<ProductComponent> components) {
        return components.stream().map(ProductComponent::toString)
                .collect(Collectors.joining(ProductComponent.SEPARATOR));
    }

    /**
     * Reads components from text: {@code SKU*qty} parts separated by {@code ;} (also a full-width {@code ；} or a
     * line break); {@code SKU} alone means one unit, {@code ×} and {@code x} after a space are read like {@code *}.
     * Unreadable quantities are added to {@code problems}.
     */
    public static List<ProductComponent> components(String text, List<Problem> problems) {
        List<ProductComponent> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String raw : text.split("[;；\\n]+")) {
            String part = raw.strip().replace('×', '*').replace('＊', '*').replaceFirst("\\s+[xX]\\s*(\\d+)$", "*$1");
            if (part.isEmpty()) {
                continue;
            }
            int star = part.lastIndexOf('*');
            if (star < 0) {
                out.add(new ProductComponent(part, 1));
                continue;
            }
            String sku = part.substring(0, star).strip();
            String qty = part.substring(star + 1).strip();
            try {
                out.add(new ProductComponent(sku, Integer.parseInt(qty)));
            } catch (NumberFormatException e) {
                problems.add(new Problem(ProductColumn.COMPONENTS.key(), Reason.of(Reason.PRODUCT_COMPONENT_QUANTITY_TEXT,
                        raw.strip(), qty)));
            }
        }
        return out;
    }

    /** Every problem of a (normalised) product; empty when it may be saved. */
    public static List<Problem> validate(Product p) {
        List<Problem> out = new ArrayList<>();
        String sku = p.sku();
        if (sku == null || sku.isBlank()) {
            out.add(new Problem("sku", Reason.of(Reason.PRODUCT_REQUIRED)));
        } else if (sku.length() > 64) {
            out.add(new Problem("sku", Reason.of(Reason.PRODUCT_TOO_LONG, 64)));
        } else if (sku.codePoints().anyMatch(ch -> Character.isWhitespace(ch) || Character.isISOControl(ch))) {
            out.add(new Problem("sku", Reason.of(Reason.PRODUCT_SKU_SPACES, sku)));
        }
        text(out, "name", p.name(), 300, true);
        text(out, "name_zh", p.nameZh(), 300, false);
        Set<String> seen = new HashSet<>();
        for (String b : p.barcodes()) {
            Reason why = barcodeReason(b);
            if (why != null) {
                out.add(new Problem("barcodes", why));
            } else if (!seen.add(b)) {
                out.add(new Problem("barcodes", Reason.of(Reason.PRODUCT_LISTED_TWICE, b)));
            }
        }
        if (p.weightGrams() == null) {
            if (!p.bundle()) {
                out.add(new Problem("weight_g", Reason.of(Reason.PRODUCT_WEIGHT_REQUIRED)));
            }
        } else {
            range(out, "weight_g", p.weightGrams(), 1, MAX_WEIGHT_GRAMS, "grams");
        }
        if (p.weightToleranceGrams() != null) {
            range(out, "weight_tolerance_g", p.weightToleranceGrams(), 0, MAX_WEIGHT_GRAMS, "grams");
        }
        dimension(out, "length_mm", p.lengthMm());
        dimension(out, "width_mm", p.widthMm());
        dimension(out, "height_mm", p.heightMm());
        if (p.declaredValue() != null) {
            BigDecimal v = p.declaredValue();
            if (v.signum() < 0) {
                out.add(new Problem("declared_value", Reason.of(Reason.PRODUCT_VALUE_NEGATIVE, v.toPlainString())));
            } else if (v.compareTo(MAX_VALUE) > 0) {
                out.add(new Problem("declared_value", Reason.of(Reason.PRODUCT_VALUE_TOO_LARGE, v.toPlainString())));
            } else if (v.stripTrailingZeros().scale() > 2) {
                out.add(new Problem("declared_value", Reason.of(Reason.PRODUCT_VALUE_DECIMALS, v.toPlainString())));
            }
            if (p.currency() == null) {
                out.add(new Problem("currency", Reason.of(Reason.PRODUCT_CURRENCY_REQUIRED)));
            }
        }
        if (p.currency() != null && !isCurrency(p.currency())) {
            out.add(new Problem("currency", Reason.of(Reason.PRODUCT_CURRENCY, p.currency())));
        }
        if (p.hsCode() != null && !(Gtin.allDigits(p.hsCode()) && p.hsCode().length() >= 6
                && p.hsCode().length() <= 10)) {
            out.add(new Problem("hs_code", Reason.of(Reason.PRODUCT_HS_CODE, p.hsCode())));
        }
        if (p.originCountry() != null && !COUNTRIES.contains(p.originCountry())) {
            out.add(new Problem("origin_country", Reason.of(Reason.PRODUCT_ORIGIN, p.originCountry())));
        }
        text(out, "material", p.material(), 500, false);
        text(out, "customs_name_en", p.customsNameEn(), 200, false);
        text(out, "customs_name_zh", p.customsNameZh(), 200, false);
        componentProblems(out, p);
        return out;
    }

    /** The rules of a bundle's components that need no catalogue: quantities, repeats, the bundle itself. */
    private static void componentProblems(List<Problem> out, Product p) {
        String field = ProductColumn.COMPONENTS.key();
        if (p.components().size() > MAX_COMPONENTS) {
            out.add(new Problem(field, Reason.of(Reason.PRODUCT_COMPONENTS_MAX, MAX_COMPONENTS,
                    p.components().size())));
        }
        Set<String> seen = new HashSet<>();
        for (ProductComponent c : p.components()) {
            if (c.sku() == null || c.sku().isBlank()) {
                out.add(new Problem(field, Reason.of(Reason.PRODUCT_COMPONENT_NO_SKU)));
                continue;
            }
            if (c.sku().equals(p.sku())) {
                out.add(new Problem(field, Reason.of(Reason.PRODUCT_COMPONENT_ITSELF, c.sku())));
            }
            if (c.quantity() <= 0) {
                out.add(new Problem(field, Reason.of(Reason.PRODUCT_COMPONENT_QUANTITY, c.sku(), c.quantity())));
            } else if (c.quantity() > MAX_COMPONENT_QUANTITY) {
                out.add(new Problem(field, Reason.of(Reason.PRODUCT_COMPONENT_QUANTITY_MAX, c.sku(), c.quantity(),
                        String.format(Locale.ROOT, "%,d", MAX_COMPONENT_QUANTITY))));
            }
            if (!seen.add(c.sku())) {
                out.add(new Problem(field, Reason.of(Reason.PRODUCT_COMPONENT_TWICE, c.sku())));
            }
        }
    }

    /**
     * The rules of a bundle that need the catalogue: every component exists, no bundle contains itself through
     * other bundles (a cycle), bundles nest at most {@link #MAX_NESTING} levels, and a bundle holds no stock of its
     * own (its components are stocked and reserved instead).
     *
     * @param p          the (normalised) product as it would be saved
     * @param catalogue  components of any other SKU as it would be stored (an empty list for a plain product), or
     *                   null when there is no such SKU
     * @param stock      where a SKU that may not become a bundle holds stock ({@link Reason#encode} of
     *                   {@code product_stock_held} reasons), or null
     */
    public static List<Problem> bundleProblems(Product p, java.util.function.Function<String, List<ProductComponent>>
            catalogue, java.util.function.Function<String, String> stock) {
        List<Problem> out = new ArrayList<>();
        if (!p.bundle()) {
            return out;
        }
        String field = ProductColumn.COMPONENTS.key();
        String held = stock.apply(p.sku());
        if (held != null) {
            out.add(new Problem(field, Reason.of(Reason.PRODUCT_BUNDLE_STOCK, p.sku(), held)));
        }
        for (ProductComponent c : p.components()) {
            if (c.sku() == null || c.sku().equals(p.sku())) {
                continue;
            }
            if (catalogue.apply(c.sku()) == null) {
                out.add(new Problem(field, Reason.of(Reason.PRODUCT_COMPONENT_UNKNOWN, c.sku())));
                continue;
            }
            List<String> path = new ArrayList<>(List.of(p.sku(), c.sku()));
            Reason why = walk(p.sku(), c.sku(), catalogue, path, new HashSet<>());
            if (why != null) {
                out.add(new Problem(field, why));
            }
        }
        return out;
    }

    /** Follows the bundles below {@code sku}; why the path is refused (cycle or too deep), or null. */
    private static Reason walk(String root, String sku, java.util.function.Function<String, List<ProductComponent>>
            catalogue, List<String> path, Set<String> done) {
        List<ProductComponent> parts = catalogue.apply(sku);
        if (parts == null || parts.isEmpty() || done.contains(sku)) {
            return null;
        }
        if (path.size() > MAX_NESTING) {
            return Reason.of(Reason.PRODUCT_NESTING, MAX_NESTING, String.join(" > ", path));
        }
        for (ProductComponent part : parts) {
            path.add(part.sku());
            if (part.sku().equals(root)) {
                return Reason.of(Reason.PRODUCT_CYCLE, root, String.join(" > ", path));
            }
            Reason why = walk(root, part.sku(), catalogue, path, done);
            if (why != null) {
                return why;
            }
            path.remove(path.size() - 1);
        }
        done.add(sku);
        return null;
    }

    /** Why a barcode is refused (in English), or null when it is fine. */
    public static String barcodeProblem(String b) {
        Reason why = barcodeReason(b);
        return why == null ? null : why.english();
    }

    /** Why a barcode is refused, as data, or null when it is fine. */
    public static Reason barcodeReason(String b) {
        if (b.length() > 64) {
            return Reason.of(Reason.PRODUCT_BARCODE_TOO_LONG, b);
        }
        for (int i = 0; i < b.length(); i++) {
            char ch = b.charAt(i);
            if (ch < 0x21 || ch > 0x7E) {
                return Reason.of(Reason.PRODUCT_BARCODE_ASCII, b);
            }
        }
        if (!Gtin.allDigits(b)) {
            return null;
        }
        if (!Gtin.isGtinLength(b)) {
            return Reason.of(Reason.PRODUCT_BARCODE_LENGTH, b, b.length());
        }
        if (!Gtin.checkDigitValid(b)) {
            return Reason.of(Reason.PRODUCT_BARCODE_CHECK, b, kind(b), Gtin.expectedCheckDigit(b));
        }
        return null;
    }

    private static String kind(String b) {
        return switch (b.length()) {
            case 8 -> "EAN-8";
            case 12 -> "UPC-A";
            case 13 -> "EAN-13";
            default -> "GTIN-14";
        };
    }

    static boolean isCurrency(String code) {
        if (code.length() != 3) {
            return false;
        }
        try {
            return Currency.getInstance(code).getCurrencyCode().equals(code);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void text(List<Problem> out, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                out.add(new Problem(field, Reason.of(Reason.PRODUCT_REQUIRED)));
            }
            return;
        }
        if (value.length() > max) {
            out.add(new Problem(field, Reason.of(Reason.PRODUCT_TOO_LONG, max)));
        }
        value.codePoints().filter(ch -> Character.isISOControl(ch) || isBidiControl(ch)).findFirst()
                .ifPresent(ch -> out.add(new Problem(field, Reason.of(Reason.PRODUCT_CONTROL,
                        String.format(Locale.ROOT, "U+%04X", ch)))));
    }

    private static boolean isBidiControl(int ch) {
        return (ch >= 0x202A && ch <= 0x202E) || (ch >= 0x2066 && ch <= 0x2069) || ch == 0x200E || ch == 0x200F;
    }

    private static void dimension(List<Problem> out, String field, Integer v) {
        if (v != null) {
            range(out, field, v, 1, MAX_DIMENSION_MM, "mm");
        }
    }

    private static void range(List<Problem> out, String field, int v, int min, int max, String unit) {
        if (v < min) {
            out.add(new Problem(field, Reason.of(min == 0 ? Reason.PRODUCT_NEGATIVE_GRAMS : "mm".equals(unit)
                    ? Reason.PRODUCT_NOT_POSITIVE_MM : Reason.PRODUCT_NOT_POSITIVE_GRAMS, v)));
        } else if (v > max) {
            out.add(new Problem(field, Reason.of("mm".equals(unit) ? Reason.PRODUCT_TOO_MANY_MM
                    : Reason.PRODUCT_TOO_MANY_GRAMS, v, String.format(Locale.ROOT, "%,d", max))));
        }
    }

    private static Integer integer(Map<ProductColumn, String> t, ProductColumn c, List<Problem> problems) {
        String v = t.get(c).replace(",", "");
        if (v.isEmpty()) {
            return null;
        }
        if (v.endsWith(".0")) {
            v = v.substring(0, v.length() - 2);
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            problems.add(new Problem(c.key(), Reason.of(Reason.PRODUCT_NOT_WHOLE, t.get(c))));
            return null;
        }
    }

    private static boolean flag(Map<ProductColumn, String> t, ProductColumn c, boolean empty, List<Problem> problems) {
        String v = t.get(c).toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
            return empty;
        }
        if (YES.contains(v)) {
            return true;
        }
        if (!NO.contains(v)) {
            problems.add(new Problem(c.key(), Reason.of(Reason.PRODUCT_NOT_FLAG, t.get(c))));
        }
        return false;
    }

    private static int order(String field) {
        ProductColumn c = ProductColumn.ofHeader(field);
        return c == null ? 99 : c.ordinal();
    }

    private static String n(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static String upper(String v) {
        String s = n(v);
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }

    private static String s(Object v) {
        return v == null ? "" : v.toString();
    }
}
