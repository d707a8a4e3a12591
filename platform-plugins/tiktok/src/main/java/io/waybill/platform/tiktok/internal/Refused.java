package io.waybill.platform.tiktok.internal;

import io.waybill.plugin.kit.Refusal;
import io.waybill.spi.common.Message;

import java.util.List;

/** A step of an operation failed with these messages; the operation returns them as its failure (plugin kit). */
final class Refused extends Refusal {
    private static final long serialVersionUID = 1L;

    Refused(List<Message> messages) {
        super(messages);
    }

    Refused(Message message) {
        super(message);
    }
}
