package io.waybill.core.model;

/**
 * A SKU's own weight tolerance in grams (bulky or variable items): it applies to a package containing the SKU when
 * it is larger than the store's tolerance.
 */
public record SkuTolerance(String skuCode, String skuName, int grams) {
}
