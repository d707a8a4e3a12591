package io.waybill.core.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * One product of the SKU master (catalogue), as stored and as edited. Optional values are null.
 *
 * @param sku                  the Waybill SKU code (unique)
 * @param name                 name in English (required)
 * @param nameZh               name in Chinese
 * @param barcodes             EAN-13/UPC-A/EAN-8/GTIN-14 (check digit verified) or free codes with a non-digit; unique
 *                             across the catalogue; first is the main one
 * @param weightGrams          unit weight in grams (required, positive)
 * @param weightToleranceGrams per-SKU weighing tolerance in grams (null = the store's)
 * @param lengthMm             length in millimetres
 * @param widthMm              width in millimetres
 * @param heightMm             height in millimetres
 * @param declaredValue        customs value of one unit
 * @param currency             ISO 4217 code of the declared value
 * @param hsCode               Harmonized System code, 6-10 digits
 * @param originCountry        ISO 3166-1 alpha-2 country of origin
 * @param material             material / use text for customs
 * @param battery              contains a battery (dangerous goods)
 * @param liquid               contains liquid
 * @param magnet               contains a magnet
 * @param powder               contains powder
 * @param enabled              false = kept for history, not offered for new stock or orders
 * @param components           empty for a plain product; otherwise the product is a <b>bundle</b> (kit): it has no
 *                             stock of its own, and allocating it reserves these components (1.5). A bundle's
 *                             weight may be null: the sum of its components' weights is used then
 * @param customsNameEn        the description customs read, in English (CN22/CN23, carriers), or null: the English
 *                             name is declared then (since 1.10)
 * @param customsNameZh        the description for the Chinese export declaration (中文报关名), or null: the Chinese
 *                             name (since 1.10)
 */
public record Product(String sku, String name, String nameZh, List<String> barcodes, Integer weightGrams,
                      Integer weightToleranceGrams, Integer lengthMm, Integer widthMm, Integer heightMm,
                      BigDecimal declaredValue, String currency, String hsCode, String originCountry,
                      String material, boolean battery, boolean liquid, boolean magnet, boolean powder,
                      boolean enabled, List<ProductComponent> components, String customsNameEn,
                      String customsNameZh) {
    public Product {
        barcodes = barcodes == null ? List.of() : List.copyOf(barcodes);
        components = components == null ? List.of() : List.copyOf(components);
    }

    /** A product without customs descriptions of its own (the 1.5 form). */
    public Product(String sku, String name, String nameZh, List<String> barcodes, Integer weightGrams,
                   Integer weightToleranceGrams, Integer lengthMm, Integer widthMm, Integer heightMm,
                   BigDecimal declaredValue, String currency, String hsCode, String originCountry,
                   String material, boolean battery, boolean liquid, boolean magnet, boolean powder,
                   boolean enabled, List<ProductComponent> components) {
        this(sku, name, nameZh, barcodes, weightGrams, weightToleranceGrams, lengthMm, widthMm, heightMm,
                declaredValue, currency, hsCode, originCountry, material, battery, liquid, magnet, powder, enabled,
                components, null, null);
    }

    /** A plain product (no components), as before 1.5. */
    public Product(String sku, String name, String nameZh, List<String> barcodes, Integer weightGrams,
                   Integer weightToleranceGrams, Integer lengthMm, Integer widthMm, Integer heightMm,
                   BigDecimal declaredValue, String currency, String hsCode, String originCountry,
                   String material, boolean battery, boolean liquid, boolean magnet, boolean powder,
                   boolean enabled) {
        this(sku, name, nameZh, barcodes, weightGrams, weightToleranceGrams, lengthMm, widthMm, heightMm,
                declaredValue, currency, hsCode, originCountry, material, battery, liquid, magnet, powder, enabled,
                List.of());
    }

    /** Whether this product is a bundle (has components). */
    public boolean bundle() {
        return !components.isEmpty();
    }

    /** This product with other components (empty = a plain product). */
    public Product withComponents(List<ProductComponent> parts) {
        return new Product(sku, name, nameZh, barcodes, weightGrams, weightToleranceGrams, lengthMm, widthMm,
                heightMm, declaredValue, currency, hsCode, originCountry, material, battery, liquid, magnet, powder,
                enabled, parts, customsNameEn, customsNameZh);
    }

    /** This product with other barcodes. */
    public Product withBarcodes(List<String> codes) {
        return new Product(sku, name, nameZh, codes, weightGrams, weightToleranceGrams, lengthMm, widthMm,
                heightMm, declaredValue, currency, hsCode, originCountry, material, battery, liquid, magnet, powder,
                enabled, components, customsNameEn, customsNameZh);
    }

    /** This product with other customs descriptions (English, Chinese; null = the names). Since 1.10. */
    public Product withCustomsNames(String en, String zh) {
        return new Product(sku, name, nameZh, barcodes, weightGrams, weightToleranceGrams, lengthMm, widthMm,
                heightMm, declaredValue, currency, hsCode, originCountry, material, battery, liquid, magnet, powder,
                enabled, components, en, zh);
    }

    /** The English description customs read: the customs description, else the English name. Since 1.10. */
    public String customsDescriptionEn() {
        return customsNameEn != null && !customsNameEn.isBlank() ? customsNameEn : name;
    }

    /** The Chinese description for the export declaration: the customs description, else the Chinese name, else
     * null. Since 1.10. */
    public String customsDescriptionZh() {
        return customsNameZh != null && !customsNameZh.isBlank() ? customsNameZh : nameZh;
    }

    /** A minimal enabled product (SKU, English name, weight), everything else empty. */
    public static Product of(String sku, String name, int weightGrams) {
        return new Product(sku, name, null, List.of(), weightGrams, null, null, null, null, null, null, null, null,
                null, false, false, false, false, true);
    }
}
