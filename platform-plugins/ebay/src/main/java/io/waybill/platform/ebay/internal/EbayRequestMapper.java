package io.waybill.platform.ebay.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.waybill.plugin.kit.json.Json;
import io.waybill.spi.platform.ShipmentConfirmation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Domain to eBay Sell Fulfillment API requests: the getOrders URL with its lastmodifieddate filter and offset paging,
 * the order and shipping-fulfillment paths, and the createShippingFulfillment body.
 */
final class EbayRequestMapper {

    static final String ORDER_PATH = "/sell/fulfillment/v1/order";
    /** eBay's timestamp format: UTC with milliseconds, e.g. 2015-08-04T19:09:02.768Z. */
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final int pageSize;

    EbayRequestMapper(int pageSize) {
        this.pageSize = pageSize;
    }

    int pageSize() {
        return pageSize;
    }

    /** The filter of a window: {@code lastmodifieddate:[from..to]}. */
    static String filter(EbayCursor window) {
        return "lastmodifieddate:[" + TIMESTAMP.format(window.from()) + ".." + TIMESTAMP.format(window.to()) + "]";
    }

    /** getOrders: one page of the (opened) window. */
    String orders(EbayCursor window) {
        return ORDER_PATH + "?filter=" + URLEncoder.encode(filter(window), StandardCharsets.UTF_8)
                + "&limit=" + pageSize + "&offset=" + window.offset();
    }

    /** getOrders with limit 1 and no filter: the cheapest read that needs the user token, for Test connection. */
    static String probe() {
        return ORDER_PATH + "?limit=1";
    }

    /** getOrder. */
    static String order(String orderId) {
        return ORDER_PATH + "/" + segment(orderId);
    }

    /** getShippingFulfillments and createShippingFulfillment. */
    static String shippingFulfillments(String orderId) {
        return order(orderId) + "/shipping_fulfillment";
    }

    /** The createShippingFulfillment body: these line items, shipped at, carrier code and tracking number. */
    static ObjectNode shippingFulfillment(List<EbayResponseParser.LineToShip> lines, ShipmentConfirmation shipment,
                                          Instant shippedAt) {
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("lineItems");
        lines.forEach(l -> items.addObject().put("lineItemId", l.lineItemId()).put("quantity", l.quantity()));
        body.put("shippedDate", TIMESTAMP.format(shippedAt));
        if (shipment.carrierCode() != null && !shipment.carrierCode().isBlank()) {
            body.put("shippingCarrierCode", shipment.carrierCode().trim());
        }
        body.put("trackingNumber", shipment.trackingNumber().trim());
        return body;
    }

    /** An order id as one path segment (legacy ids carry '!'; spaces and slashes must not split the path). */
    static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20").replace("%21", "!")
                .replace("%2D", "-");
    }
}
