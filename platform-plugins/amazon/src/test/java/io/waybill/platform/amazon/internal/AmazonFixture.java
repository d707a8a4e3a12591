package io.waybill.platform.amazon.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.Result;
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

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/** Shared test setup: WireMock as LWA and SP-API, a connector for store AMZ-US pointing at it, recorded bodies. */
final class AmazonFixture {

    static final String CLIENT_SECRET = "amzn1.oa2-cs.v1.5b9a5e1c0e7f4b1da1c2e3f4a5b6c7d8e9f0a1b2c3d4e5f6";
    static final String REFRESH_TOKEN = "Atzr|IwEBIPz7Q2s3cret-refresh-token-of-the-test-seller";
    static final String ACCESS_TOKEN = "Atza|IQEBLjAsAhRmHjNgHpi0U-Dme37rR6CuUpSR"; // lwa-token.json
    static final String RDT = "Atz.sprdt|IQEBLjAsAhRmHjNgHpi0U-Dme37rR6CuUpSR"; // rdt.json
    static final String TOKEN_PATH = "/auth/o2/token";
    static final StoreContext STORE = new StoreContext("AMZ-US", Map.of());
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final String ORDER_ID = "902-1845936-5435065";
    static final String ORDER_ITEM_ID = "05015851154158";
    static final String TRACKING = "YT2533521272012345";

    private AmazonFixture() {
    }

    static WireMockExtension wireMock() {
        return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    }

    static AmazonMarketplaceConnector connector(WireMockExtension wm, Map<String, Object> overrides) {
        Map<String, Object> values = new HashMap<>();
        values.put("storeCode", "AMZ-US");
        values.put("baseUrl", wm.baseUrl());
        values.put("tokenUrl", wm.baseUrl() + TOKEN_PATH);
        values.put("lwaClientId", "amzn1.application-oa2-client.test");
        values.put("_lwaClientSecret", CLIENT_SECRET);
        values.put("_refreshToken", REFRESH_TOKEN);
        values.put("requestTimeoutSeconds", 20); // generous: CI machines are slow; timeout tests set their own
        values.put("ordersApi", "v0"); // the v0 tests; AmazonSearchOrdersTest and the conformance test use 2026-01-01
        values.putAll(overrides);
        AmazonMarketplaceConnector connector = new AmazonMarketplaceConnector();
        connector.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        connector.configure(config(values));
        return connector;
    }

    static AmazonMarketplaceConnector connector(WireMockExtension wm) {
        return connector(wm, Map.of());
    }

    /** LWA answers the documented token body, createRestrictedDataToken the documented RDT. */
    static void stubTokens(WireMockExtension wm) {
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(recorded("lwa-token.json"))));
        wm.stubFor(post(urlPathEqualTo(AmazonApi.RDT_PATH)).withHeader("x-amz-access-token", equalTo(ACCESS_TOKEN))
                .willReturn(okJson(recorded("rdt.json"))));
    }

    /** An {@link AmazonConfig} the way Declarative Services builds one: given values, else the defaults. */
    static AmazonConfig config(Map<String, Object> values) {
        return (AmazonConfig) Proxy.newProxyInstance(AmazonConfig.class.getClassLoader(),
                new Class<?>[] {AmazonConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> AmazonConfig.class;
                    case "toString" -> "AmazonConfig";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> values.containsKey(method.getName())
                            ? values.get(method.getName()) : method.getDefaultValue();
                });
    }

    static ShipmentConfirmation shipment(String tracking) {
        return new ShipmentConfirmation(ORDER_ID, "YunExpress", tracking, Instant.parse("2026-12-01T08:30:00Z"));
    }

    /** A recorded body from src/test/resources/io/waybill/platform/amazon/internal/ (see SOURCES.md there). */
    static String recorded(String name) {
        try (InputStream in = AmazonFixture.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded body " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Message only(Result<?> result) {
        if (result.messages().size() != 1) {
            throw new AssertionError("expected one message, got " + result.messages());
        }
        return result.messages().get(0);
    }
}
