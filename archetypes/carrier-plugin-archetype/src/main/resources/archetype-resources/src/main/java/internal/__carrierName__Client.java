package ${package}.internal;

import io.waybill.plugin.kit.JsonApi;

import java.time.Duration;
import java.util.Objects;

/**
 * How this plugin reaches the ${carrierName} API: the plugin kit's {@link JsonApi} (JSON, timeouts, no redirects,
 * the credential never in a log line) with Bearer auth. Add the provider's other headers (API version, account id)
 * here.
 */
final class ${carrierName}Client {

    static final String DEFAULT_BASE_URL = "https://api.${carrierId}.example";

    private ${carrierName}Client() {
    }

    static JsonApi create(String baseUrl, String apiKey, Duration connectTimeout, Duration requestTimeout) {
        return JsonApi.to("${carrierName}Client", baseUrl)
                .header("Authorization", "Bearer " + Objects.requireNonNull(apiKey, "apiKey").trim())
                .timeouts(connectTimeout, requestTimeout).build();
    }
}
