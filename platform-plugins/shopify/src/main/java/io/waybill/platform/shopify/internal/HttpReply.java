package io.waybill.platform.shopify.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One HTTP answer as the client received it: status, body and the Retry-After header.
 *
 * @param status     HTTP status code
 * @param body       raw body, never {@code null}
 * @param retryAfter the Retry-After header, or empty
 */
record HttpReply(int status, byte[] body, Optional<String> retryAfter) {

    HttpReply {
        body = body == null ? new byte[0] : body;
        retryAfter = retryAfter == null ? Optional.empty() : retryAfter;
    }

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
