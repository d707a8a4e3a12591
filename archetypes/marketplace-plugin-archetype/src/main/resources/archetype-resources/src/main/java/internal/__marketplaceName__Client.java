package ${package}.internal;

import io.waybill.plugin.kit.JsonApi;

import java.time.Duration;
import java.util.Objects;

/**
 * How this plugin reaches the ${marketplaceName} API: the plugin kit's {@link JsonApi} (JSON, timeouts, no
 * redirects, the token never in a log line) with Bearer auth. Add the marketplace's other headers here.
 */
final class ${marketplaceName}Client {

    static final String DEFAULT_BASE_URL = "https://api.${marketplaceId}.example";

    private ${marketplaceName}Client() {
    }

    static JsonApi create(String baseUrl, String token, Duration connectTimeout, Duration requestTimeout) {
        return JsonApi.to("${marketplaceName}Client", baseUrl)
                .header("Authorization", "Bearer " + Objects.requireNonNull(token, "token").trim())
                .timeouts(connectTimeout, requestTimeout).build();
    }
}
