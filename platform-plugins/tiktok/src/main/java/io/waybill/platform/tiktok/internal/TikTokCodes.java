package io.waybill.platform.tiktok.internal;

import io.waybill.spi.common.MessageCodes;

/** The message codes this plugin returns (the SPI's common ones first). */
final class TikTokCodes {

    /** HTTP 401/403, or TikTok's answer code of the token / signature groups (105xxx, 106xxx, 360xxx). */
    static final String AUTH_FAILED = MessageCodes.AUTH_FAILED;
    /** HTTP 429: the pause is Message.retryAfter. */
    static final String RATE_LIMITED = MessageCodes.RATE_LIMITED;
    /** HTTP 5xx, timeouts, refused connections: try again later. */
    static final String TRANSIENT = MessageCodes.TRANSIENT;
    /** TikTok refused the request (an answer code other than 0, a cancelled order...). */
    static final String REJECTED = MessageCodes.REJECTED;
    /** INFO on a successful confirmation: the order already carries this tracking number; nothing sent. */
    static final String ALREADY_CONFIRMED = MessageCodes.ALREADY_CONFIRMED;
    /** INFO on a successful confirmation: the package shipped, or the order's shipping info updated. */
    static final String CONFIRMED = "confirmed";
    /** The configuration is incomplete or invalid; nothing is sent until it is fixed. */
    static final String BAD_CONFIG = MessageCodes.BAD_CONFIG;
    /** The call was for a store this configuration does not serve. */
    static final String WRONG_STORE = MessageCodes.WRONG_STORE;
    /** The call itself is incomplete (no order id, no tracking number, a cursor this plugin did not write). */
    static final String BAD_REQUEST = MessageCodes.BAD_REQUEST;
    /** TikTok answered with a body this plugin cannot read. */
    static final String BAD_RESPONSE = MessageCodes.BAD_RESPONSE;

    private TikTokCodes() {
    }
}
