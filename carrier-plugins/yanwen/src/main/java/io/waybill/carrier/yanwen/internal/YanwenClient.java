package io.waybill.carrier.yanwen.internal;

import io.waybill.plugin.kit.HttpReply;
import io.waybill.plugin.kit.JsonApi;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * How this plugin reaches the Yanwen open API: {@code POST <endpoint>?user_id=&method=&format=json&timestamp=&sign=&
 * version=V1.0} with the JSON body the signature covers. Each call signs its own current timestamp (the documentation
 * gives a timestamp 5 minutes of validity), so a repeated call is signed afresh.
 */
final class YanwenClient {

    static final String DEFAULT_BASE_URL = "https://open.yw56.com.cn/api/order";
    static final String VERSION = "V1.0";
    static final String FORMAT = "json";

    static final String ORDER_CREATE = "express.order.create";
    static final String LABEL_GET = "express.order.label.get";
    static final String ORDER_CANCEL = "express.order.cancel";
    /** Batch look-up of waybills by number ({@code listNumber}); used before a create, by the order number. */
    static final String ORDER_GETLIST = "express.order.getlist";
    /** The channels (products) open to the account (查询已开通的产品列表); data {@code {}}. */
    static final String CHANNEL_GETLIST = "express.channel.getlist";

    private final JsonApi api;
    private final String userId;
    private final String apiToken;
    private final Clock clock;

    YanwenClient(String baseUrl, String userId, String apiToken, Duration connectTimeout, Duration requestTimeout,
                 Clock clock) {
        this.api = JsonApi.to("YanwenClient", baseUrl).timeouts(connectTimeout, requestTimeout).build();
        this.userId = userId;
        this.apiToken = apiToken;
        this.clock = clock;
    }

    HttpReply call(String method, String body) throws IOException, InterruptedException {
        long timestamp = clock.millis();
        String sign = YanwenSignature.sign(apiToken, userId, body, FORMAT, method, timestamp, VERSION);
        String query = "?user_id=" + URLEncoder.encode(userId, StandardCharsets.UTF_8) + "&method=" + method
                + "&format=" + FORMAT + "&timestamp=" + timestamp + "&sign=" + sign + "&version=" + VERSION;
        return api.postJson(query, body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return api.toString();
    }
}
