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
 *                        shipment of exactly these items (the marketplace's own line ids found by SKU in the order as
 *                        the marketplace holds it now), or refuses it with a message saying which item it cannot place;
 *                        it never confirms the whole order for it.
 */
public record ShipmentConfirmation(String platformOrderId, String carrierCode, String trackingNumber,
                                   Instant shippedAt, List<Item> items) {

    /** Units of one SKU of the order (the SKU as the order names it) that the package carries. Since 1.4. */
    public record Item(String sku, int quantity) {
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
