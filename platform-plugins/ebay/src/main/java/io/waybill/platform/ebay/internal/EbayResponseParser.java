package io.waybill.platform.ebay.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.plugin.kit.json.Json;
import io.waybill.spi.common.Address;
import io.waybill.spi.platform.PlatformOrder;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * eBay Sell Fulfillment answers to domain values: orders (ship-to of the first fulfillment start instruction, SKU
 * lines, cancellation), the line items still to ship, the tracking numbers of existing fulfillments and the id of a
 * created one. Text is kept exactly as eBay sends it (any script, no normalisation).
 */
final class EbayResponseParser {

    private EbayResponseParser() {
    }

    /** One getOrders page. */
    record Page(List<PlatformOrder> orders, int total, boolean hasNext) {
    }

    /** A line item of an order that is not yet fulfilled. */
    record LineToShip(String lineItemId, int quantity) {
    }

    /** A getOrders answer ({@code OrderSearchPagedCollection}); empty when it is not one. */
    static Optional<Page> orders(JsonNode root) {
        if (!root.isObject() || !(root.has("orders") || root.has("total"))) {
            return Optional.empty();
        }
        List<PlatformOrder> orders = new ArrayList<>();
        for (JsonNode o : root.path("orders")) {
            orders.add(order(o));
        }
        return Optional.of(new Page(orders, root.path("total").asInt(orders.size()),
                Json.text(root, "next") != null));
    }

    /** One {@code Order}. orderId is both the platform id and the number (it is what buyer and seller see). */
    static PlatformOrder order(JsonNode o) {
        String id = Json.text(o, "orderId");
        boolean cancelled = "CANCELED".equals(Json.text(o.path("cancelStatus"), "cancelState"));
        List<PlatformOrder.Line> lines = new ArrayList<>();
        for (JsonNode item : o.path("lineItems")) {
            lines.add(new PlatformOrder.Line(Json.text(item, "sku"), item.path("quantity").asInt()));
        }
        return new PlatformOrder(id, id, cancelled, instant(Json.text(o, "creationDate")), shipTo(o), lines);
    }

    /** {@code fulfillmentStartInstructions[0].shippingStep.shipTo}; {@code null} when absent (digital goods). */
    static Address shipTo(JsonNode order) {
        JsonNode shipTo = order.path("fulfillmentStartInstructions").path(0).path("shippingStep").path("shipTo");
        if (!shipTo.isObject()) {
            return null;
        }
        JsonNode a = shipTo.path("contactAddress");
        String country = Json.text(a, "countryCode");
        return new Address(Json.text(shipTo, "fullName"), orEmpty(Json.text(shipTo, "companyName")),
                Json.text(a, "addressLine1"), orEmpty(Json.text(a, "addressLine2")), Json.text(a, "city"),
                orEmpty(Json.text(a, "stateOrProvince")), orEmpty(Json.text(a, "postalCode")),
                country == null ? null : country.toUpperCase(Locale.ROOT),
                orEmpty(Json.text(shipTo.path("primaryPhone"), "phoneNumber")), orEmpty(Json.text(shipTo, "email")));
    }

    /** The order's line items not yet {@code FULFILLED}, with their full quantity. */
    static List<LineToShip> linesToShip(JsonNode order) {
        List<LineToShip> lines = new ArrayList<>();
        for (JsonNode item : order.path("lineItems")) {
            if ("FULFILLED".equals(Json.text(item, "lineItemFulfillmentStatus"))) {
                continue;
            }
            String id = Json.text(item, "lineItemId");
            if (id != null) {
                lines.add(new LineToShip(id, Math.max(1, item.path("quantity").asInt(1))));
            }
        }
        return lines;
    }

    static boolean cancelled(JsonNode order) {
        return "CANCELED".equals(Json.text(order.path("cancelStatus"), "cancelState"));
    }

    /** One shipping fulfillment eBay holds for an order: its id and tracking number. */
    record Fulfillment(String fulfillmentId, String trackingNumber) {
    }

    /** The fulfillments of a getShippingFulfillments answer ({@code fulfillments[]}) that carry a tracking number. */
    static List<Fulfillment> fulfillments(JsonNode root) {
        List<Fulfillment> result = new ArrayList<>();
        for (JsonNode f : root.path("fulfillments")) {
            String n = Json.text(f, "shipmentTrackingNumber");
            if (n != null) {
                result.add(new Fulfillment(Json.text(f, "fulfillmentId"), n));
            }
        }
        return result;
    }

    /** The tracking numbers of a getShippingFulfillments answer ({@code fulfillments[].shipmentTrackingNumber}). */
    static List<String> trackingNumbers(JsonNode root) {
        List<String> numbers = new ArrayList<>();
        for (JsonNode f : root.path("fulfillments")) {
            String n = Json.text(f, "shipmentTrackingNumber");
            if (n != null) {
                numbers.add(n);
            }
        }
        return numbers;
    }

    /** The fulfillment id at the end of a createShippingFulfillment Location header. */
    static Optional<String> fulfillmentId(Optional<String> location) {
        return location.map(String::trim).filter(l -> !l.isEmpty())
                .map(l -> l.endsWith("/") ? l.substring(0, l.length() - 1) : l)
                .map(l -> l.substring(l.lastIndexOf('/') + 1))
                .filter(id -> !id.isEmpty());
    }

    /** Whether two tracking numbers are the same (case and spaces ignored). */
    static boolean sameTracking(String a, String b) {
        return a != null && b != null && normalise(a).equals(normalise(b));
    }

    private static String normalise(String tracking) {
        return tracking.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
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
