package io.waybill.core.internal.workers;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One owner of the core's threads: named daemon threads, closed by their owner or all at deactivation. */
class WorkerPoolTest {

    @Test
    void threadsAreNamedDaemons() throws Exception {
        WorkerPool workers = new WorkerPool();
        ExecutorService pool = workers.pool("test", 2);
        ScheduledExecutorService scheduler = workers.scheduler("test-queue");
        ExecutorService elastic = workers.elastic("test-help", 1, Duration.ofSeconds(1));
        Future<String[]> a = pool.submit(() -> new String[] {Thread.currentThread().getName(),
                String.valueOf(Thread.currentThread().isDaemon())});
        assertEquals("waybill-test", a.get(10, TimeUnit.SECONDS)[0]);
        assertEquals("true", a.get()[1]);
        assertEquals("waybill-test-queue", scheduler.schedule(() -> Thread.currentThread().getName(), 1,
                TimeUnit.MILLISECONDS).get(10, TimeUnit.SECONDS));
        assertEquals("waybill-test-help-1", elastic.submit(() -> Thread.currentThread().getName())
                .get(10, TimeUnit.SECONDS));
        assertEquals(3, workers.openCount());
        workers.closeAll();
        assertTrue(pool.isTerminated() && scheduler.isTerminated() && elastic.isTerminated());
        assertThrows(IllegalStateException.class, () -> workers.pool("late", 1));
    }

    @Test
    void closeLetsRunningWorkFinishWithoutInterrupt() throws Exception {
        WorkerPool workers = new WorkerPool();
        ExecutorService pool = workers.pool("test", 1);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Boolean> running = pool.submit(() -> {
            started.countDown();
            release.await();
            return Thread.currentThread().isInterrupted();
        });
        assertTrue(started.await(10, TimeUnit.SECONDS));
        Thread closer = new Thread(() -> workers.close(pool, Duration.ofSeconds(30)));
        closer.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!pool.isShutdown() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue(pool.isShutdown());
        assertFalse(pool.isTerminated(), "closed before the running work finished");
        release.countDown();
        closer.join(20_000);
        assertFalse(closer.isAlive());
        assertFalse(running.get(), "running work was interrupted");
        assertTrue(pool.isTerminated());
        assertEquals(0, workers.openCount());
    }

    @Test
    void closeInterruptsWorkStillRunningAfterTheGrace() throws Exception {
        WorkerPool workers = new WorkerPool();
        ExecutorService pool = workers.pool("test", 1);
        CountDownLatch started = new CountDownLatch(1);
        Future<?> stuck = pool.submit(() -> {
            started.countDown();
            new CountDownLatch(1).await();
            return null;
        });
        assertTrue(started.await(10, TimeUnit.SECONDS));
        workers.close(pool, Duration.ZERO);
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        assertTrue(stuck.isDone());
    }
}
