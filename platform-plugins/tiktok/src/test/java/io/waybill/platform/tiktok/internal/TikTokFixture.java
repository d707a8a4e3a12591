package io.waybill.platform.tiktok.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.Result;
import io.waybill.spi.platform.ShipmentConfirmation;
import io.waybill.spi.platform.StoreContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/** Shared test setup: WireMock as TikTok Shop, a connector for store TT-GB pointing at it, recorded bodies. */
final class TikTokFixture {

    static final String APP_KEY = "6a6t0g2kqmvbf";
    static final String APP_SECRET = "it-app-secret-3f9b2c7d1e5a";
    static final String ACCESS_TOKEN = "TTP_it-access-token-Qm9iIGFuZCBBbGljZQ";
    static final String CIPHER = "GCP_XF90igAAAABh00qsWgtvOiGFNqyubMt3";
    static final StoreContext STORE = new StoreContext("TT-GB", Map.of());
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final String ORDER_ID = "578012345678901234";
    static final String PACKAGE_ID = "1154528977690660930";
    static final String PROVIDER = "6617675021119438849";
    static final String TRACKING = "YT2533521272012345";

    private TikTokFixture() {
    }

    static WireMockExtension wireMock() {
        return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    }

    static TikTokMarketplaceConnector connector(WireMockExtension wm, Map<String, Object> overrides) {
        Map<String, Object> values = new HashMap<>();
        values.put("storeCode", "TT-GB");
        values.put("baseUrl", wm.baseUrl());
        values.put("appKey", APP_KEY);
        values.put("_appSecret", APP_SECRET);
        values.put("_accessToken", ACCESS_TOKEN);
        values.put("shopCipher", CIPHER);
        values.put("requestTimeoutSeconds", 20);
        values.putAll(overrides);
        TikTokMarketplaceConnector connector = new TikTokMarketplaceConnector();
        connector.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        connector.configure(config(values));
        return connector;
    }

    static TikTokMarketplaceConnector connector(WireMockExtension wm) {
        return connector(wm, Map.of());
    }

    static TikTokConfig config(Map<String, Object> values) {
        return (TikTokConfig) Proxy.newProxyInstance(TikTokConfig.class.getClassLoader(),
                new Class<?>[] {TikTokConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> TikTokConfig.class;
                    case "toString" -> "TikTokConfig";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> values.containsKey(method.getName())
                            ? values.get(method.getName()) : method.getDefaultValue();
                });
    }

    static ShipmentConfirmation shipment(String tracking) {
        return new ShipmentConfirmation(ORDER_ID, PROVIDER, tracking, Instant.parse("2026-12-01T08:30:00Z"));
    }

    /** The query parameters of a logged request, in order. */
    static Map<String, String> query(LoggedRequest r) {
        Map<String, String> q = new LinkedHashMap<>();
        String raw = URI.create(r.getUrl()).getRawQuery();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return q;
    }

    /** Whether the request's sign is the documented signature of its path, query and body. */
    static boolean signedCorrectly(LoggedRequest r) {
        Map<String, String> q = query(r);
        String path = URI.create(r.getUrl()).getRawPath();
        return q.get("sign") != null && q.get("sign").equals(TikTokSigner.sign(path, q, r.getBodyAsString(),
                APP_SECRET));
    }

    static String recorded(String name) {
        try (InputStream in = TikTokFixture.class.getResourceAsStream(name)) {
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
