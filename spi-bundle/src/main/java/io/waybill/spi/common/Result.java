package io.waybill.spi.common;

import java.util.List;
import java.util.Optional;

/**
 * Outcome of a plugin operation: a value (when it succeeded) and the messages the provider returned.
 * Plugins never let exceptions cross the SPI boundary; they return {@link #failure} instead.
 *
 * @param value    the result, or {@code null} on failure
 * @param messages what the provider said; contains at least one ERROR message on failure
 * @param <T>      value type
 */
public record Result<T>(T value, List<Message> messages) {

    /** Code of the message returned by operations a plugin does not override. */
    public static final String UNSUPPORTED = "unsupported";

    public Result {
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    public static <T> Result<T> ok(T value) {
        return new Result<>(value, List.of());
    }

    public static <T> Result<T> ok(T value, List<Message> messages) {
        return new Result<>(value, messages);
    }

    public static <T> Result<T> failure(Message... messages) {
        return new Result<>(null, List.of(messages));
    }

    public static <T> Result<T> unsupported(String operation) {
        return failure(Message.error(UNSUPPORTED, operation + " is not supported by this plugin"));
    }

    /** True when a value is present and no ERROR message was returned. */
    public boolean isOk() {
        return value != null && messages.stream().noneMatch(m -> m.severity() == Message.Severity.ERROR);
    }

    public Optional<T> asOptional() {
        return isOk() ? Optional.of(value) : Optional.empty();
    }
}
