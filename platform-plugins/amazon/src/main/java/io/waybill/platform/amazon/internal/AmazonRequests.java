package io.waybill.platform.amazon.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.waybill.plugin.kit.json.Json;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The SP-API requests this plugin sends: paths, query strings and JSON bodies. */
final class AmazonRequests {

    static final String ORDERS = "/orders/v0/orders";
    /** searchOrders of the Orders API v2026-01-01. */
    static final String SEARCH_ORDERS = "/orders/2026-01-01/orders";
    /** The {@code ordersApi} setting: list orders with the Orders API v2026-01-01 (searchOrders). */
    static final String V2026 = "2026-01-01";
    /** The {@code ordersApi} setting: list orders with the Orders API v0 (getOrders, getOrderItems, RDT). */
    static final String V0 = "v0";
    static final String PARTICIPATIONS = "/sellers/v1/marketplaceParticipations";
    /** carrierCode for a carrier that is not in Amazon's list; carrierName then names it. */
    static final String OTHER = "Other";

    private AmazonRequests() {
    }

    /**
     * getOrders of one window: seller-fulfilled orders (FulfillmentChannels=MFN) of the marketplace updated in
     * [from, to]; with {@code nextToken} the next page of the same query (Amazon: NextToken does not change the
     * filters, so they are sent again).
     */
    static String orders(String marketplaceId, Instant from, Instant to, int pageSize, String nextToken) {
        StringBuilder q = new StringBuilder(ORDERS).append("?MarketplaceIds=").append(enc(marketplaceId))
                .append("&FulfillmentChannels=MFN")
                .append("&LastUpdatedAfter=").append(enc(iso(from)))
                .append("&LastUpdatedBefore=").append(enc(iso(to)))
                .append("&MaxResultsPerPage=").append(pageSize);
        if (nextToken != null) {
            q.append("&NextToken=").append(enc(nextToken));
        }
        return q.toString();
    }

    /**
     * searchOrders (Orders API v2026-01-01) of one window: orders of the marketplace fulfilled by the seller
     * ({@code fulfilledBy=MERCHANT}) updated in [from, to], with the datasets the capture reads: {@code FULFILLMENT}
     * (status, ship-by window, the items' IOSS number), {@code PROCEEDS} (grand total, shipping) and, when buyer
     * data is wanted, {@code RECIPIENT} (the delivery address) and {@code BUYER} (e-mail). Order items are always
     * included. With {@code paginationToken} the next page; the filters are sent again. Arrays are comma-separated
     * (the model's query arrays have no {@code collectionFormat}: Swagger 2.0's default {@code csv}).
     */
    static String searchOrders(String marketplaceId, Instant from, Instant to, int pageSize, String paginationToken,
                               boolean buyerData) {
        StringBuilder q = new StringBuilder(SEARCH_ORDERS).append("?marketplaceIds=").append(enc(marketplaceId))
                .append("&fulfilledBy=MERCHANT")
                .append("&lastUpdatedAfter=").append(enc(iso(from)))
                .append("&lastUpdatedBefore=").append(enc(iso(to)))
                .append("&maxResultsPerPage=").append(pageSize)
                .append("&includedData=").append(enc(buyerData ? "RECIPIENT,BUYER,FULFILLMENT,PROCEEDS"
                        : "FULFILLMENT,PROCEEDS"));
        if (paginationToken != null) {
            q.append("&paginationToken=").append(enc(paginationToken));
        }
        return q.toString();
    }

    /** getOrderItems of an order, and its next page. */
    static String orderItems(String orderId, String nextToken) {
        return ORDERS + "/" + enc(orderId) + "/orderItems" + (nextToken == null ? "" : "?NextToken=" + enc(nextToken));
    }

    static String confirmShipment(String orderId) {
        return ORDERS + "/" + enc(orderId) + "/shipmentConfirmation";
    }

    /** createRestrictedDataToken for getOrders with the buyer's address and buyer info. */
    static ObjectNode restrictedDataTokenRequest() {
        ObjectNode body = Json.object();
        ObjectNode resource = body.putArray("restrictedResources").addObject();
        resource.put("method", "GET");
        resource.put("path", ORDERS);
        resource.putArray("dataElements").add("buyerInfo").add("shippingAddress");
        return body;
    }

    /** One item line of a confirmed package. */
    record PackageItem(String orderItemId, int quantity) {
    }

    /**
     * confirmShipment's body: one package. {@code carrier} is the code the core mapped (carrier code mapping table):
     * when it is one of the configured Amazon carrier codes it goes to {@code carrierCode} as it is, else
     * {@code carrierCode} is {@value #OTHER} and {@code carrierName} names the carrier.
     */
    static ObjectNode confirmShipment(String marketplaceId, String packageReferenceId, String carrier,
                                      Set<String> amazonCarrierCodes, String trackingNumber, Instant shipDate,
                                      List<PackageItem> items) {
        ObjectNode body = Json.object();
        body.put("marketplaceId", marketplaceId);
        ObjectNode p = body.putObject("packageDetail");
        p.put("packageReferenceId", packageReferenceId);
        String known = amazonCarrierCodes.stream().filter(c -> c.equalsIgnoreCase(carrier)).findFirst().orElse(null);
        if (known != null) {
            p.put("carrierCode", known);
        } else {
            p.put("carrierCode", OTHER);
            p.put("carrierName", carrier);
        }
        p.put("trackingNumber", trackingNumber);
        p.put("shipDate", iso(shipDate));
        ArrayNode lines = p.putArray("orderItems");
        for (PackageItem i : items) {
            ObjectNode line = lines.addObject();
            line.put("orderItemId", i.orderItemId());
            line.put("quantity", i.quantity());
        }
        return body;
    }

    /**
     * The package's reference id at Amazon, derived from its tracking number (case and white space ignored): a
     * positive number of at most nine digits. Amazon documents that a second confirmShipment with the same
     * packageReferenceId edits that package instead of adding one, so a resend (same tracking number) never creates
     * a second package, while each package of an order (its own tracking number) gets its own id.
     */
    static String packageReferenceId(String trackingNumber) {
        String normalised = trackingNumber.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (h[i] & 0xff);
            }
            return String.valueOf(1 + Math.floorMod(v, 999_999_999L));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** ISO 8601 in UTC with seconds, as SP-API's examples write dates. */
    static String iso(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
