package io.waybill.spi.carrier;

/**
 * What the carrier answered for a shipment.
 *
 * @param state             whether the tracking number is known yet
 * @param carrierShipmentId the carrier's id, needed for later calls
 * @param trackingNumber    the tracking number when {@code state == TRACKED}, else {@code null}
 */
public record ShipmentResponse(State state, String carrierShipmentId, String trackingNumber) {
    /** Whether a tracking number was issued. */
    public enum State { TRACKED, PENDING }
}
