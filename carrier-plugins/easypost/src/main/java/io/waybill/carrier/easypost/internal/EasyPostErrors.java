package io.waybill.carrier.easypost.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.plugin.kit.HttpFailures;
import io.waybill.plugin.kit.HttpReply;
import io.waybill.plugin.kit.RetryAfter;
import io.waybill.plugin.kit.Texts;
import io.waybill.plugin.kit.json.Json;
import io.waybill.spi.common.Message;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns failures into {@link Message}s, in one place: HTTP status classes (401/403 auth, 429 rate limit with
 * Retry-After, 5xx transient, else rejected), transport exceptions, and EasyPost's error body
 * {@code {"error": {"code", "message", "errors": [...]}}}.
 */
final class EasyPostErrors {

    private static final int MAX_TEXT = 500;
    private static final HttpFailures.Wording WORDING = new HttpFailures.Wording(
            "EasyPost", "API key", "Check the API key of this EasyPost account.", "rate limit",
            "The outcome is unknown; try again later.", true);

    private final Clock clock;

    EasyPostErrors(Clock clock) {
        this.clock = clock;
    }

    /** Messages for a non-2xx answer. Always at least one ERROR message. */
    List<Message> http(HttpReply reply, String operation) {
        return HttpFailures.messages(reply, operation, providerTexts(reply),
                RetryAfter.parse(reply.retryAfter(), clock).orElse(null), WORDING);
    }

    /** Messages for an exception thrown while talking to EasyPost (timeouts, refused connections...). */
    static List<Message> transport(Exception e, String operation) {
        return HttpFailures.transport(e, "EasyPost", operation);
    }

    /** The texts of a shipment's {@code messages[]} (carrier rating problems: {@code carrier}, {@code message}). */
    static List<String> shipmentMessages(JsonNode shipment) {
        List<String> texts = new ArrayList<>();
        JsonNode messages = shipment.path("messages");
        if (messages.isArray()) {
            for (JsonNode m : messages) {
                String carrier = m.path("carrier").asText("");
                String text = m.isValueNode() ? m.asText() : m.path("message").asText(m.toString());
                texts.add(clip(carrier.isEmpty() ? text : carrier + ": " + text));
            }
        }
        return texts;
    }

    /**
     * What EasyPost said in an error body {@code {"error": {"code", "message", "errors": [...]}}}: first
     * {@code CODE: message}, then one text per field error ({@code field: message}, with the suggestion if any);
     * {@code errors} may also hold plain strings. Plain-text bodies are passed on; empty when nothing is readable.
     */
    static List<String> providerTexts(HttpReply reply) {
        Optional<JsonNode> json = Json.parse(reply.body());
        if (json.isEmpty()) {
            String raw = reply.bodyText().strip();
            return raw.isEmpty() || raw.startsWith("<") ? List.of() : List.of(clip(raw));
        }
        JsonNode error = json.get().path("error");
        if (!error.isObject()) {
            return error.isTextual() ? List.of(clip(error.asText())) : List.of(clip(json.get().toString()));
        }
        List<String> texts = new ArrayList<>();
        String code = error.path("code").asText("");
        String message = error.path("message").asText("");
        if (!code.isEmpty() || !message.isEmpty()) {
            texts.add(clip(code.isEmpty() ? message : message.isEmpty() ? code : code + ": " + message));
        }
        JsonNode errors = error.path("errors");
        if (errors.isArray()) {
            for (JsonNode e : errors) {
                if (e.isValueNode()) {
                    texts.add(clip(e.asText()));
                    continue;
                }
                String field = e.path("field").asText("");
                String text = e.path("message").asText("");
                String suggestion = e.path("suggestion").isNull() ? "" : e.path("suggestion").asText("");
                texts.add(clip((field.isEmpty() ? "" : field + ": ") + text
                        + (suggestion.isEmpty() ? "" : " (suggestion: " + suggestion + ")")));
            }
        }
        return texts;
    }

    /** EasyPost's machine error code ({@code error.code}), if the body has one. */
    static Optional<String> errorCode(HttpReply reply) {
        return Json.parse(reply.body()).map(n -> n.path("error").path("code").asText("")).filter(c -> !c.isEmpty());
    }

    /** Retry-After as seconds: either delta-seconds or an HTTP date (RFC 1123). */
    Optional<Long> retryAfterSeconds(Optional<String> header) {
        return RetryAfter.parse(header, clock).map(RetryAfter::seconds);
    }

    static String clip(String text) {
        return Texts.clip(text, MAX_TEXT);
    }
}
