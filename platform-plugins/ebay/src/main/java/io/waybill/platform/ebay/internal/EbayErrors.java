package io.waybill.platform.ebay.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.plugin.kit.HttpFailures;
import io.waybill.plugin.kit.HttpReply;
import io.waybill.plugin.kit.RetryAfter;
import io.waybill.plugin.kit.Texts;
import io.waybill.plugin.kit.json.Json;
import io.waybill.spi.common.Message;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns failures into {@link Message}s, in one place: HTTP status classes (401/403 auth, 429 rate limit with
 * Retry-After, 5xx transient, else rejected), transport exceptions, and eBay's error body
 * {@code {"errors": [{"errorId", "domain", "category", "message", "longMessage", "parameters"}]}}.
 */
final class EbayErrors {

    /** Wait to report when a 429 carries no Retry-After (eBay's quotas are per day; the core backs off further). */
    static final long DEFAULT_RETRY_AFTER = 60;
    private static final int MAX_TEXT = 500;
    private static final HttpFailures.Wording WORDING = new HttpFailures.Wording(
            "eBay", "access token", "User tokens expire after two hours: put a fresh token with the "
            + "sell.fulfillment scope into the configuration.", "call limit", "Try again later.", true);

    private final Clock clock;

    EbayErrors(Clock clock) {
        this.clock = clock;
    }

    /** Messages for a non-2xx answer. Always at least one ERROR message. */
    List<Message> http(HttpReply reply, String operation) {
        return HttpFailures.messages(reply, operation, providerTexts(reply),
                RetryAfter.parse(reply.retryAfter(), clock).orElse(Duration.ofSeconds(DEFAULT_RETRY_AFTER)), WORDING);
    }

    /** Messages for an exception thrown while talking to eBay (timeouts, refused connections...). */
    static List<Message> transport(Exception e, String operation) {
        return HttpFailures.transport(e, "eBay", operation);
    }

    /**
     * What eBay said: one text per {@code errors[]} entry, {@code errorId: message} (plus {@code longMessage} when it
     * says more). Plain-text bodies are passed on; empty when nothing is readable.
     */
    static List<String> providerTexts(HttpReply reply) {
        Optional<JsonNode> json = Json.parse(reply.body());
        if (json.isEmpty()) {
            String raw = reply.bodyText().strip();
            return raw.isEmpty() || raw.startsWith("<") ? List.of() : List.of(clip(raw));
        }
        JsonNode errors = json.get().path("errors");
        if (!errors.isArray()) {
            return List.of(clip(json.get().toString()));
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode e : errors) {
            String id = e.path("errorId").asText("");
            String message = e.path("message").asText("");
            String longMessage = e.path("longMessage").asText("");
            String text = message.isEmpty() ? longMessage
                    : longMessage.isEmpty() || longMessage.equals(message) ? message : message + " " + longMessage;
            texts.add(clip((id.isEmpty() ? "" : id + ": ") + text));
        }
        return texts;
    }

    /** Retry-After as seconds: either delta-seconds or an HTTP date (RFC 1123). */
    Optional<Long> retryAfterSeconds(Optional<String> header) {
        return RetryAfter.parse(header, clock).map(RetryAfter::seconds);
    }

    static String clip(String text) {
        return Texts.clip(text, MAX_TEXT);
    }
}
