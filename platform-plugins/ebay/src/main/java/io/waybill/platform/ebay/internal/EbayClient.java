package io.waybill.platform.ebay.internal;

import io.waybill.plugin.kit.HttpReply;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * HTTP transport to eBay's REST APIs and nothing else: {@code Authorization: Bearer <user token>}, the marketplace
 * header, JSON bodies, timeouts. Returns {@link HttpReply}; throws only {@link IOException} (incl.
 * {@link java.net.http.HttpTimeoutException}) and InterruptedException.
 */
final class EbayClient {

    static final String DEFAULT_BASE_URL = "https://api.ebay.com";

    private final String baseUrl;
    private final String authorization;
    private final String marketplaceId;
    private final Duration requestTimeout;
    private final HttpClient http;

    EbayClient(String baseUrl, String token, String marketplaceId, Duration connectTimeout, Duration requestTimeout) {
        String base = Objects.requireNonNull(baseUrl, "baseUrl").trim();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.authorization = "Bearer " + Objects.requireNonNull(token, "token");
        this.marketplaceId = marketplaceId;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** GET a path with its query string (already encoded), authenticated. */
    HttpReply get(String pathAndQuery) throws IOException, InterruptedException {
        return send(api(pathAndQuery).GET().build());
    }

    /** POST a JSON body, authenticated. */
    HttpReply postJson(String path, byte[] json) throws IOException, InterruptedException {
        return send(api(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                .build());
    }

    private HttpRequest.Builder api(String pathAndQuery) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(requestTimeout)
                .header("Authorization", authorization)
                .header("Accept", "application/json");
        if (marketplaceId != null && !marketplaceId.isBlank()) {
            b.header("X-EBAY-C-MARKETPLACE-ID", marketplaceId);
        }
        return b;
    }

    private HttpReply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return HttpReply.of(response);
    }

    /** For log lines: the endpoint, never the token. */
    @Override
    public String toString() {
        return "EbayClient[" + baseUrl + "]";
    }
}
