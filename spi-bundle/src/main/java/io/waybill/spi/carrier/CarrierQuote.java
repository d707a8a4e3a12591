package io.waybill.spi.carrier;

import java.math.BigDecimal;

/**
 * A carrier's price estimate for a parcel with one of its services ({@link CarrierGateway#quote}): what the carrier
 * says it would charge, nothing booked. Since 1.4.
 *
 * @param serviceCode  the service code the carrier expects in {@link ShipmentRequest#serviceCode()}
 * @param serviceName  the service's name as the carrier gives it, or {@code null}
 * @param total        the total charge the carrier states for the parcel
 * @param currency     ISO 4217 code of {@code total}, or {@code null} when the carrier does not state it
 * @param deliveryTime the transit time as the carrier states it (free text, e.g. "7-15"), or {@code null}
 */
public record CarrierQuote(String serviceCode, String serviceName, BigDecimal total, String currency,
                           String deliveryTime) {

    public CarrierQuote {
        if (serviceCode == null || serviceCode.isBlank()) {
            throw new IllegalArgumentException("a quote needs a service code");
        }
        if (total == null) {
            throw new IllegalArgumentException("a quote needs a total");
        }
    }
}
