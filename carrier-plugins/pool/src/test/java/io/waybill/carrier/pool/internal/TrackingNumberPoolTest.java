package io.waybill.carrier.pool.internal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrackingNumberPoolTest {

    @Test
    void handsOutInRangeOrderThenSerialOrder() {
        // given
        TrackingNumberPool pool = pool("RR10000000-10000001CN", "CP00000042-00000042DE");
        // when
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            taken.add(pool.take(null).orElseThrow().toString());
        }
        // then
        assertEquals(List.of("RR100000003CN", "RR100000017CN", "CP000000425DE"), taken);
        assertEquals(Optional.empty(), pool.take(null));
        assertEquals(0, pool.remaining(null));
    }

    @Test
    void staysExhaustedAfterManyMoreAttempts() {
        // given a used-up range
        TrackingNumberPool pool = pool("RR99999999-99999999CN");
        assertEquals("RR999999995CN", pool.take(null).orElseThrow().toString());
        // when
        for (int i = 0; i < 1000; i++) {
            // then
            assertEquals(Optional.empty(), pool.take(null));
        }
        assertEquals(0, pool.remaining(null));
    }

    @Test
    void takesOnlyFromRangesOfTheServiceIndicator() {
        // given
        TrackingNumberPool pool = pool("RR10000000-10000001CN", "LX00000000-00000009CN");
        // when
        S10Number lx = pool.take("LX").orElseThrow();
        // then
        assertEquals("LX", lx.serviceIndicator());
        assertEquals(9, pool.remaining("LX"));
        assertEquals(2, pool.remaining("RR"));
        assertEquals(11, pool.remaining(null));
        assertTrue(pool.hasRangeFor("RR"));
        assertFalse(pool.hasRangeFor("EE"));
        assertEquals(Optional.empty(), pool.take("EE"));
    }

    @Test
    void withRangesKeepsThePositionOfUnchangedRanges() {
        // given a pool that handed out two numbers of its first range
        TrackingNumberPool before = pool("RR10000000-10000009CN", "CP00000000-00000009DE");
        before.take(null);
        before.take(null);
        // when the settings change: one range kept, one dropped, one added
        TrackingNumberPool after = before.withRanges(List.of(
                SerialRange.parse("RR10000000-10000009CN"), SerialRange.parse("EE00000000-00000009GB")));
        // then the kept range continues where it was, the new one starts at its start
        assertEquals("RR100000025CN", after.take("RR").orElseThrow().toString());
        assertEquals(7, after.remaining("RR"));
        assertEquals(10, after.remaining("EE"));
        assertFalse(after.hasRangeFor("CP"));
    }

    @Test
    void eightThreadsGetEveryNumberExactlyOnce() throws Exception {
        // given 8 threads racing for 3 ranges holding 30 000 numbers in all, asking for more than there are
        TrackingNumberPool pool = pool("RR10000000-10009999CN", "RR20000000-20009999CN", "CP00000000-00009999DE");
        int threads = 8;
        int attemptsEach = 4_000;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<List<String>> worker = () -> {
                    start.await();
                    List<String> mine = new ArrayList<>();
                    for (int i = 0; i < attemptsEach; i++) {
                        pool.take(null).ifPresent(n -> mine.add(n.toString()));
                    }
                    return mine;
                };
                futures.add(executor.submit(worker));
            }
            // when
            start.countDown();
            List<String> all = new ArrayList<>();
            for (Future<List<String>> f : futures) {
                all.addAll(f.get(60, TimeUnit.SECONDS));
            }
            // then: all 30 000 handed out (32 000 attempts), none twice, all valid S10 numbers
            Set<String> distinct = new HashSet<>(all);
            assertEquals(30_000, all.size());
            assertEquals(30_000, distinct.size());
            assertTrue(distinct.stream().allMatch(S10::isValid));
            assertEquals(0, pool.remaining(null));
        } finally {
            executor.shutdownNow();
        }
    }

    private static TrackingNumberPool pool(String... specs) {
        return new TrackingNumberPool(SerialRange.parseAll(specs));
    }
}
