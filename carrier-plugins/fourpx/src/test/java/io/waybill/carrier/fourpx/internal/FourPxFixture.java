package io.waybill.carrier.fourpx.internal;

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
final class FourPxFixture {

    static final String APP_KEY = "test-app-key";
    static final String APP_SECRET = "test-app-secret";
    static final String KEY = "WB000123-1";
    static final String CONSIGNMENT = "DS0000000001";
    static final String TRACKING = "4PX3000000000001CN";
    static final String SERVICE = "/router/api/service";
    static final Instant NOW = Instant.parse("2025-12-07T06:00:00Z");
    static final long NOW_MILLIS = 1765087200000L;

    static final FourPxRequestMapper.Customs CUSTOMS = item -> new FourPxRequestMapper.Declared(
            new BigDecimal("12.50"), "USD", "611710", "羊毛围巾", "CN");

    private FourPxFixture() {
    }

    static WireMockExtension wireMock() {
        return PluginFixtures.wireMock();
    }

    static FourPxCarrierGateway gateway(WireMockExtension wm, Map<String, Object> overrides) {
        Map<String, Object> values = new HashMap<>();
        values.put("baseUrl", wm.baseUrl() + SERVICE);
        values.put("appKey", APP_KEY);
        values.put(".appSecret", APP_SECRET);
        values.put("requestTimeoutSeconds", 20);
        values.putAll(overrides);
        FourPxCarrierGateway gateway = new FourPxCarrierGateway();
        gateway.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        gateway.customs = CUSTOMS;
        gateway.configure(config(values));
        return gateway;
    }

    static FourPxCarrierGateway gateway(WireMockExtension wm) {
        return gateway(wm, Map.of());
    }

    /** An {@link FourPxConfig} the way Declarative Services builds one: given values, else the defaults. */
    static FourPxConfig config(Map<String, Object> values) {
        return PluginFixtures.config(FourPxConfig.class, values);
    }

    /** A recorded body from src/test/resources/io/waybill/carrier/fourpx/internal/ (see SOURCES.md there). */
    static String recorded(String name) {
        return PluginFixtures.recorded(FourPxFixture.class, name);
    }

    static byte[] bytes(String name) {
        return PluginFixtures.bytes(FourPxFixture.class, name);
    }

    static ShipmentRequest request(String key) {
        Address from = new Address("Shenzhen Warehouse", "", "1 Keji Road", "", "Shenzhen", "Guangdong", "518000",
                "CN", "+86 755 0000 0000", "");
        Address to = new Address("John Smith", "", "123 Test St", "Apt 4", "Los Angeles", "CA", "90001", "US",
                "1234567890", "test@example.com");
        return new ShipmentRequest(key, "WB000123", "SO-1001", "A1", from, to, 1250,
                List.of(new ShipmentRequest.Item("SKU-1", "Wool scarf", 2, 600)));
    }

    static ShipmentRequest request() {
        return request(KEY);
    }

    static Message only(Result<?> result) {
        return PluginFixtures.only(result);
    }
}
