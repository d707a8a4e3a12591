package io.waybill.carrier.yunexpress.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.plugin.kit.json.Json;
import io.waybill.spi.carrier.LabelDocument;
import io.waybill.spi.carrier.ShipmentResponse;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.Result;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads YunExpress's answers. Every answer is an envelope {@code {"Code", "Message", "Item" | "Items"}}; {@code Code}
 * {@code "0000"} is success (SOURCES.md). The shipment id Waybill keeps is the CustomerOrderNumber (the idempotency
 * key): GetTrackingNumber, Label/Print, Delete and Intercept all take it.
 */
final class YunExpressResponseParser {

    private YunExpressResponseParser() {
    }

    static boolean ok(JsonNode envelope) {
        return YunExpressCodes.OK.equals(Json.text(envelope, "Code"));
    }

    /** CreateOrder's {@code Item[]}, by CustomerOrderNumber. */
    static Map<String, JsonNode> createdItems(JsonNode envelope) {
        Map<String, JsonNode> byKey = new HashMap<>();
        JsonNode items = envelope.path("Item");
        if (items.isArray()) {
            for (JsonNode item : items) {
                String key = Json.text(item, "CustomerOrderNumber");
                if (key != null) {
                    byKey.put(key, item);
                }
            }
        }
        return byKey;
    }

    /** Whether a CreateOrder item succeeded ({@code Success} 1). */
    static boolean created(JsonNode item) {
        return item.path("Success").asInt(0) == 1;
    }

    /** A created order (CreateOrder item, or GetOrder's Item): TRACKED with its tracking number, else PENDING. */
    static ShipmentResponse shipment(String key, JsonNode item) {
        String tracking = Json.text(item, "TrackingNumber");
        return tracking == null ? new ShipmentResponse(ShipmentResponse.State.PENDING, key, null)
                : new ShipmentResponse(ShipmentResponse.State.TRACKED, key, tracking);
    }

    /** GetOrder's {@code Item} when the envelope is a success and names a waybill. */
    static Optional<JsonNode> existingOrder(JsonNode envelope) {
        JsonNode item = envelope.path("Item");
        return ok(envelope) && item.isObject() && Json.text(item, "WayBillNumber") != null ? Optional.of(item)
                : Optional.empty();
    }

    /**
     * GetTrackingNumber's {@code Items[]} entry of this order: status 1 (number issued) → TRACKED; 3 (no tracking
     * number is issued for this service) → TRACKED with the YunExpress waybill number, which is what is tracked
     * then; 2 (being issued) or no entry yet → PENDING; 4 (failed) → {@value YunExpressCodes#TRACKING_FAILED}.
     */
    static Result<ShipmentResponse> tracking(JsonNode envelope, String key) {
        JsonNode entry = null;
        for (JsonNode item : envelope.path("Items")) {
            if (key.equals(Json.text(item, "CustomerOrderNumber")) || entry == null) {
                entry = item;
            }
        }
        if (entry == null) {
            return Result.ok(new ShipmentResponse(ShipmentResponse.State.PENDING, key, null));
        }
        int status = entry.path("Status").asInt(0);
        String tracking = Json.text(entry, "TrackingNumber");
        String waybill = Json.text(entry, "WayBillNumber");
        if (status == 1 && tracking != null) {
            return Result.ok(new ShipmentResponse(ShipmentResponse.State.TRACKED, key, tracking));
        }
        if (status == 3 && (tracking != null || waybill != null)) {
            return Result.ok(new ShipmentResponse(ShipmentResponse.State.TRACKED, key,
                    tracking != null ? tracking : waybill));
        }
        if (status == 4) {
            String remark = Json.text(entry, "Remark");
            return Result.failure(Message.error(YunExpressCodes.TRACKING_FAILED, "YunExpress could not issue a "
                    + "tracking number for order " + key + (remark == null ? "." : ": "
                    + YunExpressErrors.clip(remark))));
        }
        return Result.ok(new ShipmentResponse(ShipmentResponse.State.PENDING, key, null));
    }

    /** Label/Print's first {@code Item}: the label URL, or why there is none. */
    record LabelLink(URI url, String refusal) {
    }

    static LabelLink labelLink(JsonNode envelope, String key) {
        JsonNode item = envelope.path("Item").path(0);
        for (JsonNode info : item.path("OrderInfos")) {
            if (info.path("Code").asInt(100) != 100) {
                String error = Json.text(info, "Error");
                return new LabelLink(null, "YunExpress cannot print order " + key + " (code "
                        + info.path("Code").asInt() + (error == null ? ")" : "): " + YunExpressErrors.clip(error)));
            }
        }
        String url = Json.text(item, "Url");
        if (url == null) {
            return new LabelLink(null, null);
        }
        try {
            return new LabelLink(URI.create(url.trim()), null);
        } catch (IllegalArgumentException e) {
            return new LabelLink(null, "YunExpress gave an unreadable label link for order " + key + ".");
        }
    }

    /** A downloaded label: a PDF (recognised by its content), else a bad-response failure. */
    static Result<LabelDocument> label(byte[] body, String key) {
        if (body.length > 4 && new String(body, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            return Result.ok(new LabelDocument(LabelDocument.Format.PDF, body));
        }
        return Result.failure(Message.error(YunExpressCodes.BAD_RESPONSE, "The label of YunExpress order " + key
                + " is not a PDF."));
    }

    /** Delete's or Intercept's {@code Item.Status} is "Success". */
    static boolean succeeded(JsonNode envelope) {
        return ok(envelope) && "success".equalsIgnoreCase(Json.text(envelope.path("Item"), "Status"));
    }

    /** The {@code Item.Remark}, else the envelope's {@code Message}, else empty text. */
    static String remark(JsonNode envelope) {
        String remark = Json.text(envelope.path("Item"), "Remark");
        if (remark == null) {
            remark = Json.text(envelope, "Message");
        }
        return remark == null ? "" : YunExpressErrors.clip(remark);
    }

    /**
     * GetPriceTrial's {@code Items[]} as quotes: {@code Code}, {@code EName} (else {@code CName}), {@code TotalFee},
     * {@code Currency}, {@code DeliveryDays} (field names of the Go client's {@code Quotation}, SOURCES.md). An item
     * without a code or a total is left out; empty when there is no {@code Items} array.
     */
    static java.util.List<io.waybill.spi.carrier.CarrierQuote> quotes(JsonNode envelope) {
        java.util.List<io.waybill.spi.carrier.CarrierQuote> out = new java.util.ArrayList<>();
        JsonNode items = envelope.path("Items");
        if (!items.isArray()) {
            return out;
        }
        for (JsonNode i : items) {
            String code = Json.text(i, "Code");
            JsonNode total = i.path("TotalFee");
            if (code == null || code.isBlank() || !(total.isNumber() || total.isTextual())) {
                continue;
            }
            java.math.BigDecimal amount;
            try {
                amount = new java.math.BigDecimal(total.asText().trim());
            } catch (NumberFormatException e) {
                continue;
            }
            String name = Json.text(i, "EName");
            out.add(new io.waybill.spi.carrier.CarrierQuote(code.trim(), name == null || name.isBlank()
                    ? Json.text(i, "CName") : name, amount, Json.text(i, "Currency"), Json.text(i, "DeliveryDays")));
        }
        return out;
    }

    /** A shipping method of GetShippingMethods: its code and the name to show. */
    record Method(String code, String name) {
    }

    /**
     * GetShippingMethods' {@code Items[]}: {@code Code} with {@code EName}, else {@code DisplayName}, else
     * {@code CName}, else the code (field names of the Go client's {@code YunShipping}, SOURCES.md). An item
     * without a code is left out, as is a repeated code; empty when there is no {@code Items} array.
     */
    static java.util.List<Method> shippingMethods(JsonNode envelope) {
        java.util.Map<String, Method> out = new java.util.LinkedHashMap<>();
        JsonNode items = envelope.path("Items");
        if (!items.isArray()) {
            return java.util.List.of();
        }
        for (JsonNode i : items) {
            String code = Json.text(i, "Code");
            if (code == null || code.isBlank()) {
                continue;
            }
            String name = null;
            for (String field : java.util.List.of("EName", "DisplayName", "CName")) {
                String n = Json.text(i, field);
                if (n != null && !n.isBlank()) {
                    name = n.strip();
                    break;
                }
            }
            out.putIfAbsent(code.strip(), new Method(code.strip(), name == null ? code.strip() : name));
        }
        return java.util.List.copyOf(out.values());
    }
}
