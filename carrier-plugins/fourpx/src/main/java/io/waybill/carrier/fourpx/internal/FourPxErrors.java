package io.waybill.carrier.fourpx.internal;

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
 * Failures as {@link Message}s in one place: HTTP status classes through the kit, transport exceptions, and the 4PX
 * envelope {@code {"result": "0", "msg", "errors": [{"error_code", "error_msg", "error_data"}]}}.
 */
final class FourPxErrors {

    private static final int MAX_TEXT = 500;
    static final String PROVIDER = "4PX";
    private static final HttpFailures.Wording WORDING = new HttpFailures.Wording(PROVIDER, "app key or signature",
            "Check the app key and app secret of this 4PX account.", "rate limit",
            "The outcome is unknown; try again later.", false);

    private final Clock clock;

    FourPxErrors(Clock clock) {
        this.clock = clock;
    }

    List<Message> http(HttpReply reply, String operation) {
        return HttpFailures.messages(reply, operation, providerTexts(reply),
                RetryAfter.parse(reply.retryAfter(), clock).orElse(null), WORDING);
    }

    static List<Message> transport(Exception e, String operation) {
        return HttpFailures.transport(e, PROVIDER, operation);
    }

    /** A refusal in a 200 answer: {@code msg} and every {@code errors[]} entry. */
    static Message refused(JsonNode envelope, String operation) {
        List<String> texts = texts(envelope);
        return Message.error(FourPxCodes.REJECTED, PROVIDER + " rejected " + operation
                + (texts.isEmpty() ? "" : ": " + String.join("; ", texts)));
    }

    static List<String> texts(JsonNode envelope) {
        List<String> texts = new ArrayList<>();
        String msg = Json.text(envelope, "msg");
        if (msg != null) {
            texts.add(clip(msg));
        }
        for (JsonNode e : envelope.path("errors")) {
            String code = Json.text(e, "error_code");
            String text = Json.text(e, "error_msg");
            String data = Json.text(e, "error_data");
            if (code != null || text != null) {
                texts.add(clip((code == null ? "" : code + ": ") + (text == null ? "" : text)
                        + (data == null ? "" : " (" + data + ")")));
            }
        }
        return texts;
    }

    static List<String> providerTexts(HttpReply reply) {
        Optional<JsonNode> json = Json.parse(reply.body());
        if (json.isEmpty()) {
            String raw = reply.bodyText().strip();
            return raw.isEmpty() || raw.startsWith("<") ? List.of() : List.of(clip(raw));
        }
        List<String> texts = texts(json.get());
        return texts.isEmpty() ? List.of(clip(json.get().toString())) : texts;
    }

    static String clip(String text) {
        return Texts.clip(text, MAX_TEXT);
    }
}
