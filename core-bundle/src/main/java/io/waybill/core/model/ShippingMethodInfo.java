package io.waybill.core.model;

/**
 * A store's shipping method: which carrier plugin and service ship its packages.
 *
 * @param storeCode   store
 * @param code        method code, e.g. "STANDARD"
 * @param carrierId   carrier plugin id, e.g. "pool", "shippo"
 * @param serviceCode carrier service code (e.g. "RR" for a registered-mail pool, "usps_priority")
 * @param isDefault   whether packages of the store use it unless told otherwise
 */
public record ShippingMethodInfo(String storeCode, String code, String carrierId, String serviceCode,
                                 boolean isDefault) {
}
