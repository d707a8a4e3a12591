package io.waybill.plugin.kit;

import io.waybill.spi.common.Message;
import io.waybill.spi.common.MessageCodes;
import io.waybill.spi.common.Result;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RefreshingValueTest {

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-12-07T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Answers the queued results in turn, then the last one again. */
    private static Supplier<Result<List<String>>> answers(Deque<Result<List<String>>> queue) {
        return () -> queue.size() > 1 ? queue.poll() : queue.peek();
    }

    @Test
    void builtInUntilTheFirstGoodAnswer_thenTheAnswer_keptWithItsAgeWhenARefreshFails() {
        MovingClock clock = new MovingClock();
        Deque<Result<List<String>>> queue = new ArrayDeque<>(List.of(
                Result.failure(Message.error(MessageCodes.TRANSIENT, "Provider timed out.")),
                Result.ok(List.of("A", "B")),
                Result.failure(Message.error(MessageCodes.AUTH_FAILED, "Provider refused the key."))));
        RefreshingValue<List<String>> v = RefreshingValue.manual("test services", List.of("BUILT"), answers(queue),
                clock);

        assertEquals(List.of("BUILT"), v.value());
        assertEquals(RefreshingValue.Source.BUILT_IN, v.state().source());
        assertNull(v.state().age(clock.now));

        RefreshingValue.State<List<String>> failed = v.refreshNow();
        assertEquals(List.of("BUILT"), failed.value(), "a failure before any answer keeps the built-in value");
        assertEquals("Provider timed out.", failed.lastFailure());
        assertTrue(failed.describe(clock.now).startsWith("built-in"), failed.describe(clock.now));

        clock.now = clock.now.plusSeconds(60);
        RefreshingValue.State<List<String>> good = v.refreshNow();
        assertEquals(List.of("A", "B"), good.value());
        assertEquals(RefreshingValue.Source.PROVIDER, good.source());
        assertEquals(Instant.parse("2026-12-07T10:01:00Z"), good.fetchedAt());
        assertNull(good.lastFailure(), "a good answer clears the failure");

        clock.now = clock.now.plus(Duration.ofHours(6));
        RefreshingValue.State<List<String>> kept = v.refreshNow();
        assertEquals(List.of("A", "B"), kept.value(), "the last good answer is kept");
        assertEquals(RefreshingValue.Source.PROVIDER, kept.source());
        assertEquals(Duration.ofHours(6), kept.age(clock.now));
        assertEquals("Provider refused the key.", kept.lastFailure());
        assertEquals(3, kept.fetches());
        clock.now = clock.now.plusSeconds(600);
        assertEquals("from the provider, fetched 2026-12-07T10:01:00Z (6 h 10 min ago); last refresh failed "
                + "10 min ago: Provider refused the key.", v.state().describe(clock.now));
    }

    @Test
    void aThrowingOrEmptyFetchCountsAsAFailure() {
        RefreshingValue<List<String>> v = RefreshingValue.manual("test", List.of("BUILT"), () -> {
            throw new IllegalStateException("boom");
        }, Clock.systemUTC());
        RefreshingValue.State<List<String>> s = v.refreshNow();
        assertEquals(List.of("BUILT"), s.value());
        assertTrue(s.lastFailure().contains("IllegalStateException: boom"), s.lastFailure());

        RefreshingValue<List<String>> none = RefreshingValue.manual("test", List.of("BUILT"), () -> null,
                Clock.systemUTC());
        assertEquals("no answer", none.refreshNow().lastFailure());
    }

    @Test
    void startFetchesInTheBackgroundAtOnceAndThenEveryPeriod_untilClosed() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        RefreshingValue<List<String>> v = RefreshingValue.start("test", List.of("BUILT"), () -> {
            int n = calls.incrementAndGet();
            if (n == 1) {
                try {
                    release.await(10, TimeUnit.SECONDS); // the first fetch is slow: start() must not wait for it
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Result.ok(List.of("V" + n));
        }, Duration.ofMillis(20), Clock.systemUTC());
        try {
            assertEquals(List.of("BUILT"), v.value(), "start() returns before the first answer");
            release.countDown();
            assertTrue(v.awaitFetches(3, Duration.ofSeconds(10)), "refreshed on the period");
            assertTrue(v.value().get(0).startsWith("V"), v.value().toString());
            assertFalse(v.value().equals(List.of("V1")), "later answers replace the first");
        } finally {
            v.close();
        }
        int after = calls.get();
        assertFalse(v.awaitFetches(after + 2, Duration.ofMillis(300)), "no fetch after close()");
    }

    @Test
    void reconfigure_refreshesAUsableAccountWithAPeriod_elseManual_andClosesTheOldValue() throws InterruptedException {
        MovingClock clock = new MovingClock();
        AtomicInteger fetched = new AtomicInteger();
        Supplier<Result<List<String>>> fetch = () -> Result.ok(List.of("P" + fetched.incrementAndGet()));

        RefreshingValue<List<String>> first = RefreshingValue.reconfigure(null, "test", List.of("ONE"), fetch, true,
                60, clock);
        RefreshingValue<List<String>> second = null;
        RefreshingValue<List<String>> third = null;
        RefreshingValue<List<String>> fourth = null;
        try {
            assertTrue(first.isRefreshing(), "usable with a period: refreshed in the background");
            assertTrue(first.awaitFetches(1, Duration.ofSeconds(10)), "a refreshing value fetches at once");
            assertEquals(RefreshingValue.Source.PROVIDER, first.state().source());

            second = RefreshingValue.reconfigure(first, "test", List.of("TWO"), fetch, false, 60, clock);
            assertFalse(first.isRefreshing(), "the old value is closed");
            assertFalse(second.isRefreshing(), "an unusable account is not refreshed");
            assertEquals(List.of("TWO"), second.value(), "the new configuration's value, not the old answer");
            assertEquals(0, second.state().fetches());

            third = RefreshingValue.reconfigure(second, "test", List.of("THREE"), fetch, true, 0, clock);
            assertFalse(third.isRefreshing(), "a period of 0 switches the refresh off");
            assertEquals(List.of("THREE"), third.value());
            int before = fetched.get();
            assertEquals(List.of("P" + (before + 1)), third.refreshNow().value(), "a manual value still fetches "
                    + "when asked");

            fourth = RefreshingValue.reconfigure(third, "test", List.of("FOUR"), fetch, true, -5, clock);
            assertFalse(fourth.isRefreshing(), "a negative period is off too, not an error");
        } finally {
            first.close();
            for (RefreshingValue<List<String>> v : java.util.Arrays.asList(second, third, fourth)) {
                if (v != null) {
                    v.close();
                }
            }
        }
    }
}
