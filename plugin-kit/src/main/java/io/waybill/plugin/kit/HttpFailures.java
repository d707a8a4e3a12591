package io.waybill.plugin.kit;

import io.waybill.spi.common.Message;
import io.waybill.spi.common.MessageCodes;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;

/**
 * Classifies HTTP failures once for every plugin: 401/403 {@code auth_failed}, 429 {@code rate_limited} (with the
 * Retry-After as {@link Message#retryAfter()}), 5xx {@code transient}, any other status {@code rejected}; and a
 * transport exception (timeout, refused connection, interruption) is {@code transient}.
 */
public final class HttpFailures {

    /** The class of a non-2xx status. */
    public enum Kind {
        AUTH(MessageCodes.AUTH_FAILED), RATE_LIMITED(MessageCodes.RATE_LIMITED), TRANSIENT(MessageCodes.TRANSIENT),
        REJECTED(MessageCodes.REJECTED);

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        /** The SPI message code of this class. */
        public String code() {
            return code;
        }
    }

    private HttpFailures() {
    }

    /** The class of a non-2xx HTTP status. */
    public static Kind classify(int status) {
        if (status == 401 || status == 403) {
            return Kind.AUTH;
        }
        if (status == 429) {
            return Kind.RATE_LIMITED;
        }
        return status >= 500 ? Kind.TRANSIENT : Kind.REJECTED;
    }

    /**
     * The rate-limited message: {@code "<provider> <limit> reached for <operation> (HTTP 429)<suffix>"} and the
     * pause the provider asked for.
     *
     * @param limit      the provider's word for it, e.g. "rate limit" or "call limit"
     * @param retryAfter the parsed Retry-After, or {@code null} when the provider did not say
     */
    public static Message rateLimited(String provider, String limit, String operation, String suffix,
                                      Duration retryAfter) {
        return Message.rateLimited(provider + " " + limit + " reached for " + operation + " (HTTP 429)" + suffix
                + (retryAfter == null ? "" : "; retry after " + RetryAfter.seconds(retryAfter) + " s"), retryAfter);
    }

    /** A {@code transient} message for an exception thrown while talking to the provider. */
    public static List<Message> transport(Exception e, String provider, String operation) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return List.of(Message.error(MessageCodes.TRANSIENT, "Interrupted while waiting for " + provider + " ("
                    + operation + "). The outcome is unknown."));
        }
        String what = e instanceof HttpTimeoutException ? provider + " did not answer in time"
                : "Could not reach " + provider + " (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
        return List.of(Message.error(MessageCodes.TRANSIENT, what + " for " + operation
                + ". The outcome is unknown; try again later."));
    }
}
