package io.waybill.core.model;

import io.waybill.spi.common.Address;

/**
 * A warehouse as pickers, labels and filters see it.
 *
 * @param code        code
 * @param name        name
 * @param countryCode country
 * @param address     the warehouse's postal address as a sender (see {@link Warehouse#senderAddress()}), null when
 *                    unknown (1.2)
 */
public record WarehouseInfo(String code, String name, String countryCode, Address address) {

    /** A warehouse without a known address. */
    public WarehouseInfo(String code, String name, String countryCode) {
        this(code, name, countryCode, null);
    }
}
