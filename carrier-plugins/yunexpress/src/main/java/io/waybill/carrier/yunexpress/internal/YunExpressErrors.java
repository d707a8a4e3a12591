package io.waybill.carrier.yunexpress.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.plugin.kit.HttpFailures;
import io.waybill.plugin.kit.HttpReply;
import io.waybill.plugin.kit.RetryAfter;
import io.waybill.plugin.kit.Texts;
import io.waybill.plugin.kit.json.Json;
import io.waybill.spi.common.Message;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Turns failures into {@link Message}s in one place: HTTP status classes through the kit's {@link HttpFailures}
 * (401/403 auth, 429 with Retry-After, 5xx transient, else rejected), transport exceptions, and YunExpress's answer
 * envelope {@code {"Code": "...", "Message": "..."}} whose {@code Code} is not {@code "0000"}.
 */
final class YunExpressErrors {

    private static final int MAX_TEXT = 500;
    static final String PROVIDER = "YunExpress";
    private static final HttpFailures.Wording WORDING = new HttpFailures.Wording(PROVIDER,
            "customer code and API secret", "Check the customer code and API secret of this YunExpress account.",
            "rate limit", "The outcome is unknown; try again later.", false);

    private final Clock clock;

    YunExpressErrors(Clock clock) {
        this.clock = clock;
    }

    /** Messages for a non-2xx answer. Always at least one ERROR message. */
    List<Message> http(HttpReply reply, String operation) {
        return HttpFailures.messages(reply, operation, providerTexts(reply),
                RetryAfter.parse(reply.retryAfter(), clock).orElse(null), WORDING);
    }

    /** Messages for an exception thrown while talking to YunExpress (timeouts, refused connections...). */
    static List<Message> transport(Exception e, String operation) {
        return HttpFailures.transport(e, PROVIDER, operation);
    }

    /** A refusal in a 200 answer: the envelope's {@code Code} and {@code Message}. */
    static Message refused(JsonNode envelope, String operation) {
        String code = Json.text(envelope, "Code");
        String text = Json.text(envelope, "Message");
        return Message.error(YunExpressCodes.REJECTED, PROVIDER + " rejected " + operation
                + (code == null ? "" : " (code " + clip(code) + ")") + (text == null || text.isBlank() ? ""
                : ": " + clip(text)));
    }

    /** What YunExpress said in an error body: {@code Message} (with {@code Code}), else the plain text. */
    static List<String> providerTexts(HttpReply reply) {
        Optional<JsonNode> json = Json.parse(reply.body());
        if (json.isEmpty()) {
            String raw = reply.bodyText().strip();
            return raw.isEmpty() || raw.startsWith("<") ? List.of() : List.of(clip(raw));
        }
        String code = Json.text(json.get(), "Code");
        String message = Json.text(json.get(), "Message");
        if (message == null || message.isBlank()) {
            return List.of(clip(json.get().toString()));
        }
        return List.of(clip(code == null ? message : code + ": " + message));
    }

    static String clip(String text) {
        return Texts.clip(text, MAX_TEXT);
    }
}
