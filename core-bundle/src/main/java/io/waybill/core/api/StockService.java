package io.waybill.core.api;

import io.waybill.core.model.StockRow;
import io.waybill.core.model.WarehouseInfo;

import java.util.List;

/** Stock levels per warehouse and SKU. available = on hand - reserved, never negative. */
public interface StockService {

    /** Stock rows, filtered by warehouse code and SKU code prefix (null = any), sorted by warehouse then SKU. */
    List<StockRow> list(String warehouseCode, String skuPrefix);

    /** All warehouses. */
    List<WarehouseInfo> warehouses();

    /**
     * Sets the on-hand quantity (a stock count). Creates the stock row when the SKU was never stocked there.
     *
     * @throws OperationRefusedException unknown warehouse or SKU, negative quantity, or below the reserved quantity
     */
    StockRow set(String warehouseCode, String skuCode, int onHand, String actor);

    /**
     * Adds (positive) or removes (negative) stock, e.g. a delivery from a supplier.
     *
     * @throws OperationRefusedException unknown warehouse or SKU, or the result would be below the reserved quantity
     */
    StockRow adjust(String warehouseCode, String skuCode, int delta, String reason, String actor);
}
