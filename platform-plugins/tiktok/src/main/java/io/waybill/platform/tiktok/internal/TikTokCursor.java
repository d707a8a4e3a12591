package io.waybill.platform.tiktok.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The capture cursor the core stores: {@code v1|<from>|<to>|<page_token, base64url or empty>}, epoch seconds. A
 * window [from, to) of update_time is read page by page with TikTok's {@code next_page_token}; after its last page the
 * next window starts at {@code to}.
 */
record TikTokCursor(long from, long to, String pageToken) {

    private static final String PREFIX = "v1|";

    static TikTokCursor startingAt(long from) {
        return new TikTokCursor(from, -1, null);
    }

    String encode() {
        return PREFIX + from + "|" + (to < 0 ? "" : String.valueOf(to)) + "|" + (pageToken == null ? ""
                : Base64.getUrlEncoder().withoutPadding().encodeToString(pageToken.getBytes(StandardCharsets.UTF_8)));
    }

    static Optional<TikTokCursor> decode(String cursor) {
        if (cursor == null || !cursor.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = cursor.substring(PREFIX.length()).split("\\|", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            long from = Long.parseLong(parts[0]);
            long to = parts[1].isEmpty() ? -1 : Long.parseLong(parts[1]);
            String token = parts[2].isEmpty() ? null
                    : new String(Base64.getUrlDecoder().decode(parts[2]), StandardCharsets.UTF_8);
            if (from < 0 || token != null && to < 0 || to >= 0 && to < from) {
                return Optional.empty();
            }
            return Optional.of(new TikTokCursor(from, to, token));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
