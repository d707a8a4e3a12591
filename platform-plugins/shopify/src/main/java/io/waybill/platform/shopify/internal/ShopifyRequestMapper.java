package io.waybill.platform.shopify.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.waybill.plugin.kit.json.Json;
import io.waybill.plugin.kit.platform.PartialShipment;
import io.waybill.spi.platform.ShipmentConfirmation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Domain to Shopify GraphQL documents: the orders page query, the follow-up query for an order's further line
 * items, the query for an order's fulfillment state and the {@code fulfillmentCreate} mutation. Each method returns
 * the JSON request body {@code {"query": ..., "variables": {...}}}.
 */
final class ShopifyRequestMapper {

    /** Line items fetched with each order; more are fetched with {@link #LINE_ITEMS_QUERY}. Keeps the cost low. */
    static final int LINES_PER_ORDER = 10;
    static final int LINES_PER_FOLLOW_UP = 100;

    private static final String LINE_FIELDS = "pageInfo { hasNextPage endCursor } nodes { id sku quantity"
            + " currentQuantity requiresShipping originalUnitPriceSet { shopMoney { amount currencyCode } } }";

    static final String ORDERS_QUERY = "query WaybillOrders($first: Int!, $after: String, $query: String) {"
            + " orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {"
            + " pageInfo { hasNextPage endCursor }"
            + " nodes { id name createdAt updatedAt cancelledAt email phone currencyCode"
            + " totalPriceSet { shopMoney { amount currencyCode } }"
            + " totalShippingPriceSet { shopMoney { amount currencyCode } }"
            + " shippingAddress { name firstName lastName company address1 address2 city province provinceCode zip"
            + " countryCodeV2 phone }"
            + " lineItems(first: " + LINES_PER_ORDER + ") { " + LINE_FIELDS + " } } } }";

    static final String LINE_ITEMS_QUERY = "query WaybillOrderLines($id: ID!, $after: String) {"
            + " order(id: $id) { lineItems(first: " + LINES_PER_FOLLOW_UP + ", after: $after) { " + LINE_FIELDS
            + " } } }";

    static final String FULFILLMENT_STATE_QUERY = "query WaybillFulfillmentState($id: ID!) {"
            + " order(id: $id) { id name cancelledAt"
            + " fulfillments(first: 50) { id status trackingInfo(first: 10) { company number }"
            + " fulfillmentOrders(first: 10) { nodes { id } } }"
            + " fulfillmentOrders(first: 50) { nodes { id status assignedLocation { location { id } } } } } }";

    /**
     * The line items of an order's fulfillment orders, for a package that carries only some of the order's items:
     * 10 fulfillment orders of 50 line items keep the requested cost near 550 (Shopify refuses a query above 1000).
     */
    static final String FULFILLMENT_ORDER_LINES_QUERY = "query WaybillFulfillmentOrderLines($id: ID!) {"
            + " order(id: $id) { fulfillmentOrders(first: 10) { nodes { id status"
            + " assignedLocation { location { id } } lineItems(first: 50) { nodes { id lineItem { id } sku"
            + " remainingQuantity } } } } } }";

    static final String FULFILLMENT_CREATE = "mutation WaybillFulfillmentCreate($fulfillment: FulfillmentInput!) {"
            + " fulfillmentCreate(fulfillment: $fulfillment) {"
            + " fulfillment { id status trackingInfo(first: 10) { company number } }"
            + " userErrors { field message } } }";

    /** The cheapest documented read (cost 1): the shop's name and its myshopify domain, for Test connection. */
    static final String SHOP_QUERY = "query WaybillShop { shop { name myshopifyDomain } }";

    private final int pageSize;
    private final boolean notifyCustomer;

    ShopifyRequestMapper(int pageSize, boolean notifyCustomer) {
        this.pageSize = pageSize;
        this.notifyCustomer = notifyCustomer;
    }

    /** The search query of a capture window: orders updated at or after its start. */
    static String searchQuery(ShopifyCursor cursor) {
        return "updated_at:>='" + cursor.since() + "'";
    }

    /** One page of orders of the cursor's window. */
    ObjectNode orders(ShopifyCursor cursor) {
        ObjectNode variables = Json.object()
                .put("first", pageSize)
                .put("query", searchQuery(cursor));
        if (cursor.after() == null) {
            variables.putNull("after");
        } else {
            variables.put("after", cursor.after());
        }
        return document(ORDERS_QUERY, variables);
    }

    /** The next line items of one order. */
    static ObjectNode lineItems(String orderId, String after) {
        ObjectNode variables = Json.object().put("id", orderId);
        variables.put("after", after);
        return document(LINE_ITEMS_QUERY, variables);
    }

    /** The shop's name: proves the endpoint answers and the token is accepted. */
    static ObjectNode shop() {
        return document(SHOP_QUERY, Json.object());
    }

    /** The order's fulfillments (with tracking numbers) and fulfillment orders. */
    static ObjectNode fulfillmentState(String orderId) {
        return document(FULFILLMENT_STATE_QUERY, Json.object().put("id", orderId));
    }

    /**
     * The line items (ids, the order line item each is of, SKUs, units remaining) of the order's fulfillment orders.
     */
    static ObjectNode fulfillmentOrderLines(String orderId) {
        return document(FULFILLMENT_ORDER_LINES_QUERY, Json.object().put("id", orderId));
    }

    /** Fulfils every remaining line item of these fulfillment orders (one location) with the shipment's tracking. */
    ObjectNode fulfillmentCreate(List<String> fulfillmentOrderIds, ShipmentConfirmation shipment) {
        Map<String, List<PartialShipment.Take>> all = new LinkedHashMap<>();
        fulfillmentOrderIds.forEach(id -> all.put(id, List.of()));
        return fulfillmentCreate(all, shipment);
    }

    /**
     * Fulfils these fulfillment orders (one location) with the shipment's tracking: of each, the fulfillment order
     * line items and units given ({@code fulfillmentOrderLineItems}), or all its remaining items when none are given.
     */
    ObjectNode fulfillmentCreate(Map<String, List<PartialShipment.Take>> byFulfillmentOrder,
                                 ShipmentConfirmation shipment) {
        ObjectNode fulfillment = Json.object();
        ArrayNode byOrder = fulfillment.putArray("lineItemsByFulfillmentOrder");
        byFulfillmentOrder.forEach((id, takes) -> {
            ObjectNode one = byOrder.addObject().put("fulfillmentOrderId", id);
            if (!takes.isEmpty()) {
                // a package of a split order: exactly these line items and units
                ArrayNode items = one.putArray("fulfillmentOrderLineItems");
                takes.forEach(t -> items.addObject().put("id", t.id()).put("quantity", t.units()));
            }
            // no fulfillmentOrderLineItems: Shopify fulfils all remaining items of the fulfillment order
        });
        ObjectNode tracking = fulfillment.putObject("trackingInfo");
        if (shipment.carrierCode() != null && !shipment.carrierCode().isBlank()) {
            tracking.put("company", shipment.carrierCode().trim());
        }
        tracking.put("number", shipment.trackingNumber().trim());
        fulfillment.put("notifyCustomer", notifyCustomer);
        return document(FULFILLMENT_CREATE, Json.object().set("fulfillment", fulfillment));
    }

    private static ObjectNode document(String query, ObjectNode variables) {
        ObjectNode body = Json.object().put("query", query);
        body.set("variables", variables);
        return body;
    }
}
