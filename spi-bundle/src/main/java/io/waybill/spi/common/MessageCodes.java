package io.waybill.spi.common;

/**
 * The standard {@link Message#code() message codes} of every plugin contract: the core decides retries, pauses and
 * what an operator is told on these codes, so plugins use these constants instead of their own strings. A plugin may
 * add codes of its own for anything else; the core treats an unknown ERROR code as a permanent failure.
 */
public final class MessageCodes {

    /** The provider refused for too many requests and did not process the call: safe to repeat after
     *  {@link Message#retryAfter()} (or a short pause when it is absent). */
    public static final String RATE_LIMITED = "rate_limited";
    /** HTTP 5xx, a refused connection, a dropped response: try again later. Whether the provider processed the call
     *  is unknown, so the core repeats a write only when the plugin honours an idempotency key. */
    public static final String TRANSIENT = "transient";
    /** The call timed out; treated like {@link #TRANSIENT}. */
    public static final String TIMEOUT = "timeout";
    /** Set by the core, never by a plugin: the plugin threw or returned nothing; treated like {@link #TRANSIENT}. */
    public static final String PLUGIN_ERROR = "plugin_error";
    /** The operation is not offered by this plugin ({@link Result#unsupported(String)}). */
    public static final String UNSUPPORTED = Result.UNSUPPORTED;
    /** Credentials are missing, wrong or expired (HTTP 401/403). */
    public static final String AUTH_FAILED = "auth_failed";
    /** The provider refused the request; repeating the same request will not help. */
    public static final String REJECTED = "rejected";
    /** The plugin's configuration is incomplete or invalid; nothing is sent until it is fixed. */
    public static final String BAD_CONFIG = "bad_config";
    /** The call itself is incomplete (a missing id, a cursor this plugin did not write). */
    public static final String BAD_REQUEST = "bad_request";
    /** The provider answered with a body the plugin cannot read. */
    public static final String BAD_RESPONSE = "bad_response";
    /** Anything unexpected inside the plugin that it caught itself. */
    public static final String INTERNAL_ERROR = "internal_error";
    /** A carrier has accepted the shipment but its label is not ready yet: the core fetches it again later. */
    public static final String LABEL_NOT_READY = "label_not_ready";
    /** INFO on a successful shipment creation: the idempotency key had already created this shipment. */
    public static final String ALREADY_CREATED = "already_created";
    /** INFO on a successful confirmation: the order already had a fulfilment with this tracking number. */
    public static final String ALREADY_CONFIRMED = "already_confirmed";
    /** The call was for a store this plugin configuration does not serve. */
    public static final String WRONG_STORE = "wrong_store";
    /**
     * A confirmation of a package that carries only some of an order's items (platform 1.4
     * {@code ShipmentConfirmation.items}) was refused, nothing confirmed: the marketplace order has no line (or not
     * enough units left) for an item of the package. Permanent. Since 1.2.
     */
    public static final String PARTIAL_UNMATCHED = "partial_unmatched";
    /**
     * A confirmation of a package that carries only some of an order's items was refused, nothing confirmed: the
     * marketplace cannot take a shipment of only these items for this order (e.g. it cannot split the order into
     * packages). Permanent. Since 1.2.
     */
    public static final String PARTIAL_NOT_SPLITTABLE = "partial_not_splittable";

    private MessageCodes() {
    }
}
