package ${package}.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.waybill.spi.carrier.ShipmentRequest;
import io.waybill.spi.common.Address;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/** Shared test set-up: WireMock, a configured gateway pointing at it, recorded bodies, a sample request. */
final class ${carrierName}Fixture {

    static final String API_KEY = "sk_test_4f9a2c7e1b3d5f6a8c0e2b4d";
    static final String KEY = "pkg-WB000123-1";
    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private ${carrierName}Fixture() {
    }

    static WireMockExtension wireMock() {
        return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    }

    static ${carrierName}CarrierGateway gateway(WireMockExtension wm, Map<String, Object> overrides) {
        Map<String, Object> values = new HashMap<>();
        values.put("baseUrl", wm.baseUrl());
        values.put(".apiKey", API_KEY);
        values.put("requestTimeoutSeconds", 20); // generous: CI machines are slow; the timeout test sets its own
        values.putAll(overrides);
        ${carrierName}CarrierGateway gateway = new ${carrierName}CarrierGateway();
        gateway.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        gateway.configure(config(values));
        return gateway;
    }

    /** A {@link ${carrierName}Config} the way Declarative Services builds one: given values, else the defaults. */
    static ${carrierName}Config config(Map<String, Object> values) {
        return (${carrierName}Config) Proxy.newProxyInstance(${carrierName}Config.class.getClassLoader(),
                new Class<?>[]{${carrierName}Config.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> ${carrierName}Config.class;
                    case "toString" -> "${carrierName}Config";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    // the OSGi name mapping: a method _name is the property .name
                    default -> values.getOrDefault(method.getName().startsWith("_")
                            ? "." + method.getName().substring(1) : method.getName(), method.getDefaultValue());
                });
    }

    /** A recorded body from this package's test resources (see SOURCES.md there). */
    static String recorded(String name) {
        try (InputStream in = ${carrierName}Fixture.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no recorded body " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ShipmentRequest request() {
        Address sender = new Address("Waybill Warehouse", "Waybill Ltd", "1 Dock Road", null, "Leeds", null,
                "LS1 1AA", "GB", "+44 113 000 0000", null);
        Address recipient = new Address("王小明", null, "建国路 88 号", "3 单元 1201", "北京", "北京", "100022", "CN",
                "+86 10 0000 0000", "xm@example.com");
        return new ShipmentRequest(KEY, "WB000123", "SO-1001", "express", sender, recipient, 1250,
                List.of(new ShipmentRequest.Item("SKU-1", "Mug", 2, 600)));
    }
}
