package io.waybill.platform.ebay.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Where capture stands, as the string the core stores between calls: {@code v1|<from>|<to>|<offset>|<total>}.
 * <ul>
 *   <li>{@code from}..{@code to}: the window, the getOrders filter {@code lastmodifieddate:[from..to]}. {@code to}
 *       is empty until the window is opened: the first call of a window fixes it at "now minus a short lag", so the
 *       result set cannot grow while it is paged through.</li>
 *   <li>{@code offset}: the getOrders offset of the next page.</li>
 *   <li>{@code total}: eBay's {@code total} when the window was opened, -1 before. An order modified while the
 *       window is paged leaves it (its new date is after {@code to}) and shifts the later ones forward; eBay then
 *       reports a smaller total, and the window is read again from offset 0 (the orders already read come again;
 *       capture is idempotent). The modified order itself comes in the next window.</li>
 * </ul>
 * When the last page of a window is read, the next window starts at its {@code to}.
 *
 * @param from   window start (inclusive)
 * @param to     window end (inclusive), or {@code null} while not opened
 * @param offset offset of the next page
 * @param total  total of the window when opened, or -1
 */
record EbayCursor(Instant from, Instant to, int offset, int total) {

    private static final String PREFIX = "v1|";

    /** A window starting at {@code from}, to be opened by the next call. */
    static EbayCursor startingAt(Instant from) {
        return new EbayCursor(from, null, 0, -1);
    }

    boolean opened() {
        return to != null;
    }

    String encode() {
        return PREFIX + from + "|" + (to == null ? "" : to) + "|" + offset + "|" + total;
    }

    /** Reads a cursor written by {@link #encode()}; empty when it is not one. */
    static Optional<EbayCursor> decode(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = text.substring(PREFIX.length()).split("\\|", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        try {
            int offset = Integer.parseInt(parts[2]);
            int total = Integer.parseInt(parts[3]);
            if (offset < 0 || total < -1) {
                return Optional.empty();
            }
            return Optional.of(new EbayCursor(Instant.parse(parts[0]),
                    parts[1].isEmpty() ? null : Instant.parse(parts[1]), offset, total));
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
