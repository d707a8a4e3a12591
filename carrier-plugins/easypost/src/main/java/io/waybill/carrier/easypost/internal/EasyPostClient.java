package io.waybill.carrier.easypost.internal;

import io.waybill.plugin.kit.HttpReply;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

/**
 * HTTP transport to the EasyPost API and nothing else: HTTP Basic auth with the API key as user and an empty
 * password, JSON bodies, timeouts. Returns {@link HttpReply}; throws only {@link IOException} (incl.
 * {@link java.net.http.HttpTimeoutException}) and InterruptedException.
 */
final class EasyPostClient {

    static final String DEFAULT_BASE_URL = "https://api.easypost.com";

    private final URI baseUrl;
    private final String authorization;
    private final Duration requestTimeout;
    private final HttpClient http;

    EasyPostClient(String baseUrl, String apiKey, Duration connectTimeout, Duration requestTimeout) {
        String base = Objects.requireNonNull(baseUrl, "baseUrl").trim();
        this.baseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.authorization = "Basic " + basicCredentials(Objects.requireNonNull(apiKey, "apiKey"));
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** GET {@code path} (relative to the base URL, e.g. {@code /v2/shipments/shp_...}), authenticated. */
    HttpReply get(String path) throws IOException, InterruptedException {
        return send(api(path).GET().build());
    }

    /** POST a JSON body to {@code path}, authenticated. */
    HttpReply postJson(String path, byte[] json) throws IOException, InterruptedException {
        return send(api(path)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                .build());
    }

    /** POST without a body (refund), authenticated. */
    HttpReply post(String path) throws IOException, InterruptedException {
        return send(api(path).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /**
     * GET a label file. Label URLs point at EasyPost's file storage, another host, so this request carries
     * <b>no</b> Authorization header: the key never leaves for a third party.
     */
    HttpReply download(URI url) throws IOException, InterruptedException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IOException("not an http(s) URL: " + scheme);
        }
        return send(HttpRequest.newBuilder(url).timeout(requestTimeout).GET().build());
    }

    private HttpRequest.Builder api(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(requestTimeout)
                .header("Authorization", authorization)
                .header("Accept", "application/json");
    }

    private HttpReply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return HttpReply.of(response);
    }

    /** For log lines: the endpoint, never the key. */
    @Override
    public String toString() {
        return "EasyPostClient[" + baseUrl + "]";
    }

    /** The Basic credentials of an API key (key as user, empty password): a secret as much as the key itself. */
    static String basicCredentials(String apiKey) {
        return Base64.getEncoder().encodeToString((apiKey.trim() + ":").getBytes(StandardCharsets.UTF_8));
    }
}
