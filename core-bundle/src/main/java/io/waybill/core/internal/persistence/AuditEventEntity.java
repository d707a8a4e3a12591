package io.waybill.core.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Append-only record of something that happened to a package or order: who, when, from, to, why. */
@Entity
@Table(name = "WB_AUDIT_EVENT")
public class AuditEventEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;
    @Column(name = "PACKAGE_ID")
    private Long packageId;
    @Column(name = "ORDER_ID")
    private Long orderId;
    @Column(name = "ACTOR", nullable = false, length = 100)
    private String actor;
    @Column(name = "OCCURRED_AT", nullable = false)
    private Instant at;
    @Column(name = "ACTION", nullable = false, length = 40)
    private String action;
    @Column(name = "FROM_STATUS", length = 30)
    private String fromStatus;
    @Column(name = "TO_STATUS", length = 30)
    private String toStatus;
    @Column(name = "REASON", length = 1000)
    private String reason;
    @Column(name = "REASON_CODE", length = 40)
    private String reasonCode;
    @Column(name = "REASON_PARAMS", length = 2000)
    private String reasonParams;

    protected AuditEventEntity() {
    }

    public AuditEventEntity(Long packageId, Long orderId, String actor, Instant at, String action,
                            String fromStatus, String toStatus, String reason) {
        this.packageId = packageId;
        this.orderId = orderId;
        this.actor = actor;
        this.at = at;
        this.action = action;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.reason = reason;
    }

    /** An event with a structured reason: its English sentence, code and params. */
    public AuditEventEntity(Long packageId, Long orderId, String actor, Instant at, String action,
                            String fromStatus, String toStatus, io.waybill.core.model.Reason reason) {
        this(packageId, orderId, actor, at, action, fromStatus, toStatus, reason.english());
        this.reasonCode = reason.code();
        this.reasonParams = reason.encodedParams();
    }

    public Long getId() { return id; }
    public Long getPackageId() { return packageId; }
    public Long getOrderId() { return orderId; }
    public String getActor() { return actor; }
    public Instant getAt() { return at; }
    public String getAction() { return action; }
    public String getFromStatus() { return fromStatus; }
    public String getToStatus() { return toStatus; }
    public String getReason() { return reason; }
    public String getReasonCode() { return reasonCode; }
    public String getReasonParams() { return reasonParams; }
}
