package io.waybill.platform.tiktok.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.waybill.plugin.kit.json.Json;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The TikTok Shop requests this plugin sends (API version 202309): paths, the signed query string
 * ({@code app_key}, {@code timestamp}, {@code shop_cipher}, the operation's parameters, {@code sign}) and JSON bodies.
 * The access token travels in the {@code x-tts-access-token} header (see {@link TikTokMarketplaceConnector}).
 */
final class TikTokRequests {

    static final String DEFAULT_BASE_URL = "https://open-api.tiktokglobalshop.com";
    static final String SEARCH_ORDERS = "/order/202309/orders/search";
    static final String ORDER_DETAIL = "/order/202309/orders";
    static final String SHOPS = "/authorization/202309/shops";

    /** A request ready to send: path with its signed query, and the exact body bytes that were signed. */
    record Signed(String pathAndQuery, String body) {
        byte[] bodyBytes() {
            return body.getBytes(StandardCharsets.UTF_8);
        }
    }

    private final String appKey;
    private final String appSecret;
    private final String shopCipher;

    TikTokRequests(String appKey, String appSecret, String shopCipher) {
        this.appKey = appKey;
        this.appSecret = appSecret;
        this.shopCipher = shopCipher;
    }

    static String shipPackage(String packageId) {
        return "/fulfillment/202309/packages/" + enc(packageId) + "/ship";
    }

    static String updateShippingInfo(String orderId) {
        return "/fulfillment/202309/orders/" + enc(orderId) + "/shipping_info/update";
    }

    static final String SPLIT_ATTRIBUTES = "/fulfillment/202309/orders/split_attributes";

    static String splitOrder(String orderId) {
        return "/fulfillment/202309/orders/" + enc(orderId) + "/split";
    }

    /** Get Order Split Attributes of one order: whether TikTok can split it into packages, and why not. */
    Signed splitAttributes(String orderId, long timestamp) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("order_ids", orderId);
        return signed(SPLIT_ATTRIBUTES, q, "", true, timestamp);
    }

    /**
     * Split Orders: each group of order line item ids becomes a package of its own; a group's id is ours
     * ({@code "1"}, {@code "2"}...: its position) and comes back with the new package's id.
     */
    Signed splitOrder(String orderId, java.util.List<java.util.List<String>> groups, long timestamp) {
        ObjectNode body = Json.object();
        com.fasterxml.jackson.databind.node.ArrayNode list = body.putArray("splittable_groups");
        for (int i = 0; i < groups.size(); i++) {
            ObjectNode g = list.addObject();
            g.put("id", String.valueOf(i + 1));
            groups.get(i).forEach(g.putArray("order_line_item_ids")::add);
        }
        return signed(splitOrder(orderId), new LinkedHashMap<>(), body.toString(), true, timestamp);
    }

    /** Search Orders: the window's update_time filter in the body, paging and sorting in the query. */
    Signed searchOrders(long from, long to, int pageSize, String pageToken, long timestamp) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("page_size", String.valueOf(pageSize));
        q.put("sort_field", "update_time");
        q.put("sort_order", "ASC");
        if (pageToken != null) {
            q.put("page_token", pageToken);
        }
        ObjectNode body = Json.object();
        body.put("update_time_ge", from);
        body.put("update_time_lt", to);
        return signed(SEARCH_ORDERS, q, body.toString(), true, timestamp);
    }

    /** Get Order Detail of one order. */
    Signed orderDetail(String orderId, long timestamp) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("ids", orderId);
        return signed(ORDER_DETAIL, q, "", true, timestamp);
    }

    /** Ship Package with the seller's own carrier ({@code self_shipment}). */
    Signed shipPackage(String packageId, String trackingNumber, String shippingProviderId, long timestamp) {
        ObjectNode body = Json.object();
        ObjectNode self = body.putObject("self_shipment");
        self.put("tracking_number", trackingNumber);
        self.put("shipping_provider_id", shippingProviderId);
        return signed(shipPackage(packageId), new LinkedHashMap<>(), body.toString(), true, timestamp);
    }

    /** Update Shipping Info of an order already shipped with another tracking number. */
    Signed updateShippingInfo(String orderId, String trackingNumber, String shippingProviderId, long timestamp) {
        ObjectNode body = Json.object();
        body.put("tracking_number", trackingNumber);
        body.put("shipping_provider_id", shippingProviderId);
        return signed(updateShippingInfo(orderId), new LinkedHashMap<>(), body.toString(), true, timestamp);
    }

    /** Get Authorized Shops (the connection test); this path takes no shop_cipher. */
    Signed shops(long timestamp) {
        return signed(SHOPS, new LinkedHashMap<>(), "", false, timestamp);
    }

    private Signed signed(String path, Map<String, String> params, String body, boolean withCipher, long timestamp) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("app_key", appKey);
        q.put("timestamp", String.valueOf(timestamp));
        if (withCipher && shopCipher != null && !shopCipher.isEmpty()) {
            q.put("shop_cipher", shopCipher);
        }
        q.putAll(params);
        q.put("sign", TikTokSigner.sign(path, q, body, appSecret));
        StringBuilder s = new StringBuilder(path);
        char sep = '?';
        for (Map.Entry<String, String> e : q.entrySet()) {
            s.append(sep).append(enc(e.getKey())).append('=').append(enc(e.getValue()));
            sep = '&';
        }
        return new Signed(s.toString(), body);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
