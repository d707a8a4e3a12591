package io.waybill.plugin.kit;

import io.waybill.spi.common.Message;

import java.util.List;

/**
 * A step of a provider operation failed with these messages; {@link StoreCall} returns them as the operation's failure.
 * Control flow only: no stack trace and no exception message (that could carry a secret); the messages are redacted
 * before they leave the plugin.
 */
public class Refusal extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<Message> messages;

    public Refusal(List<Message> messages) {
        super(null, null, false, false);
        this.messages = List.copyOf(messages);
    }

    public Refusal(Message message) {
        this(List.of(message));
    }

    public List<Message> messages() {
        return messages;
    }
}
