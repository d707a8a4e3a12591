package io.waybill.core.model;

import java.util.List;

/**
 * A marketplace's seller SKU in one store that stands for a Waybill SKU.
 *
 * @param storeCode   the store (marketplace account)
 * @param platformSku the seller SKU as the marketplace sends it
 * @param sku         the Waybill SKU it maps to
 * released / stillHeld (since 1.5, set by ProductService.setAlias): the packages held in SKU_UNMATCHED for this
 * platform SKU that the mapping released to Waiting for Delivery, and those still held for another unmatched SKU.
 */
public record SkuAlias(String storeCode, String platformSku, String sku, List<String> released,
                       List<String> stillHeld) {
    public SkuAlias {
        released = released == null ? List.of() : List.copyOf(released);
        stillHeld = stillHeld == null ? List.of() : List.copyOf(stillHeld);
    }

    /** An alias as listed (the 1.3 shape). */
    public SkuAlias(String storeCode, String platformSku, String sku) {
        this(storeCode, platformSku, sku, List.of(), List.of());
    }
}
