package io.waybill.platform.tiktok.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.plugin.kit.json.Json;
import io.waybill.spi.common.Address;
import io.waybill.spi.platform.PlatformOrder;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads TikTok Shop 202309 answers into the SPI's types. */
final class TikTokResponseParser {

    private TikTokResponseParser() {
    }

    record Page(List<JsonNode> orders, String nextPageToken) {
    }

    /**
     * A line item (one unit) as the confirmation needs it; {@code lineId} is the id of the SPI line it was captured in
     * ({@link #lineIds}).
     */
    record LineItem(String id, String packageId, String trackingNumber, String displayStatus, String sellerSku,
                    String lineId) {
    }

    /** The SKU a line item is grouped by into an SPI line: {@code seller_sku}, else {@code sku_id}; null: none. */
    private static String groupKey(JsonNode li) {
        return Json.text(li, "seller_sku") != null ? Json.text(li, "seller_sku") : Json.text(li, "sku_id");
    }

    /**
     * The id each SPI line of the order carries (SPI 1.6 {@code PlatformOrder.Line.lineId}): TikTok lists one line
     * item per unit and the order's line of a SKU gathers them, so the line's id is that of the first line item of its
     * SKU in TikTok's list, cancelled ones included. The same rule at capture and at confirmation gives the same id
     * even when a unit is cancelled in between.
     */
    static Map<String, String> lineIds(JsonNode order) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (JsonNode li : order.path("line_items")) {
            String sku = groupKey(li);
            String id = Json.text(li, "id");
            if (sku != null && id != null) {
                ids.putIfAbsent(sku, id);
            }
        }
        return ids;
    }

    /** Get Order Split Attributes of one order: {@code can_split} and, when false, TikTok's {@code reason}. */
    record SplitAttribute(boolean canSplit, String reason) {
    }

    /** {@code data.split_attributes[]} of this order; empty when the answer does not name it. */
    static Optional<SplitAttribute> splitAttribute(JsonNode root, String orderId) {
        for (JsonNode a : root.path("data").path("split_attributes")) {
            if (orderId.equals(Json.text(a, "order_id")) && a.path("can_split").isBoolean()) {
                return Optional.of(new SplitAttribute(a.path("can_split").asBoolean(), Json.text(a, "reason")));
            }
        }
        return Optional.empty();
    }

    /** Split Orders: the new package of the group with this id ({@code data.packages[].splittable_group_id}). */
    static Optional<String> splitPackage(JsonNode root, String groupId) {
        for (JsonNode p : root.path("data").path("packages")) {
            if (groupId.equals(Json.text(p, "splittable_group_id")) && Json.text(p, "id") != null) {
                return Optional.of(Json.text(p, "id"));
            }
        }
        return Optional.empty();
    }

    /** Search Orders: {@code data.orders[]}, {@code data.next_page_token} (empty on the last page). */
    static Optional<Page> page(JsonNode root) {
        JsonNode orders = root.path("data").path("orders");
        if (!root.path("data").isObject()) {
            return Optional.empty();
        }
        List<JsonNode> list = new ArrayList<>();
        if (orders.isArray()) {
            orders.forEach(list::add);
        } else if (!orders.isMissingNode() && !orders.isNull()) {
            return Optional.empty();
        }
        for (JsonNode o : list) {
            if (Json.text(o, "id") == null || !o.path("create_time").canConvertToLong()) {
                return Optional.empty();
            }
        }
        return Optional.of(new Page(list, Json.text(root.path("data"), "next_page_token")));
    }

    /** Get Order Detail: the first of {@code data.orders[]}. */
    static Optional<JsonNode> detail(JsonNode root) {
        JsonNode orders = root.path("data").path("orders");
        return orders.isArray() && !orders.isEmpty() && Json.text(orders.get(0), "id") != null
                ? Optional.of(orders.get(0)) : Optional.empty();
    }

    /** UNPAID and ON_HOLD orders are not ready: TikTok gives no district info for them, and the buyer may cancel. */
    static boolean notReady(JsonNode order) {
        String status = Json.text(order, "status");
        return "UNPAID".equals(status) || "ON_HOLD".equals(status);
    }

    static boolean cancelled(JsonNode order) {
        return "CANCELLED".equals(Json.text(order, "status"));
    }

    /**
     * The SPI order. TikTok lists one line item per unit: items are grouped by {@code seller_sku} (else
     * {@code sku_id}) and counted, each line with its id ({@link #lineIds}); cancelled ones ({@code display_status}
     * CANCELLED) are left out. Price: the line
     * item's {@code sale_price} and {@code currency}; value: {@code payment.total_amount}, {@code shipping_fee},
     * {@code currency}; {@code buyer_email}. Address: {@code recipient_address} with state and city from
     * {@code district_info} (L1; L3, else L2).
     */
    static PlatformOrder toPlatformOrder(JsonNode o) {
        Map<String, PlatformOrder.Line> lines = new LinkedHashMap<>();
        Map<String, String> ids = lineIds(o);
        for (JsonNode li : o.path("line_items")) {
            if ("CANCELLED".equals(Json.text(li, "display_status"))) {
                continue;
            }
            String sku = groupKey(li);
            if (sku == null) {
                continue;
            }
            PlatformOrder.Line known = lines.get(sku);
            BigDecimal price = amount(li, "sale_price");
            String currency = Json.text(li, "currency");
            lines.put(sku, known == null ? new PlatformOrder.Line(sku, 1, price, currency, ids.get(sku))
                    : new PlatformOrder.Line(sku, known.quantity() + 1, known.unitPrice(), known.currency(),
                    known.lineId()));
        }
        JsonNode payment = o.path("payment");
        String email = Json.text(o, "buyer_email");
        PlatformOrder.Value value = new PlatformOrder.Value(amount(payment, "total_amount"),
                amount(payment, "shipping_fee"), Json.text(payment, "currency"), null, email, null);
        String id = Json.text(o, "id");
        return new PlatformOrder(id, id, cancelled(o), Instant.ofEpochSecond(o.path("create_time").asLong()),
                address(o.path("recipient_address"), email), new ArrayList<>(lines.values()), value);
    }

    static List<LineItem> lineItems(JsonNode order) {
        List<LineItem> items = new ArrayList<>();
        Map<String, String> ids = lineIds(order);
        for (JsonNode li : order.path("line_items")) {
            String sku = groupKey(li);
            items.add(new LineItem(Json.text(li, "id"), Json.text(li, "package_id"), Json.text(li, "tracking_number"),
                    Json.text(li, "display_status"), Json.text(li, "seller_sku"), sku == null ? null : ids.get(sku)));
        }
        return items;
    }

    /** The package ids of {@code packages[]}. */
    static List<String> packageIds(JsonNode order) {
        List<String> ids = new ArrayList<>();
        for (JsonNode p : order.path("packages")) {
            String id = Json.text(p, "id");
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** Get Authorized Shops: {@code data.shops[].name} and {@code region}. */
    static Optional<List<String>> shops(JsonNode root) {
        JsonNode shops = root.path("data").path("shops");
        if (!shops.isArray()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        for (JsonNode s : shops) {
            String name = Json.text(s, "name");
            String region = Json.text(s, "region");
            names.add((name == null ? "?" : name) + (region == null ? "" : " (" + region + ")"));
        }
        return Optional.of(names);
    }

    static boolean sameTracking(String a, String b) {
        return a != null && b != null && norm(a).equals(norm(b));
    }

    private static String norm(String s) {
        return s.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    private static Address address(JsonNode a, String email) {
        if (a.isMissingNode() || a.isNull()) {
            return null;
        }
        String state = null;
        String l2 = null;
        String l3 = null;
        for (JsonNode d : a.path("district_info")) {
            String level = Json.text(d, "address_level");
            String name = Json.text(d, "address_name");
            if ("L1".equals(level)) {
                state = name;
            } else if ("L2".equals(level)) {
                l2 = name;
            } else if ("L3".equals(level)) {
                l3 = name;
            }
        }
        String line2 = join(Json.text(a, "address_line2"), join(Json.text(a, "address_line3"),
                Json.text(a, "address_line4")));
        return new Address(Json.text(a, "name"), null, Json.text(a, "address_line1"), line2, l3 != null ? l3 : l2,
                state, Json.text(a, "postal_code"), Json.text(a, "region_code"), Json.text(a, "phone_number"), email);
    }

    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + ", " + b;
    }

    private static BigDecimal amount(JsonNode node, String field) {
        String v = Json.text(node, field);
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
