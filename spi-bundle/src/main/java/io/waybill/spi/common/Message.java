package io.waybill.spi.common;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One message a plugin returns to the core: a stable machine code, a severity and a text an operator can read.
 *
 * <p>Since 1.3 a message may also carry the values its code's sentence names ({@link #params}), for codes whose
 * contract defines them (e.g. {@code io.waybill.spi.platform.OrderFileParser}'s file problems): the core then shows
 * the message in the operator's language. {@link #text} stays the plugin's own English (logs, and any code or params
 * the core does not know). A message without params (a 1.2 plugin) is shown as its text.
 *
 * @param code       stable code: one of {@link MessageCodes} where one fits, e.g. {@code "rate_limited"}
 * @param severity   how bad it is
 * @param text       human-readable text; never contains credentials
 * @param retryAfter how long the provider asked to wait before the next call (HTTP Retry-After), or {@code null}
 *                   when it did not say; never negative
 * @param params     the values of the code's sentence, in the order its contract gives; empty when the message has
 *                   none (since 1.3); never null, no null element
 */
public record Message(String code, Severity severity, String text, Duration retryAfter, List<String> params) {
    /** How bad a message is. */
    public enum Severity { INFO, WARNING, ERROR }

    public Message {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        text = text == null ? "" : text;
        retryAfter = retryAfter == null || retryAfter.isNegative() ? null : retryAfter;
        params = params == null ? List.of() : params.stream().map(p -> p == null ? "" : p).toList();
    }

    /** The 1.2 form: a message without params. */
    public Message(String code, Severity severity, String text, Duration retryAfter) {
        this(code, severity, text, retryAfter, List.of());
    }

    /** A message without a retry-after or params. */
    public Message(String code, Severity severity, String text) {
        this(code, severity, text, null, List.of());
    }

    public static Message error(String code, String text) {
        return new Message(code, Severity.ERROR, text);
    }

    /**
     * An error with the values of its code's sentence (each as {@link String#valueOf}, null as empty). Since 1.3.
     *
     * @param text   the plugin's own English, shown where the core does not know the code or its params
     * @param params the values, in the order the code's contract gives
     */
    public static Message error(String code, String text, Object... params) {
        return new Message(code, Severity.ERROR, text, null, params == null ? List.of()
                : Arrays.stream(params).map(p -> p == null ? "" : String.valueOf(p)).toList());
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
