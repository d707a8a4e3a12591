package io.waybill.carrier.fourpx.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The 4PX open platform signature: MD5 (lower-case hex) of {@code "app_key" + appKey + "format" + format + "method" +
 * method + "timestamp" + timestamp + "v" + v + body + appSecret}, the body being the exact JSON text sent (SOURCES.md).
 */
final class FourPxSignature {

    private FourPxSignature() {
    }

    /** The text that is hashed (it holds the secret: never log it). */
    static String signed(String appKey, String format, String method, long timestamp, String version, String body,
                         String appSecret) {
        return "app_key" + appKey + "format" + format + "method" + method + "timestamp" + timestamp + "v" + version
                + body + appSecret;
    }

    static String sign(String appKey, String format, String method, long timestamp, String version, String body,
                       String appSecret) {
        return md5(signed(appKey, format, method, timestamp, version, body, appSecret));
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
    }
}
