package ${package}.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.waybill.plugin.kit.json.Json;
import io.waybill.spi.platform.ShipmentConfirmation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Waybill's requests to ${marketplaceName}'s: the order list query and the shipment body. Pure functions, no I/O.
 * (Adapt to the real API: these follow the archetype's example API, see the test resources' SOURCES.md.)
 */
final class ${marketplaceName}RequestMapper {

    static final String ORDERS_PATH = "/v1/orders";
    /** What a cursor may hold: ${marketplaceName}'s cursors are opaque tokens of URL-safe characters. */
    private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9._~=-]{1,500}");

    private ${marketplaceName}RequestMapper() {
    }

    /** {@code GET /v1/orders?limit=N&cursor=C}, or for the first capture {@code &updated_since=ISO}. */
    static String ordersQuery(String cursor, Instant updatedSince, int pageSize) {
        StringBuilder q = new StringBuilder(ORDERS_PATH).append("?limit=").append(pageSize);
        if (cursor != null) {
            q.append("&cursor=").append(encode(cursor));
        } else {
            q.append("&updated_since=").append(encode(updatedSince.toString()));
        }
        return q.toString();
    }

    /** Whether a cursor is one ${marketplaceName} could have handed out (never sent otherwise). */
    static boolean readableCursor(String cursor) {
        return cursor == null || CURSOR.matcher(cursor).matches();
    }

    /** {@code POST /v1/orders/{id}/shipments}. */
    static String shipmentsPath(String platformOrderId) {
        return ORDERS_PATH + "/" + encode(platformOrderId.trim()) + "/shipments";
    }

    /** What is missing for a confirmation ${marketplaceName} would accept; empty when nothing is. */
    static List<String> problems(ShipmentConfirmation c) {
        List<String> problems = new ArrayList<>();
        if (c == null) {
            problems.add("no shipment given");
            return problems;
        }
        if (blank(c.platformOrderId())) {
            problems.add("the order id is empty");
        }
        if (blank(c.carrierCode())) {
            problems.add("the carrier code is empty");
        }
        if (blank(c.trackingNumber())) {
            problems.add("the tracking number is empty");
        }
        return problems;
    }

    /** {@code {"carrier", "tracking_number", "shipped_at"}}. */
    static ObjectNode shipment(ShipmentConfirmation c) {
        ObjectNode body = Json.object();
        body.put("carrier", c.carrierCode().trim());
        body.put("tracking_number", c.trackingNumber().trim());
        if (c.shippedAt() != null) {
            body.put("shipped_at", c.shippedAt().toString());
        }
        return body;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
