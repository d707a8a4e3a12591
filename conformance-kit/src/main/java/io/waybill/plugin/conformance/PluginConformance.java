package io.waybill.plugin.conformance;

import io.waybill.spi.common.Message;
import io.waybill.spi.common.MessageCodes;
import io.waybill.spi.common.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static io.waybill.plugin.conformance.Conformance.assertCode;
import static io.waybill.plugin.conformance.Conformance.assertFailedWith;
import static io.waybill.plugin.conformance.Conformance.assertFailedWithOneOf;
import static io.waybill.plugin.conformance.Conformance.assertNoSecret;
import static io.waybill.plugin.conformance.Conformance.assertWellFormed;
import static io.waybill.plugin.conformance.Conformance.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The contract of every plugin whose operations return {@link Result}s (carriers, marketplaces): the shared part of
 * {@link CarrierGatewayConformance} and {@link MarketplaceConnectorConformance}. Extend one of those.
 *
 * @param <P> the SPI interface
 */
public abstract class PluginConformance<P> {

    /** One SPI operation with its arguments, e.g. {@code createShipment(request)}. */
    public record Call<P>(String name, Function<P, Result<?>> op) {
        @Override
        public String toString() {
            return name;
        }
    }

    // ---- the fixture a plugin's test provides ----

    /** A fresh plugin instance configured against {@link #stub()} (when there is one) and {@link #secrets()}. */
    protected abstract P plugin();

    /** The provider the plugin talks to, usually {@code WireMockStub.of(wm)}; {@code null} when it talks to nobody
     *  (the HTTP failure, stall and secret tests are skipped then). */
    protected HttpStub stub() {
        return null;
    }

    /** The credentials configured in {@link #plugin()}, and forms of them sent on the wire (e.g. Basic
     *  credentials): recognisable values that must never show up. The failure answers echo each in turn. */
    protected Set<String> secrets() {
        return Set.of();
    }

    /** Codes the plugin uses besides {@link MessageCodes}: warnings, and ERRORs the core may treat as permanent. */
    protected Set<String> ownCodes() {
        return Set.of();
    }

    /** Upper bound of one call against a stalled provider: the plugin's configured timeout times the requests one
     *  operation makes, plus slack. The default suits a fixture that configures a timeout of 1-2 s. */
    protected Duration callBound() {
        return Duration.ofSeconds(12);
    }

    /** Every operation with ordinary arguments (the names of the optional ones not offered in {@link #unsupported}). */
    protected abstract List<Call<P>> calls();

    /** Operations with incomplete or nonsense arguments (unknown ids, blanks, nulls inside records). */
    protected List<Call<P>> garbageCalls() {
        return List.of();
    }

    /** Names of the {@link #calls()} this plugin does not offer: they answer {@link MessageCodes#UNSUPPORTED}. */
    protected Set<String> unsupported() {
        return Set.of();
    }

    // ---- the tests ----

    @AfterEach
    void resetStub() {
        if (stub() != null) {
            stub().reset();
        }
    }

    @Test
    void neverThrows_garbageInput_returnsMessages() {
        P plugin = plugin();
        List<Call<P>> all = new ArrayList<>(calls());
        all.addAll(garbageCalls());
        if (stub() != null) {
            Garbage.EMPTY_OBJECT.apply(stub());
        }
        for (Call<P> call : all) {
            invoke(plugin, call, "with garbage input");
        }
    }

    @Test
    void neverThrows_garbageAnswers_returnMessages() {
        assumeTrue(stub() != null, "the plugin talks to no provider");
        P plugin = plugin();
        for (Garbage garbage : Garbage.values()) {
            stub().reset();
            garbage.apply(stub());
            for (Call<P> call : calls()) {
                invoke(plugin, call, "against a provider answering " + garbage);
            }
        }
    }

    @Test
    void unsupportedOperations_answerUnsupported() {
        P plugin = plugin();
        if (stub() != null) {
            Garbage.EMPTY_OBJECT.apply(stub());
        }
        for (Call<P> call : calls()) {
            Result<?> result = invoke(plugin, call, "");
            boolean saysUnsupported = result.messages().stream()
                    .anyMatch(m -> m.code().equals(MessageCodes.UNSUPPORTED));
            if (unsupported().contains(call.name())) {
                assertFailedWith(result, MessageCodes.UNSUPPORTED, call.name());
                if (result.value() != null) {
                    throw new AssertionError(call + ": an unsupported operation returns no value: " + result);
                }
            } else if (saysUnsupported) {
                throw new AssertionError(call + " answers unsupported but the fixture lists it as offered: " + result);
            }
        }
    }

    @Test
    void providerFailures_useStandardCodes() {
        assumeTrue(stub() != null, "the plugin talks to no provider");
        P plugin = plugin();
        for (Failure failure : Failure.values()) {
            stub().reset();
            failure.apply(stub(), secrets().stream().findFirst().orElse("none"));
            for (Call<P> call : offered()) {
                String what = call + " against " + failure;
                Result<?> result = invoke(plugin, call, "against " + failure);
                assertFailedWithOneOf(result, failure.codes, what);
                if (failure == Failure.RATE_LIMITED) {
                    Message m = result.messages().stream()
                            .filter(x -> x.code().equals(MessageCodes.RATE_LIMITED)).findFirst().orElseThrow();
                    if (!Failure.RETRY_AFTER.equals(m.retryAfter())) {
                        throw new AssertionError(what + ": Retry-After 7 must travel as Message.retryAfter: " + m);
                    }
                }
            }
        }
    }

    @Test
    void secrets_neverInMessagesToStringOrLogs() {
        assumeTrue(!secrets().isEmpty(), "the plugin has no secrets");
        try (LogCapture log = new LogCapture()) {
            P plugin = plugin();
            List<Object> seen = new ArrayList<>();
            seen.add(plugin);
            for (String secret : secrets()) {
                for (Failure failure : Failure.values()) {
                    if (stub() != null) {
                        stub().reset();
                        failure.apply(stub(), secret);
                    }
                    for (Call<P> call : calls()) {
                        seen.add(invoke(plugin, call, "against " + failure));
                    }
                }
            }
            if (stub() != null) {
                stub().reset();
                Garbage.HTML.apply(stub());
            }
            for (Call<P> call : garbageCalls()) {
                seen.add(invoke(plugin, call, "with garbage input"));
            }
            seen.add(plugin);
            assertNoSecret(secrets(), "a message or the plugin's toString", seen.toArray());
            assertNoSecret(secrets(), "a log line", log.lines().toArray());
        }
    }

    @Test
    void stalledProvider_callReturnsTransientWithinBound() {
        assumeTrue(stub() != null, "the plugin talks to no provider");
        P plugin = plugin();
        stub().stall(callBound().plusSeconds(3));
        for (Call<P> call : offered()) {
            Result<?> result = invoke(plugin, call, "against a stalled provider");
            assertFailedWithOneOf(result, Set.of(MessageCodes.TRANSIENT, MessageCodes.TIMEOUT),
                    call + " against a stalled provider");
        }
    }

    // ---- helpers for subclasses ----

    /** Calls {@code call} within {@link #callBound()}, checks the result is well-formed and returns it. */
    protected final Result<?> invoke(P plugin, Call<P> call, String context) {
        String what = call.name() + (context.isEmpty() ? "" : " " + context);
        Result<?> result = within(callBound(), what, () -> call.op().apply(plugin));
        assertWellFormed(result, ownCodes(), what);
        for (Message m : result.messages()) {
            assertCode(m, ownCodes(), what);
        }
        return result;
    }

    /** The calls the plugin offers. */
    protected final List<Call<P>> offered() {
        return calls().stream().filter(c -> !unsupported().contains(c.name())).toList();
    }
}
