package io.waybill.platform.ebay.internal;

import io.waybill.plugin.kit.JsonApi;
import java.time.Duration;
import java.util.Objects;

/**
 * How this plugin reaches the eBay Sell APIs: the kit's {@link JsonApi} with the OAuth bearer token and, when
 * configured, the marketplace header on every request.
 */
final class EbayClient {

    static final String DEFAULT_BASE_URL = "https://api.ebay.com";

    private EbayClient() {
    }

    static JsonApi create(String baseUrl, String token, String marketplaceId, Duration connectTimeout,
                          Duration requestTimeout) {
        return JsonApi.to("EbayClient", baseUrl)
                .header("Authorization", "Bearer " + Objects.requireNonNull(token, "token"))
                .header("X-EBAY-C-MARKETPLACE-ID", marketplaceId)
                .timeouts(connectTimeout, requestTimeout).build();
    }
}
