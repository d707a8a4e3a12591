package io.waybill.core.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A place stock is kept and packages ship from. */
@Entity
@Table(name = "WB_WAREHOUSE")
public class WarehouseEntity extends BaseEntity {
    @Column(name = "CODE", nullable = false, unique = true, length = 40)
    private String code;
    @Column(name = "NAME", nullable = false, length = 200)
    private String name;
    @Column(name = "COUNTRY_CODE", nullable = false, length = 2)
    private String countryCode;
    @Column(name = "CITY", length = 100)
    private String city;
    @Column(name = "LINE1", length = 300)
    private String line1;
    @Column(name = "LINE2", length = 300)
    private String line2;
    @Column(name = "STATE", length = 100)
    private String state;
    @Column(name = "POSTAL_CODE", length = 20)
    private String postalCode;
    @Column(name = "CONTACT_NAME", length = 200)
    private String contactName;
    @Column(name = "PHONE", length = 40)
    private String phone;
    @Column(name = "EMAIL", length = 200)
    private String email;
    @Column(name = "KIND", nullable = false, length = 20)
    private String kind = "OWN";
    @Column(name = "ENABLED", nullable = false)
    private boolean enabled = true;

    protected WarehouseEntity() {
    }

    public WarehouseEntity(String code, String name, String countryCode, String city) {
        this.code = code;
        this.name = name;
        this.countryCode = countryCode;
        this.city = city;
    }

    /** Sets the street address and contact (the sender of the warehouse's shipments); returns this. */
    public WarehouseEntity address(String line1, String line2, String state, String postalCode, String contactName,
                                   String phone, String email) {
        this.line1 = line1;
        this.line2 = line2;
        this.state = state;
        this.postalCode = postalCode;
        this.contactName = contactName;
        this.phone = phone;
        this.email = email;
        return this;
    }

    /** Sets the kind (OWN, OVERSEAS, THIRD_PARTY); returns this. */
    public WarehouseEntity kind(String value) {
        this.kind = value;
        return this;
    }

    public String getCode() { return code; }
    public String getName() { return name; }
    public String getCountryCode() { return countryCode; }
    public String getCity() { return city; }
}
