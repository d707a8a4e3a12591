package io.waybill.core.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One SKU and quantity of an order. */
@Entity
@Table(name = "WB_ORDER_LINE")
public class OrderLineEntity extends BaseEntity {
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "ORDER_ID")
    private OrderEntity order;
    @Column(name = "LINE_NO", nullable = false)
    private int lineNo;
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "SKU_ID")
    private SkuEntity sku;
    @Column(name = "QUANTITY", nullable = false)
    private int quantity;
    @Column(name = "UNIT_PRICE", precision = 19, scale = 4)
    private java.math.BigDecimal unitPrice;
    @Column(name = "CURRENCY", length = 3)
    private String currency;

    protected OrderLineEntity() {
    }

    OrderLineEntity(OrderEntity order, int lineNo, SkuEntity sku, int quantity) {
        this.order = order;
        this.lineNo = lineNo;
        this.sku = sku;
        this.quantity = quantity;
    }

    public OrderEntity getOrder() { return order; }
    public int getLineNo() { return lineNo; }
    public SkuEntity getSku() { return sku; }
    public int getQuantity() { return quantity; }
    public java.math.BigDecimal getUnitPrice() { return unitPrice; }
    public String getCurrency() { return currency; }
}
