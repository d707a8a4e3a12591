package io.waybill.carrier.easypost.internal;

import io.waybill.spi.common.MessageCodes;
import java.util.Locale;
import java.util.Map;

/**
 * Code tables: EasyPost's shipment {@code refund_status} values mapped to Waybill outcomes, the label formats, and
 * the message codes this plugin returns (documented in the README).
 */
final class EasyPostCodes {

    private EasyPostCodes() {
    }

    // --- message codes (stable; the core and operators match on them) ---
    /** HTTP 401/403: the API key is wrong or not allowed to do this. */
    static final String AUTH_FAILED = MessageCodes.AUTH_FAILED;
    /** HTTP 429: the Retry-After is Message.retryAfter (null when not sent). */
    static final String RATE_LIMITED = MessageCodes.RATE_LIMITED;
    /** HTTP 5xx, timeout, connection failure: the outcome at EasyPost is unknown or temporarily unavailable. */
    static final String TRANSIENT = MessageCodes.TRANSIENT;
    /** Any other HTTP 4xx: EasyPost refused the request; the text carries EasyPost's error code and message. */
    static final String REJECTED = MessageCodes.REJECTED;
    /** The shipment came back without any rate to buy. */
    static final String NO_RATES = "no_rates";
    /** The refund was rejected or does not apply to this carrier. */
    static final String REFUND_FAILED = "refund_failed";
    /** A 2xx answer Waybill cannot read. */
    static final String BAD_RESPONSE = MessageCodes.BAD_RESPONSE;
    /** The shipment has no label (yet). */
    static final String LABEL_NOT_READY = MessageCodes.LABEL_NOT_READY;
    /** The label is in a format Waybill cannot print. */
    static final String UNSUPPORTED_LABEL_FORMAT = "unsupported_label_format";
    /** The request lacks what EasyPost needs. */
    static final String BAD_REQUEST = MessageCodes.BAD_REQUEST;
    /** The account configuration is incomplete. */
    static final String BAD_CONFIG = MessageCodes.BAD_CONFIG;
    /** Unexpected failure inside the plugin. */
    static final String INTERNAL = MessageCodes.INTERNAL_ERROR;
    /** INFO: a shipment with this reference (idempotency key) already had a label; it was returned. */
    static final String ALREADY_CREATED = MessageCodes.ALREADY_CREATED;
    /** WARNING: no rate matched the requested service; the cheapest rate was bought instead. */
    static final String SERVICE_NOT_OFFERED = "service_not_offered";
    /** WARNING: the shipment's label was refunded or a refund is under way. */
    static final String LABEL_REFUNDED = "label_refunded";

    /** What a {@code refund_status} means for {@code cancelShipment}. */
    enum RefundOutcome { ACCEPTED, FAILED, NONE }

    private static final Map<String, RefundOutcome> REFUND_STATUS = Map.of(
            "submitted", RefundOutcome.ACCEPTED,
            "refunded", RefundOutcome.ACCEPTED,
            "rejected", RefundOutcome.FAILED,
            "not_applicable", RefundOutcome.FAILED);

    static RefundOutcome refund(String refundStatus) {
        return refundStatus == null ? RefundOutcome.NONE
                : REFUND_STATUS.getOrDefault(refundStatus.toLowerCase(Locale.ROOT), RefundOutcome.NONE);
    }

    /** EasyPost {@code options.label_format} / {@code file_format} values Waybill can print. */
    enum LabelFormat {
        PDF("label_pdf_url"), ZPL("label_zpl_url");

        /** The postage_label field holding a URL of this format. */
        final String urlField;

        LabelFormat(String urlField) {
            this.urlField = urlField;
        }

        static LabelFormat of(String value) {
            return value != null && value.trim().equalsIgnoreCase("ZPL") ? ZPL : PDF;
        }
    }
}
