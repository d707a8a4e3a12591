package io.waybill.carrier.easypost.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.plugin.kit.json.Json;
import io.waybill.spi.carrier.LabelDocument;
import io.waybill.spi.carrier.ShipmentResponse;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.Result;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * EasyPost answers (2xx Shipment bodies) → Waybill results: the rate to buy, the shipment state (TRACKED once it has
 * a {@code tracking_code} and {@code postage_label}), the label URL, the refund outcome, label bytes.
 */
final class EasyPostResponseParser {

    private EasyPostResponseParser() {
    }

    /** One rate of a shipment. */
    record Rate(String id, String carrier, String service, BigDecimal amount) {
    }

    /** The rate to buy, and whether it is the one asked for. */
    record Choice(Rate rate, boolean matched) {
    }

    /**
     * Chooses the rate to buy: the one whose carrier and service match {@code wanted} ({@code CARRIER:Service},
     * case-insensitive, or just {@code Service}); when none matches or nothing is wanted, the cheapest.
     */
    static Optional<Choice> chooseRate(JsonNode shipment, String wanted) {
        List<Rate> rates = StreamSupport.stream(shipment.path("rates").spliterator(), false)
                .map(EasyPostResponseParser::rate)
                .flatMap(Optional::stream)
                .toList();
        if (rates.isEmpty()) {
            return Optional.empty();
        }
        if (wanted != null && !wanted.isBlank()) {
            String w = wanted.trim();
            int colon = w.indexOf(':');
            String carrier = colon < 0 ? null : w.substring(0, colon).trim();
            String service = colon < 0 ? w : w.substring(colon + 1).trim();
            Optional<Rate> match = rates.stream()
                    .filter(r -> r.service().equalsIgnoreCase(service)
                            && (carrier == null || r.carrier().equalsIgnoreCase(carrier)))
                    .min(Comparator.comparing(Rate::amount));
            if (match.isPresent()) {
                return Optional.of(new Choice(match.get(), true));
            }
        }
        return rates.stream().min(Comparator.comparing(Rate::amount))
                .map(r -> new Choice(r, wanted == null || wanted.isBlank()));
    }

    private static Optional<Rate> rate(JsonNode r) {
        String id = Json.text(r, "id");
        String amount = Json.text(r, "rate");
        if (id == null || amount == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Rate(id, String.valueOf(Json.text(r, "carrier")),
                    String.valueOf(Json.text(r, "service")), new BigDecimal(amount.trim())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether the shipment already has a bought label. */
    static boolean hasLabel(JsonNode shipment) {
        return shipment.path("postage_label").isObject() && Json.text(shipment, "tracking_code") != null;
    }

    /** A shipment as a Waybill result: TRACKED with {@code tracking_code} once bought, else PENDING. */
    static Result<ShipmentResponse> shipment(JsonNode shipment) {
        String id = Json.text(shipment, "id");
        if (id == null) {
            return Result.failure(Message.error(EasyPostCodes.BAD_RESPONSE,
                    "EasyPost answered without a shipment id."));
        }
        String tracking = Json.text(shipment, "tracking_code");
        ShipmentResponse response = hasLabel(shipment)
                ? new ShipmentResponse(ShipmentResponse.State.TRACKED, id, tracking)
                : new ShipmentResponse(ShipmentResponse.State.PENDING, id, null);
        String refund = Json.text(shipment, "refund_status");
        if (refund != null && EasyPostCodes.refund(refund) == EasyPostCodes.RefundOutcome.ACCEPTED) {
            return Result.ok(response, List.of(Message.warning(EasyPostCodes.LABEL_REFUNDED, "EasyPost shipment "
                    + id + " has refund status '" + refund + "': its label must not be used.")));
        }
        return Result.ok(response);
    }

    /** The label URL of the wanted format: {@code label_pdf_url} / {@code label_zpl_url}, else a matching label_url. */
    static Optional<URI> labelUrl(JsonNode shipment, EasyPostCodes.LabelFormat format) {
        JsonNode label = shipment.path("postage_label");
        if (!label.isObject()) {
            return Optional.empty();
        }
        String url = Json.text(label, format.urlField);
        if (url == null) {
            String type = String.valueOf(Json.text(label, "label_file_type")).toLowerCase(Locale.ROOT);
            if (type.contains(format.name().toLowerCase(Locale.ROOT))) {
                url = Json.text(label, "label_url");
            }
        }
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(url.trim());
            return uri.isAbsolute() ? Optional.of(uri) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The shipment answered by {@code POST .../refund}: submitted or refunded → accepted. */
    static Result<Boolean> refund(JsonNode shipment, String shipmentId) {
        String status = Json.text(shipment, "refund_status");
        if (EasyPostCodes.refund(status) == EasyPostCodes.RefundOutcome.ACCEPTED) {
            return Result.ok(Boolean.TRUE);
        }
        return Result.failure(Message.error(EasyPostCodes.REFUND_FAILED, "EasyPost did not accept the refund of "
                + "shipment " + shipmentId + " (refund_status " + (status == null ? "missing" : "'" + status + "'")
                + ")."));
    }

    /** Label bytes → document, recognising PDF and ZPL by content. */
    static Result<LabelDocument> label(byte[] content, String contentType) {
        if (content.length == 0) {
            return Result.failure(Message.error(EasyPostCodes.BAD_RESPONSE, "The label download was empty."));
        }
        String head = new String(content, 0, Math.min(content.length, 64), StandardCharsets.ISO_8859_1);
        if (head.startsWith("%PDF")) {
            return Result.ok(new LabelDocument(LabelDocument.Format.PDF, content));
        }
        String trimmed = head.strip();
        if (trimmed.startsWith("^XA") || trimmed.startsWith("${") || trimmed.startsWith("~")) {
            return Result.ok(new LabelDocument(LabelDocument.Format.ZPL, content));
        }
        return Result.failure(Message.error(EasyPostCodes.UNSUPPORTED_LABEL_FORMAT, "The label is neither PDF nor ZPL"
                + (contentType.isBlank() ? "" : " (" + contentType + ")") + "."));
    }
}
