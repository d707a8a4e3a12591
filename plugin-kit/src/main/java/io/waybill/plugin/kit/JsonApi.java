package io.waybill.plugin.kit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The HTTP transport of a provider's JSON API, the same for every plugin: one base URL, the account's credential
 * and version headers on every API request, {@code Accept: application/json}, a connect and a request timeout, no
 * redirects followed (a 3xx is an answer to report, and a credential must never follow it to another host). Returns
 * {@link HttpReply}; throws only {@link IOException} (including {@link java.net.http.HttpTimeoutException}) and
 * {@link InterruptedException}, which the plugin's gateway turns into messages (see {@link HttpFailures}).
 *
 * <p>{@link #toString()} names the endpoint, never a header value, so a client can go into a log line.
 */
public final class JsonApi {
    private final String name;
    private final String baseUrl;
    private final Map<String, String> headers;
    private final Duration requestTimeout;
    private final HttpClient http;

    private JsonApi(Builder b) {
        this.name = b.name;
        this.baseUrl = b.baseUrl;
        this.headers = Map.copyOf(b.headers);
        this.requestTimeout = b.requestTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(b.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * A client of the API at {@code baseUrl} (a trailing slash is dropped; paths given later start with '/').
     *
     * @param name the provider's name, for {@link #toString()}
     */
    public static Builder to(String name, String baseUrl) {
        return new Builder(name, baseUrl);
    }

    /** The base URL without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /** GET {@code pathAndQuery} (relative to the base URL, query already encoded), with the API headers. */
    public HttpReply get(String pathAndQuery) throws IOException, InterruptedException {
        return send(api(pathAndQuery).GET().build());
    }

    /** POST a JSON body to {@code path}, with the API headers. */
    public HttpReply postJson(String path, byte[] json) throws IOException, InterruptedException {
        return send(api(path).header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build());
    }

    /** POST without a body (e.g. a refund by id), with the API headers. */
    public HttpReply post(String path) throws IOException, InterruptedException {
        return send(api(path).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /**
     * GET a document (a label) from wherever the provider stored it, usually a pre-signed link on another host: this
     * request carries <b>none</b> of the API headers, so the credential never leaves for a third party. Only
     * http(s) URLs; redirects are not followed.
     */
    public HttpReply download(URI url) throws IOException, InterruptedException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IOException("not an http(s) URL: " + scheme);
        }
        return send(HttpRequest.newBuilder(url).timeout(requestTimeout).GET().build());
    }

    private HttpRequest.Builder api(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(requestTimeout)
                .header("Accept", "application/json");
        headers.forEach(b::header);
        return b;
    }

    private HttpReply send(HttpRequest request) throws IOException, InterruptedException {
        return HttpReply.of(http.send(request, HttpResponse.BodyHandlers.ofByteArray()));
    }

    /** For log lines: the provider and the endpoint, never a header. */
    @Override
    public String toString() {
        return name + "[" + baseUrl + "]";
    }

    /** Collects the client's settings. */
    public static final class Builder {
        private final String name;
        private final String baseUrl;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(30);

        private Builder(String name, String baseUrl) {
            this.name = Objects.requireNonNull(name, "name");
            String base = Objects.requireNonNull(baseUrl, "baseUrl").trim();
            this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
            URI.create(this.baseUrl); // a malformed URL fails here, at configuration time
        }

        /** A header sent with every API request (credential, API version, marketplace); blank values are left out. */
        public Builder header(String header, String value) {
            if (value != null && !value.isBlank()) {
                headers.put(Objects.requireNonNull(header, "header"), value);
            }
            return this;
        }

        public Builder timeouts(Duration connect, Duration request) {
            this.connectTimeout = Objects.requireNonNull(connect, "connect");
            this.requestTimeout = Objects.requireNonNull(request, "request");
            return this;
        }

        public JsonApi build() {
            return new JsonApi(this);
        }
    }
}
