package io.waybill.platform.ebay.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One HTTP answer as the client received it: status, body and the two headers the plugin reads.
 *
 * @param status     HTTP status code
 * @param body       raw body, never {@code null}
 * @param retryAfter the Retry-After header, or empty
 * @param location   the Location header (the new fulfillment's URI after a 201), or empty
 */
record HttpReply(int status, byte[] body, Optional<String> retryAfter, Optional<String> location) {

    HttpReply {
        body = body == null ? new byte[0] : body;
        retryAfter = retryAfter == null ? Optional.empty() : retryAfter;
        location = location == null ? Optional.empty() : location;
    }

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
