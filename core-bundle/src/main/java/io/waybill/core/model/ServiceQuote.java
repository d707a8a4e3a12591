package io.waybill.core.model;

import java.math.BigDecimal;

/**
 * One carrier service's price estimate for a package ({@code RuleService.quotes}), or a carrier's reason for giving
 * none: then {@link #problem} is set and the service fields are null. Nothing is booked at the carrier.
 *
 * @param carrierId    the carrier plugin's id (e.g. {@code yunexpress})
 * @param carrierName  its display name
 * @param serviceCode  the service code, or null on a problem row
 * @param serviceName  the service's name as the carrier gives it, or null
 * @param total        the total charge the carrier states, or null on a problem row
 * @param currency     ISO 4217 code of the total, or null when the carrier does not state it
 * @param deliveryTime transit time as the carrier states it (free text), or null
 * @param problem      why this carrier gave no price (its message), or null
 * @param note         a warning the carrier gave with its prices (e.g. goods it cannot price), or null
 */
public record ServiceQuote(String carrierId, String carrierName, String serviceCode, String serviceName,
                           BigDecimal total, String currency, String deliveryTime, String problem, String note) {
}
