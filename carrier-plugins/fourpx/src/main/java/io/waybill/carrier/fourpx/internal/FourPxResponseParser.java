package io.waybill.carrier.fourpx.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.plugin.kit.json.Json;
import io.waybill.spi.carrier.LabelDocument;
import io.waybill.spi.carrier.ShipmentResponse;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.Result;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads the 4PX envelope {@code {"result": "1" | "0", "msg", "errors", "data"}}. The shipment id Waybill keeps is
 * 4PX's {@code ds_consignment_no} (the request_no of later calls also accepts it), else the ref_no.
 */
final class FourPxResponseParser {

    private FourPxResponseParser() {
    }

    static boolean ok(JsonNode envelope) {
        return FourPxCodes.OK.equals(Json.text(envelope, "result"));
    }

    /** A created consignment (create's data, or order.get's consignment_info): TRACKED once it has a 4PX number. */
    static Result<ShipmentResponse> created(JsonNode data, String key) {
        String id = Json.text(data, "ds_consignment_no");
        String tracking = Json.text(data, "4px_tracking_no");
        String shipmentId = id == null ? key : id;
        return Result.ok(tracking == null ? new ShipmentResponse(ShipmentResponse.State.PENDING, shipmentId, null)
                : new ShipmentResponse(ShipmentResponse.State.TRACKED, shipmentId, tracking));
    }

    /** order.get's {@code consignment_info} whose ref_no or ds_consignment_no is {@code id}. */
    static Optional<JsonNode> consignment(JsonNode envelope, String id) {
        for (JsonNode order : envelope.path("data")) {
            JsonNode c = order.path("consignment_info");
            if (id.equals(Json.text(c, "ref_no")) || id.equals(Json.text(c, "ds_consignment_no"))
                    || id.equals(Json.text(c, "4px_tracking_no"))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Tracking: the 4PX number once issued; status X (closed) without one is a failure; else PENDING. */
    static Result<ShipmentResponse> tracking(JsonNode envelope, String id) {
        Optional<JsonNode> c = consignment(envelope, id);
        if (c.isEmpty()) {
            return Result.failure(Message.error(FourPxCodes.REJECTED, "4PX knows no consignment " + id + "."));
        }
        String tracking = Json.text(c.get(), "4px_tracking_no");
        if (tracking != null) {
            return Result.ok(new ShipmentResponse(ShipmentResponse.State.TRACKED, id, tracking));
        }
        if ("X".equals(Json.text(c.get(), "consignment_status"))) {
            return Result.failure(Message.error(FourPxCodes.CONSIGNMENT_CLOSED, "4PX closed consignment " + id
                    + " without a tracking number."));
        }
        return Result.ok(new ShipmentResponse(ShipmentResponse.State.PENDING, id, null));
    }

    static Result<LabelDocument> label(byte[] body, String id) {
        if (body.length > 4 && new String(body, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            return Result.ok(new LabelDocument(LabelDocument.Format.PDF, body));
        }
        return Result.failure(Message.error(FourPxCodes.BAD_RESPONSE, "The label of 4PX consignment " + id
                + " is not a PDF."));
    }

    /**
     * ds.xms.estimated_cost.get's {@code data} (a list of estimates; a JSON string holding the list is read too) as
     * quotes: {@code logistics_product_code}, {@code lump_sum_fee} ("总费用(CNY)", so the currency is CNY),
     * {@code estimated_time}. An entry without a product code or a readable fee is left out.
     */
    static java.util.List<io.waybill.spi.carrier.CarrierQuote> quotes(JsonNode envelope) {
        JsonNode data = envelope.path("data");
        if (data.isTextual()) {
            data = Json.parse(data.asText().getBytes(StandardCharsets.UTF_8)).orElse(data);
        }
        java.util.List<io.waybill.spi.carrier.CarrierQuote> out = new java.util.ArrayList<>();
        if (!data.isArray()) {
            return out;
        }
        for (JsonNode e : data) {
            String code = Json.text(e, "logistics_product_code");
            String fee = e.path("lump_sum_fee").isMissingNode() || e.path("lump_sum_fee").isNull() ? null
                    : e.path("lump_sum_fee").asText();
            if (code == null || code.isBlank() || fee == null || fee.isBlank()) {
                continue;
            }
            try {
                out.add(new io.waybill.spi.carrier.CarrierQuote(code.trim(), null, new java.math.BigDecimal(fee.trim()),
                        "CNY", Json.text(e, "estimated_time")));
            } catch (NumberFormatException ignored) {
                // an unreadable fee is no price
            }
        }
        return out;
    }
}
