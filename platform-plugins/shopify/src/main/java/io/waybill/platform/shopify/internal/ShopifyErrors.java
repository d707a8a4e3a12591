package io.waybill.platform.shopify.internal;

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
 * Retry-After, 5xx transient, else rejected), transport exceptions, GraphQL {@code errors[]} (THROTTLED with the
 * wait computed from {@code extensions.cost}, ACCESS_DENIED, INTERNAL_SERVER_ERROR, others) and mutation
 * {@code userErrors}.
 */
final class ShopifyErrors {

    private static final int MAX_TEXT = 500;
    private static final HttpFailures.Wording WORDING = new HttpFailures.Wording(
            "Shopify", "access token", "Check the token and the app's access scopes.", "rate limit",
            "Try again later.", false);

    private final Clock clock;
    /** Restore rate to assume when a THROTTLED answer carries none (the configured one). */
    private final double defaultRestoreRate;

    ShopifyErrors(Clock clock, double defaultRestoreRate) {
        this.clock = clock;
        this.defaultRestoreRate = defaultRestoreRate;
    }

    /** Messages for a non-2xx answer. Always at least one ERROR message. */
    List<Message> http(HttpReply reply, String operation) {
        return HttpFailures.messages(reply, operation, providerTexts(reply),
                RetryAfter.parse(reply.retryAfter(), clock).orElse(Duration.ofSeconds(1)), WORDING);
    }

    /**
     * Messages for the GraphQL {@code errors[]} of a 200 answer; empty when there are none. THROTTLED becomes one
     * rate_limited message whose wait is (requested cost - currently available) / restore rate, rounded up, at
     * least 1 s.
     */
    List<Message> graphql(JsonNode root, String operation) {
        JsonNode errors = root.path("errors");
        if (!errors.isArray() || errors.isEmpty()) {
            return List.of();
        }
        List<Message> messages = new ArrayList<>();
        for (JsonNode e : errors) {
            String code = e.path("extensions").path("code").asText("");
            String text = clip(e.path("message").asText(e.toString()));
            switch (code) {
                case "THROTTLED" -> {
                    return List.of(Message.rateLimited("Shopify throttled " + operation + " (query cost above what "
                            + "the bucket holds): " + text, Duration.ofSeconds(throttledWait(root))));
                }
                case "ACCESS_DENIED" -> messages.add(Message.error(ShopifyCodes.AUTH_FAILED, "Shopify denied "
                        + operation + ": " + text + " Check the app's access scopes."));
                case "INTERNAL_SERVER_ERROR" -> messages.add(Message.error(ShopifyCodes.TRANSIENT, "Shopify failed on "
                        + operation + ": " + text + " Try again later."));
                default -> messages.add(Message.error(ShopifyCodes.REJECTED, "Shopify rejected " + operation + ": "
                        + (code.isEmpty() ? "" : code + ": ") + text));
            }
        }
        return messages;
    }

    /** Seconds to wait after a THROTTLED answer, from its cost extension. */
    long throttledWait(JsonNode root) {
        Optional<ShopifyResponseParser.Cost> cost = ShopifyResponseParser.cost(root);
        double restore = cost.map(ShopifyResponseParser.Cost::restoreRate).filter(r -> r > 0)
                .orElse(defaultRestoreRate);
        double available = cost.map(ShopifyResponseParser.Cost::currentlyAvailable).orElse(0.0);
        double needed = cost.map(ShopifyResponseParser.Cost::requested)
                .orElse(cost.map(ShopifyResponseParser.Cost::maximumAvailable).orElse(restore));
        double missing = Math.max(0, needed - available);
        return Math.max(1, (long) Math.ceil(missing / restore));
    }

    /** Rejected messages for a mutation's {@code userErrors}, one per error ({@code field: message}). */
    static List<Message> userErrors(JsonNode userErrors, String operation) {
        List<Message> messages = new ArrayList<>();
        for (JsonNode e : userErrors) {
            List<String> field = new ArrayList<>();
            e.path("field").forEach(f -> field.add(f.asText()));
            messages.add(Message.error(ShopifyCodes.REJECTED, "Shopify rejected " + operation + ": "
                    + (field.isEmpty() ? "" : String.join(".", field) + ": ") + clip(e.path("message").asText())));
        }
        return messages;
    }

    /** Messages for an exception thrown while talking to Shopify (timeouts, refused connections...). */
    static List<Message> transport(Exception e, String operation) {
        return HttpFailures.transport(e, "Shopify", operation);
    }

    /** What Shopify said in an error body: {@code {"errors": "text"}} or {@code {"errors": [{"message"}]}}. */
    static List<String> providerTexts(HttpReply reply) {
        Optional<JsonNode> json = Json.parse(reply.body());
        if (json.isEmpty()) {
            String raw = reply.bodyText().strip();
            return raw.isEmpty() || raw.startsWith("<") ? List.of() : List.of(clip(raw));
        }
        JsonNode errors = json.get().path("errors");
        if (errors.isTextual()) {
            return List.of(clip(errors.asText()));
        }
        List<String> texts = new ArrayList<>();
        if (errors.isArray()) {
            errors.forEach(e -> texts.add(clip(e.isValueNode() ? e.asText() : e.path("message").asText(e.toString()))));
        } else if (errors.isObject()) {
            texts.add(clip(errors.toString()));
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
