package io.waybill.print.internal;

import io.waybill.core.model.PackageDetail;
import io.waybill.core.model.WarehouseInfo;
import io.waybill.spi.common.Address;

import java.util.List;

/**
 * What a carrier label shows, gathered from the package detail and its warehouse.
 *
 * @param barcode     the value encoded in the Code 128 barcode: tracking number, or package number while none
 * @param trackingNo  tracking number or null
 * @param packageNo   package number
 * @param orderNo     order number
 * @param storeName   store name
 * @param sender      warehouse (sender), or null when the package has none
 * @param recipient   ship-to address
 * @param lines       SKUs and quantities
 * @param weightGrams gross weight in grams
 */
record LabelData(String barcode, String trackingNo, String packageNo, String orderNo, String storeName,
                 WarehouseInfo sender, Address recipient, List<PackageDetail.Line> lines, int weightGrams) {

    static LabelData of(PackageDetail detail, WarehouseInfo warehouse) {
        String tracking = detail.row().trackingNo();
        boolean tracked = tracking != null && !tracking.isBlank();
        int weight = detail.row().expectedWeightGrams();
        if (weight <= 0) {
            weight = detail.lines().stream().mapToInt(l -> l.quantity() * l.weightGrams()).sum();
        }
        return new LabelData(tracked ? tracking.trim() : detail.row().packageNo(), tracked ? tracking.trim() : null,
                detail.row().packageNo(), detail.row().orderNo(), detail.row().storeName(), warehouse,
                detail.shipTo(), detail.lines(), weight);
    }
}
