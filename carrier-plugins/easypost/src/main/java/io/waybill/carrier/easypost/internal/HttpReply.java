package io.waybill.carrier.easypost.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One HTTP answer as the client received it: status, body and the two headers the plugin reads.
 *
 * @param status      HTTP status code
 * @param body        raw body, never {@code null}
 * @param contentType the Content-Type header, or empty
 * @param retryAfter  the Retry-After header, or empty
 */
record HttpReply(int status, byte[] body, String contentType, Optional<String> retryAfter) {

    HttpReply {
        body = body == null ? new byte[0] : body;
        contentType = contentType == null ? "" : contentType;
        retryAfter = retryAfter == null ? Optional.empty() : retryAfter;
    }

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
