package io.waybill.core.model;

/**
 * A warehouse.
 *
 * @param code        code
 * @param name        name
 * @param countryCode country
 */
public record WarehouseInfo(String code, String name, String countryCode) {
}
