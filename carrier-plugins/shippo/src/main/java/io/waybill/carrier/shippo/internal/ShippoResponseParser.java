package io.waybill.carrier.shippo.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.plugin.kit.json.Json;
import io.waybill.spi.carrier.LabelDocument;
import io.waybill.spi.carrier.ShipmentResponse;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.Result;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Shippo answers (2xx bodies) → Waybill results: transactions to {@link ShipmentResponse} via the status table in
 * {@link ShippoCodes}, refunds to accepted / failed, label bytes to a {@link LabelDocument}.
 */
final class ShippoResponseParser {

    private ShippoResponseParser() {
    }

    /** A transaction object (from POST or GET /transactions) as a shipment result. */
    static Result<ShipmentResponse> transaction(JsonNode tx) {
        String id = Json.text(tx, "object_id");
        if (id == null) {
            return Result.failure(Message.error(ShippoCodes.BAD_RESPONSE,
                    "Shippo answered without a transaction object_id."));
        }
        String status = Json.text(tx, "status");
        String tracking = Json.text(tx, "tracking_number");
        return switch (ShippoCodes.transaction(status)) {
            case TRACKED -> tracking == null
                    ? Result.ok(new ShipmentResponse(ShipmentResponse.State.PENDING, id, null))
                    : Result.ok(new ShipmentResponse(ShipmentResponse.State.TRACKED, id, tracking));
            case PENDING -> Result.ok(new ShipmentResponse(ShipmentResponse.State.PENDING, id, null));
            case REFUNDED -> Result.ok(new ShipmentResponse(tracking == null ? ShipmentResponse.State.PENDING
                            : ShipmentResponse.State.TRACKED, id, tracking),
                    List.of(Message.warning(ShippoCodes.LABEL_REFUNDED, "Shippo label " + id + " is " + status
                            + ": it was refunded (or a refund is pending) and must not be used.")));
            case FAILED -> Result.failure(labelFailed(tx, id).toArray(Message[]::new));
        };
    }

    private static List<Message> labelFailed(JsonNode tx, String id) {
        List<String> texts = ShippoErrors.transactionMessages(tx);
        if (texts.isEmpty()) {
            return List.of(Message.error(ShippoCodes.LABEL_FAILED,
                    "Shippo could not buy the label (transaction " + id + ", status ERROR) and gave no reason."));
        }
        List<Message> messages = new ArrayList<>(texts.size());
        for (String text : texts) {
            messages.add(Message.error(ShippoCodes.LABEL_FAILED,
                    "Shippo could not buy the label (transaction " + id + "): " + text));
        }
        return messages;
    }

    /** The transaction's {@code label_url}, when it has a usable one. */
    static Optional<URI> labelUrl(JsonNode tx) {
        String url = Json.text(tx, "label_url");
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

    /** A refund object (POST /refunds) as "accepted". */
    static Result<Boolean> refund(JsonNode refund, String transactionId) {
        String status = Json.text(refund, "status");
        if (ShippoCodes.refundAccepted(status)) {
            return Result.ok(Boolean.TRUE);
        }
        return Result.failure(Message.error(ShippoCodes.REFUND_FAILED, "Shippo did not accept the refund of "
                + "transaction " + transactionId + " (refund status " + (status == null ? "missing" : status) + ")."));
    }

    /**
     * In one page of {@code GET /transactions} ({@code results[]}), the newest usable transaction whose metadata is
     * {@code metadata}. Transactions in status ERROR bought nothing and are skipped.
     */
    static Optional<JsonNode> findByMetadata(JsonNode page, String metadata) {
        JsonNode results = page.path("results");
        if (!results.isArray()) {
            return Optional.empty();
        }
        for (JsonNode tx : results) {
            if (metadata.equals(Json.text(tx, "metadata"))
                    && ShippoCodes.transaction(Json.text(tx, "status")) != ShippoCodes.TransactionOutcome.FAILED) {
                return Optional.of(tx);
            }
        }
        return Optional.empty();
    }

    /** Whether a list page says more pages follow. */
    static boolean hasNext(JsonNode page) {
        return Json.text(page, "next") != null;
    }

    /** Label bytes → document, recognising PDF and ZPL by content (the Content-Type of storage links is unreliable). */
    static Result<LabelDocument> label(byte[] content, String contentType) {
        if (content.length == 0) {
            return Result.failure(Message.error(ShippoCodes.BAD_RESPONSE, "The label download was empty."));
        }
        if (startsWith(content, "%PDF")) {
            return Result.ok(new LabelDocument(LabelDocument.Format.PDF, content));
        }
        String head = new String(content, 0, Math.min(content.length, 64), StandardCharsets.ISO_8859_1).strip();
        if (head.startsWith("^XA") || head.startsWith("${") || head.startsWith("~")) {
            return Result.ok(new LabelDocument(LabelDocument.Format.ZPL, content));
        }
        return Result.failure(Message.error(ShippoCodes.UNSUPPORTED_LABEL_FORMAT, "The label is neither PDF nor ZPL"
                + (contentType.isBlank() ? "" : " (" + contentType + ")")
                + ". Set 'Label file type' of this Shippo account to a PDF or ZPL II type."));
    }

    private static boolean startsWith(byte[] content, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        if (content.length < p.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (content[i] != p[i]) {
                return false;
            }
        }
        return true;
    }
}
