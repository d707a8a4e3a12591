package io.waybill.core.model;

/**
 * The number of packages a list shows in its badge (issue 15). Since 1.10.
 *
 * @param value    the number
 * @param estimate true when it is the count of up to {@link #MAX_AGE_SECONDS} ago of a large unfiltered list (shown
 *                 as "about 1.2 M"); false when it is exact now
 */
public record ListCount(long value, boolean estimate) {
    /** From this many packages an unfiltered list's count may be an estimate. */
    public static final long ESTIMATE_FROM = 100_000;
    /** How old an estimate may be. */
    public static final int MAX_AGE_SECONDS = 60;

    /** The exact count {@code n}. Since 1.17. */
    public static ListCount exact(long n) {
        return new ListCount(n, false);
    }

    /** The sum of two counts of different packages: an estimate when either is one. Since 1.17. */
    public ListCount plus(ListCount other) {
        return new ListCount(value + other.value, estimate || other.estimate);
    }
}
