package io.waybill.core.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A seller's store on one platform; orders are captured per store. */
@Entity
@Table(name = "WB_STORE")
public class StoreEntity extends BaseEntity {
    @Column(name = "CODE", nullable = false, unique = true, length = 40)
    private String code;
    @Column(name = "NAME", nullable = false, length = 200)
    private String name;
    @Column(name = "PLATFORM", nullable = false, length = 40)
    private String platform;
    @Column(name = "ORDER_CURSOR", length = 500)
    private String orderCursor;
    @Column(name = "CAPTURE_INTERVAL_MINUTES", nullable = false)
    private int captureIntervalMinutes = 15;
    @Column(name = "LAST_CAPTURE_AT")
    private java.time.Instant lastCaptureAt;
    @Column(name = "LAST_CAPTURE_ERROR", length = 1000)
    private String lastCaptureError;

    protected StoreEntity() {
    }

    public StoreEntity(String code, String name, String platform) {
        this.code = code;
        this.name = name;
        this.platform = platform;
    }

    public String getCode() { return code; }
    public String getName() { return name; }
    public String getPlatform() { return platform; }
    public String getOrderCursor() { return orderCursor; }
    public void setOrderCursor(String orderCursor) { this.orderCursor = orderCursor; }
    public int getCaptureIntervalMinutes() { return captureIntervalMinutes; }
    public void setCaptureIntervalMinutes(int minutes) { this.captureIntervalMinutes = minutes; }
    public java.time.Instant getLastCaptureAt() { return lastCaptureAt; }
    public String getLastCaptureError() { return lastCaptureError; }

    /** Records the outcome of a capture run (error null when it succeeded). */
    public void recordCapture(java.time.Instant at, String error) {
        this.lastCaptureAt = at;
        this.lastCaptureError = error;
    }
}
