package io.waybill.carrier.easypost.internal;

import io.waybill.plugin.kit.JsonApi;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;

/**
 * How this plugin reaches the EasyPost API: the kit's {@link JsonApi} with HTTP Basic auth (the API key as user, an
 * empty password). Label downloads go through {@link JsonApi#download}, without the key.
 */
final class EasyPostClient {

    static final String DEFAULT_BASE_URL = "https://api.easypost.com";

    private EasyPostClient() {
    }

    static JsonApi create(String baseUrl, String apiKey, Duration connectTimeout, Duration requestTimeout) {
        return JsonApi.to("EasyPostClient", baseUrl)
                .header("Authorization", "Basic " + basicCredentials(Objects.requireNonNull(apiKey, "apiKey")))
                .timeouts(connectTimeout, requestTimeout).build();
    }

    /** The Basic credentials of an API key (key as user, empty password): a secret as much as the key itself. */
    static String basicCredentials(String apiKey) {
        return Base64.getEncoder().encodeToString((apiKey.trim() + ":").getBytes(StandardCharsets.UTF_8));
    }
}
