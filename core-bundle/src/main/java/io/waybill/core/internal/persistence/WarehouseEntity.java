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

    protected WarehouseEntity() {
    }

    public WarehouseEntity(String code, String name, String countryCode, String city) {
        this.code = code;
        this.name = name;
        this.countryCode = countryCode;
        this.city = city;
    }

    public String getCode() { return code; }
    public String getName() { return name; }
    public String getCountryCode() { return countryCode; }
    public String getCity() { return city; }
}
