package io.waybill.platform.shopify.internal;

import io.waybill.plugin.kit.HttpReply;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * HTTP transport to one shop's GraphQL Admin API and nothing else: {@code POST {base}/admin/api/{version}/graphql.json}
 * with the {@code X-Shopify-Access-Token} header, JSON bodies, timeouts. Returns {@link HttpReply}; throws only
 * {@link IOException} (incl. {@link java.net.http.HttpTimeoutException}) and InterruptedException.
 */
final class ShopifyClient {

    static final String DEFAULT_API_VERSION = "2025-07";

    private final URI endpoint;
    private final String token;
    private final Duration requestTimeout;
    private final HttpClient http;

    ShopifyClient(String baseUrl, String apiVersion, String token, Duration connectTimeout, Duration requestTimeout) {
        String base = Objects.requireNonNull(baseUrl, "baseUrl").trim();
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.endpoint = URI.create(base + path(apiVersion));
        this.token = Objects.requireNonNull(token, "token");
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The path of the GraphQL endpoint for an API version. */
    static String path(String apiVersion) {
        return "/admin/api/" + apiVersion + "/graphql.json";
    }

    /** POSTs one GraphQL document ({@code {"query": ..., "variables": ...}}). */
    HttpReply post(byte[] json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(requestTimeout)
                .header("X-Shopify-Access-Token", token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return HttpReply.of(response);
    }

    /** For log lines: the endpoint, never the token. */
    @Override
    public String toString() {
        return "ShopifyClient[" + endpoint + "]";
    }
}
