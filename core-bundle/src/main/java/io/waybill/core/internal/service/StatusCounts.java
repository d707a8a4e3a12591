package io.waybill.core.internal.service;

import io.waybill.core.model.ListCount;
import io.waybill.core.model.PackageStatus;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * The one place where an unfiltered count of packages may be an estimate (issue 15): the tab labels
 * ({@code countsForTabs}) and the badge of an unfiltered list ({@code countForList}) both add up these per-status
 * counts. A status is counted exactly (one range of {@code IX_PACKAGE_STATUS_CREATED}) while it holds fewer than
 * {@link ListCount#ESTIMATE_FROM} packages. From there on its last exact count is served, marked as an estimate, and
 * once it is older than {@link ListCount#MAX_AGE_SECONDS} it is counted again in the background (one recount per
 * status at a time), so no caller waits for a count of hundreds of thousands of index entries; a count older than
 * five times that age is taken again by the caller (the background one did not arrive).
 *
 * <p>Why not a counter row per status kept by every status change: every allocation, upload, ship and void would
 * update the same few rows (WAITING, ALLOCATED ...) in its transaction, so concurrent batches would queue on them;
 * the large statuses (Waiting, Synced) change by a few packages per second against 200,000-700,000, which "about
 * 200 K" of up to a minute ago states truthfully, and the small ones (where a change of one package shows) stay exact.
 */
final class StatusCounts {

    /** A status's last exact count and when it was taken ({@link #clock}). */
    private record Taken(long value, long at) {
    }

    private final long estimateFrom;
    private final long maxAgeNanos;
    private final LongSupplier clock;
    private final Executor background;
    private final Map<PackageStatus, Taken> large = new ConcurrentHashMap<>();
    private final Set<PackageStatus> recounting = ConcurrentHashMap.newKeySet();

    StatusCounts() {
        this(ListCount.ESTIMATE_FROM, ListCount.MAX_AGE_SECONDS * 1_000_000_000L, System::nanoTime, task -> {
            Thread t = new Thread(task, "waybill-status-count");
            t.setDaemon(true);
            t.start();
        });
    }

    /**
     * @param estimateFrom from this count on a status is estimated
     * @param maxAgeNanos  how old an estimate may be before it is counted again
     * @param clock        nanoseconds, as {@link System#nanoTime()}
     * @param background   where recounts run
     */
    StatusCounts(long estimateFrom, long maxAgeNanos, LongSupplier clock, Executor background) {
        this.estimateFrom = estimateFrom;
        this.maxAgeNanos = maxAgeNanos;
        this.clock = clock;
        this.background = background;
    }

    /**
     * The count of one status for an unfiltered list.
     *
     * @param exact the exact count of a status (a read of its own)
     */
    ListCount count(PackageStatus status, ToLongFunction<PackageStatus> exact) {
        Taken last = large.get(status);
        long now = clock.getAsLong();
        if (last == null || now - last.at() >= 5 * maxAgeNanos) {
            return new ListCount(take(status, exact), false);
        }
        if (now - last.at() >= maxAgeNanos && recounting.add(status)) {
            try {
                background.execute(() -> {
                    try {
                        take(status, exact);
                    } finally {
                        recounting.remove(status);
                    }
                });
            } catch (RuntimeException e) {
                recounting.remove(status);
                throw e;
            }
        }
        return new ListCount(last.value(), true);
    }

    /** Counts the status exactly now and keeps the count when the status is large. */
    private long take(PackageStatus status, ToLongFunction<PackageStatus> exact) {
        long at = clock.getAsLong();
        long n = exact.applyAsLong(status);
        if (n >= estimateFrom) {
            large.put(status, new Taken(n, at));
        } else {
            large.remove(status);
        }
        return n;
    }
}
