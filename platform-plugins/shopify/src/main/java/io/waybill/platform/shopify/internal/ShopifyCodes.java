package io.waybill.platform.shopify.internal;

import io.waybill.spi.common.MessageCodes;

/** The message codes this plugin returns (the SPI's common ones first). */
final class ShopifyCodes {

    /** HTTP 401/403, or a GraphQL ACCESS_DENIED error: the token is wrong, revoked or lacks a scope. */
    static final String AUTH_FAILED = MessageCodes.AUTH_FAILED;
    /** HTTP 429 or a GraphQL THROTTLED error: the pause is Message.retryAfter. */
    static final String RATE_LIMITED = MessageCodes.RATE_LIMITED;
    /** HTTP 5xx, timeouts, refused connections, GraphQL INTERNAL_SERVER_ERROR: try again later. */
    static final String TRANSIENT = MessageCodes.TRANSIENT;
    /** Shopify refused the request (userErrors, other GraphQL errors, other 4xx): retrying the same will not help. */
    static final String REJECTED = MessageCodes.REJECTED;
    /** INFO on a successful confirmation: the order already had a fulfillment with this tracking number. */
    static final String ALREADY_CONFIRMED = MessageCodes.ALREADY_CONFIRMED;
    /** INFO on a successful confirmation: the fulfillment Shopify created. */
    static final String CONFIRMED = "confirmed";
    /** The configuration is incomplete or invalid; nothing is sent until it is fixed. */
    static final String BAD_CONFIG = MessageCodes.BAD_CONFIG;
    /** The call was for a store this configuration does not serve. */
    static final String WRONG_STORE = MessageCodes.WRONG_STORE;
    /** The call itself is incomplete (no order id, no tracking number, a cursor this plugin did not write). */
    static final String BAD_REQUEST = MessageCodes.BAD_REQUEST;
    /** Shopify answered 2xx with a body this plugin cannot read. */
    static final String BAD_RESPONSE = MessageCodes.BAD_RESPONSE;
    /** Anything unexpected inside the plugin. */
    static final String INTERNAL = MessageCodes.INTERNAL_ERROR;

    private ShopifyCodes() {
    }
}
