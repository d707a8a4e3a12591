package io.waybill.platform.ebay.internal;

/** The message codes this plugin returns (the SPI's common ones first). */
final class EbayCodes {

    /** HTTP 401/403: the OAuth user token is wrong, expired or lacks the sell.fulfillment scope. */
    static final String AUTH_FAILED = "auth_failed";
    /** HTTP 429; the text starts with {@code retry_after=N}. */
    static final String RATE_LIMITED = "rate_limited";
    /** HTTP 5xx, timeouts, refused connections: try again later. */
    static final String TRANSIENT = "transient";
    /** eBay refused the request (errors[] of a 4xx, a cancelled order...): retrying the same will not help. */
    static final String REJECTED = "rejected";
    /** INFO on a successful confirmation: the order already had a fulfillment with this tracking number. */
    static final String ALREADY_CONFIRMED = "already_confirmed";
    /** INFO on a successful confirmation: the fulfillment eBay created (its id from the Location header). */
    static final String CONFIRMED = "confirmed";
    /** The configuration is incomplete or invalid; nothing is sent until it is fixed. */
    static final String BAD_CONFIG = "bad_config";
    /** The call was for a store this configuration does not serve. */
    static final String WRONG_STORE = "wrong_store";
    /** The call itself is incomplete (no order id, no tracking number, a cursor this plugin did not write). */
    static final String BAD_REQUEST = "bad_request";
    /** eBay answered 2xx with a body this plugin cannot read. */
    static final String BAD_RESPONSE = "bad_response";
    /** Anything unexpected inside the plugin. */
    static final String INTERNAL = "internal_error";

    private EbayCodes() {
    }
}
