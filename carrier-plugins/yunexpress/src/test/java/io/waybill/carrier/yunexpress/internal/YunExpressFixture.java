package io.waybill.carrier.yunexpress.internal;

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
final class YunExpressFixture {

    /** The test account printed in YunExpress's API document (quoted by the public clients, SOURCES.md). */
    static final String CUSTOMER_CODE = "ITC0893791";
    static final String API_SECRET = "axzc2utvPbfc9UbJDOh+7w==";
    /** Base64 of "ITC0893791&axzc2utvPbfc9UbJDOh+7w==", computed by hand from the documented rule. */
    static final String TOKEN = "SVRDMDg5Mzc5MSZheHpjMnV0dlBiZmM5VWJKRE9oKzd3PT0=";
    static final String BASIC = "Basic " + TOKEN;
    static final String KEY = "WB000123-1";
    static final String WAYBILL = "YT2031721266061991";
    static final String TRACKING = "LX123456785CN";
    static final String IOSS = "IOSS0690112210251452600";
    static final Instant NOW = Instant.parse("2026-12-07T06:00:00Z");

    /** The declared values the core sends from SPI 1.2 on; the tests give every line one. */
    static final YunExpressRequestMapper.Customs CUSTOMS = item -> new YunExpressRequestMapper.Declared(
            new BigDecimal("12.50"), "EUR", "611710", "羊毛围巾");

    private YunExpressFixture() {
    }

    static WireMockExtension wireMock() {
        return PluginFixtures.wireMock();
    }

    static YunExpressCarrierGateway gateway(WireMockExtension wm, Map<String, Object> overrides) {
        Map<String, Object> values = new HashMap<>();
        values.put("baseUrl", wm.baseUrl() + "/api");
        values.put("customerCode", CUSTOMER_CODE);
        values.put(".apiSecret", API_SECRET);
        values.put("iossCode", IOSS);
        values.put("requestTimeoutSeconds", 20); // generous: CI machines are slow; timeout tests set their own
        values.put("servicesRefreshMinutes", 0); // no background service-list reads; the services tests set it
        values.putAll(overrides);
        YunExpressCarrierGateway gateway = new YunExpressCarrierGateway();
        gateway.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        gateway.customs = CUSTOMS;
        gateway.configure(config(values));
        return gateway;
    }

    static YunExpressCarrierGateway gateway(WireMockExtension wm) {
        return gateway(wm, Map.of());
    }

    /** An {@link YunExpressConfig} the way Declarative Services builds one: given values, else the defaults. */
    static YunExpressConfig config(Map<String, Object> values) {
        return PluginFixtures.config(YunExpressConfig.class, values);
    }

    /** A recorded body from src/test/resources/io/waybill/carrier/yunexpress/internal/ (see SOURCES.md there). */
    static String recorded(String name) {
        return PluginFixtures.recorded(YunExpressFixture.class, name);
    }

    static byte[] bytes(String name) {
        return PluginFixtures.bytes(YunExpressFixture.class, name);
    }

    /** A Shenzhen warehouse shipping a scarf to the German recipient of a public client's test (SOURCES.md). */
    static ShipmentRequest request(String key, String packageNo) {
        Address from = new Address("Shenzhen Warehouse", "", "1 Keji Road", "", "Shenzhen", "Guangdong", "518000",
                "CN", "+86 755 0000 0000", "warehouse@example.com");
        Address to = new Address("Andreas Loertzer", "", "Forstwald Straße 674", "", "Krefeld",
                "Nordrhein-Westfalen", "47804", "DE", "015141965790", "");
        return new ShipmentRequest(key, packageNo, "SO-1001", "THPHR", from, to, 1250,
                List.of(new ShipmentRequest.Item("SKU-1", "Wool scarf", 1, 1200)));
    }

    static ShipmentRequest request() {
        return request(KEY, "WB000123");
    }

    static Message only(Result<?> result) {
        return PluginFixtures.only(result);
    }
}
