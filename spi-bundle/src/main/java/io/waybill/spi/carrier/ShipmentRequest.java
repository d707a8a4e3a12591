package io.waybill.spi.carrier;

import io.waybill.spi.common.Address;

import java.util.List;

/**
 * A package handed to a carrier.
 *
 * @param idempotencyKey stable per package and attempt generation; the same key means "the same shipment"
 * @param packageNo      Waybill's package number (printed on labels, scanned at the station)
 * @param orderNo        the seller's order number
 * @param serviceCode    carrier service chosen by the store's shipping method
 * @param sender         ship-from address (the warehouse)
 * @param recipient      ship-to address
 * @param weightGrams    expected gross weight in grams
 * @param items          contents, for customs declarations
 */
public record ShipmentRequest(String idempotencyKey, String packageNo, String orderNo, String serviceCode,
                              Address sender, Address recipient, int weightGrams, List<Item> items) {

    /**
     * One line of contents.
     *
     * @param sku         seller SKU
     * @param description description for customs
     * @param quantity    quantity, positive
     * @param weightGrams unit weight in grams
     */
    public record Item(String sku, String description, int quantity, int weightGrams) {
    }
}
