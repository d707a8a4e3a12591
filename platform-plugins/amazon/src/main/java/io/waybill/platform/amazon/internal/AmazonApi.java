package io.waybill.platform.amazon.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.plugin.kit.HttpFailures;
import io.waybill.plugin.kit.HttpReply;
import io.waybill.plugin.kit.JsonApi;
import io.waybill.plugin.kit.json.Json;
import io.waybill.spi.common.Message;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * SP-API over the kit's {@link JsonApi}: the access token (or, for restricted data, a restricted data token) in
 * {@code x-amz-access-token}, no AWS request signing. A request SP-API answers with 401/403 is sent once more with a
 * fresh token (an expired or revoked one); the second answer stands. Requests of operations the core does not pace
 * wait for their {@link Pace} first.
 */
final class AmazonApi {

    static final String DEFAULT_BASE_URL = "https://sellingpartnerapi-na.amazon.com";
    static final String RDT_PATH = "/tokens/2021-03-01/restrictedDataToken";

    /** Who may answer in a request's token: the LWA access token, or the restricted data token for getOrders. */
    enum Token { ACCESS, RESTRICTED }

    private final String baseUrl;
    private final Duration connect;
    private final Duration request;
    private final AmazonAuth auth;
    private final Clock clock;
    private final AmazonErrors errors;
    private final Duration maxWait;
    private final Pace rdtPace;
    Pace.Sleeper sleeper = Pace.THREAD_SLEEP;

    /** One client per token in use (the access token and the restricted data token): at most two. */
    private final java.util.Map<String, JsonApi> clients = new java.util.LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, JsonApi> eldest) {
            return size() > 2;
        }
    };
    private String rdt;
    private Instant rdtRenewAt = Instant.MIN;

    AmazonApi(String baseUrl, Duration connect, Duration request, AmazonAuth auth, Clock clock, Duration maxWait,
              Pace rdtPace) {
        this.baseUrl = baseUrl;
        this.connect = connect;
        this.request = request;
        this.auth = auth;
        this.clock = clock;
        this.errors = new AmazonErrors(clock);
        this.maxWait = maxWait;
        this.rdtPace = rdtPace;
        JsonApi.to("Amazon", baseUrl); // a malformed URL fails here, at configuration time
    }

    /** GET with the given token kind; {@code pace} null when the core paces the operation. */
    HttpReply get(String pathAndQuery, Token kind, Pace pace) throws Refused, IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            String token = kind == Token.RESTRICTED ? restrictedDataToken() : auth.accessToken();
            if (pace != null) {
                pace.acquire(maxWait, sleeper);
            }
            HttpReply reply = client(token).get(pathAndQuery);
            if (attempt == 0 && HttpFailures.classify(reply.status()) == HttpFailures.Kind.AUTH && !reply.isSuccess()) {
                forget(kind);
                continue;
            }
            return reply;
        }
    }

    /** POST JSON with the access token; {@code pace} null when the core paces the operation. */
    HttpReply post(String path, byte[] json, Pace pace) throws Refused, IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            String token = auth.accessToken();
            if (pace != null) {
                pace.acquire(maxWait, sleeper);
            }
            HttpReply reply = client(token).postJson(path, json);
            if (attempt == 0 && !reply.isSuccess() && HttpFailures.classify(reply.status()) == HttpFailures.Kind.AUTH) {
                forget(Token.ACCESS);
                continue;
            }
            return reply;
        }
    }

    /**
     * A restricted data token for getOrders with the buyer's shipping address and buyer info
     * ({@code createRestrictedDataToken}, restricted resource {@code GET /orders/v0/orders}, data elements
     * {@code buyerInfo} and {@code shippingAddress}), kept until one minute before its {@code expiresIn}.
     */
    synchronized String restrictedDataToken() throws Refused, IOException, InterruptedException {
        if (rdt != null && clock.instant().isBefore(rdtRenewAt)) {
            return rdt;
        }
        HttpReply reply = post(RDT_PATH, Json.bytes(AmazonRequests.restrictedDataTokenRequest()), rdtPace);
        if (!reply.isSuccess()) {
            throw new Refused(errors.http(reply, "the restricted data token request (buyer addresses)"));
        }
        Optional<JsonNode> json = Json.parse(reply.body());
        String token = json.map(j -> Json.text(j, "restrictedDataToken")).orElse(null);
        if (token == null) {
            throw new Refused(Message.error(AmazonCodes.BAD_RESPONSE,
                    "Amazon's answer to the restricted data token request is not readable."));
        }
        long expiresIn = json.get().path("expiresIn").asLong(AmazonAuth.DEFAULT_EXPIRES_IN);
        rdt = token;
        rdtRenewAt = clock.instant().plusSeconds(Math.max(0, expiresIn - AmazonAuth.EARLY.getSeconds()));
        return token;
    }

    private void forget(Token kind) {
        auth.invalidate();
        if (kind == Token.RESTRICTED) {
            synchronized (this) {
                rdt = null;
                rdtRenewAt = Instant.MIN;
            }
        }
    }

    private synchronized JsonApi client(String token) {
        return clients.computeIfAbsent(token, t -> JsonApi.to("Amazon", baseUrl).header("x-amz-access-token", t)
                .timeouts(connect, request).build());
    }

    /** Secrets to scrub from messages: the LWA ones and the tokens in use. */
    synchronized String[] secrets() {
        String[] a = auth.secrets();
        String[] all = java.util.Arrays.copyOf(a, a.length + 1);
        all[a.length] = rdt;
        return all;
    }

    @Override
    public String toString() {
        return "AmazonApi[" + baseUrl + "]";
    }
}
