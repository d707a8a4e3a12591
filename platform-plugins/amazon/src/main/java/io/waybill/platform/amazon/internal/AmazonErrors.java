package io.waybill.platform.amazon.internal;

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
 * Turns failures into {@link Message}s, in one place: HTTP status classes (401/403 auth, 429 rate limit, 5xx
 * transient, else rejected), transport exceptions, SP-API's error body {@code {"errors": [{"code", "message",
 * "details"}]}} and Login with Amazon's {@code {"error", "error_description"}}.
 */
final class AmazonErrors {

    /**
     * Pause to report after a 429 without Retry-After: SP-API documents none, its limits are token buckets; one
     * second refills two confirmShipment tokens.
     */
    static final long DEFAULT_RETRY_AFTER = 1;
    private static final int MAX_TEXT = 500;
    private static final HttpFailures.Wording SP_API = new HttpFailures.Wording("Amazon", "access token",
            "Check that the seller authorised this application (refresh token) for the marketplace and that the"
                    + " application has the roles the operation needs.", "rate limit", "Try again later.", false);
    private static final HttpFailures.Wording LWA = new HttpFailures.Wording("Login with Amazon",
            "client id, client secret or refresh token", "Put the application's LWA client id and secret and the"
                    + " seller's refresh token into the store's Amazon settings.", "rate limit", "Try again later.",
            false);

    private final Clock clock;

    AmazonErrors(Clock clock) {
        this.clock = clock;
    }

    /** Messages for a non-2xx SP-API answer. Always at least one ERROR message. */
    List<Message> http(HttpReply reply, String operation) {
        return HttpFailures.messages(reply, operation, providerTexts(reply), retryAfter(reply), SP_API);
    }

    /** Messages for a non-2xx Login with Amazon answer (400 invalid_grant / invalid_client are refused credentials). */
    List<Message> lwa(HttpReply reply, String operation) {
        List<String> texts = providerTexts(reply);
        if (reply.status() == 400 || reply.status() == 401) {
            return List.of(Message.error(AmazonCodes.AUTH_FAILED, "Login with Amazon refused the client id, client"
                    + " secret or refresh token for " + operation + " (HTTP " + reply.status() + ")"
                    + (texts.isEmpty() ? "" : ": " + String.join("; ", texts)) + ". " + LWA.authHint()));
        }
        return HttpFailures.messages(reply, operation, texts, retryAfter(reply), LWA);
    }

    private Duration retryAfter(HttpReply reply) {
        return RetryAfter.parse(reply.retryAfter(), clock).orElse(Duration.ofSeconds(DEFAULT_RETRY_AFTER));
    }

    /** Messages for an exception thrown while talking to Amazon (timeouts, refused connections...). */
    static List<Message> transport(Exception e, String operation) {
        return HttpFailures.transport(e, "Amazon", operation);
    }

    /**
     * What Amazon said: one text per {@code errors[]} entry ({@code code: message (details)}), or LWA's
     * {@code error: error_description}; plain-text bodies are passed on; empty when nothing is readable.
     */
    static List<String> providerTexts(HttpReply reply) {
        Optional<JsonNode> json = Json.parse(reply.body());
        if (json.isEmpty()) {
            String raw = reply.bodyText().strip();
            return raw.isEmpty() || raw.startsWith("<") ? List.of() : List.of(clip(raw));
        }
        JsonNode errors = json.get().path("errors");
        if (errors.isArray()) {
            List<String> texts = new ArrayList<>();
            for (JsonNode e : errors) {
                String code = e.path("code").asText("");
                String message = e.path("message").asText("");
                String details = e.path("details").asText("");
                texts.add(clip((code.isEmpty() ? "" : code + ": ") + message
                        + (details.isBlank() ? "" : " (" + details + ")")));
            }
            return texts;
        }
        String lwaError = Json.text(json.get(), "error");
        if (lwaError != null) {
            String description = Json.text(json.get(), "error_description");
            return List.of(clip(lwaError + (description == null ? "" : ": " + description)));
        }
        return List.of(clip(json.get().toString()));
    }

    static String clip(String text) {
        return Texts.clip(text, MAX_TEXT);
    }
}
