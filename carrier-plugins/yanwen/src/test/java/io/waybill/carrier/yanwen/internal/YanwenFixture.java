package io.waybill.carrier.yanwen.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.waybill.spi.carrier.ShipmentRequest;
import io.waybill.spi.common.Address;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.Result;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/** Shared test setup: WireMock, a configured gateway pointing at it, recorded bodies, a sample request. */
final class YanwenFixture {

    /** The test account printed on Yanwen's documentation pages (SOURCES.md). */
    static final String USER_ID = "100000";
    static final String API_TOKEN = "D6140AA383FD8515B09028C586493DDB";
    static final String KEY = "WB000123-1";
    static final String WAYBILL = "LR084318011CN";
    static final String SERVICE = "/api/order";
    static final Instant NOW = Instant.parse("2025-12-07T06:00:00Z");
    static final long NOW_MILLIS = 1765087200000L;

    static final YanwenRequestMapper.Customs CUSTOMS = item -> new YanwenRequestMapper.Declared(
            new BigDecimal("12.50"), "USD", "611710", "羊毛围巾");

    private YanwenFixture() {
    }

    static WireMockExtension wireMock() {
        return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    }

    static YanwenCarrierGateway gateway(WireMockExtension wm, Map<String, Object> overrides) {
        Map<String, Object> values = new HashMap<>();
        values.put("baseUrl", wm.baseUrl() + SERVICE);
        values.put("userId", USER_ID);
        values.put(".apiToken", API_TOKEN);
        values.put("batteries", "0");
        values.put("defaultService", "155");
        values.put("requestTimeoutSeconds", 20);
        values.put("servicesRefreshMinutes", 0); // no background service-list reads; the services tests set it
        values.putAll(overrides);
        YanwenCarrierGateway gateway = new YanwenCarrierGateway();
        gateway.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        gateway.customs = CUSTOMS;
        gateway.configure(config(values));
        return gateway;
    }

    static YanwenCarrierGateway gateway(WireMockExtension wm) {
        return gateway(wm, Map.of());
    }

    static YanwenConfig config(Map<String, Object> values) {
        return (YanwenConfig) Proxy.newProxyInstance(YanwenConfig.class.getClassLoader(),
                new Class<?>[]{YanwenConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> YanwenConfig.class;
                    case "toString" -> "YanwenConfig";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> values.containsKey(property(method.getName()))
                            ? values.get(property(method.getName())) : method.getDefaultValue();
                });
    }

    static String recorded(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static byte[] bytes(String name) {
        try (InputStream in = YanwenFixture.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded body " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ShipmentRequest request(String key) {
        Address from = new Address("Shenzhen Warehouse", "", "1 Keji Road", "", "Shenzhen", "Guangdong", "518000",
                "CN", "+86 755 0000 0000", "");
        Address to = new Address("John Smith", "", "123 Test St", "Apt 4", "Los Angeles", "CA", "90001", "US",
                "1234567890", "test@example.com");
        return new ShipmentRequest(key, "WB000123", "SO-1001", "", from, to, 1250,
                List.of(new ShipmentRequest.Item("SKU-1", "Wool scarf", 2, 600)));
    }

    static ShipmentRequest request() {
        return request(KEY);
    }

    static Message only(Result<?> result) {
        if (result.messages().size() != 1) {
            throw new AssertionError("expected one message, got " + result.messages());
        }
        return result.messages().get(0);
    }

    private static String property(String method) {
        return method.startsWith("_") ? "." + method.substring(1) : method;
    }
}
