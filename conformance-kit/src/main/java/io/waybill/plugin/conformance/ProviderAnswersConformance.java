package io.waybill.plugin.conformance;

import io.waybill.spi.common.Message;
import io.waybill.spi.common.MessageCodes;
import io.waybill.spi.common.Result;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation of a plugin against the provider's own answers, which the plugin reads itself (the conformance
 * tests prove 429, 5xx, dropped and stalled connections and echoed secrets with generic bodies): the provider's 401
 * body that echoes a secret is {@code auth_failed}, names the credentials to check and never shows the secret; the
 * provider's refusal envelope on a 200 is never a success; an unreadable 200 is {@code bad_response}. A plugin's test
 * class extends it with its operations, its stub and the provider's bodies (4PX, Yanwen, YunExpress).
 *
 * @param <P> the plugin class, so that operations may call what the SPI does not have
 */
public abstract class ProviderAnswersConformance<P> {

    /** The plugin configured against {@link #stub()}. */
    protected abstract P plugin();

    /** The stub every operation reaches. */
    protected abstract HttpStub stub();

    /** The operations under test by name, in the order they are listed. */
    protected abstract Map<String, Function<P, Result<?>>> operations();

    /** The provider's answer body to an unauthorized call, echoing one of the {@link #secrets()}. */
    protected abstract String unauthorizedBody();

    /** The secrets no message may show. */
    protected abstract Set<String> secrets();

    /** What the {@code auth_failed} text names as the credentials to check. */
    protected abstract String credentialsHint();

    /** The provider's refusal envelope, answered with HTTP 200. */
    protected abstract String refusalBody();

    /** The codes a refused operation may answer ({@code rejected}, or an own code such as a failed cancel). */
    protected abstract Set<String> refusalCodes();

    @TestFactory
    Stream<DynamicTest> unauthorized_isAuthFailed_withoutTheSecret() {
        return each(name -> {
            stub().answer(401, unauthorizedBody(), Map.of());
            Message m = only(operations().get(name).apply(plugin()));
            assertEquals(MessageCodes.AUTH_FAILED, m.code());
            secrets().forEach(s -> assertFalse(m.text().contains(s), m.text()));
            assertTrue(m.text().contains(credentialsHint()), m.text());
        });
    }

    @TestFactory
    Stream<DynamicTest> refusalEnvelope_isNeverASuccess() {
        return each(name -> {
            stub().answer(200, refusalBody(), Map.of("Content-Type", "application/json"));
            Result<?> r = operations().get(name).apply(plugin());
            assertFalse(r.isOk(), r.toString());
            String code = only(r).code();
            assertTrue(refusalCodes().contains(code), code);
        });
    }

    @TestFactory
    Stream<DynamicTest> unreadableAnswer_isABadResponse() {
        return each(name -> {
            stub().answer(200, "not json", Map.of());
            assertEquals(MessageCodes.BAD_RESPONSE, only(operations().get(name).apply(plugin())).code());
        });
    }

    private Stream<DynamicTest> each(Consumer<String> test) {
        return operations().keySet().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            stub().reset();
            test.accept(name);
        }));
    }

    private static Message only(Result<?> result) {
        return PluginFixtures.only(result);
    }
}
