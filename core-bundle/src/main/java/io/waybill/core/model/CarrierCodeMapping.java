package io.waybill.core.model;

/**
 * How a platform names a carrier (e.g. Waybill carrier "pool" is "China Post" on Shopify, "ChinaPost" on eBay).
 *
 * @param platform            platform id
 * @param carrierId           Waybill carrier plugin id
 * @param platformCarrierCode the platform's own carrier code or name
 */
public record CarrierCodeMapping(String platform, String carrierId, String platformCarrierCode) {
}
