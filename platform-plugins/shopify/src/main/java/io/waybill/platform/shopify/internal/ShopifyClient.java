package io.waybill.platform.shopify.internal;

import io.waybill.plugin.kit.HttpReply;
import io.waybill.plugin.kit.JsonApi;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

/**
 * How this plugin reaches a shop's Admin GraphQL API: the kit's {@link JsonApi} with the access token header; every
 * call is one POST to the version's GraphQL endpoint.
 */
final class ShopifyClient {

    static final String DEFAULT_API_VERSION = "2025-07";

    private final String path;
    private final JsonApi api;

    ShopifyClient(String baseUrl, String apiVersion, String token, Duration connectTimeout, Duration requestTimeout) {
        this.path = path(apiVersion);
        this.api = JsonApi.to("ShopifyClient", baseUrl)
                .header("X-Shopify-Access-Token", Objects.requireNonNull(token, "token"))
                .timeouts(connectTimeout, requestTimeout).build();
    }

    /** The path of the GraphQL endpoint for an API version. */
    static String path(String apiVersion) {
        return "/admin/api/" + apiVersion + "/graphql.json";
    }

    /** POSTs one GraphQL document ({@code {"query": ..., "variables": ...}}). */
    HttpReply post(byte[] json) throws IOException, InterruptedException {
        return api.postJson(path, json);
    }

    /** For log lines: the endpoint, never the token. */
    @Override
    public String toString() {
        return "ShopifyClient[" + api.baseUrl() + path + "]";
    }
}
