package io.waybill.platform.tiktok.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.plugin.kit.HttpFailures;
import io.waybill.plugin.kit.HttpReply;
import io.waybill.plugin.kit.RetryAfter;
import io.waybill.plugin.kit.Texts;
import io.waybill.plugin.kit.json.Json;
import io.waybill.spi.common.Message;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Failures as {@link Message}s, in one place. TikTok answers {@code {"code", "message", "request_id", "data"}}:
 * {@code code} 0 is success; a non-2xx HTTP status goes through the kit's classes; a 2xx answer with another code is
 * {@code auth_failed} for the token and signature groups (105, 106, 360) and {@code rejected} otherwise.
 */
final class TikTokErrors {

    static final long DEFAULT_RETRY_AFTER = 1;
    private static final int MAX_TEXT = 500;
    private static final HttpFailures.Wording WORDING = new HttpFailures.Wording("TikTok Shop",
            "app key, signature or access token", "Check the app key and secret and put a fresh access token of"
            + " the shop into the store's TikTok Shop settings.", "rate limit", "Try again later.", false);

    private final Clock clock;

    TikTokErrors(Clock clock) {
        this.clock = clock;
    }

    /** Messages for a non-2xx answer. */
    List<Message> http(HttpReply reply, String operation) {
        return HttpFailures.messages(reply, operation, text(reply).map(List::of).orElse(List.of()),
                RetryAfter.parse(reply.retryAfter(), clock).orElse(Duration.ofSeconds(DEFAULT_RETRY_AFTER)), WORDING);
    }

    /** Messages for a 2xx answer whose {@code code} is not 0. */
    static List<Message> code(long code, String message, String operation) {
        String group = String.valueOf(code).length() >= 3 ? String.valueOf(code).substring(0, 3) : "";
        String said = clip(code + (message == null ? "" : ": " + message));
        if (group.equals("105") || group.equals("106") || group.equals("360")) {
            return List.of(Message.error(TikTokCodes.AUTH_FAILED, "TikTok Shop refused the app key, signature or"
                    + " access token for " + operation + ": " + said + ". " + WORDING.authHint()));
        }
        return List.of(Message.error(TikTokCodes.REJECTED, "TikTok Shop rejected " + operation + ": " + said));
    }

    /**
     * Whether TikTok refused the access token itself, so a refreshed token may succeed: an answer code of the token
     * group 105xxx (TikTok's error code groups, as EcomPHP/tiktokshop-php reads them) in any HTTP status, or HTTP 401
     * without a readable code (an expired token answers 401). Not 106xxx: a refresh does not mend a bad signature.
     */
    static boolean tokenRefused(HttpReply reply) {
        Optional<JsonNode> json = Json.parse(reply.body());
        if (json.isPresent() && json.get().path("code").canConvertToLong()) {
            return String.valueOf(json.get().path("code").asLong()).startsWith("105");
        }
        return reply.status() == 401;
    }

    static List<Message> transport(Exception e, String operation) {
        return HttpFailures.transport(e, "TikTok Shop", operation);
    }

    private static Optional<String> text(HttpReply reply) {
        Optional<JsonNode> json = Json.parse(reply.body());
        if (json.isPresent() && json.get().has("code")) {
            String m = Json.text(json.get(), "message");
            return Optional.of(clip(json.get().path("code").asText() + (m == null ? "" : ": " + m)));
        }
        String raw = reply.bodyText().strip();
        return raw.isEmpty() || raw.startsWith("<") ? Optional.empty() : Optional.of(clip(raw));
    }

    static String clip(String text) {
        return Texts.clip(text, MAX_TEXT);
    }
}
