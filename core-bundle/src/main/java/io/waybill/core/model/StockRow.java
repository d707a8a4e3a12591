package io.waybill.core.model;

/**
 * Stock of one SKU in one warehouse.
 *
 * @param warehouseCode warehouse
 * @param skuCode       SKU
 * @param skuName       SKU name
 * @param location      bin location, may be null
 * @param onHand        physically on hand
 * @param reserved      reserved for allocated packages
 */
public record StockRow(String warehouseCode, String skuCode, String skuName, String location, int onHand,
                       int reserved) {
    /** on hand - reserved; never negative. */
    public int available() {
        return onHand - reserved;
    }
}
