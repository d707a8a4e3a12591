package io.waybill.carrier.pool.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands out the numbers of the configured ranges, each exactly once, to any number of concurrent callers, in range
 * order and ascending serial order. Lock-free: one atomic cursor per range.
 * <p>
 * The state lives in memory only: a new pool (a restart of Waybill or of this bundle) starts every range again at its
 * first serial. {@link #withRanges} carries the cursors of unchanged ranges over, so editing the settings does not.
 */
final class TrackingNumberPool {

    /** One range and its next free serial. */
    private static final class Cursor {
        final SerialRange range;
        final AtomicInteger next;

        Cursor(SerialRange range) {
            this.range = range;
            this.next = new AtomicInteger(range.first());
        }

        /** The taken serial, or -1 when the range is used up. Never hands out a serial twice. */
        int take() {
            int last = range.last();
            int serial = next.getAndUpdate(n -> n <= last ? n + 1 : n);
            return serial <= last ? serial : -1;
        }

        long remaining() {
            return Math.max(0L, (long) range.last() - next.get() + 1);
        }
    }

    private final List<Cursor> cursors;

    TrackingNumberPool(List<SerialRange> ranges) {
        this(ranges, List.of());
    }

    private TrackingNumberPool(List<SerialRange> ranges, List<Cursor> previous) {
        List<Cursor> list = new ArrayList<>(ranges.size());
        for (SerialRange range : ranges) {
            list.add(previous.stream().filter(c -> c.range.equals(range)).findFirst().orElseGet(() -> new Cursor(range)));
        }
        this.cursors = List.copyOf(list);
    }

    /**
     * A pool over new ranges that keeps the position of every range that is also in this pool, so that a settings
     * change does not hand out numbers again. Both pools share those cursors.
     */
    TrackingNumberPool withRanges(List<SerialRange> ranges) {
        return new TrackingNumberPool(ranges, cursors);
    }

    boolean isEmpty() {
        return cursors.isEmpty();
    }

    List<SerialRange> ranges() {
        return cursors.stream().map(c -> c.range).toList();
    }

    /** True when at least one range has this service indicator ({@code null}: any range). */
    boolean hasRangeFor(String serviceIndicator) {
        return cursors.stream().anyMatch(c -> matches(c, serviceIndicator));
    }

    /**
     * Takes the next free number.
     *
     * @param serviceIndicator only ranges with this indicator, or {@code null} for any range
     * @return the number, or empty when every matching range is used up
     */
    Optional<S10Number> take(String serviceIndicator) {
        for (Cursor cursor : cursors) {
            if (matches(cursor, serviceIndicator)) {
                int serial = cursor.take();
                if (serial >= 0) {
                    return Optional.of(cursor.range.number(serial));
                }
            }
        }
        return Optional.empty();
    }

    /** Numbers not yet handed out in the matching ranges ({@code null}: all ranges). */
    long remaining(String serviceIndicator) {
        return cursors.stream().filter(c -> matches(c, serviceIndicator)).mapToLong(Cursor::remaining).sum();
    }

    private static boolean matches(Cursor cursor, String serviceIndicator) {
        return serviceIndicator == null || cursor.range.serviceIndicator().equals(serviceIndicator);
    }
}
