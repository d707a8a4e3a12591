package io.waybill.carrier.fourpx.internal;

import io.waybill.plugin.kit.HttpReply;
import io.waybill.plugin.kit.JsonApi;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * How this plugin reaches the 4PX open platform: every call is {@code POST <service URL>?method=&app_key=&v=&
 * timestamp=&format=json&sign=&language=en} with the JSON body the signature covers (SOURCES.md). The app secret only
 * signs; it is never sent. Label files are fetched with {@link JsonApi#download}.
 */
final class FourPxClient {

    static final String DEFAULT_BASE_URL = "https://open.4px.com/router/api/service";
    static final String VERSION = "1.0.0";
    static final String FORMAT = "json";

    static final String ORDER_CREATE = "ds.xms.order.create";
    static final String ORDER_GET = "ds.xms.order.get";
    static final String ORDER_CANCEL = "ds.xms.order.cancel";
    static final String ORDER_HOLD = "ds.xms.order.hold";
    static final String LABEL_GET = "ds.xms.label.get";
    /** 预估费用查询/运费试算 (SOURCES.md, "Estimated cost"). */
    static final String ESTIMATED_COST = "ds.xms.estimated_cost.get";

    private final JsonApi api;
    private final String appKey;
    private final String appSecret;
    private final Clock clock;

    FourPxClient(String baseUrl, String appKey, String appSecret, Duration connectTimeout, Duration requestTimeout,
                 Clock clock) {
        this.api = JsonApi.to("FourPxClient", baseUrl).timeouts(connectTimeout, requestTimeout).build();
        this.appKey = appKey;
        this.appSecret = appSecret;
        this.clock = clock;
    }

    /** Calls {@code method} with this JSON body, signed with the current time in milliseconds. */
    HttpReply call(String method, String body) throws IOException, InterruptedException {
        long timestamp = clock.millis();
        String sign = FourPxSignature.sign(appKey, FORMAT, method, timestamp, VERSION, body, appSecret);
        String query = "?method=" + enc(method) + "&app_key=" + enc(appKey) + "&v=" + VERSION + "&timestamp="
                + timestamp + "&format=" + FORMAT + "&sign=" + sign + "&language=en";
        return api.postJson(query, body.getBytes(StandardCharsets.UTF_8));
    }

    HttpReply download(java.net.URI url) throws IOException, InterruptedException {
        return api.download(url);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return api.toString();
    }
}
