package io.waybill.spi.platform;

import io.waybill.spi.common.Address;

import java.time.Instant;
import java.util.List;

/**
 * An order as the marketplace reports it.
 *
 * @param platformOrderId the marketplace's own id; (store, platformOrderId) identifies an order in Waybill
 * @param orderNo         the number the seller and buyer see
 * @param cancelled       whether the marketplace cancelled it
 * @param createdAt       when the buyer placed it
 * @param shipTo          ship-to address
 * @param lines           ordered SKUs
 */
public record PlatformOrder(String platformOrderId, String orderNo, boolean cancelled, Instant createdAt,
                            Address shipTo, List<Line> lines) {
    public PlatformOrder {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /**
     * An order line.
     *
     * @param sku      seller SKU
     * @param quantity quantity
     */
    public record Line(String sku, int quantity) {
    }
}
