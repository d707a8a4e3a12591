package io.waybill.core.internal.workflow;

import io.waybill.core.model.BatchResult;
import io.waybill.core.model.BulkRun;
import io.waybill.core.model.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One run of a batch action over a whole selection ({@link BulkRun}): reads the selection page by page by key (the
 * ids after the last id handled), hands each page minus the unticked ids to the action as one chunk, and counts.
 * Nothing of the selection is kept but the last id, the counts and the first {@link BulkRun#MAX_FAILURES}
 * failures, so its memory does not grow with the selection. A chunk whose action throws counts every package of it
 * as failed ({@link Reason#BULK_CHUNK_FAILED}; the action's transactions roll back what they had not committed) and
 * the run goes on with the next chunk. A stop asked for takes effect between chunks.
 */
final class SelectionRun implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(SelectionRun.class);

    /** A keyset page of the selection's filter: up to {@code limit} ids greater than {@code afterId}, in id order. */
    @FunctionalInterface
    interface Pages {
        List<Long> after(long afterId, int limit);
    }

    private final long id;
    private final BulkRun.Kind kind;
    private final String actor;
    private final Instant started;
    private final long total;
    private final Pages pages;
    private final Set<Long> excluded;
    private final int chunkSize;
    private final Function<List<Long>, BatchResult> action;
    /** Package numbers of ids (for the failures of a chunk that threw); may answer fewer. */
    private final Function<List<Long>, Map<Long, String>> numbers;
    private final Clock clock;

    private volatile BulkRun.State state = BulkRun.State.RUNNING;
    private volatile boolean stopAsked;
    private volatile Instant finished;
    private volatile Reason error;
    private long processed;
    private long succeeded;
    private long failed;
    private final List<BatchResult.Failure> failures = new ArrayList<>();

    SelectionRun(long id, BulkRun.Kind kind, String actor, long total, Pages pages, Set<Long> excluded,
                 int chunkSize, Function<List<Long>, BatchResult> action,
                 Function<List<Long>, Map<Long, String>> numbers, Clock clock) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be positive");
        }
        this.id = id;
        this.kind = kind;
        this.actor = actor;
        this.total = total;
        this.pages = pages;
        this.excluded = Set.copyOf(excluded);
        this.chunkSize = chunkSize;
        this.action = action;
        this.numbers = numbers;
        this.clock = clock;
        this.started = clock.instant();
    }

    long id() {
        return id;
    }

    BulkRun.Kind kind() {
        return kind;
    }

    /** Asks the run to end after the chunk in hand. */
    void stop() {
        stopAsked = true;
        synchronized (this) {
            if (state == BulkRun.State.RUNNING) {
                state = BulkRun.State.STOPPING;
            }
        }
    }

    /** What the operator sees now. */
    synchronized BulkRun snapshot() {
        return new BulkRun(id, kind, state, actor, started, finished, total, processed, succeeded, failed, failures,
                error);
    }

    @Override
    public void run() {
        long last = 0;
        try {
            while (!stopAsked) {
                List<Long> page = pages.after(last, chunkSize);
                if (page.isEmpty()) {
                    break;
                }
                last = page.get(page.size() - 1);
                List<Long> chunk = excluded.isEmpty() ? page
                        : page.stream().filter(i -> !excluded.contains(i)).toList();
                if (!chunk.isEmpty()) {
                    apply(chunk);
                }
                if (page.size() < chunkSize) {
                    break;
                }
            }
            end(stopAsked ? BulkRun.State.STOPPED : BulkRun.State.DONE, null);
        } catch (RuntimeException | Error e) {
            // the selection itself could not be read further: what was done stays done
            LOG.warn("{} run {}: reading the selection after package id {} failed", kind, id, last, e);
            end(BulkRun.State.FAILED, Reason.of(Reason.BULK_READ_FAILED, last));
        }
    }

    private void apply(List<Long> chunk) {
        BatchResult result;
        try {
            result = action.apply(chunk);
        } catch (RuntimeException e) {
            LOG.warn("{} run {}: a chunk of {} packages (ids {}..{}) failed; the run goes on", kind, id, chunk.size(),
                    chunk.get(0), chunk.get(chunk.size() - 1), e);
            result = new BatchResult(chunk.size(), List.of(), chunkFailed(chunk));
        }
        synchronized (this) {
            processed += result.succeeded().size() + result.failures().size();
            succeeded += result.succeeded().size();
            failed += result.failures().size();
            for (BatchResult.Failure f : result.failures()) {
                if (failures.size() >= BulkRun.MAX_FAILURES) {
                    break;
                }
                failures.add(f);
            }
        }
    }

    /** Every package of a chunk that threw, as failed; numbers only for the failures still kept. */
    private List<BatchResult.Failure> chunkFailed(List<Long> chunk) {
        int room;
        synchronized (this) {
            room = Math.max(0, BulkRun.MAX_FAILURES - failures.size());
        }
        Map<Long, String> known = new HashMap<>();
        if (room > 0) {
            try {
                known.putAll(numbers.apply(chunk.subList(0, Math.min(room, chunk.size()))));
            } catch (RuntimeException e) {
                LOG.debug("package numbers of a failed chunk not read", e);
            }
        }
        List<BatchResult.Failure> out = new ArrayList<>(chunk.size());
        for (Long p : chunk) {
            String no = known.getOrDefault(p, "#" + p);
            out.add(BatchResult.Failure.of(p, no, Reason.of(Reason.BULK_CHUNK_FAILED, no)));
        }
        return out;
    }

    private synchronized void end(BulkRun.State how, Reason why) {
        error = why;
        finished = clock.instant();
        state = how;
    }
}
