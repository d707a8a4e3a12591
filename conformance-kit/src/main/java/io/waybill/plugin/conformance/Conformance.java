package io.waybill.plugin.conformance;

import io.waybill.spi.common.Message;
import io.waybill.spi.common.MessageCodes;
import io.waybill.spi.common.Result;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/** The assertions every conformance test shares. */
public final class Conformance {

    /** Every {@link MessageCodes} constant. */
    public static final Set<String> STANDARD_CODES = standardCodes();
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*");

    private Conformance() {
    }

    /**
     * A result crosses the SPI in good shape: not null, a value or an ERROR message, every code a
     * {@link MessageCodes} constant or one of the codes the plugin declares as its own (the core treats an unknown
     * ERROR code as a permanent failure, so a transient failure must carry a standard code: the failure and stall
     * tests check that).
     */
    public static void assertWellFormed(Result<?> result, Set<String> ownCodes, String what) {
        if (result == null) {
            throw new AssertionError(what + " returned null instead of a Result");
        }
        if (result.value() == null && result.messages().stream().noneMatch(Conformance::isError)) {
            throw new AssertionError(what + " returned no value and no ERROR message: " + result.messages());
        }
        for (Message m : result.messages()) {
            assertCode(m, ownCodes, what);
        }
    }

    /** One message's code: snake_case, a MessageCodes constant or one the plugin declared. */
    public static void assertCode(Message m, Set<String> ownCodes, String what) {
        if (!CODE.matcher(m.code()).matches()) {
            throw new AssertionError(what + ": message code '" + m.code() + "' is not snake_case: " + m);
        }
        if (!STANDARD_CODES.contains(m.code()) && !ownCodes.contains(m.code())) {
            throw new AssertionError(what + ": code '" + m.code() + "' is neither a MessageCodes constant nor one "
                    + "of the plugin's declared own codes " + ownCodes + ": " + m);
        }
    }

    /** The result failed with {@code code} as an ERROR, and no value. */
    public static void assertFailedWith(Result<?> result, String code, String what) {
        if (result.isOk() || result.messages().stream().noneMatch(m -> isError(m) && m.code().equals(code))) {
            throw new AssertionError(what + ": expected an ERROR " + code + ", got " + result);
        }
    }

    /** One of the failed result's ERROR codes is in {@code codes}. */
    public static void assertFailedWithOneOf(Result<?> result, Set<String> codes, String what) {
        if (result.isOk() || result.messages().stream().noneMatch(m -> isError(m) && codes.contains(m.code()))) {
            throw new AssertionError(what + ": expected an ERROR of " + codes + ", got " + result);
        }
    }

    /** No secret occurs in the text (toString) of any of {@code things}. */
    public static void assertNoSecret(Set<String> secrets, String what, Object... things) {
        for (Object thing : things) {
            String text = String.valueOf(thing);
            for (String secret : secrets) {
                if (!secret.isEmpty() && text.contains(secret)) {
                    throw new AssertionError(what + " reveals a configured secret: " + text.replace(secret, "<SECRET>"));
                }
            }
        }
    }

    /**
     * Runs {@code call} on its own thread and fails when it throws or takes longer than {@code bound} (the thread is
     * interrupted then). A conformance call must never throw, so any exception is a failure.
     */
    public static <T> T within(Duration bound, String what, Callable<T> call) {
        FutureTask<T> task = new FutureTask<>(call);
        Thread thread = new Thread(task, "conformance-" + what);
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            thread.interrupt();
            throw new AssertionError(what + " did not return within " + bound);
        } catch (ExecutionException e) {
            throw new AssertionError(what + " threw " + e.getCause() + " instead of returning messages", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(what + " interrupted", e);
        }
    }

    static boolean isError(Message m) {
        return m.severity() == Message.Severity.ERROR;
    }

    private static Set<String> standardCodes() {
        Set<String> codes = new TreeSet<>();
        for (Field f : MessageCodes.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                try {
                    codes.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Set.copyOf(codes);
    }
}
