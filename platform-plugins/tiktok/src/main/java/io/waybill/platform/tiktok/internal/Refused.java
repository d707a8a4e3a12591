package io.waybill.platform.tiktok.internal;

import io.waybill.spi.common.Message;

import java.util.List;

/** A step failed with these messages (never carries a secret: the messages are redacted before they leave). */
final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Message> messages;

    Refused(List<Message> messages) {
        super(null, null, false, false);
        this.messages = messages;
    }

    List<Message> messages() {
        return messages;
    }
}
