package io.waybill.carrier.shippo.internal;

import io.waybill.spi.common.MessageCodes;
import java.util.Locale;
import java.util.Map;

/**
 * Code tables: Shippo's transaction and refund statuses mapped to what Waybill does with them, and the message codes
 * this plugin returns (documented in the README).
 */
final class ShippoCodes {

    private ShippoCodes() {
    }

    // --- message codes (stable; the core and operators match on them) ---
    /** HTTP 401/403: the API token is wrong, revoked, or not allowed to do this. */
    static final String AUTH_FAILED = MessageCodes.AUTH_FAILED;
    /** HTTP 429: the Retry-After is Message.retryAfter (null when not sent). */
    static final String RATE_LIMITED = MessageCodes.RATE_LIMITED;
    /** HTTP 5xx, timeout, connection failure: the outcome at Shippo is unknown or temporarily unavailable. */
    static final String TRANSIENT = MessageCodes.TRANSIENT;
    /** Any other HTTP 4xx: Shippo refused the request; the text carries Shippo's message. */
    static final String REJECTED = MessageCodes.REJECTED;
    /** The transaction ended in status ERROR: no label was bought; one message per Shippo message. */
    static final String LABEL_FAILED = "label_failed";
    /** The refund ended in status ERROR. */
    static final String REFUND_FAILED = "refund_failed";
    /** A 2xx answer Waybill cannot read (not JSON, or without the fields it needs). */
    static final String BAD_RESPONSE = MessageCodes.BAD_RESPONSE;
    /** The label is in a format Waybill cannot print (e.g. PNG). */
    static final String UNSUPPORTED_LABEL_FORMAT = "unsupported_label_format";
    /** The request lacks what Shippo needs (no addresses, no weight, no service level...). */
    static final String BAD_REQUEST = MessageCodes.BAD_REQUEST;
    /** The account configuration is incomplete (no token, no carrier account, bad base URL). */
    static final String BAD_CONFIG = MessageCodes.BAD_CONFIG;
    /** Unexpected failure inside the plugin. */
    static final String INTERNAL = MessageCodes.INTERNAL_ERROR;
    /** INFO: a label with the same idempotency key already existed and was returned instead of buying another. */
    static final String ALREADY_CREATED = MessageCodes.ALREADY_CREATED;
    /** WARNING: the label was refunded or a refund is pending. */
    static final String LABEL_REFUNDED = "label_refunded";

    /** What a transaction status means for Waybill. */
    enum TransactionOutcome { TRACKED, PENDING, FAILED, REFUNDED }

    /** Shippo transaction {@code status} values (API version 2018-02-08). */
    private static final Map<String, TransactionOutcome> TRANSACTION_STATUS = Map.of(
            "SUCCESS", TransactionOutcome.TRACKED,
            "QUEUED", TransactionOutcome.PENDING,
            "WAITING", TransactionOutcome.PENDING,
            "ERROR", TransactionOutcome.FAILED,
            "REFUNDED", TransactionOutcome.REFUNDED,
            "REFUNDPENDING", TransactionOutcome.REFUNDED,
            "REFUNDREJECTED", TransactionOutcome.TRACKED);

    /** The outcome for a status; unknown statuses are treated as still pending (poll again). */
    static TransactionOutcome transaction(String status) {
        return status == null ? TransactionOutcome.PENDING
                : TRANSACTION_STATUS.getOrDefault(status.toUpperCase(Locale.ROOT), TransactionOutcome.PENDING);
    }

    /** Refund {@code status}: QUEUED, PENDING and SUCCESS mean the refund was accepted; ERROR means it was not. */
    static boolean refundAccepted(String status) {
        return status != null && switch (status.toUpperCase(Locale.ROOT)) {
            case "QUEUED", "PENDING", "SUCCESS" -> true;
            default -> false;
        };
    }
}
