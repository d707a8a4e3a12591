package io.waybill.core.internal.workers;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The core's threads, in one place: every background executor of the core (carrier jobs, sync jobs, scheduled
 * capture, allocation helpers) is made here, and whatever is still open when the component deactivates is closed
 * then. All threads are daemon threads named {@code waybill-<name>}; plugins start none.
 *
 * <p>Closing never interrupts at first: a thread interrupted inside Derby closes its connection. Running work gets
 * the owner's grace period, then is interrupted.
 */
@Component(service = WorkerPool.class)
public class WorkerPool {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);
    /** How long {@link #closeAll} lets running work finish. */
    static final Duration GRACE = Duration.ofSeconds(30);

    private final List<ExecutorService> open = new ArrayList<>();
    private boolean closed;

    /** A single-thread scheduler; its thread is named {@code waybill-<name>}. */
    public synchronized ScheduledExecutorService scheduler(String name) {
        ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, threads(name, false));
        e.setRemoveOnCancelPolicy(true);
        return register(e);
    }

    /** A fixed pool of {@code threads} threads named {@code waybill-<name>}. */
    public synchronized ExecutorService pool(String name, int threads) {
        return register(new ThreadPoolExecutor(threads, threads, 0L, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), threads(name, false)));
    }

    /**
     * Up to {@code threads} threads named {@code waybill-<name>-<n>}, started on demand and ended after
     * {@code idle} without work.
     */
    public synchronized ExecutorService elastic(String name, int threads, Duration idle) {
        ThreadPoolExecutor e = new ThreadPoolExecutor(threads, threads, idle.toMillis(), TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), threads(name, true));
        e.allowCoreThreadTimeOut(true);
        return register(e);
    }

    /**
     * Closes one executor made here: no new work, running work gets {@code grace} (nothing is interrupted meanwhile),
     * then it is interrupted.
     */
    public void close(ExecutorService e, Duration grace) {
        synchronized (this) {
            open.remove(e);
        }
        shutdown(e, grace);
    }

    /** Closes every executor still open (the owners close theirs first when they deactivate). */
    @Deactivate
    public void closeAll() {
        List<ExecutorService> left;
        synchronized (this) {
            closed = true;
            left = List.copyOf(open);
            open.clear();
        }
        left.forEach(ExecutorService::shutdown);
        left.forEach(e -> shutdown(e, GRACE));
    }

    /** How many executors are open (tests). */
    synchronized int openCount() {
        return open.size();
    }

    private <E extends ExecutorService> E register(E e) {
        if (closed) {
            e.shutdown();
            throw new IllegalStateException("the worker pool is closed");
        }
        open.add(e);
        return e;
    }

    private static void shutdown(ExecutorService e, Duration grace) {
        e.shutdown();
        try {
            if (!e.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Work still running after {} s; interrupting it", grace.toSeconds());
                e.shutdownNow();
            }
        } catch (InterruptedException ie) {
            e.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory threads(String name, boolean numbered) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "waybill-" + name + (numbered ? "-" + n.incrementAndGet() : ""));
            t.setDaemon(true);
            return t;
        };
    }
}
