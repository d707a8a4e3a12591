package io.waybill.core.model;

/**
 * A SKU a package could not get enough of in its best warehouse.
 *
 * @param skuCode   SKU
 * @param required  quantity the package needs
 * @param available quantity available (on hand - reserved) when allocation was tried
 */
public record Shortage(String skuCode, int required, int available) {
    public int missing() {
        return Math.max(0, required - available);
    }
}
