package io.waybill.core.internal.catalogue;

import java.util.Locale;

/**
 * The columns of a catalogue file, each with its English key (also the field name in problems) and its Chinese
 * header. A file may use either set, mixed, in any order, upper or lower case; full-width brackets are read as ASCII.
 */
public enum ProductColumn {
    SKU("sku", "商品编码", true),
    NAME("name", "英文名称", true),
    NAME_ZH("name_zh", "中文名称", false),
    BARCODES("barcodes", "条码", false),
    WEIGHT("weight_g", "重量(克)", true),
    WEIGHT_TOLERANCE("weight_tolerance_g", "重量容差(克)", false),
    LENGTH("length_mm", "长(毫米)", false),
    WIDTH("width_mm", "宽(毫米)", false),
    HEIGHT("height_mm", "高(毫米)", false),
    DECLARED_VALUE("declared_value", "申报价值", false),
    CURRENCY("currency", "币种", false),
    HS_CODE("hs_code", "海关编码", false),
    ORIGIN_COUNTRY("origin_country", "原产国", false),
    MATERIAL("material", "材质用途", false),
    /** The English description customs read (empty = the English name). */
    CUSTOMS_NAME_EN("customs_name_en", "英文报关名", false),
    /** The Chinese description of the export declaration (empty = the Chinese name). */
    CUSTOMS_NAME_ZH("customs_name_zh", "中文报关名", false),
    BATTERY("battery", "含电池", false),
    LIQUID("liquid", "含液体", false),
    MAGNET("magnet", "含磁", false),
    POWDER("powder", "含粉末", false),
    ENABLED("enabled", "启用", false),
    /** A bundle's components, {@code SKU-A*2;SKU-B*1}; empty for a plain product. */
    COMPONENTS("components", "套装组件", false);

    /** Separator of several barcodes in one cell. */
    public static final String BARCODE_SEPARATOR = "|";

    private final String key;
    private final String zh;
    private final boolean required;

    ProductColumn(String key, String zh, boolean required) {
        this.key = key;
        this.zh = zh;
        this.required = required;
    }

    public String key() {
        return key;
    }

    public String zh() {
        return zh;
    }

    /** Whether a file must have this column. */
    public boolean required() {
        return required;
    }

    public String header(boolean chinese) {
        return chinese ? zh : key;
    }

    /** The column a header names (English key or Chinese header), null when none. */
    public static ProductColumn ofHeader(String header) {
        String h = normalise(header);
        for (ProductColumn c : values()) {
            if (h.equals(c.key) || h.equals(normalise(c.zh))) {
                return c;
            }
        }
        return null;
    }

    private static String normalise(String header) {
        return (header == null ? "" : header).strip().replace('\uFEFF', ' ').strip().toLowerCase(Locale.ROOT)
                .replace('（', '(').replace('）', ')').replace(" ", "");
    }
}
