package io.waybill.platform.ebay.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.plugin.kit.json.Json;
import io.waybill.plugin.kit.platform.PartialShipment;
import io.waybill.spi.common.Address;
import io.waybill.spi.platform.PlatformOrder;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
        Instant shipBy = null;
        for (JsonNode item : o.path("lineItems")) {
            int quantity = item.path("quantity").asInt();
            JsonNode cost = item.path("lineItemCost");
            BigDecimal unit = unitPrice(amount(cost), quantity, Json.text(cost, "currency"));
            // lineItemId: the line's own id (SPI 1.6), what a partial shipment of it is confirmed with
            lines.add(new PlatformOrder.Line(Json.text(item, "sku"), quantity, unit,
                    unit == null ? null : Json.text(cost, "currency"), Json.text(item, "lineItemId")));
            Instant lineShipBy = instant(Json.text(item.path("lineItemFulfillmentInstructions"), "shipByDate"));
            if (lineShipBy != null && (shipBy == null || lineShipBy.isBefore(shipBy))) {
                shipBy = lineShipBy;
            }
        }
        JsonNode pricing = o.path("pricingSummary");
        JsonNode total = pricing.path("total");
        JsonNode delivery = pricing.path("deliveryCost");
        String currency = Json.text(total, "currency") != null ? Json.text(total, "currency")
                : Json.text(delivery, "currency");
        JsonNode registration = o.path("buyer").path("buyerRegistrationAddress");
        PlatformOrder.Value value = new PlatformOrder.Value(amount(total), amount(delivery), currency,
                Json.text(registration.path("primaryPhone"), "phoneNumber"), Json.text(registration, "email"),
                shipBy);
        return new PlatformOrder(id, id, cancelled, instant(Json.text(o, "creationDate")), shipTo(o), lines, value);
    }

    /** An {@code Amount.value} (a decimal string such as {@code "22.99"}); null when absent or unreadable. */
    static BigDecimal amount(JsonNode amount) {
        String v = Json.text(amount, "value");
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(v.strip());
        } catch (NumberFormatException e) {
            return null; // the core then sees no price rather than a wrong one
        }
    }

    /**
     * eBay's {@code lineItemCost} is the price of all units of the line ("the single unit price multiplied by the
     * quantity", before discounts), so one unit costs {@code lineItemCost / quantity}, rounded half-even to the
     * currency's decimals when it does not divide exactly.
     */
    static BigDecimal unitPrice(BigDecimal lineCost, int quantity, String currency) {
        if (lineCost == null || quantity <= 0) {
            return null;
        }
        if (quantity == 1) {
            return lineCost;
        }
        int digits = 2;
        try {
            digits = Math.max(0, java.util.Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (RuntimeException e) {
            // unknown or missing currency: the core refuses it; keep cents meanwhile
        }
        return lineCost.divide(BigDecimal.valueOf(quantity), digits, RoundingMode.HALF_EVEN);
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

    /**
     * The order's line items that can still ship, with their SKU and the units no shipping fulfillment of
     * {@code fulfillments} (a getShippingFulfillments answer: {@code fulfillments[].lineItems[].quantity}) carries yet:
     * what a package of a split order (SPI platform 1.4) takes its items from.
     */
    static List<PartialShipment.OpenLine> openLines(JsonNode order, JsonNode fulfillments) {
        java.util.Map<String, Integer> shipped = new java.util.HashMap<>();
        for (JsonNode f : fulfillments.path("fulfillments")) {
            for (JsonNode l : f.path("lineItems")) {
                String id = Json.text(l, "lineItemId");
                if (id != null) {
                    shipped.merge(id, Math.max(0, l.path("quantity").asInt(0)), Integer::sum);
                }
            }
        }
        List<PartialShipment.OpenLine> open = new ArrayList<>();
        for (JsonNode item : order.path("lineItems")) {
            String id = Json.text(item, "lineItemId");
            if (id == null || "FULFILLED".equals(Json.text(item, "lineItemFulfillmentStatus"))) {
                continue;
            }
            int left = item.path("quantity").asInt(1) - shipped.getOrDefault(id, 0);
            if (left > 0) {
                open.add(new PartialShipment.OpenLine(id, Json.text(item, "sku"), left));
            }
        }
        return open;
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
