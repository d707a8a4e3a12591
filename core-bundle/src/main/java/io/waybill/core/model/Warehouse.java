package io.waybill.core.model;

import io.waybill.spi.common.Address;

/**
 * A warehouse's master data: where stock is kept and packages ship from. Its address is the sender of every
 * carrier request and label.
 *
 * @param code        unique code (letters, digits, '-', '_'; see {@code WarehouseValidator})
 * @param name        display name
 * @param kind        own, overseas or third-party
 * @param line1       street, first line
 * @param line2       street, second line, may be null
 * @param city        city
 * @param state       state / province / region, may be null
 * @param postalCode  postal code, null only in countries without postal codes
 * @param countryCode ISO 3166-1 alpha-2 country code
 * @param contactName contact person, may be null
 * @param phone       phone, may be null
 * @param email       e-mail, may be null
 * @param enabled     a disabled warehouse keeps its stock and history but gets no new allocations
 */
public record Warehouse(String code, String name, WarehouseKind kind, String line1, String line2, String city,
                        String state, String postalCode, String countryCode, String contactName, String phone,
                        String email, boolean enabled) {

    /**
     * The warehouse as the sender of a shipment: the contact (or, without one, the warehouse name) as the name, the
     * warehouse name as the company when there is a contact, then the street address, phone and e-mail.
     */
    public Address senderAddress() {
        boolean contact = contactName != null && !contactName.isBlank();
        return new Address(contact ? contactName : name, contact ? name : null, line1, line2, city, state,
                postalCode, countryCode, phone, email);
    }

    /** The short view used by lists and labels. */
    public WarehouseInfo info() {
        return new WarehouseInfo(code, name, countryCode, line1 == null || line1.isBlank() ? null : senderAddress());
    }

    /** A copy with the enabled flag set. */
    public Warehouse withEnabled(boolean value) {
        return new Warehouse(code, name, kind, line1, line2, city, state, postalCode, countryCode, contactName, phone,
                email, value);
    }
}
