package io.waybill.security.internal;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginThrottleTest {

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void fiveWrongPasswordsLockTheNameForFiveMinutes() {
        // given
        MovableClock clock = new MovableClock();
        LoginThrottle t = new LoginThrottle(clock);
        // when
        for (int i = 0; i < 4; i++) {
            t.failed("bob");
        }
        // then
        assertFalse(t.isLocked("bob"));
        t.failed("bob");
        assertTrue(t.isLocked("bob"));
        assertFalse(t.isLocked("alice"), "other names are not affected");
        clock.now = clock.now.plus(Duration.ofMinutes(4).plusSeconds(59));
        assertTrue(t.isLocked("bob"));
        clock.now = clock.now.plus(Duration.ofSeconds(2));
        assertFalse(t.isLocked("bob"));
    }

    @Test
    void successResetsAndOldFailuresExpire() {
        MovableClock clock = new MovableClock();
        LoginThrottle t = new LoginThrottle(clock);
        for (int i = 0; i < 4; i++) {
            t.failed("bob");
        }
        t.succeeded("bob");
        t.failed("bob");
        assertFalse(t.isLocked("bob"));
        for (int i = 0; i < 3; i++) {
            t.failed("bob");
        }
        clock.now = clock.now.plus(Duration.ofMinutes(6));
        t.failed("bob");
        assertFalse(t.isLocked("bob"), "failures older than the lock window start over");
    }
}
