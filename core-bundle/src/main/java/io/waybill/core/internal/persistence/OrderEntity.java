package io.waybill.core.internal.persistence;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An order captured from a store; (store, platform order id) is unique so capture is idempotent. */
@Entity
@Table(name = "WB_ORDER")
public class OrderEntity extends BaseEntity {
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "STORE_ID")
    private StoreEntity store;
    @Column(name = "PLATFORM_ORDER_ID", nullable = false, length = 100)
    private String platformOrderId;
    @Column(name = "ORDER_NO", nullable = false, length = 100)
    private String orderNo;
    @Column(name = "BUYER_NAME", nullable = false, length = 200)
    private String buyerName;
    @Column(name = "COMPANY", length = 200)
    private String company;
    @Column(name = "LINE1", nullable = false, length = 300)
    private String line1;
    @Column(name = "LINE2", length = 300)
    private String line2;
    @Column(name = "CITY", nullable = false, length = 100)
    private String city;
    @Column(name = "STATE", length = 100)
    private String state;
    @Column(name = "POSTAL_CODE", length = 20)
    private String postalCode;
    @Column(name = "COUNTRY_CODE", nullable = false, length = 2)
    private String countryCode;
    @Column(name = "PHONE", length = 40)
    private String phone;
    @Column(name = "EMAIL", length = 200)
    private String email;
    @Column(name = "CANCELLED", nullable = false)
    private boolean cancelled;
    @Column(name = "CURRENCY", length = 3)
    private String currency;
    @Column(name = "TOTAL", precision = 19, scale = 4)
    private BigDecimal total;
    @Column(name = "SHIPPING_PAID", precision = 19, scale = 4)
    private BigDecimal shippingPaid;
    @Column(name = "BUYER_PHONE", length = 40)
    private String buyerPhone;
    @Column(name = "BUYER_EMAIL", length = 200)
    private String buyerEmail;
    @Column(name = "SHIP_BY")
    private Instant shipBy;
    /** The marketplace's IOSS number (V32): the marketplace collected the EU import VAT as the deemed supplier. */
    @Column(name = "MARKETPLACE_IOSS", length = 40)
    private String marketplaceIoss;
    /** The buyer's note (V31), shown on the package page. */
    @Column(name = "BUYER_NOTE", length = 2000)
    private String buyerNote;
    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;
    @Column(name = "CAPTURED_AT", nullable = false)
    private Instant capturedAt;
    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;
    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("lineNo")
    private List<OrderLineEntity> lines = new ArrayList<>();

    protected OrderEntity() {
    }

    public OrderEntity(StoreEntity store, String platformOrderId, String orderNo, Instant createdAt,
                       Instant capturedAt) {
        this.store = store;
        this.platformOrderId = platformOrderId;
        this.orderNo = orderNo;
        this.createdAt = createdAt;
        this.capturedAt = capturedAt;
        this.updatedAt = capturedAt;
    }

    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }

    /** Replaces the order lines (used when the marketplace changed an order before allocation). */
    public void clearLines() {
        lines.clear();
    }

    /** Sets the ship-to address; text is stored exactly as given. */
    public void setAddress(String buyerName, String company, String line1, String line2, String city, String state,
                           String postalCode, String countryCode, String phone, String email) {
        this.buyerName = buyerName;
        this.company = company;
        this.line1 = line1;
        this.line2 = line2;
        this.city = city;
        this.state = state;
        this.postalCode = postalCode;
        this.countryCode = countryCode;
        this.phone = phone;
        this.email = email;
    }

    public OrderLineEntity addLine(SkuEntity sku, int quantity) {
        OrderLineEntity line = new OrderLineEntity(this, lines.size() + 1, sku, quantity);
        lines.add(line);
        return line;
    }

    public StoreEntity getStore() { return store; }
    public String getPlatformOrderId() { return platformOrderId; }
    public String getOrderNo() { return orderNo; }
    public String getBuyerName() { return buyerName; }
    public String getCompany() { return company; }
    public String getLine1() { return line1; }
    public String getLine2() { return line2; }
    public String getCity() { return city; }
    public String getState() { return state; }
    public String getPostalCode() { return postalCode; }
    public String getCountryCode() { return countryCode; }
    public String getPhone() { return phone; }
    public String getEmail() { return email; }
    public String getCurrency() { return currency; }
    public BigDecimal getTotal() { return total; }
    public BigDecimal getShippingPaid() { return shippingPaid; }
    public String getBuyerPhone() { return buyerPhone; }
    public String getBuyerEmail() { return buyerEmail; }
    public Instant getShipBy() { return shipBy; }
    public String getMarketplaceIoss() { return marketplaceIoss; }
    public String getBuyerNote() { return buyerNote; }
    public boolean isCancelled() { return cancelled; }
    public void setCancelled(boolean cancelled) { this.cancelled = cancelled; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getCapturedAt() { return capturedAt; }
    public List<OrderLineEntity> getLines() { return lines; }
}
