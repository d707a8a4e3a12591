package io.waybill.platform.shopify.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.plugin.kit.json.Json;
import io.waybill.plugin.kit.platform.PartialShipment;
import io.waybill.spi.common.Address;
import io.waybill.spi.platform.PlatformOrder;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Shopify GraphQL answers to domain values: orders (ship-to address, SKU lines, cancellation), the order's
 * fulfillment state, the result of {@code fulfillmentCreate} and the cost extension. Text is kept exactly as Shopify
 * sends it (any script, no normalisation).
 */
final class ShopifyResponseParser {

    /** Countries whose carriers expect the state as its code (CA, ON) rather than its name. */
    private static final Set<String> STATE_AS_CODE = Set.of("US", "CA");
    /**
     * Fulfillment states that do not stand for a shipment (FulfillmentStatus: the deprecated {@code OPEN} and
     * {@code PENDING} of fulfillment services still count, so a resend never adds a second fulfillment beside them).
     */
    private static final Set<String> NOT_SHIPPED = Set.of("CANCELLED", "ERROR", "FAILURE");
    /** Fulfillment order states that still have work to fulfil. */
    private static final Set<String> OPEN_STATES = Set.of("OPEN", "IN_PROGRESS");

    private ShopifyResponseParser() {
    }

    /** One page of orders. */
    record Page(List<OrderNode> orders, boolean hasNextPage, String endCursor) {
    }

    /** One order as read so far; {@code moreLines} says its line items continue after {@code linesCursor}. */
    record OrderNode(String id, PlatformOrder order, Instant updatedAt, boolean moreLines, String linesCursor) {
    }

    /** A page of an order's line items. */
    record Lines(List<PlatformOrder.Line> lines, boolean hasNextPage, String endCursor) {
    }

    /** What the order looks like before Waybill reports a shipment. */
    record FulfillmentState(String orderId, String name, boolean cancelled, List<Existing> fulfillments,
                            Map<String, List<String>> openByLocation) {

        /** The tracking numbers of the fulfillments that count. */
        List<String> trackingNumbers() {
            return fulfillments.stream().flatMap(f -> f.trackingNumbers().stream()).toList();
        }

        /** The fulfillments that carry this tracking number (case and spaces ignored). */
        List<Existing> carrying(String tracking) {
            return fulfillments.stream()
                    .filter(f -> f.trackingNumbers().stream().anyMatch(n -> sameTracking(n, tracking))).toList();
        }
    }

    /**
     * A fulfillment the order already has and that counts (not {@code CANCELLED}, {@code ERROR} or {@code FAILURE}):
     * its id, tracking numbers and the fulfillment orders it fulfilled.
     */
    record Existing(String id, List<String> trackingNumbers, List<String> fulfillmentOrderIds) {
    }

    /** Shopify's bucket as reported in {@code extensions.cost}. */
    record Cost(Double requested, Double maximumAvailable, Double currentlyAvailable, Double restoreRate) {
    }

    /** {@code data.orders} of the orders query; empty when absent. */
    static Optional<Page> orders(JsonNode root) {
        JsonNode orders = root.path("data").path("orders");
        if (!orders.isObject()) {
            return Optional.empty();
        }
        List<OrderNode> nodes = new ArrayList<>();
        for (JsonNode n : orders.path("nodes")) {
            nodes.add(order(n));
        }
        JsonNode pageInfo = orders.path("pageInfo");
        return Optional.of(new Page(nodes, pageInfo.path("hasNextPage").asBoolean(false),
                Json.text(pageInfo, "endCursor")));
    }

    static OrderNode order(JsonNode n) {
        String id = Json.text(n, "id");
        Lines lines = lines(n.path("lineItems"));
        PlatformOrder order = new PlatformOrder(id, Json.text(n, "name"), Json.text(n, "cancelledAt") != null,
                instant(Json.text(n, "createdAt")), address(n), lines.lines(), value(n));
        return new OrderNode(id, order, instant(Json.text(n, "updatedAt")), lines.hasNextPage(), lines.endCursor());
    }

    /**
     * A line items connection. The quantity is {@code currentQuantity} (ordered minus removed by order edits) when
     * Shopify sends it, else {@code quantity}; lines that need no shipping (gift cards, digital goods) or have
     * nothing left are left out.
     */
    static Lines lines(JsonNode connection) {
        List<PlatformOrder.Line> lines = new ArrayList<>();
        for (JsonNode item : connection.path("nodes")) {
            if (item.has("requiresShipping") && !item.path("requiresShipping").asBoolean(true)) {
                continue;
            }
            int quantity = item.hasNonNull("currentQuantity") ? item.path("currentQuantity").asInt()
                    : item.path("quantity").asInt();
            if (quantity <= 0) {
                continue;
            }
            JsonNode price = item.path("originalUnitPriceSet").path("shopMoney");
            // id: the line item's gid (SPI 1.6), what a partial shipment finds its fulfillment order line items by
            lines.add(new PlatformOrder.Line(Json.text(item, "sku"), quantity, amount(price),
                    amount(price) == null ? null : Json.text(price, "currencyCode"), Json.text(item, "id")));
        }
        JsonNode pageInfo = connection.path("pageInfo");
        return new Lines(lines, pageInfo.path("hasNextPage").asBoolean(false), Json.text(pageInfo, "endCursor"));
    }

    /**
     * The order's value in the shop's currency: {@code totalPriceSet.shopMoney} (what the buyer paid: lines,
     * shipping and taxes, less discounts), {@code totalShippingPriceSet.shopMoney}, the order's {@code email} and
     * {@code phone}. Shopify's {@code Order} has no ship-by date (it is per fulfillment order), so none is given.
     */
    static PlatformOrder.Value value(JsonNode order) {
        JsonNode total = order.path("totalPriceSet").path("shopMoney");
        JsonNode shipping = order.path("totalShippingPriceSet").path("shopMoney");
        String currency = Json.text(total, "currencyCode");
        if (currency == null) {
            currency = Json.text(shipping, "currencyCode");
        }
        if (currency == null) {
            currency = Json.text(order, "currencyCode");
        }
        return new PlatformOrder.Value(amount(total), amount(shipping), currency, Json.text(order, "phone"),
                Json.text(order, "email"), null);
    }

    /** A {@code MoneyV2.amount} (a decimal string such as {@code "199.00"}); null when absent or unreadable. */
    static BigDecimal amount(JsonNode money) {
        String amount = Json.text(money, "amount");
        if (amount == null) {
            return null;
        }
        try {
            return new BigDecimal(amount.strip());
        } catch (NumberFormatException e) {
            return null; // the core then sees no price rather than a wrong one
        }
    }

    /** {@code data.order.lineItems} of the follow-up query; empty when the order is gone. */
    static Optional<Lines> orderLines(JsonNode root) {
        JsonNode items = root.path("data").path("order").path("lineItems");
        return items.isObject() ? Optional.of(lines(items)) : Optional.empty();
    }

    /** The ship-to address; {@code null} when the order has none (pickup, digital). */
    static Address address(JsonNode order) {
        JsonNode a = order.path("shippingAddress");
        if (!a.isObject()) {
            return null;
        }
        String name = Json.text(a, "name");
        if (name == null) {
            String first = Json.text(a, "firstName");
            String last = Json.text(a, "lastName");
            name = first == null ? last : last == null ? first : first + " " + last;
        }
        String country = Json.text(a, "countryCodeV2");
        String state = Json.text(a, "province");
        String stateCode = Json.text(a, "provinceCode");
        if (stateCode != null && (state == null
                || (country != null && STATE_AS_CODE.contains(country.toUpperCase(Locale.ROOT))))) {
            state = stateCode;
        }
        String phone = Json.text(a, "phone");
        return new Address(name, orEmpty(Json.text(a, "company")), Json.text(a, "address1"),
                orEmpty(Json.text(a, "address2")), Json.text(a, "city"), orEmpty(state),
                orEmpty(Json.text(a, "zip")), country, orEmpty(phone != null ? phone : Json.text(order, "phone")),
                orEmpty(Json.text(order, "email")));
    }

    /** {@code data.order} of the fulfillment state query; empty when Shopify has no such order. */
    static Optional<FulfillmentState> fulfillmentState(JsonNode root) {
        JsonNode order = root.path("data").path("order");
        if (!order.isObject()) {
            return Optional.empty();
        }
        List<Existing> existing = new ArrayList<>();
        for (JsonNode f : order.path("fulfillments")) {
            String status = Json.text(f, "status");
            if (status != null && NOT_SHIPPED.contains(status)) {
                continue; // cancelled or failed fulfillments do not count
            }
            List<String> numbers = new ArrayList<>();
            for (JsonNode t : f.path("trackingInfo")) {
                String number = Json.text(t, "number");
                if (number != null) {
                    numbers.add(number);
                }
            }
            List<String> orders = new ArrayList<>();
            for (JsonNode fo : f.path("fulfillmentOrders").path("nodes")) {
                String id = Json.text(fo, "id");
                if (id != null) {
                    orders.add(id);
                }
            }
            existing.add(new Existing(Json.text(f, "id"), numbers, orders));
        }
        Map<String, List<String>> open = new LinkedHashMap<>();
        for (JsonNode fo : order.path("fulfillmentOrders").path("nodes")) {
            if (!OPEN_STATES.contains(String.valueOf(Json.text(fo, "status")))) {
                continue;
            }
            String location = Json.text(fo.path("assignedLocation").path("location"), "id");
            open.computeIfAbsent(location == null ? "" : location, k -> new ArrayList<>()).add(Json.text(fo, "id"));
        }
        return Optional.of(new FulfillmentState(Json.text(order, "id"), Json.text(order, "name"),
                Json.text(order, "cancelledAt") != null, existing, open));
    }

    /** A fulfillment order line item that can still ship: its fulfillment order and that one's location. */
    record OpenItem(String fulfillmentOrderId, String location, PartialShipment.OpenLine line) {
    }

    /**
     * The line items of the order's open fulfillment orders ({@code OPEN}, {@code IN_PROGRESS}) with units remaining,
     * each with the order line item it is of ({@code lineItem.id}), in Shopify's order; empty when the answer has no
     * order.
     */
    static Optional<List<OpenItem>> openItems(JsonNode root) {
        JsonNode order = root.path("data").path("order");
        if (!order.isObject()) {
            return Optional.empty();
        }
        List<OpenItem> items = new ArrayList<>();
        for (JsonNode fo : order.path("fulfillmentOrders").path("nodes")) {
            String id = Json.text(fo, "id");
            if (id == null || !OPEN_STATES.contains(String.valueOf(Json.text(fo, "status")))) {
                continue;
            }
            String location = Json.text(fo.path("assignedLocation").path("location"), "id");
            for (JsonNode li : fo.path("lineItems").path("nodes")) {
                int left = li.path("remainingQuantity").asInt(0);
                if (left > 0 && Json.text(li, "id") != null) {
                    // what ships is the fulfillment order line item; the order line item (lineItem.id) is what the
                    // order was captured with (SPI 1.6): one line item may be spread over several fulfillment orders
                    items.add(new OpenItem(id, location == null ? "" : location,
                            new PartialShipment.OpenLine(Json.text(li, "id"), Json.text(li, "sku"), left,
                                    Json.text(li.path("lineItem"), "id"))));
                }
            }
        }
        return Optional.of(items);
    }

    /** {@code data.fulfillmentCreate}; empty when absent. */
    static Optional<JsonNode> fulfillmentCreate(JsonNode root) {
        JsonNode payload = root.path("data").path("fulfillmentCreate");
        return payload.isObject() ? Optional.of(payload) : Optional.empty();
    }

    /** {@code extensions.cost}, when Shopify sent it. */
    static Optional<Cost> cost(JsonNode root) {
        JsonNode cost = root.path("extensions").path("cost");
        if (!cost.isObject()) {
            return Optional.empty();
        }
        JsonNode status = cost.path("throttleStatus");
        return Optional.of(new Cost(number(cost, "requestedQueryCost"), number(status, "maximumAvailable"),
                number(status, "currentlyAvailable"), number(status, "restoreRate")));
    }

    /** Whether two tracking numbers are the same (case and spaces ignored). */
    static boolean sameTracking(String a, String b) {
        return a != null && b != null && normalise(a).equals(normalise(b));
    }

    private static String normalise(String tracking) {
        return tracking.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    private static Double number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isNumber() ? v.asDouble() : null;
    }

    static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
