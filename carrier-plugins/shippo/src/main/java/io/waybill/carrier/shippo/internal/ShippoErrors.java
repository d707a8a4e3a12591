package io.waybill.carrier.shippo.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.plugin.kit.HttpFailures;
import io.waybill.plugin.kit.HttpReply;
import io.waybill.plugin.kit.RetryAfter;
import io.waybill.plugin.kit.Texts;
import io.waybill.plugin.kit.json.Json;
import io.waybill.spi.common.Message;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns failures into {@link Message}s, in one place: HTTP status classes (401/403 auth, 429 rate limit with
 * Retry-After, 5xx transient, else rejected), transport exceptions, and the bodies Shippo sends with them
 * (transaction {@code messages[]}, {@code {"detail": ...}}, or field → [errors] maps).
 */
final class ShippoErrors {

    private static final int MAX_TEXT = 500;
    private static final HttpFailures.Wording WORDING = new HttpFailures.Wording(
            "Shippo", "API token", "Check the token of this Shippo account.", "rate limit",
            "The outcome is unknown; try again later.", true);

    private final Clock clock;

    ShippoErrors(Clock clock) {
        this.clock = clock;
    }

    /** Messages for a non-2xx answer. Always at least one ERROR message. */
    List<Message> http(HttpReply reply, String operation) {
        return HttpFailures.messages(reply, operation, providerTexts(reply),
                RetryAfter.parse(reply.retryAfter(), clock).orElse(null), WORDING);
    }

    /** Messages for an exception thrown while talking to Shippo (timeouts, refused connections...). */
    static List<Message> transport(Exception e, String operation) {
        return HttpFailures.transport(e, "Shippo", operation);
    }

    /** The texts of a transaction's {@code messages[]} ({@code source}, {@code code}, {@code text}). */
    static List<String> transactionMessages(JsonNode transaction) {
        List<String> texts = new ArrayList<>();
        JsonNode messages = transaction.path("messages");
        if (messages.isArray()) {
            for (JsonNode m : messages) {
                String source = m.path("source").asText("");
                String code = m.path("code").asText("");
                String text = m.path("text").asText("");
                StringBuilder sb = new StringBuilder();
                if (!source.isEmpty()) {
                    sb.append(source).append(": ");
                }
                sb.append(text.isEmpty() ? code : text);
                if (!code.isEmpty() && !text.isEmpty()) {
                    sb.append(" (").append(code).append(')');
                }
                texts.add(clip(sb.toString()));
            }
        }
        return texts;
    }

    /** What Shippo said in an error body, whatever its shape; empty when the body says nothing readable. */
    static List<String> providerTexts(HttpReply reply) {
        Optional<JsonNode> json = Json.parse(reply.body());
        if (json.isEmpty()) {
            String raw = reply.bodyText().strip();
            return raw.isEmpty() || raw.startsWith("<") ? List.of() : List.of(clip(raw));
        }
        JsonNode node = json.get();
        List<String> texts = new ArrayList<>(transactionMessages(node));
        if (node.hasNonNull("detail")) {
            texts.add(clip(node.get("detail").asText()));
        }
        if (texts.isEmpty() && node.isObject()) {
            // field -> ["error", ...] (or field -> "error")
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (f.getValue().isArray()) {
                    for (JsonNode v : f.getValue()) {
                        texts.add(clip(f.getKey() + ": " + (v.isValueNode() ? v.asText() : v.toString())));
                    }
                } else if (f.getValue().isValueNode()) {
                    texts.add(clip(f.getKey() + ": " + f.getValue().asText()));
                }
            }
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
