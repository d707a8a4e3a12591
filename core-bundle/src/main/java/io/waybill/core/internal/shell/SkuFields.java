package io.waybill.core.internal.shell;

import io.waybill.core.model.Reason;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.internal.catalogue.ProductColumn;
import io.waybill.core.internal.catalogue.ProductValidator;
import io.waybill.core.model.Product;
import org.apache.karaf.shell.api.action.Option;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The product options shared by {@code sku-add} and {@code sku-set}: text that goes through the same
 * {@link ProductValidator} as a catalogue file row, so the shell gives the same reasons as an import.
 */
abstract class SkuFields {

    @Option(name = "--name", description = "Name in English")
    String name;
    @Option(name = "--name-zh", description = "Name in Chinese (中文名称)")
    String nameZh;
    @Option(name = "--barcodes", description = "Barcodes separated by | (EAN-13/UPC-A with check digit, or free codes "
            + "with a letter); \"\" clears")
    String barcodes;
    @Option(name = "--weight", aliases = "-w", description = "Unit weight in grams")
    String weight;
    @Option(name = "--tolerance", description = "Weighing tolerance in grams (\"\" = the store's)")
    String tolerance;
    @Option(name = "--dims", description = "Length x width x height in mm, e.g. 120x90x100 (\"\" clears)")
    String dims;
    @Option(name = "--value", description = "Declared value of one unit, e.g. 6.50")
    String value;
    @Option(name = "--currency", description = "ISO 4217 currency of the value, e.g. USD")
    String currency;
    @Option(name = "--hs", description = "HS code, 6-10 digits")
    String hs;
    @Option(name = "--origin", description = "Country of origin, ISO 3166 two letters")
    String origin;
    @Option(name = "--material", description = "Material / use text for customs")
    String material;
    @Option(name = "--customs-en", description = "Customs description in English (\"\" = the English name)")
    String customsEn;
    @Option(name = "--customs-zh", description = "Customs description in Chinese, 中文报关名 (\"\" = the Chinese "
            + "name)")
    String customsZh;
    @Option(name = "--dg", description = "Dangerous goods: comma list of battery,liquid,magnet,powder (\"\" = none)")
    String dg;
    @Option(name = "--enabled", description = "true or false")
    String enabled;
    @Option(name = "--components", description = "Makes the SKU a bundle (kit) of other SKUs: SKU*quantity parts "
            + "separated by ;, e.g. \"MUG-001*2;BOX-S*1\" (quote it: ; ends a shell command); \"\" = a plain product. "
            + "A bundle has no stock of its own: allocation reserves its components")
    String components;

    /**
     * Karaf reads options only before the first argument; {@code sku-add MUG-1 --name Mug --weight 380} puts them
     * after the SKU, so the words after it are read here as the same options ({@code --name Mug}, {@code --name=Mug}).
     */
    void readTrailing(java.util.List<String> trailing) {
        if (trailing == null) {
            return;
        }
        Map<String, java.lang.reflect.Field> byName = new java.util.HashMap<>();
        for (java.lang.reflect.Field f : SkuFields.class.getDeclaredFields()) {
            Option o = f.getAnnotation(Option.class);
            if (o != null) {
                byName.put(o.name(), f);
                for (String a : o.aliases()) {
                    byName.put(a, f);
                }
            }
        }
        for (int i = 0; i < trailing.size(); i++) {
            String word = trailing.get(i);
            int eq = word.indexOf('=');
            String key = eq > 0 && word.startsWith("-") ? word.substring(0, eq) : word;
            java.lang.reflect.Field f = byName.get(key);
            if (f == null) {
                throw TrailingOptions.invalid(Reason.of(Reason.OPTIONS_UNEXPECTED_OPTIONS,
                        word, byName.keySet().stream().sorted().collect(Collectors.joining(" "))));
            }
            String value;
            if (eq > 0 && word.startsWith("-")) {
                value = word.substring(eq + 1);
            } else if (i + 1 < trailing.size()) {
                value = trailing.get(++i);
            } else {
                throw TrailingOptions.invalid(Reason.of(Reason.OPTIONS_NEEDS_VALUE, key));
            }
            try {
                if (f.get(this) != null) {
                    throw TrailingOptions.invalid(Reason.of(Reason.OPTIONS_TWICE, key));
                }
                f.set(this, value);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The fields given as options laid over a starting point, checked like a file row. */
    Product build(Map<ProductColumn, String> start) {
        Map<ProductColumn, String> t = new EnumMap<>(ProductColumn.class);
        t.putAll(start);
        put(t, ProductColumn.NAME, name);
        put(t, ProductColumn.NAME_ZH, nameZh);
        put(t, ProductColumn.BARCODES, barcodes);
        put(t, ProductColumn.WEIGHT, weight);
        put(t, ProductColumn.WEIGHT_TOLERANCE, tolerance);
        put(t, ProductColumn.DECLARED_VALUE, value);
        put(t, ProductColumn.CURRENCY, currency);
        put(t, ProductColumn.HS_CODE, hs);
        put(t, ProductColumn.ORIGIN_COUNTRY, origin);
        put(t, ProductColumn.MATERIAL, material);
        put(t, ProductColumn.CUSTOMS_NAME_EN, customsEn);
        put(t, ProductColumn.CUSTOMS_NAME_ZH, customsZh);
        put(t, ProductColumn.ENABLED, enabled);
        put(t, ProductColumn.COMPONENTS, components);
        if (dims != null) {
            String[] parts = dims.isBlank() ? new String[] {"", "", ""} : dims.strip().split("\\s*[x×*X]\\s*");
            if (parts.length != 3) {
                throw new OperationRefusedException("invalid_product", "--dims must be length x width x height in mm, "
                        + "e.g. 120x90x100");
            }
            t.put(ProductColumn.LENGTH, parts[0]);
            t.put(ProductColumn.WIDTH, parts[1]);
            t.put(ProductColumn.HEIGHT, parts[2]);
        }
        if (dg != null) {
            java.util.Set<String> flags = java.util.Arrays.stream(dg.toLowerCase(java.util.Locale.ROOT)
                    .split("[,\\s]+")).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
            for (String f : flags) {
                if (!java.util.Set.of("battery", "liquid", "magnet", "powder").contains(f)) {
                    throw new OperationRefusedException("invalid_product", "--dg '" + f + "' is not one of battery, "
                            + "liquid, magnet, powder");
                }
            }
            t.put(ProductColumn.BATTERY, Boolean.toString(flags.contains("battery")));
            t.put(ProductColumn.LIQUID, Boolean.toString(flags.contains("liquid")));
            t.put(ProductColumn.MAGNET, Boolean.toString(flags.contains("magnet")));
            t.put(ProductColumn.POWDER, Boolean.toString(flags.contains("powder")));
        }
        ProductValidator.Parsed parsed = ProductValidator.parse(t);
        if (!parsed.problems().isEmpty()) {
            throw new OperationRefusedException(ProductValidator.refusal(parsed.problems()));
        }
        return parsed.product();
    }

    private static void put(Map<ProductColumn, String> t, ProductColumn c, String v) {
        if (v != null) {
            t.put(c, v);
        }
    }

    static void print(Product p) {
        System.out.println(p.sku() + ": " + p.name() + (p.nameZh() == null ? "" : " / " + p.nameZh()) + ", "
                + (p.weightGrams() == null ? "weight = sum of components" : p.weightGrams() + " g")
                + (p.barcodes().isEmpty() ? "" : ", barcodes " + String.join(" ", p.barcodes()))
                + (p.bundle() ? ", bundle of " + ProductValidator.componentsText(p.components()) : "")
                + (p.enabled() ? "" : " (disabled)"));
    }
}
