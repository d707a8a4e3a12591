package io.waybill.plugin.conformance;

import io.waybill.spi.common.MessageCodes;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** The provider answers the HTTP conformance tests replay for every operation, with the codes they must yield. */
enum Failure {
    UNAUTHORIZED(401, Set.of(MessageCodes.AUTH_FAILED)),
    FORBIDDEN(403, Set.of(MessageCodes.AUTH_FAILED)),
    RATE_LIMITED(429, Set.of(MessageCodes.RATE_LIMITED)),
    SERVER_ERROR(500, Set.of(MessageCodes.TRANSIENT, MessageCodes.TIMEOUT)),
    UNAVAILABLE(503, Set.of(MessageCodes.TRANSIENT, MessageCodes.TIMEOUT)),
    DROPPED(0, Set.of(MessageCodes.TRANSIENT, MessageCodes.TIMEOUT));

    static final Duration RETRY_AFTER = Duration.ofSeconds(7);

    final int status;
    final Set<String> codes;

    Failure(int status, Set<String> codes) {
        this.status = status;
        this.codes = codes;
    }

    /** Answers every request this way; the body echoes {@code secret}, as some providers echo a bad token. */
    void apply(HttpStub stub, String secret) {
        if (status == 0) {
            stub.dropConnection();
        } else {
            stub.answer(status, "{\"error\":\"conformance failure, token " + secret + "\",\"message\":\"token "
                            + secret + " refused\",\"errors\":[{\"message\":\"" + secret + "\"}]}",
                    Map.of("Content-Type", "application/json", "Retry-After",
                            String.valueOf(RETRY_AFTER.toSeconds())));
        }
    }
}
