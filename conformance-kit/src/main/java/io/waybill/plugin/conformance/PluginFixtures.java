package io.waybill.plugin.conformance;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.Result;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * What every plugin's test fixture used to copy: a WireMock extension on a free port, the plugin's configuration
 * built the way Declarative Services builds it, the recorded provider bodies beside the tests, and "the one message
 * of a result". A plugin's {@code XFixture} keeps its own values (keys, ids, sample requests) and delegates here.
 */
public final class PluginFixtures {

    private PluginFixtures() {
    }

    /** A WireMock extension on a dynamic port (register it with {@code @RegisterExtension}). */
    public static WireMockExtension wireMock() {
        return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    }

    /**
     * A component property type (the plugin's {@code @ObjectClassDefinition} annotation) as Declarative Services
     * builds it: the given values, else the defaults; a method {@code _name} reads the property {@code .name} (the
     * OSGi name mapping of PASSWORD attributes).
     */
    public static <A> A config(Class<A> type, Map<String, Object> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type},
                (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> type;
                    case "toString" -> type.getSimpleName();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> values.containsKey(property(method.getName()))
                            ? values.get(property(method.getName())) : method.getDefaultValue();
                }));
    }

    /** A recorded body beside the tests: the resource {@code name} in the package of {@code anchor}. */
    public static byte[] bytes(Class<?> anchor, String name) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded body " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #bytes} as UTF-8 text. */
    public static String recorded(Class<?> anchor, String name) {
        return new String(bytes(anchor, name), StandardCharsets.UTF_8);
    }

    /** The one message of a result; an {@link AssertionError} naming them when there is not exactly one. */
    public static Message only(Result<?> result) {
        if (result.messages().size() != 1) {
            throw new AssertionError("expected one message, got " + result.messages());
        }
        return result.messages().get(0);
    }

    private static String property(String method) {
        return method.startsWith("_") ? "." + method.substring(1) : method;
    }
}
