package io.waybill.core.internal.persistence;

import io.waybill.core.model.PackageStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;

/** A parcel that leaves the warehouse for (part of) an order; the unit of the delivery workflow. */
@Entity
@Table(name = "WB_PACKAGE")
public class PackageEntity extends BaseEntity {
    @Column(name = "PACKAGE_NO", nullable = false, unique = true, length = 40)
    private String packageNo;
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "ORDER_ID")
    private OrderEntity order;
    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 30)
    private PackageStatus status;
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "WAREHOUSE_ID")
    private WarehouseEntity warehouse;
    @Column(name = "EXPECTED_WEIGHT_GRAMS", nullable = false)
    private int expectedWeightGrams;
    @Column(name = "CARRIER_ID", length = 60)
    private String carrierId;
    @Column(name = "TRACKING_NO", length = 60)
    private String trackingNo;
    @Column(name = "PRINT_COUNT", nullable = false)
    private int printCount;
    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;
    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;
    /**
     * The order's store and country, copied by the database (V35 triggers, on insert and on a change of the order's
     * store or country) so that the lists filter and count by them from the package's own indexes; never written
     * from here.
     */
    @Column(name = "STORE_ID", insertable = false, updatable = false)
    private Long storeId;
    @Column(name = "COUNTRY_CODE", insertable = false, updatable = false, length = 2)
    private String countryCode;
    /**
     * 1 for a package of a split order: it carries its share of the order's lines (WB_PACKAGE_LINE, V33; written by
     * split and its undo only, through JDBC). Mapped for the list queries' SKU search; never written from here.
     */
    @Column(name = "SPLIT_LINES", insertable = false, updatable = false)
    private int splitLines;
    /** The order's buyer name, copied by the database like store and country (V37): the lists' sort by buyer. */
    @Column(name = "BUYER_NAME", insertable = false, updatable = false, length = 200)
    private String buyerName;
    /** The order's order no., copied by the database like the buyer name (V38): the lists' sort by order no. */
    @Column(name = "ORDER_NO", insertable = false, updatable = false, length = 100)
    private String orderNo;

    protected PackageEntity() {
    }

    public PackageEntity(OrderEntity order, int expectedWeightGrams, Instant createdAt) {
        this.order = order;
        this.expectedWeightGrams = expectedWeightGrams;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.status = PackageStatus.WAITING;
    }

    /** Sets the package number once, after the id was assigned (numbers derive from ids). */
    public void assignPackageNo(String number) {
        if (this.packageNo != null) {
            throw new IllegalStateException("Package number already assigned: " + this.packageNo);
        }
        this.packageNo = number;
    }

    public String getPackageNo() { return packageNo; }
    public OrderEntity getOrder() { return order; }
    public PackageStatus getStatus() { return status; }
    public WarehouseEntity getWarehouse() { return warehouse; }
    public int getExpectedWeightGrams() { return expectedWeightGrams; }
    public String getCarrierId() { return carrierId; }
    public String getTrackingNo() { return trackingNo; }
    public int getPrintCount() { return printCount; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
