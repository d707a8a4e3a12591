package io.waybill.carrier.yunexpress.internal;

import io.waybill.spi.common.MessageCodes;

/** Message codes of this plugin: the SPI's standard ones plus YunExpress's own outcomes. */
final class YunExpressCodes {

    static final String AUTH_FAILED = MessageCodes.AUTH_FAILED;
    static final String RATE_LIMITED = MessageCodes.RATE_LIMITED;
    static final String TRANSIENT = MessageCodes.TRANSIENT;
    static final String REJECTED = MessageCodes.REJECTED;
    static final String BAD_CONFIG = MessageCodes.BAD_CONFIG;
    static final String BAD_REQUEST = MessageCodes.BAD_REQUEST;
    static final String BAD_RESPONSE = MessageCodes.BAD_RESPONSE;
    static final String LABEL_NOT_READY = MessageCodes.LABEL_NOT_READY;
    static final String ALREADY_CREATED = MessageCodes.ALREADY_CREATED;

    /** YunExpress could not issue a tracking number (GetTrackingNumber status 4). */
    static final String TRACKING_FAILED = "tracking_failed";
    /** Neither Delete nor Intercept took the order. */
    static final String CANCEL_FAILED = "cancel_failed";
    /** WARNING on a cancel: the order could not be deleted any more and was intercepted instead. */
    static final String INTERCEPTED = "intercepted";

    /**
     * WARNING on a price trial: the parcel has dangerous goods other than batteries, which the price trial's
     * {@code PackageType} (1 battery, 0 general goods) cannot say; the prices are those of general goods.
     */
    static final String GOODS_TYPE_UNKNOWN = "goods_type_unknown";

    /** The {@code Code} of a successful answer ("0000"). */
    static final String OK = "0000";

    private YunExpressCodes() {
    }
}
