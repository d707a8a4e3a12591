package io.waybill.carrier.yanwen.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.waybill.plugin.conformance.PluginFixtures;
import io.waybill.spi.carrier.ShipmentRequest;
import io.waybill.spi.common.Address;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.Result;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;


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
        return PluginFixtures.wireMock();
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

    /** An {@link YanwenConfig} the way Declarative Services builds one: given values, else the defaults. */
    static YanwenConfig config(Map<String, Object> values) {
        return PluginFixtures.config(YanwenConfig.class, values);
    }

    /** A recorded body from src/test/resources/io/waybill/carrier/yanwen/internal/ (see SOURCES.md there). */
    static String recorded(String name) {
        return PluginFixtures.recorded(YanwenFixture.class, name);
    }

    static byte[] bytes(String name) {
        return PluginFixtures.bytes(YanwenFixture.class, name);
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
        return PluginFixtures.only(result);
    }
}
