package io.waybill.spi.common;

import java.time.Duration;
import java.util.Objects;

/**
 * One message a plugin returns to the core: a stable machine code, a severity and a text an operator can read.
 *
 * @param code       stable code: one of {@link MessageCodes} where one fits, e.g. {@code "rate_limited"}
 * @param severity   how bad it is
 * @param text       human-readable text; never contains credentials
 * @param retryAfter how long the provider asked to wait before the next call (HTTP Retry-After), or {@code null}
 *                   when it did not say; never negative
 */
public record Message(String code, Severity severity, String text, Duration retryAfter) {
    /** How bad a message is. */
    public enum Severity { INFO, WARNING, ERROR }

    public Message {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        text = text == null ? "" : text;
        retryAfter = retryAfter == null || retryAfter.isNegative() ? null : retryAfter;
    }

    /** A message without a retry-after. */
    public Message(String code, Severity severity, String text) {
        this(code, severity, text, null);
    }

    public static Message error(String code, String text) {
        return new Message(code, Severity.ERROR, text);
    }

    public static Message warning(String code, String text) {
        return new Message(code, Severity.WARNING, text);
    }

    /**
     * A {@link MessageCodes#RATE_LIMITED} error.
     *
     * @param retryAfter how long the provider asked to wait, or {@code null} when it did not say
     */
    public static Message rateLimited(String text, Duration retryAfter) {
        return new Message(MessageCodes.RATE_LIMITED, Severity.ERROR, text, retryAfter);
    }
}
