package io.waybill.spi.common;

import java.util.Objects;

/**
 * One message a plugin returns to the core: a stable machine code, a severity and a text an operator can read.
 *
 * @param code     stable code, e.g. {@code "auth_failed"}, {@code "rate_limited"}, {@code "unsupported"}
 * @param severity how bad it is
 * @param text     human-readable text; never contains credentials
 */
public record Message(String code, Severity severity, String text) {
    /** How bad a message is. */
    public enum Severity { INFO, WARNING, ERROR }

    public Message {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        text = text == null ? "" : text;
    }

    public static Message error(String code, String text) {
        return new Message(code, Severity.ERROR, text);
    }

    public static Message warning(String code, String text) {
        return new Message(code, Severity.WARNING, text);
    }
}
