package ${package}.internal;

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
 * Failures to {@link Message}s, in one place: the status classes come from the plugin kit ({@link HttpFailures}:
 * 401/403 auth_failed, 429 rate_limited with Retry-After, 5xx transient, else rejected); this class only reads
 * ${marketplaceName}'s error body {@code {"error": {"code", "message"}}}.
 */
final class ${marketplaceName}Errors {

    private static final int MAX_TEXT = 500;
    private static final HttpFailures.Wording WORDING = new HttpFailures.Wording(
            "${marketplaceName}", "API token", "Check the API token of the ${marketplaceName} configuration.", "rate limit",
            "The outcome is unknown; try again later.", true);

    private final Clock clock;

    ${marketplaceName}Errors(Clock clock) {
        this.clock = clock;
    }

    /** Messages for a non-2xx answer. Always at least one ERROR message. */
    List<Message> http(HttpReply reply, String operation) {
        return HttpFailures.messages(reply, operation, providerTexts(reply),
                RetryAfter.parse(reply.retryAfter(), clock).orElse(null), WORDING);
    }

    /** Messages for an exception while talking to ${marketplaceName} (timeouts, refused connections...). */
    static List<Message> transport(Exception e, String operation) {
        return HttpFailures.transport(e, "${marketplaceName}", operation);
    }

    /** {@code CODE: message} from the error body; a plain-text body as it is; empty when nothing is readable. */
    static List<String> providerTexts(HttpReply reply) {
        Optional<JsonNode> json = Json.parse(reply.body());
        if (json.isEmpty()) {
            String raw = reply.bodyText().strip();
            return raw.isEmpty() || raw.startsWith("<") ? List.of() : List.of(Texts.clip(raw, MAX_TEXT));
        }
        JsonNode error = json.get().path("error");
        List<String> texts = new ArrayList<>();
        String code = error.path("code").asText("");
        String message = error.path("message").asText("");
        if (!code.isEmpty() || !message.isEmpty()) {
            texts.add(Texts.clip(code.isEmpty() ? message : message.isEmpty() ? code : code + ": " + message,
                    MAX_TEXT));
        }
        return texts;
    }
}
