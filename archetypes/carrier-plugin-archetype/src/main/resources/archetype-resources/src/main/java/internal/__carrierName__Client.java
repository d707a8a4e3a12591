package ${package}.internal;

import io.waybill.plugin.kit.HttpReply;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * HTTP transport to the ${carrierName} API and nothing else: Bearer auth, JSON bodies, timeouts (JDK HttpClient).
 * Returns {@link HttpReply}; throws only {@link IOException} (incl. {@link java.net.http.HttpTimeoutException}) and
 * InterruptedException.
 */
final class ${carrierName}Client {

    static final String DEFAULT_BASE_URL = "https://api.${carrierId}.example";

    private final URI baseUrl;
    private final String authorization;
    private final Duration requestTimeout;
    private final HttpClient http;

    ${carrierName}Client(String baseUrl, String apiKey, Duration connectTimeout, Duration requestTimeout) {
        String base = Objects.requireNonNull(baseUrl, "baseUrl").trim();
        this.baseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.authorization = "Bearer " + Objects.requireNonNull(apiKey, "apiKey").trim();
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** POST a JSON body to {@code path} (relative to the base URL), authenticated. */
    HttpReply postJson(String path, byte[] json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(requestTimeout)
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return HttpReply.of(response);
    }

    /** For log lines: the endpoint, never the key. */
    @Override
    public String toString() {
        return "${carrierName}Client[" + baseUrl + "]";
    }
}
