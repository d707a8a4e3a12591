package io.waybill.core.model;

/**
 * One component of a bundle (kit): a product SKU and how many units of it one unit of the bundle holds.
 *
 * @param sku      the component's SKU (a product of the catalogue; may itself be a bundle)
 * @param quantity units of the component per unit of the bundle, 1 or more
 */
public record ProductComponent(String sku, int quantity) {
    /** The separator of components in one text cell: {@code SKU-A*2;SKU-B*1}. */
    public static final String SEPARATOR = ";";

    @Override
    public String toString() {
        return sku + "*" + quantity;
    }
}
