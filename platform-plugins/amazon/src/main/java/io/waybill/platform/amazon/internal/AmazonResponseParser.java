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

/** Reads SP-API answers (Orders API v0, Sellers API v1) into this plugin's and the SPI's types. */
final class AmazonResponseParser {

    private AmazonResponseParser() {
    }

    /** An order of getOrders, before its items are known. */
    record Order(String orderId, String status, Instant purchaseDate, Instant lastUpdate, Instant latestShipDate,
                 BigDecimal total, String currency, Address shipTo) {

        /** Pending (payment not authorised) and PendingAvailability (pre-order) orders have no address or prices yet. */
        boolean pending() {
            return "Pending".equals(status) || "PendingAvailability".equals(status);
        }

        boolean cancelled() {
            return "Canceled".equals(status);
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
            PlatformOrder.Line line = new PlatformOrder.Line(i.sku() == null ? i.orderItemId() : i.sku(),
                    i.quantityOrdered());
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
