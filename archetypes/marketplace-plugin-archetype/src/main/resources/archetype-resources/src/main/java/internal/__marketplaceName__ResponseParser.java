package ${package}.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.plugin.kit.json.Json;
import io.waybill.spi.common.Address;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.MessageCodes;
import io.waybill.spi.common.Result;
import io.waybill.spi.platform.OrderPage;
import io.waybill.spi.platform.PlatformOrder;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** ${marketplaceName}'s answers to Waybill results. A page with one unreadable order is refused whole. */
final class ${marketplaceName}ResponseParser {

    private ${marketplaceName}ResponseParser() {
    }

    /** {@code {"orders": [...], "next_cursor", "has_more"}}. */
    static Result<OrderPage> orders(byte[] body) {
        Optional<JsonNode> json = Json.parse(body);
        JsonNode orders = json.map(n -> n.get("orders")).orElse(null);
        if (orders == null || !orders.isArray()) {
            return bad("${marketplaceName}'s answer to the order list has no order list.");
        }
        List<PlatformOrder> page = new ArrayList<>();
        for (JsonNode o : orders) {
            String id = o.isObject() ? Json.text(o, "id") : null;
            if (id == null || id.isBlank()) {
                return bad("An order in ${marketplaceName}'s answer has no id; the page was not taken.");
            }
            Instant created;
            try {
                created = Instant.parse(String.valueOf(Json.text(o, "created_at")));
            } catch (DateTimeParseException e) {
                return bad("${marketplaceName} order " + id + " has no readable created_at; the page was not taken.");
            }
            List<PlatformOrder.Line> lines = new ArrayList<>();
            for (JsonNode l : o.path("lines")) {
                String sku = Json.text(l, "sku");
                int quantity = l.path("quantity").asInt(0);
                if (sku == null || sku.isBlank() || quantity <= 0) {
                    return bad("${marketplaceName} order " + id + " has a line without SKU or quantity; the page was"
                            + " not taken.");
                }
                lines.add(new PlatformOrder.Line(sku.trim(), quantity));
            }
            String number = Json.text(o, "number");
            page.add(new PlatformOrder(id, number == null || number.isBlank() ? id : number,
                    "cancelled".equals(Json.text(o, "status")), created, address(o.path("ship_to")), lines));
        }
        String next = json.map(n -> Json.text(n, "next_cursor")).orElse(null);
        boolean more = json.get().path("has_more").asBoolean(false);
        if (more && (next == null || next.isBlank())) {
            return bad("${marketplaceName} says more orders are waiting but gave no cursor.");
        }
        return Result.ok(new OrderPage(page, next, more));
    }

    /** A created shipment {@code {"shipment": {"id", "tracking_number"}}}. */
    static Result<Boolean> confirmed(byte[] body) {
        String id = Json.parse(body).map(n -> n.path("shipment")).map(s -> Json.text(s, "id")).orElse(null);
        return id == null || id.isBlank()
                ? bad("${marketplaceName}'s answer to the shipment is not a readable shipment.")
                : Result.ok(Boolean.TRUE);
    }

    /** The tracking number of a 409 {@code {"error": {"code": "ALREADY_SHIPPED", "tracking_number"}}}, if it is one. */
    static Optional<String> alreadyShippedWith(byte[] body) {
        return Json.parse(body).map(n -> n.path("error"))
                .filter(e -> "ALREADY_SHIPPED".equals(Json.text(e, "code")))
                .map(e -> Json.text(e, "tracking_number"));
    }

    private static Address address(JsonNode a) {
        return new Address(Json.text(a, "name"), Json.text(a, "company"), Json.text(a, "street1"),
                Json.text(a, "street2"), Json.text(a, "city"), Json.text(a, "state"), Json.text(a, "postal_code"),
                Json.text(a, "country"), Json.text(a, "phone"), Json.text(a, "email"));
    }

    private static <T> Result<T> bad(String text) {
        return Result.failure(Message.error(MessageCodes.BAD_RESPONSE, text));
    }
}
