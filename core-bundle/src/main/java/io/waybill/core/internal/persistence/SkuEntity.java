package io.waybill.core.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A stock-keeping unit with its unit weight (for expected package weights). */
@Entity
@Table(name = "WB_SKU")
public class SkuEntity extends BaseEntity {
    @Column(name = "CODE", nullable = false, unique = true, length = 64)
    private String code;
    @Column(name = "NAME", nullable = false, length = 300)
    private String name;
    @Column(name = "WEIGHT_GRAMS", nullable = false)
    private int weightGrams;

    protected SkuEntity() {
    }

    public SkuEntity(String code, String name, int weightGrams) {
        this.code = code;
        this.name = name;
        this.weightGrams = weightGrams;
    }

    public String getCode() { return code; }
    public String getName() { return name; }
    public int getWeightGrams() { return weightGrams; }
}
