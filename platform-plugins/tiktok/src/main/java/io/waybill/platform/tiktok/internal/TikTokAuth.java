package io.waybill.platform.tiktok.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.plugin.kit.HttpReply;
import io.waybill.plugin.kit.JsonApi;
import io.waybill.plugin.kit.json.Json;
import io.waybill.spi.common.Message;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The shop's access token, renewed with TikTok Shop's refresh token: {@code GET <auth host>/api/v2/token/refresh}
 * with the query {@code app_key}, {@code app_secret}, {@code refresh_token}, {@code grant_type=refresh_token}; the
 * answer {@code {code, message, data{access_token, access_token_expire_in, refresh_token, refresh_token_expire_in}}}
 * gives the expiry as a Unix timestamp. Held in memory only, like the Amazon plugin's Login with Amazon token: renewed
 * {@link #EARLY} before it expires, or when TikTok refuses it ({@link #invalidate}); a refresh token TikTok hands back
 * replaces the configured one for the life of the configuration. Every token ever held is in {@link #secrets()} for
 * redaction; none is logged. Thread-safe: one refresh at a time.
 */
final class TikTokAuth {

    static final String DEFAULT_AUTH_URL = "https://auth.tiktok-shops.com";
    static final String REFRESH_PATH = "/api/v2/token/refresh";
    /** A token is renewed this long before TikTok says it expires. */
    static final Duration EARLY = Duration.ofMinutes(5);

    private final JsonApi auth;
    private final String appKey;
    private final String appSecret;
    private final Clock clock;
    private final Duration connect;
    private final Duration request;
    private final String baseUrl;

    private String refreshToken;
    private String accessToken;
    /** When the current token is renewed; {@code Instant.MAX} for a configured token whose expiry is unknown. */
    private Instant renewAt;
    private int refreshes;
    private final Set<String> held = new LinkedHashSet<>();
    private final Map<String, JsonApi> clients = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, JsonApi> eldest) {
            return size() > 2;
        }
    };

    /**
     * @param accessToken the configured access token (may be empty when a refresh token is given)
     * @param refreshToken the configured refresh token (empty: the access token is used until TikTok refuses it)
     */
    TikTokAuth(String baseUrl, String authUrl, String appKey, String appSecret, String accessToken,
               String refreshToken, Duration connect, Duration request, Clock clock) {
        this.auth = JsonApi.to("TikTokShopAuth", authUrl).timeouts(connect, request).build();
        this.baseUrl = baseUrl;
        this.appKey = appKey;
        this.appSecret = appSecret;
        this.accessToken = accessToken.isEmpty() ? null : accessToken;
        this.refreshToken = refreshToken.isEmpty() ? null : refreshToken;
        this.renewAt = this.accessToken == null ? Instant.MIN : Instant.MAX;
        this.connect = connect;
        this.request = request;
        this.clock = clock;
        held.add(appSecret);
        held.add(accessToken);
        held.add(refreshToken);
    }

    /** Whether a refused token can be renewed here (a refresh token is configured). */
    synchronized boolean canRefresh() {
        return refreshToken != null;
    }

    /** A client sending {@code token} (one of {@link #accessToken()}) in {@code x-tts-access-token}. */
    synchronized JsonApi client(String token) {
        return clients.computeIfAbsent(token, t -> JsonApi.to("TikTokShop", baseUrl).header("x-tts-access-token", t)
                .timeouts(connect, request).build());
    }

    /** The current access token, refreshed first when it is missing or about to expire. */
    synchronized String accessToken() throws Refused, IOException, InterruptedException {
        if (accessToken != null && (refreshToken == null || clock.instant().isBefore(renewAt))) {
            return accessToken;
        }
        if (refreshToken == null) {
            throw new Refused(List.of(Message.error(TikTokCodes.BAD_CONFIG, "The TikTok Shop connection has"
                    + " neither an access token nor a refresh token.")));
        }
        String query = "?app_key=" + enc(appKey) + "&app_secret=" + enc(appSecret) + "&refresh_token="
                + enc(refreshToken) + "&grant_type=refresh_token";
        HttpReply reply = auth.get(REFRESH_PATH + query);
        refreshes++;
        String operation = "the access token refresh";
        if (!reply.isSuccess()) {
            throw new Refused(new TikTokErrors(clock).http(reply, operation));
        }
        Optional<JsonNode> json = Json.parse(reply.body());
        if (json.isEmpty() || !json.get().path("code").canConvertToLong()) {
            throw new Refused(List.of(Message.error(TikTokCodes.BAD_RESPONSE,
                    "TikTok Shop's answer to the access token refresh is not readable.")));
        }
        long code = json.get().path("code").asLong();
        if (code != 0) {
            throw new Refused(List.of(Message.error(TikTokCodes.AUTH_FAILED, "TikTok Shop refused the access token"
                    + " refresh: " + TikTokErrors.clip(code + describe(Json.text(json.get(), "message"))) + ". Authorize"
                    + " the shop again and put its new refresh token into the store's TikTok Shop settings.")));
        }
        JsonNode data = json.get().path("data");
        String token = Json.text(data, "access_token");
        if (token == null || token.isBlank()) {
            throw new Refused(List.of(Message.error(TikTokCodes.BAD_RESPONSE,
                    "TikTok Shop's answer to the access token refresh has no access token.")));
        }
        accessToken = token;
        held.add(token);
        String next = Json.text(data, "refresh_token");
        if (next != null && !next.isBlank()) {
            refreshToken = next;
            held.add(next);
        }
        long expires = data.path("access_token_expire_in").asLong(0);
        renewAt = expires > 0 ? Instant.ofEpochSecond(expires).minus(EARLY) : Instant.MAX;
        return token;
    }

    /** TikTok refused {@code token}: the next call refreshes (unless another call already did). */
    synchronized void invalidate(String token) {
        if (token != null && token.equals(accessToken)) {
            renewAt = Instant.MIN;
        }
    }

    /** How many refresh requests were sent (tests). */
    synchronized int refreshes() {
        return refreshes;
    }

    /** The app secret and every token this object held, for redaction. */
    synchronized String[] secrets() {
        List<String> all = new ArrayList<>();
        for (String s : held) {
            if (s != null && !s.isEmpty()) {
                all.add(s);
            }
        }
        return all.toArray(String[]::new);
    }

    private static String describe(String message) {
        return message == null ? "" : ": " + message;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "TikTokAuth[" + auth + "]";
    }
}
