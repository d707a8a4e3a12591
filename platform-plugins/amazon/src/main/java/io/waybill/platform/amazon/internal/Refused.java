package io.waybill.platform.amazon.internal;

import io.waybill.spi.common.Message;

import java.util.List;

/** A step of an operation failed with these messages; the operation returns them as its failure. */
final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<Message> messages;

    Refused(List<Message> messages) {
        super(null, null, false, false); // control flow: no stack trace, no message that could carry a secret
        this.messages = List.copyOf(messages);
    }

    Refused(Message message) {
        this(List.of(message));
    }

    List<Message> messages() {
        return messages;
    }
}
