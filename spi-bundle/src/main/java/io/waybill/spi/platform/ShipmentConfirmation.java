package io.waybill.spi.platform;

import java.time.Instant;

/**
 * A shipment to report back to the marketplace.
 *
 * @param platformOrderId the marketplace's order id
 * @param carrierCode     the carrier, already mapped to this platform's own carrier code
 * @param trackingNumber  the tracking number
 * @param shippedAt       when the package left
 */
public record ShipmentConfirmation(String platformOrderId, String carrierCode, String trackingNumber,
                                   Instant shippedAt) {
}
