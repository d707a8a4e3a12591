package io.waybill.core.model;

import java.time.Instant;

/**
 * One row of a package list (Waiting for Delivery and the other status tabs).
 *
 * @param id                  database id
 * @param packageNo           package number, printed and scanned
 * @param orderNo             order number
 * @param storeCode           store code
 * @param storeName           store name
 * @param platform            platform of the store (e.g. "shopify", "manual")
 * @param buyerName           recipient name
 * @param countryCode         destination country (ISO alpha-2)
 * @param skuSummary          "SKU x qty" list, e.g. "MUG-01 x2, TEE-M x1"
 * @param expectedWeightGrams expected gross weight in grams
 * @param createdAt           when the package was created
 * @param status              workflow status
 * @param trackingNo          tracking number, or null
 */
public record PackageRow(long id, String packageNo, String orderNo, String storeCode, String storeName,
                         String platform, String buyerName, String countryCode, String skuSummary,
                         int expectedWeightGrams, Instant createdAt, PackageStatus status, String trackingNo) {
}
