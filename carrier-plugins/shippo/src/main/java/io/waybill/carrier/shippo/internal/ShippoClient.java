package io.waybill.carrier.shippo.internal;

import io.waybill.plugin.kit.HttpReply;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * HTTP transport to the Shippo API and nothing else: adds the {@code ShippoToken} header, sends JSON, returns
 * {@link HttpReply}. It does not interpret answers ({@link ShippoErrors} and {@link ShippoResponseParser} do) and
 * throws only {@link IOException} (incl. {@link java.net.http.HttpTimeoutException}) and InterruptedException.
 */
final class ShippoClient {

    static final String DEFAULT_BASE_URL = "https://api.goshippo.com";
    /** Pins the request/response shapes this plugin was written against. */
    static final String API_VERSION = "2018-02-08";

    private final URI baseUrl;
    private final String authorization;
    private final Duration requestTimeout;
    private final HttpClient http;

    ShippoClient(String baseUrl, String apiToken, Duration connectTimeout, Duration requestTimeout) {
        String base = Objects.requireNonNull(baseUrl, "baseUrl").trim();
        this.baseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.authorization = "ShippoToken " + Objects.requireNonNull(apiToken, "apiToken").trim();
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** GET {@code path} (relative to the base URL, starting with '/'), with the token. */
    HttpReply get(String path) throws IOException, InterruptedException {
        return send(api(path).GET().build());
    }

    /** POST a JSON body to {@code path}, with the token. */
    HttpReply postJson(String path, byte[] json) throws IOException, InterruptedException {
        return send(api(path)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                .build());
    }

    /**
     * GET a document (a label) from wherever Shippo stored it. Label URLs are pre-signed links on another host, so
     * this request carries <b>no</b> Authorization header: the token never leaves for a third party.
     */
    HttpReply download(URI url) throws IOException, InterruptedException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IOException("not an http(s) URL: " + scheme);
        }
        // no redirects are followed: a 3xx is returned as it is and reported, the token is not involved anyway
        return send(HttpRequest.newBuilder(url).timeout(requestTimeout).GET().build());
    }

    private HttpRequest.Builder api(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(requestTimeout)
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .header("SHIPPO-API-VERSION", API_VERSION);
    }

    private HttpReply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return HttpReply.of(response);
    }

    /** For log lines: the endpoint, never the token. */
    @Override
    public String toString() {
        return "ShippoClient[" + baseUrl + "]";
    }
}
