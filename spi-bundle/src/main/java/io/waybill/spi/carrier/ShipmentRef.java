package io.waybill.spi.carrier;

/**
 * How a carrier identifies a shipment it created.
 *
 * @param carrierShipmentId the carrier's id for the shipment (transaction id, label id...)
 * @param trackingNumber    tracking number when known, else {@code null}
 */
public record ShipmentRef(String carrierShipmentId, String trackingNumber) {
}
