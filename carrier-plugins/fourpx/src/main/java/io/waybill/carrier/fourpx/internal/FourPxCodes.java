package io.waybill.carrier.fourpx.internal;

import io.waybill.spi.common.MessageCodes;

/** Message codes of this plugin: the SPI's standard ones plus 4PX's own outcomes. */
final class FourPxCodes {

    static final String REJECTED = MessageCodes.REJECTED;
    static final String BAD_CONFIG = MessageCodes.BAD_CONFIG;
    static final String BAD_REQUEST = MessageCodes.BAD_REQUEST;
    static final String BAD_RESPONSE = MessageCodes.BAD_RESPONSE;
    static final String LABEL_NOT_READY = MessageCodes.LABEL_NOT_READY;
    static final String ALREADY_CREATED = MessageCodes.ALREADY_CREATED;

    /** The consignment is closed at 4PX (status X) before a tracking number came. */
    static final String CONSIGNMENT_CLOSED = "consignment_closed";
    /** Neither cancel nor hold took the consignment. */
    static final String CANCEL_FAILED = "cancel_failed";
    /** WARNING on a cancel: the consignment could not be cancelled any more and was held (intercepted) instead. */
    static final String HELD = "held";
    /**
     * WARNING on an estimated cost: the parcel has dangerous goods, which the estimate's request cannot state (it takes
     * only the cargo type parcel / document); the prices are those of an ordinary parcel.
     */
    static final String GOODS_TYPE_UNKNOWN = "goods_type_unknown";

    /** The {@code result} of a successful answer. */
    static final String OK = "1";

    private FourPxCodes() {
    }
}
