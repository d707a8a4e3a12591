package io.waybill.plugin.kit;

import io.waybill.spi.common.Message;
import io.waybill.spi.common.Result;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A value a plugin reads from its provider now and then (a carrier's services: Yanwen {@code express.channel.getlist},
 * YunExpress {@code GetShippingMethods}) so that an SPI method that must not do I/O ({@code CarrierGateway.services()})
 * answers from memory. Until the provider's first good answer {@link #value()} is the built-in value; a good answer
 * replaces it; a failed fetch keeps the last good answer (or the built-in value) and is remembered with its time, so
 * the plugin can say how old what it shows is ({@link #state()}).
 *
 * <p>{@link #start} fetches at once and then every {@code period} on one daemon thread of its own ("waybill-refresh-"
 * + name), never on the caller's: activation and a configuration change are not held up by the provider. The plugin
 * {@link #close()}s it when its configuration changes (it starts a new one) and on deactivation. {@link #refreshNow()}
 * fetches on the caller's thread (tests, an explicit refresh). Fetches never overlap.
 *
 * @param <T> the value, immutable
 */
public final class RefreshingValue<T> implements AutoCloseable {

    /** Where the current value comes from. */
    public enum Source {
        /** No good answer from the provider yet: the plugin's built-in (configured) value. */
        BUILT_IN,
        /** The provider's last good answer. */
        PROVIDER
    }

    /**
     * What a refreshing value knows right now.
     *
     * @param value        the current value
     * @param source       where it comes from
     * @param fetchedAt    when the provider gave it ({@code null} while {@link Source#BUILT_IN})
     * @param lastFailure  the text of the last failed fetch after the last good one, else {@code null}
     * @param failedAt     when that fetch failed, else {@code null}
     * @param fetches      fetches done so far (good or not)
     * @param <T>          the value
     */
    public record State<T>(T value, Source source, Instant fetchedAt, String lastFailure, Instant failedAt,
                           int fetches) {

        /** How old the value is at {@code now}: since {@link #fetchedAt}; {@code null} for the built-in value. */
        public Duration age(Instant now) {
            return fetchedAt == null ? null : Duration.between(fetchedAt, now);
        }

        /**
         * One English line for logs and messages, e.g. "from the provider, 2 h 5 min old; last refresh failed
         * 10 min ago: ..." or "built-in (no answer from the provider yet)".
         */
        public String describe(Instant now) {
            StringBuilder b = new StringBuilder();
            if (source == Source.PROVIDER) {
                b.append("from the provider, fetched ").append(fetchedAt).append(" (").append(ago(age(now)))
                        .append(')');
            } else {
                b.append("built-in (no answer from the provider yet)");
            }
            if (lastFailure != null) {
                b.append("; last refresh failed ").append(ago(Duration.between(failedAt, now))).append(": ")
                        .append(lastFailure);
            }
            return b.toString();
        }

        private static String ago(Duration d) {
            long s = Math.max(0, d.getSeconds());
            if (s < 60) {
                return s + " s ago";
            }
            if (s < 3600) {
                return s / 60 + " min ago";
            }
            return s / 3600 + " h " + (s % 3600) / 60 + " min ago";
        }
    }

    private static final System.Logger LOG = System.getLogger(RefreshingValue.class.getName());

    private final String name;
    private final Supplier<Result<T>> fetch;
    private final Clock clock;
    /** Serialises fetches. */
    private final Object fetching = new Object();
    /** Signals a finished fetch to {@link #awaitFetches}. */
    private final Object lock = new Object();
    private volatile State<T> state;
    private ScheduledExecutorService executor;

    private RefreshingValue(String name, T builtIn, Supplier<Result<T>> fetch, Clock clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.fetch = Objects.requireNonNull(fetch, "fetch");
        this.clock = clock == null ? Clock.systemUTC() : clock;
        this.state = new State<>(builtIn, Source.BUILT_IN, null, null, null, 0);
    }

    /**
     * A value that is only fetched by {@link #refreshNow()}: no thread (a plugin whose refresh is switched off, or a
     * test).
     *
     * @param name    what is fetched, for logs and the thread name, e.g. "yunexpress services"
     * @param builtIn the value before the provider's first good answer
     * @param fetch   one fetch: a good result with the new value, or a failure whose messages say why; it may
     *                block (timeouts are the client's); a thrown exception counts as a failure
     */
    public static <T> RefreshingValue<T> manual(String name, T builtIn, Supplier<Result<T>> fetch, Clock clock) {
        return new RefreshingValue<>(name, builtIn, fetch, clock);
    }

    /**
     * A value fetched at once in the background and then every {@code period} (after the end of the previous fetch).
     *
     * @see #manual
     */
    public static <T> RefreshingValue<T> start(String name, T builtIn, Supplier<Result<T>> fetch, Duration period,
                                               Clock clock) {
        if (period == null || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("a refresh period must be positive");
        }
        RefreshingValue<T> v = new RefreshingValue<>(name, builtIn, fetch, clock);
        ScheduledThreadPoolExecutor ex = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "waybill-refresh-" + name);
            t.setDaemon(true);
            return t;
        });
        ex.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        ex.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        v.executor = ex;
        ex.scheduleWithFixedDelay(v::refreshQuietly, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return v;
    }

    /**
     * The value of a new configuration, in place of {@code old} (closed here, after the new one exists; {@code null}
     * when there is none): {@link #start}ed with a period of {@code refreshMinutes} when the account is {@code usable}
     * and {@code refreshMinutes > 0}, else {@link #manual} (fetched only by {@link #refreshNow()}). A plugin calls it
     * from its activate/modified method, e.g. {@code services = RefreshingValue.reconfigure(services, name,
     * configuredServices, () -> fetchServices(account), account.usable(), config.servicesRefreshMinutes(), clock)}.
     *
     * @param configured the built-in value of the new configuration
     * @see #start
     * @see #manual
     */
    public static <T> RefreshingValue<T> reconfigure(RefreshingValue<T> old, String name, T configured,
                                                     Supplier<Result<T>> fetch, boolean usable, int refreshMinutes,
                                                     Clock clock) {
        RefreshingValue<T> next = usable && refreshMinutes > 0
                ? start(name, configured, fetch, Duration.ofMinutes(refreshMinutes), clock)
                : manual(name, configured, fetch, clock);
        if (old != null) {
            old.close();
        }
        return next;
    }

    /** Whether a background refresh is scheduled: {@link #start}ed and not {@link #close()}d. */
    public boolean isRefreshing() {
        ScheduledExecutorService ex = executor;
        return ex != null && !ex.isShutdown();
    }

    /** The current value: the provider's last good answer, else the built-in one. Never blocks. */
    public T value() {
        return state.value();
    }

    /** The current value with its source, age and the last failure. Never blocks. */
    public State<T> state() {
        return state;
    }

    /**
     * Fetches now, on this thread (waiting while a background fetch runs), and returns the state after it: a good
     * answer replaces the value, a failure keeps it and is remembered.
     */
    public State<T> refreshNow() {
        synchronized (fetching) {
            Result<T> r;
            try {
                r = fetch.get();
            } catch (RuntimeException e) {
                r = Result.failure(Message.error(io.waybill.spi.common.MessageCodes.INTERNAL_ERROR,
                        e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())));
            }
            Instant now = clock.instant();
            State<T> old = state;
            State<T> next;
            if (r != null && r.isOk() && r.value() != null) {
                next = new State<>(r.value(), Source.PROVIDER, now, null, null, old.fetches() + 1);
            } else {
                String why = r == null ? "no answer" : r.messages().stream().map(Message::text)
                        .reduce((a, b) -> a + " " + b).orElse("no value");
                next = new State<>(old.value(), old.source(), old.fetchedAt(), why, now, old.fetches() + 1);
                LOG.log(System.Logger.Level.WARNING, "Refreshing " + name + " failed; keeping the "
                        + (old.source() == Source.PROVIDER ? "answer of " + old.fetchedAt() : "built-in value")
                        + ": " + why);
            }
            synchronized (lock) {
                state = next;
                lock.notifyAll();
            }
            return next;
        }
    }

    /**
     * Waits until at least {@code fetches} fetches have been done (good or not), at most {@code timeout}; answers
     * whether they have. For tests and callers that must know the first answer came.
     */
    public boolean awaitFetches(int fetches, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (state.fetches() < fetches) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }

    private void refreshQuietly() {
        try {
            refreshNow();
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.WARNING, "Refreshing " + name + " failed", e);
        }
    }

    /** Stops the background refresh (a fetch under way finishes; its answer is still kept). Idempotent. */
    @Override
    public void close() {
        ScheduledExecutorService ex = executor;
        if (ex != null) {
            ex.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "RefreshingValue[" + name + ", " + state.describe(clock.instant()) + "]";
    }
}
