package io.waybill.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one password-guessing rule of every login (UI, SSH, supervisor override): after {@value #MAX_FAILURES}
 * wrong passwords a user name is locked for {@link #LOCK}, counted from the last failure. A success resets it.
 * Kept in memory: a restart unlocks.
 */
public final class LoginThrottle {
    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK = Duration.ofMinutes(5);
    static final LoginThrottle SHARED = new LoginThrottle(Clock.systemUTC());

    private record Failures(int count, Instant lastAt) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Whether the user name is locked now. */
    public boolean isLocked(String user) {
        Failures f = failures.get(user);
        if (f == null) {
            return false;
        }
        if (f.lastAt().plus(LOCK).isAfter(clock.instant())) {
            return f.count() >= MAX_FAILURES;
        }
        failures.remove(user, f);
        return false;
    }

    /** Records a wrong password (or unknown user name). */
    public void failed(String user) {
        Instant now = clock.instant();
        failures.merge(user, new Failures(1, now), (a, b) -> a.lastAt().plus(LOCK).isAfter(now)
                ? new Failures(a.count() + 1, now) : b);
    }

    /** Records a successful login: the count starts over. */
    public void succeeded(String user) {
        failures.remove(user);
    }
}
