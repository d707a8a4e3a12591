package io.waybill.platform.shopify.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Where capture stands, as the string the core stores between calls: {@code v1|<since>|<max>|<after>}.
 * <ul>
 *   <li>{@code since}: the window's start; the orders query asks for {@code updated_at:>='since'}, sorted by
 *       {@code UPDATED_AT}.</li>
 *   <li>{@code max}: the latest {@code updatedAt} seen in this window so far.</li>
 *   <li>{@code after}: Shopify's {@code endCursor} of the last page read in this window, empty before the first.</li>
 * </ul>
 * When the last page of a window is read, the next window starts at {@code max} (inclusive, so the order(s) updated
 * at that instant come once more; capture is idempotent). Shopify's cursors are bound to the query, which is why the
 * window start travels with them.
 *
 * @param since window start
 * @param max   latest update seen
 * @param after Shopify's page cursor, or {@code null}
 */
record ShopifyCursor(Instant since, Instant max, String after) {

    private static final String PREFIX = "v1|";

    /** The start for a store never captured before. */
    static ShopifyCursor initial(Instant since) {
        return new ShopifyCursor(since, since, null);
    }

    String encode() {
        return PREFIX + since + "|" + max + "|" + (after == null ? "" : after);
    }

    /** Reads a cursor written by {@link #encode()}; empty when it is not one. */
    static Optional<ShopifyCursor> decode(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = text.substring(PREFIX.length()).split("\\|", 3);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ShopifyCursor(Instant.parse(parts[0]), Instant.parse(parts[1]),
                    parts[2].isEmpty() ? null : parts[2]));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The cursor after a page: same window and the new page cursor, or the next window when this one is done. */
    ShopifyCursor next(Instant latestSeen, boolean hasNextPage, String endCursor) {
        Instant newMax = latestSeen != null && latestSeen.isAfter(max) ? latestSeen : max;
        if (hasNextPage && endCursor != null) {
            return new ShopifyCursor(since, newMax, endCursor);
        }
        return new ShopifyCursor(newMax, newMax, null);
    }
}
