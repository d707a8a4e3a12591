package io.waybill.platform.tiktok.internal;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * TikTok Shop's request signature (API version 202309): the query parameters except {@code sign} and
 * {@code access_token}, sorted by key, concatenated as {@code key + value}; the request path before them; the JSON
 * body after them (unless the request is multipart/form-data or has no body); the app secret before and after the
 * whole; HMAC-SHA256 of that with the app secret as key, lower-case hex. See the fixtures' SOURCES.md.
 */
final class TikTokSigner {

    private TikTokSigner() {
    }

    /** The string that is signed. */
    static String stringToSign(String path, Map<String, String> query, String body, String appSecret) {
        StringBuilder s = new StringBuilder(appSecret).append(path);
        for (Map.Entry<String, String> e : new TreeMap<>(query).entrySet()) {
            if (!e.getKey().equals("sign") && !e.getKey().equals("access_token")) {
                s.append(e.getKey()).append(e.getValue());
            }
        }
        if (body != null && !body.isEmpty()) {
            s.append(body);
        }
        return s.append(appSecret).toString();
    }

    /** The {@code sign} query parameter. */
    static String sign(String path, Map<String, String> query, String body, String appSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(stringToSign(path, query, body, appSecret)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
