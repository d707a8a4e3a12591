package io.waybill.core.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Stock of one SKU in one warehouse: on hand, and how much of it is reserved for packages. */
@Entity
@Table(name = "WB_STOCK")
public class StockLevelEntity extends BaseEntity {
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "WAREHOUSE_ID")
    private WarehouseEntity warehouse;
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "SKU_ID")
    private SkuEntity sku;
    @Column(name = "LOCATION", length = 40)
    private String location;
    @Column(name = "ON_HAND", nullable = false)
    private int onHand;
    @Column(name = "RESERVED", nullable = false)
    private int reserved;

    protected StockLevelEntity() {
    }

    public StockLevelEntity(WarehouseEntity warehouse, SkuEntity sku, String location, int onHand) {
        this.warehouse = warehouse;
        this.sku = sku;
        this.location = location;
        this.onHand = onHand;
    }

    public WarehouseEntity getWarehouse() { return warehouse; }
    public SkuEntity getSku() { return sku; }
    public String getLocation() { return location; }
    public int getOnHand() { return onHand; }
    public int getReserved() { return reserved; }
    public int getAvailable() { return onHand - reserved; }
}
