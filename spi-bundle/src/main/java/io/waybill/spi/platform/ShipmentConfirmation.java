package io.waybill.spi.platform;

import java.time.Instant;
import java.util.List;

/**
 * A shipment to report back to the marketplace.
 *
 * @param platformOrderId the marketplace's order id
 * @param carrierCode     the carrier, already mapped to this platform's own carrier code
 * @param trackingNumber  the tracking number
 * @param shippedAt       when the package left
 * @param items           the items of the order this package carries, when it carries only some of them (the order
 *                        was split into several packages, each with its own tracking number); empty when the package
 *                        carries the whole order. Since 1.4. A connector confirms such a package as a partial
 *                        shipment of exactly these items (the marketplace's own lines found by {@link Item#lineId()}
 *                        when the item has one, else by SKU, in the order as the marketplace holds it now), or refuses it with a message saying which item it cannot place;
 *                        it never confirms the whole order for it.
 */
public record ShipmentConfirmation(String platformOrderId, String carrierCode, String trackingNumber,
                                   Instant shippedAt, List<Item> items) {

    /**
     * Units of one line (or one SKU) of the order that the package carries. Since 1.4.
     *
     * @param sku      the SKU as the order names it (Waybill's SKU: a marketplace SKU mapped by an alias is named by the
     *                 SKU it stands for)
     * @param quantity units
     * @param lineId   the marketplace's own id of the order line these units are of, as captured
     *                 ({@link PlatformOrder.Line#lineId()}); null when the order was captured without line ids (an order
     *                 file, a manual order, a plugin or an order older than SPI 1.6): then the connector finds the line
     *                 by SKU. Since 1.6
     */
    public record Item(String sku, int quantity, String lineId) {

        public Item {
            lineId = lineId == null || lineId.isBlank() ? null : lineId.strip();
        }

        /** Units of one SKU, without a line id (the 1.4 and 1.5 constructor). */
        public Item(String sku, int quantity) {
            this(sku, quantity, null);
        }
    }

    public ShipmentConfirmation {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** A shipment that carries the whole order (the 1.0 to 1.3 constructor). */
    public ShipmentConfirmation(String platformOrderId, String carrierCode, String trackingNumber, Instant shippedAt) {
        this(platformOrderId, carrierCode, trackingNumber, shippedAt, List.of());
    }

    /** Whether the package carries only some of the order's items (see {@link #items}). Since 1.4. */
    public boolean partial() {
        return !items.isEmpty();
    }
}
