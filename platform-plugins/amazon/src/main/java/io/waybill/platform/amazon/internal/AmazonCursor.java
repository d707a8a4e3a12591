package io.waybill.platform.amazon.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * The capture cursor the core stores: {@code v1|<from>|<to>|<NextToken, base64url or empty>}. A window
 * [from, to] of LastUpdateDate is read page by page with Amazon's NextToken; after its last page the next window
 * starts at {@code to} (inclusive: an order updated exactly then comes once more, capture is idempotent).
 */
record AmazonCursor(Instant from, Instant to, String nextToken) {

    private static final String PREFIX = "v1|";

    /** A window not opened yet: starts at {@code from}, its end is fixed when its first page is read. */
    static AmazonCursor startingAt(Instant from) {
        return new AmazonCursor(from, null, null);
    }

    String encode() {
        return PREFIX + from + "|" + (to == null ? "" : to.toString()) + "|" + (nextToken == null ? ""
                : Base64.getUrlEncoder().withoutPadding().encodeToString(nextToken.getBytes(StandardCharsets.UTF_8)));
    }

    /** The cursor this plugin wrote, or empty for anything else. */
    static Optional<AmazonCursor> decode(String cursor) {
        if (cursor == null || !cursor.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = cursor.substring(PREFIX.length()).split("\\|", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            Instant from = Instant.parse(parts[0]);
            Instant to = parts[1].isEmpty() ? null : Instant.parse(parts[1]);
            String token = parts[2].isEmpty() ? null
                    : new String(Base64.getUrlDecoder().decode(parts[2]), StandardCharsets.UTF_8);
            if (token != null && to == null || to != null && to.isBefore(from)) {
                return Optional.empty();
            }
            return Optional.of(new AmazonCursor(from, to, token));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
