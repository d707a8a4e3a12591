package io.waybill.core.model;

import java.time.Instant;

/**
 * An order as listed by {@code waybill:order-list}.
 *
 * @param id              database id
 * @param orderNo         order number
 * @param storeCode       store code
 * @param platform        platform of the store
 * @param platformOrderId the marketplace's id
 * @param buyerName       recipient
 * @param countryCode     destination country
 * @param lineCount       number of order lines
 * @param createdAt       when the order was placed
 * @param cancelled       whether the order is cancelled
 */
public record OrderSummary(long id, String orderNo, String storeCode, String platform, String platformOrderId,
                           String buyerName, String countryCode, int lineCount, Instant createdAt,
                           boolean cancelled) {
}
