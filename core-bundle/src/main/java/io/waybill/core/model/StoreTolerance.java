package io.waybill.core.model;

/**
 * A store's weight tolerance at the scan station: a package passes when its measured weight differs from its
 * expected weight by no more than the larger of {@code grams} and {@code percent} of the expected weight.
 */
public record StoreTolerance(String storeCode, String storeName, int grams, int percent) {
}
