package io.waybill.platform.shopify.internal;

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

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/** Shared test setup: WireMock, a connector configured for store SHOP-US pointing at it, recorded bodies. */
final class ShopifyFixture {

    static final String TOKEN = "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";
    static final String ENDPOINT = "/admin/api/2025-07/graphql.json";
    static final StoreContext STORE = new StoreContext("SHOP-US", Map.of());
    static final Instant NOW = Instant.parse("2008-01-20T00:00:00Z");
    /** NOW minus the default 30 days: the first window's start. */
    static final String FIRST_SINCE = "2007-12-21T00:00:00Z";
    /** endCursor of orders-page-1.json. */
    static final String PAGE_1_END = "eyJsYXN0X2lkIjo0NTA3ODk0NjksImxhc3RfdmFsdWUiOiIyMDA4LTAxLTEwIDExOjAwOjAwLjAwMDAwMCJ9";
    static final String ORDER_ID = "gid://shopify/Order/450789469";
    static final String TRACKING = "1Z001985YW99744790";

    private ShopifyFixture() {
    }

    static WireMockExtension wireMock() {
        return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    }

    static ShopifyMarketplaceConnector connector(WireMockExtension wm, Map<String, Object> overrides) {
        Map<String, Object> values = new HashMap<>();
        values.put("storeCode", "SHOP-US");
        values.put("shop", "jsmith");
        values.put("baseUrl", wm.baseUrl());
        values.put("_accessToken", TOKEN);
        values.put("requestTimeoutSeconds", 20); // generous: CI machines are slow; timeout tests set their own
        values.putAll(overrides);
        ShopifyMarketplaceConnector connector = new ShopifyMarketplaceConnector();
        connector.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        connector.configure(config(values));
        return connector;
    }

    static ShopifyMarketplaceConnector connector(WireMockExtension wm) {
        return connector(wm, Map.of());
    }

    /** A {@link ShopifyConfig} the way Declarative Services builds one: given values, else the defaults. */
    static ShopifyConfig config(Map<String, Object> values) {
        return (ShopifyConfig) Proxy.newProxyInstance(ShopifyConfig.class.getClassLoader(),
                new Class<?>[]{ShopifyConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> ShopifyConfig.class;
                    case "toString" -> "ShopifyConfig";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> values.containsKey(method.getName())
                            ? values.get(method.getName()) : method.getDefaultValue();
                });
    }

    static ShipmentConfirmation shipment(String tracking) {
        return new ShipmentConfirmation(ORDER_ID, "UPS", tracking, Instant.parse("2008-01-15T09:30:00Z"));
    }

    /** A recorded body from src/test/resources/io/waybill/platform/shopify/internal/ (see SOURCES.md there). */
    static String recorded(String name) {
        try (InputStream in = ShopifyFixture.class.getResourceAsStream(name)) {
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
