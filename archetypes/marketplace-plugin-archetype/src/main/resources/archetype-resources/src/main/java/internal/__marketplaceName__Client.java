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
 * HTTP transport to the ${marketplaceName} API and nothing else: Bearer auth, JSON bodies, timeouts (JDK HttpClient).
 * Returns {@link HttpReply}; throws only {@link IOException} (incl. {@link java.net.http.HttpTimeoutException}) and
 * InterruptedException.
 */
final class ${marketplaceName}Client {

    static final String DEFAULT_BASE_URL = "https://api.${marketplaceId}.example";

    private final URI baseUrl;
    private final String authorization;
    private final Duration requestTimeout;
    private final HttpClient http;

    ${marketplaceName}Client(String baseUrl, String token, Duration connectTimeout, Duration requestTimeout) {
        String base = Objects.requireNonNull(baseUrl, "baseUrl").trim();
        this.baseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.authorization = "Bearer " + Objects.requireNonNull(token, "token").trim();
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** GET {@code pathAndQuery} (relative to the base URL, already encoded), authenticated. */
    HttpReply get(String pathAndQuery) throws IOException, InterruptedException {
        return send(request(pathAndQuery).GET().build());
    }

    /** POST a JSON body to {@code path} (relative to the base URL, already encoded), authenticated. */
    HttpReply postJson(String path, byte[] json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(requestTimeout)
                .header("Authorization", authorization)
                .header("Accept", "application/json");
    }

    private HttpReply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return HttpReply.of(response);
    }

    /** For log lines: the endpoint, never the token. */
    @Override
    public String toString() {
        return "${marketplaceName}Client[" + baseUrl + "]";
    }
}
