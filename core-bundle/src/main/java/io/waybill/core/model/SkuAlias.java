package io.waybill.core.model;

/**
 * A marketplace's seller SKU in one store that stands for a Waybill SKU.
 *
 * @param storeCode   the store (marketplace account)
 * @param platformSku the seller SKU as the marketplace sends it
 * @param sku         the Waybill SKU it maps to
 */
public record SkuAlias(String storeCode, String platformSku, String sku) {
}
