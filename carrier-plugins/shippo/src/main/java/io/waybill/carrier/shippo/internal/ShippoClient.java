package io.waybill.carrier.shippo.internal;

import io.waybill.plugin.kit.JsonApi;
import java.time.Duration;
import java.util.Objects;

/**
 * How this plugin reaches the Shippo API: the kit's {@link JsonApi} with the {@code ShippoToken} credential and the
 * pinned API version on every request. Label downloads go through {@link JsonApi#download}, without the token.
 */
final class ShippoClient {

    static final String DEFAULT_BASE_URL = "https://api.goshippo.com";
    /** Pins the request/response shapes this plugin was written against. */
    static final String API_VERSION = "2018-02-08";

    private ShippoClient() {
    }

    static JsonApi create(String baseUrl, String apiToken, Duration connectTimeout, Duration requestTimeout) {
        return JsonApi.to("ShippoClient", baseUrl)
                .header("Authorization", "ShippoToken " + Objects.requireNonNull(apiToken, "apiToken").trim())
                .header("SHIPPO-API-VERSION", API_VERSION)
                .timeouts(connectTimeout, requestTimeout).build();
    }
}
