package io.waybill.platform.ebay.internal;

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

/** Shared test setup: WireMock, a connector configured for store EBAY-US pointing at it, recorded bodies. */
final class EbayFixture {

    static final String TOKEN = "v^1.1#i^1#p^3#r^1#I^3#f^0#t^H4sIAAAAAAAAAOVYa2wUVRTebbdtKhQwEiQKuE4xmuDM3nntY9Jd";
    static final StoreContext STORE = new StoreContext("EBAY-US", Map.of());
    static final Instant NOW = Instant.parse("2015-08-20T10:00:00Z");
    /** The first window: NOW minus 30 days .. NOW minus the 2-minute lag. */
    static final String FIRST_FILTER = "lastmodifieddate:[2015-07-21T10:00:00.000Z..2015-08-20T09:58:00.000Z]";
    static final String ORDERS = "/sell/fulfillment/v1/order";
    static final String ORDER_ID = "01-03955-36441";
    static final String TRACKING = "9405509699937003457459";

    private EbayFixture() {
    }

    static WireMockExtension wireMock() {
        return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    }

    static EbayMarketplaceConnector connector(WireMockExtension wm, Map<String, Object> overrides) {
        Map<String, Object> values = new HashMap<>();
        values.put("storeCode", "EBAY-US");
        values.put("baseUrl", wm.baseUrl());
        values.put("_accessToken", TOKEN);
        values.put("requestTimeoutSeconds", 20); // generous: CI machines are slow; timeout tests set their own
        values.putAll(overrides);
        EbayMarketplaceConnector connector = new EbayMarketplaceConnector();
        connector.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        connector.configure(config(values));
        return connector;
    }

    static EbayMarketplaceConnector connector(WireMockExtension wm) {
        return connector(wm, Map.of());
    }

    /** An {@link EbayConfig} the way Declarative Services builds one: given values, else the defaults. */
    static EbayConfig config(Map<String, Object> values) {
        return (EbayConfig) Proxy.newProxyInstance(EbayConfig.class.getClassLoader(),
                new Class<?>[]{EbayConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> EbayConfig.class;
                    case "toString" -> "EbayConfig";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> values.containsKey(method.getName())
                            ? values.get(method.getName()) : method.getDefaultValue();
                });
    }

    static ShipmentConfirmation shipment(String tracking) {
        return new ShipmentConfirmation(ORDER_ID, "USPS", tracking, Instant.parse("2015-08-04T19:09:02.768Z"));
    }

    /** A recorded body from src/test/resources/io/waybill/platform/ebay/internal/ (see SOURCES.md there). */
    static String recorded(String name) {
        try (InputStream in = EbayFixture.class.getResourceAsStream(name)) {
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
