package ${package}.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.waybill.spi.platform.ShipmentConfirmation;
import io.waybill.spi.platform.StoreContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/** Shared test set-up: WireMock, a configured connector pointing at it, recorded bodies, a sample shipment. */
final class ${marketplaceName}Fixture {

    static final String TOKEN = "mkt_live_9c2e4a6b8d0f1e3a5c7b9d2f";
    static final String STORE_CODE = "ACME-SHOP";
    static final StoreContext STORE = new StoreContext(STORE_CODE, Map.of());
    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    static final String ORDER_ID = "ord_5d1e9b";
    static final String TRACKING = "AC123456789CN";
    static final String SHIPMENTS = "/v1/orders/" + ORDER_ID + "/shipments";

    private ${marketplaceName}Fixture() {
    }

    static WireMockExtension wireMock() {
        return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    }

    static ${marketplaceName}MarketplaceConnector connector(WireMockExtension wm, Map<String, Object> overrides) {
        Map<String, Object> values = new HashMap<>();
        values.put("storeCode", STORE_CODE);
        values.put("baseUrl", wm.baseUrl());
        values.put(".apiToken", TOKEN);
        values.put("requestTimeoutSeconds", 20); // generous: CI machines are slow; the timeout tests set their own
        values.putAll(overrides);
        ${marketplaceName}MarketplaceConnector connector = new ${marketplaceName}MarketplaceConnector();
        connector.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        connector.configure(config(values));
        return connector;
    }

    /** A {@link ${marketplaceName}Config} the way Declarative Services builds one: given values, else the defaults. */
    static ${marketplaceName}Config config(Map<String, Object> values) {
        return (${marketplaceName}Config) Proxy.newProxyInstance(${marketplaceName}Config.class.getClassLoader(),
                new Class<?>[]{${marketplaceName}Config.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> ${marketplaceName}Config.class;
                    case "toString" -> "${marketplaceName}Config";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    // the OSGi name mapping: a method _name is the property .name
                    default -> values.getOrDefault(method.getName().startsWith("_")
                            ? "." + method.getName().substring(1) : method.getName(), method.getDefaultValue());
                });
    }

    /** A recorded body from this package's test resources (see SOURCES.md there). */
    static String recorded(String name) {
        try (InputStream in = ${marketplaceName}Fixture.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no recorded body " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ShipmentConfirmation shipment(String tracking) {
        return new ShipmentConfirmation(ORDER_ID, "ups", tracking, Instant.parse("2026-11-26T09:30:00Z"));
    }
}
