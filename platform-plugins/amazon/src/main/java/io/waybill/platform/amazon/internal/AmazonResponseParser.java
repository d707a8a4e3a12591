package io.waybill.platform.amazon.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.plugin.kit.json.Json;
import io.waybill.spi.common.Address;
import io.waybill.spi.platform.PlatformOrder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads SP-API answers (Orders API v0 and v2026-01-01, Sellers API v1) into this plugin's and the SPI's types. */
final class AmazonResponseParser {

    private AmazonResponseParser() {
    }

    /** An order of getOrders, before its items are known. */
    record Order(String orderId, String status, Instant purchaseDate, Instant lastUpdate, Instant latestShipDate,
                 BigDecimal total, String currency, Address shipTo) {

        /**
         * Pending (payment not authorised) and PendingAvailability (pre-order) orders have no address or prices yet
         * (v0 {@code OrderStatus}; v2026-01-01 {@code fulfillmentStatus} {@code PENDING}, {@code PENDING_AVAILABILITY}).
         */
        boolean pending() {
            return "Pending".equals(status) || "PendingAvailability".equals(status) || "PENDING".equals(status)
                    || "PENDING_AVAILABILITY".equals(status);
        }

        /** v0 {@code Canceled}, v2026-01-01 {@code CANCELLED}. */
        boolean cancelled() {
            return "Canceled".equals(status) || "CANCELLED".equals(status);
        }
    }

    /** An order item of getOrderItems. */
    record Item(String orderItemId, String sku, int quantityOrdered, int quantityShipped, BigDecimal itemPrice,
                String currency, BigDecimal shippingPrice, String iossNumber) {
    }

    record OrdersPage(List<Order> orders, String nextToken) {
    }

    record ItemsPage(List<Item> items, String nextToken) {
    }

    /** An order of searchOrders with its items (v2026-01-01 always includes them). */
    record SearchedOrder(Order order, List<Item> items) {
    }

    record SearchPage(List<SearchedOrder> orders, String nextToken) {
    }

    /**
     * searchOrders (Orders API v2026-01-01): {@code orders[]}, {@code pagination.nextToken}; empty when the shape is
     * not there. Per order: {@code orderId}, {@code createdTime}, {@code lastUpdatedTime},
     * {@code fulfillment.fulfillmentStatus}, {@code fulfillment.shipByWindow.latestDateTime},
     * {@code proceeds.grandTotal}, {@code recipient.deliveryAddress}, {@code buyer.buyerEmail}; per item
     * {@code orderItemId}, {@code quantityOrdered}, {@code product.sellerSku}, {@code product.price.unitPrice} (the
     * price of one unit: kept as the price of the whole quantity, as v0's {@code ItemPrice}),
     * {@code fulfillment.quantityFulfilled}, the {@code SHIPPING} entry of {@code proceeds.breakdowns} and
     * {@code fulfillment.shipping.internationalShipping.iossNumber}.
     */
    static Optional<SearchPage> searchOrders(JsonNode root) {
        JsonNode list = root.path("orders");
        if (!list.isArray()) {
            return Optional.empty();
        }
        List<SearchedOrder> out = new ArrayList<>();
        for (JsonNode o : list) {
            String id = Json.text(o, "orderId");
            Instant created = instant(o, "createdTime");
            if (id == null || created == null || !o.path("orderItems").isArray()) {
                return Optional.empty();
            }
            JsonNode fulfillment = o.path("fulfillment");
            JsonNode total = o.path("proceeds").path("grandTotal");
            Order order = new Order(id, Json.text(fulfillment, "fulfillmentStatus"), created,
                    instant(o, "lastUpdatedTime"), instant(fulfillment.path("shipByWindow"), "latestDateTime"),
                    decimal(Json.text(total, "amount")), Json.text(total, "currencyCode"),
                    v2026Address(o.path("recipient").path("deliveryAddress"), Json.text(o.path("buyer"), "buyerEmail")));
            List<Item> items = new ArrayList<>();
            for (JsonNode i : o.path("orderItems")) {
                String itemId = Json.text(i, "orderItemId");
                if (itemId == null || !i.path("quantityOrdered").canConvertToInt()) {
                    return Optional.empty();
                }
                int quantity = i.path("quantityOrdered").asInt();
                JsonNode unit = i.path("product").path("price").path("unitPrice");
                BigDecimal unitPrice = decimal(Json.text(unit, "amount"));
                BigDecimal shipping = null;
                for (JsonNode b : i.path("proceeds").path("breakdowns")) {
                    if ("SHIPPING".equals(Json.text(b, "type"))) {
                        BigDecimal v = decimal(Json.text(b.path("subtotal"), "amount"));
                        shipping = v == null ? shipping : shipping == null ? v : shipping.add(v);
                    }
                }
                items.add(new Item(itemId, Json.text(i.path("product"), "sellerSku"), quantity,
                        i.path("fulfillment").path("quantityFulfilled").asInt(0),
                        unitPrice == null ? null : unitPrice.multiply(BigDecimal.valueOf(quantity)),
                        Json.text(unit, "currencyCode"), shipping, Json.text(i.path("fulfillment").path("shipping")
                        .path("internationalShipping"), "iossNumber")));
            }
            out.add(new SearchedOrder(order, List.copyOf(items)));
        }
        return Optional.of(new SearchPage(out, Json.text(root.path("pagination"), "nextToken")));
    }

    private static Address v2026Address(JsonNode a, String email) {
        if (a.isMissingNode() || a.isNull()) {
            return email == null ? null : new Address(null, null, null, null, null, null, null, null, null, email);
        }
        String line2 = blankToNull(Json.text(a, "addressLine2"));
        String line3 = blankToNull(Json.text(a, "addressLine3"));
        if (line3 != null) {
            line2 = line2 == null ? line3 : line2 + ", " + line3;
        }
        return new Address(Json.text(a, "name"), blankToNull(Json.text(a, "companyName")),
                Json.text(a, "addressLine1"), line2, Json.text(a, "city"), Json.text(a, "stateOrRegion"),
                Json.text(a, "postalCode"), Json.text(a, "countryCode"), blankToNull(Json.text(a, "phone")), email);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static BigDecimal decimal(String a) {
        if (a == null) {
            return null;
        }
        try {
            return new BigDecimal(a.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** getOrders: {@code payload.Orders[]}, {@code payload.NextToken}; empty when the shape is not there. */
    static Optional<OrdersPage> orders(JsonNode root) {
        JsonNode payload = root.path("payload");
        JsonNode list = payload.path("Orders");
        if (!list.isArray()) {
            return Optional.empty();
        }
        List<Order> orders = new ArrayList<>();
        for (JsonNode o : list) {
            String id = Json.text(o, "AmazonOrderId");
            Instant purchased = instant(o, "PurchaseDate");
            if (id == null || purchased == null) {
                return Optional.empty();
            }
            JsonNode total = o.path("OrderTotal");
            orders.add(new Order(id, Json.text(o, "OrderStatus"), purchased, instant(o, "LastUpdateDate"),
                    instant(o, "LatestShipDate"), amount(total), Json.text(total, "CurrencyCode"),
                    address(o.path("ShippingAddress"), Json.text(o.path("BuyerInfo"), "BuyerEmail"))));
        }
        return Optional.of(new OrdersPage(orders, Json.text(payload, "NextToken")));
    }

    /** getOrderItems: {@code payload.OrderItems[]}, {@code payload.NextToken}. */
    static Optional<ItemsPage> items(JsonNode root) {
        JsonNode payload = root.path("payload");
        JsonNode list = payload.path("OrderItems");
        if (!list.isArray()) {
            return Optional.empty();
        }
        List<Item> items = new ArrayList<>();
        for (JsonNode i : list) {
            String id = Json.text(i, "OrderItemId");
            if (id == null || !i.path("QuantityOrdered").canConvertToInt()) {
                return Optional.empty();
            }
            JsonNode price = i.path("ItemPrice");
            items.add(new Item(id, Json.text(i, "SellerSKU"), i.path("QuantityOrdered").asInt(),
                    i.path("QuantityShipped").asInt(0), amount(price), Json.text(price, "CurrencyCode"),
                    amount(i.path("ShippingPrice")), Json.text(i, "IossNumber")));
        }
        return Optional.of(new ItemsPage(items, Json.text(payload, "NextToken")));
    }

    /**
     * The SPI order: lines from the items (SellerSKU, QuantityOrdered; unit price = ItemPrice / QuantityOrdered,
     * since Amazon's ItemPrice is the price of the whole quantity), value from OrderTotal, the items' ShippingPrice,
     * BuyerInfo.BuyerEmail and LatestShipDate, the marketplace's IOSS number from the first item with a non-blank
     * IossNumber (Amazon collected the EU import VAT as the deemed supplier). Items with nothing ordered (cancelled
     * lines) are left out.
     */
    static PlatformOrder toPlatformOrder(Order o, List<Item> items) {
        List<PlatformOrder.Line> lines = new ArrayList<>();
        BigDecimal shipping = null;
        String currency = o.currency();
        String ioss = null;
        for (Item i : items) {
            if (ioss == null && i.iossNumber() != null && !i.iossNumber().isBlank()) {
                ioss = i.iossNumber().strip();
            }
            if (i.shippingPrice() != null) {
                shipping = shipping == null ? i.shippingPrice() : shipping.add(i.shippingPrice());
            }
            if (i.quantityOrdered() <= 0) {
                continue;
            }
            // OrderItemId: the line's own id (SPI 1.6), what a partial shipment of it is confirmed with
            PlatformOrder.Line line = new PlatformOrder.Line(i.sku() == null ? i.orderItemId() : i.sku(),
                    i.quantityOrdered()).withLineId(i.orderItemId());
            if (i.itemPrice() != null) {
                line = line.withPrice(i.itemPrice().divide(BigDecimal.valueOf(i.quantityOrdered()),
                        Math.max(2, i.itemPrice().scale()), RoundingMode.HALF_UP), i.currency());
                currency = currency == null ? i.currency() : currency;
            }
            lines.add(line);
        }
        PlatformOrder.Value value = new PlatformOrder.Value(o.total(), shipping, currency, null,
                o.shipTo() == null ? null : o.shipTo().email(), o.latestShipDate()).withMarketplaceIoss(ioss);
        return new PlatformOrder(o.orderId(), o.orderId(), o.cancelled(), o.purchaseDate(), o.shipTo(), lines, value);
    }

    /** Sellers API: the names of the marketplaces the seller participates in, for the connection test. */
    static Optional<List<String>> participations(JsonNode root) {
        JsonNode list = root.path("payload");
        if (!list.isArray()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        for (JsonNode p : list) {
            String name = Json.text(p.path("marketplace"), "name");
            String id = Json.text(p.path("marketplace"), "id");
            names.add((name == null ? "?" : name) + (id == null ? "" : " (" + id + ")"));
        }
        return Optional.of(names);
    }

    private static Address address(JsonNode a, String email) {
        if (a.isMissingNode() || a.isNull()) {
            return email == null ? null : new Address(null, null, null, null, null, null, null, null, null, email);
        }
        String line2 = Json.text(a, "AddressLine2");
        String line3 = Json.text(a, "AddressLine3");
        if (line3 != null) {
            line2 = line2 == null ? line3 : line2 + ", " + line3;
        }
        return new Address(Json.text(a, "Name"), Json.text(a, "CompanyName"), Json.text(a, "AddressLine1"), line2,
                Json.text(a, "City"), Json.text(a, "StateOrRegion"), Json.text(a, "PostalCode"),
                Json.text(a, "CountryCode"), Json.text(a, "Phone"), email);
    }

    private static BigDecimal amount(JsonNode money) {
        String a = Json.text(money, "Amount");
        if (a == null) {
            return null;
        }
        try {
            return new BigDecimal(a.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant instant(JsonNode node, String field) {
        String t = Json.text(node, field);
        if (t == null) {
            return null;
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
