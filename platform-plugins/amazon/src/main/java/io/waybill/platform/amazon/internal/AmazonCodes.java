package io.waybill.platform.amazon.internal;

import io.waybill.spi.common.MessageCodes;

/** The message codes this plugin returns (the SPI's common ones first). */
final class AmazonCodes {

    /** HTTP 401/403 of SP-API after one fresh token, or Login with Amazon refusing the refresh token. */
    static final String AUTH_FAILED = MessageCodes.AUTH_FAILED;
    /** HTTP 429, or this plugin's own pacing of an operation's documented limit: the pause is Message.retryAfter. */
    static final String RATE_LIMITED = MessageCodes.RATE_LIMITED;
    /** HTTP 5xx, timeouts, refused connections: try again later. */
    static final String TRANSIENT = MessageCodes.TRANSIENT;
    /** Amazon refused the request (errors[] of a 4xx, a cancelled order...): retrying the same will not help. */
    static final String REJECTED = MessageCodes.REJECTED;
    /** INFO on a successful confirmation: the package Amazon holds for the order (packageReferenceId). */
    static final String CONFIRMED = "confirmed";
    /** The configuration is incomplete or invalid; nothing is sent until it is fixed. */
    static final String BAD_CONFIG = MessageCodes.BAD_CONFIG;
    /** The call was for a store this configuration does not serve. */
    static final String WRONG_STORE = MessageCodes.WRONG_STORE;
    /** The call itself is incomplete (no order id, no tracking number, a cursor this plugin did not write). */
    static final String BAD_REQUEST = MessageCodes.BAD_REQUEST;
    /** Amazon answered 2xx with a body this plugin cannot read. */
    static final String BAD_RESPONSE = MessageCodes.BAD_RESPONSE;

    private AmazonCodes() {
    }
}
