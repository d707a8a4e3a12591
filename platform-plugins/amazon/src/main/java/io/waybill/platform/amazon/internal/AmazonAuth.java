package io.waybill.platform.amazon.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.waybill.plugin.kit.HttpReply;
import io.waybill.plugin.kit.JsonApi;
import io.waybill.plugin.kit.json.Json;
import io.waybill.spi.common.Message;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Login with Amazon: trades the seller's refresh token for an access token ({@code POST <token URL>} with
 * {@code grant_type=refresh_token}, {@code refresh_token}, {@code client_id}, {@code client_secret}; answer
 * {@code access_token}, {@code token_type}, {@code expires_in}) and keeps it until one minute before it expires, or
 * until SP-API refuses it ({@link #invalidate}). The body is JSON, as Amazon's own SP-API auth libraries send it
 * (see README). Thread-safe: one refresh at a time.
 */
final class AmazonAuth {

    static final String DEFAULT_TOKEN_URL = "https://api.amazon.com/auth/o2/token";
    /** A token is renewed this long before Amazon says it expires. */
    static final Duration EARLY = Duration.ofSeconds(60);
    /** LWA documents access tokens valid for one hour; used when an answer has no expires_in. */
    static final long DEFAULT_EXPIRES_IN = 3600;

    private final JsonApi lwa;
    private final String tokenPath;
    private final String clientId;
    private final String clientSecret;
    private final String refreshToken;
    private final Clock clock;
    private final AmazonErrors errors;

    private String accessToken;
    private Instant renewAt = Instant.MIN;
    private int refreshes;

    AmazonAuth(String tokenUrl, String clientId, String clientSecret, String refreshToken, Duration connect,
               Duration request, Clock clock) {
        URI uri = URI.create(tokenUrl);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String base = tokenUrl.substring(0, tokenUrl.length() - path.length()
                - (uri.getRawQuery() == null ? 0 : uri.getRawQuery().length() + 1));
        this.lwa = JsonApi.to("LoginWithAmazon", base).timeouts(connect, request).build();
        this.tokenPath = path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.refreshToken = refreshToken;
        this.clock = clock;
        this.errors = new AmazonErrors(clock);
    }

    /** The cached access token, refreshed first when it is missing or about to expire. */
    synchronized String accessToken() throws Refused, IOException, InterruptedException {
        if (accessToken != null && clock.instant().isBefore(renewAt)) {
            return accessToken;
        }
        ObjectNode body = Json.object();
        body.put("grant_type", "refresh_token");
        body.put("refresh_token", refreshToken);
        body.put("client_id", clientId);
        body.put("client_secret", clientSecret);
        HttpReply reply = lwa.postJson(tokenPath, Json.bytes(body));
        refreshes++;
        if (!reply.isSuccess()) {
            throw new Refused(errors.lwa(reply, "the access token refresh"));
        }
        Optional<JsonNode> json = Json.parse(reply.body());
        String token = json.map(j -> Json.text(j, "access_token")).orElse(null);
        if (token == null) {
            throw new Refused(Message.error(AmazonCodes.BAD_RESPONSE,
                    "Login with Amazon's answer to the access token refresh is not readable."));
        }
        long expiresIn = json.get().path("expires_in").asLong(DEFAULT_EXPIRES_IN);
        accessToken = token;
        renewAt = clock.instant().plusSeconds(Math.max(0, expiresIn - EARLY.getSeconds()));
        return token;
    }

    /** Forgets the access token (SP-API refused it): the next call refreshes. */
    synchronized void invalidate() {
        accessToken = null;
        renewAt = Instant.MIN;
    }

    /** How many refresh requests were sent (tests). */
    synchronized int refreshes() {
        return refreshes;
    }

    /** The secrets this object holds, for redaction. */
    synchronized String[] secrets() {
        return new String[] {clientSecret, refreshToken, accessToken};
    }

    @Override
    public String toString() {
        return "AmazonAuth[" + lwa + "]";
    }
}
