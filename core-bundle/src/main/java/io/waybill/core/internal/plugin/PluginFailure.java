package io.waybill.core.internal.plugin;

import io.waybill.spi.common.Message;
import io.waybill.spi.common.MessageCodes;
import io.waybill.spi.common.Result;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one classification of a failed plugin result that the carrier and sync workers decide retries on:
 * {@code rate_limited} was not processed (safe to repeat, after the retry-after); {@code transient}, {@code timeout},
 * {@code plugin_error} or no error message at all leave the outcome unknown; any other error is permanent.
 *
 * @param errors        the ERROR messages of the result
 * @param rateLimited   a {@code rate_limited} error: the provider did not process the call
 * @param transientError the outcome is unknown and a later try may succeed
 * @param retryAfter    how long the provider asked to wait, at most {@link #MAX_RETRY_AFTER}
 */
public record PluginFailure(List<Message> errors, boolean rateLimited, boolean transientError,
                            Optional<Duration> retryAfter) {

    /** A provider asking for a longer pause is retried after this long. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);
    /** Plugins built against SPI 1.0 put the retry-after into the text; still honoured. */
    private static final Pattern LEGACY_RETRY_AFTER = Pattern.compile("retry_after=(\\d+(?:\\.\\d+)?)");

    /** Classifies the messages of a result that is not ok. */
    public static PluginFailure of(Result<?> result) {
        List<Message> errors = result.messages().stream().filter(m -> m.severity() == Message.Severity.ERROR)
                .toList();
        boolean rateLimited = errors.stream().anyMatch(m -> m.code().equals(MessageCodes.RATE_LIMITED));
        boolean transientError = errors.isEmpty() || errors.stream().anyMatch(m ->
                m.code().equals(MessageCodes.TRANSIENT) || m.code().equals(MessageCodes.PLUGIN_ERROR)
                        || m.code().equals(MessageCodes.TIMEOUT));
        return new PluginFailure(errors, rateLimited, transientError, retryAfter(errors));
    }

    /** True when an error has this code. */
    public boolean has(String code) {
        return errors.stream().anyMatch(m -> m.code().equals(code));
    }

    /** The errors' texts (their codes where a text is blank), joined; {@code whenNone} when there is no error. */
    public String text(String whenNone) {
        return errors.isEmpty() ? whenNone : errors.stream().map(m -> m.text().isBlank() ? m.code() : m.text())
                .collect(Collectors.joining("; "));
    }

    static Optional<Duration> retryAfter(List<Message> errors) {
        for (Message m : errors) {
            Duration d = m.retryAfter();
            if (d == null) {
                Matcher matcher = LEGACY_RETRY_AFTER.matcher(m.text());
                if (matcher.find()) {
                    d = Duration.ofMillis((long) (Double.parseDouble(matcher.group(1)) * 1000));
                }
            }
            if (d != null) {
                return Optional.of(d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d);
            }
        }
        return Optional.empty();
    }
}
