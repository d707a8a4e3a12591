package io.waybill.core.model;

/**
 * A seller's store on a platform.
 *
 * @param code     short code, unique
 * @param name     display name
 * @param platform platform id (connector id), e.g. "shopify"
 */
public record StoreInfo(String code, String name, String platform) {
}
