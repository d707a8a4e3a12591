package io.waybill.plugin.kit;

import io.waybill.spi.common.Message;
import io.waybill.spi.common.MessageCodes;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
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

    /**
     * How one provider's failures read. Texts: {@code "<provider> refused the <credential> for <operation> (HTTP n)
     * <provider's texts>. <authHint>"}, {@code "<provider> <limit> reached for ..."}, {@code "<provider> failed on
     * <operation> (HTTP n)<texts>. <transientHint>"}, {@code "<provider> rejected <operation> (HTTP n): <text>"}.
     *
     * @param provider        the provider's name, e.g. "EasyPost"
     * @param credential      what authenticates, e.g. "API key", "access token"
     * @param authHint        what the operator should do after 401/403
     * @param limit           the provider's word for its rate limit, e.g. "rate limit", "call limit"
     * @param transientHint   what to say after a 5xx
     * @param rejectedPerText one {@code rejected} message per provider text (else one message with all of them)
     */
    public record Wording(String provider, String credential, String authHint, String limit, String transientHint,
                          boolean rejectedPerText) {
    }

    /**
     * The messages for a non-2xx answer; always at least one ERROR message.
     *
     * @param providerTexts what the provider said in the body (already clipped), possibly empty
     * @param retryAfter    the pause to report on a 429 ({@link RetryAfter#parse}, or the provider's default), or null
     */
    public static List<Message> messages(HttpReply reply, String operation, List<String> providerTexts,
                                         Duration retryAfter, Wording w) {
        int status = reply.status();
        String suffix = providerTexts.isEmpty() ? "" : ": " + String.join("; ", providerTexts);
        String http = " (HTTP " + status + ")";
        switch (classify(status)) {
            case AUTH:
                return List.of(Message.error(MessageCodes.AUTH_FAILED, w.provider() + " refused the " + w.credential()
                        + " for " + operation + http + suffix + ". " + w.authHint()));
            case RATE_LIMITED:
                return List.of(rateLimited(w.provider(), w.limit(), operation, suffix, retryAfter));
            case TRANSIENT:
                return List.of(Message.error(MessageCodes.TRANSIENT, w.provider() + " failed on " + operation + http
                        + suffix + ". " + w.transientHint()));
            default:
                if (providerTexts.isEmpty() || !w.rejectedPerText()) {
                    return List.of(Message.error(MessageCodes.REJECTED, w.provider() + " rejected " + operation + http
                            + suffix));
                }
                List<Message> messages = new ArrayList<>(providerTexts.size());
                for (String text : providerTexts) {
                    messages.add(Message.error(MessageCodes.REJECTED, w.provider() + " rejected " + operation + http
                            + ": " + text));
                }
                return messages;
        }
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
