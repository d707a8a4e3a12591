package io.waybill.carrier.yanwen.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Yanwen's documented signature: MD5, 32 lower-case hex digits, of {@code apiToken + user_id + data + format + method
 * + timestamp + version + apiToken}, {@code data} being the compact JSON body sent (SOURCES.md; one published example
 * result on the documentation disagrees with its own input, the tests follow the algorithm).
 */
final class YanwenSignature {

    private YanwenSignature() {
    }

    static String sign(String apiToken, String userId, String data, String format, String method, long timestamp,
                       String version) {
        String text = apiToken + userId + data + format + method + timestamp + version + apiToken;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
    }
}
