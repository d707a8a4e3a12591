package io.waybill.plugin.kit;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP answer as a plugin's client received it: status, body and headers (the ones plugins read have accessors).
 *
 * @param status  HTTP status code
 * @param body    raw body, never {@code null}
 * @param headers the response headers, never {@code null}
 */
public record HttpReply(int status, byte[] body, HttpHeaders headers) {

    public HttpReply {
        body = body == null ? new byte[0] : body;
        headers = headers == null ? HttpHeaders.of(Map.of(), (a, b) -> true) : headers;
    }

    /** The answer of {@link java.net.http.HttpClient#send} with a byte-array body. */
    public static HttpReply of(HttpResponse<byte[]> response) {
        return new HttpReply(response.statusCode(), response.body(), response.headers());
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The Content-Type header, or empty text. */
    public String contentType() {
        return headers.firstValue("Content-Type").orElse("");
    }

    /** The Retry-After header ({@link RetryAfter#parse} reads it). */
    public Optional<String> retryAfter() {
        return headers.firstValue("Retry-After");
    }

    /** The Location header (the URI of what a 201 created). */
    public Optional<String> location() {
        return headers.firstValue("Location");
    }
}
