package io.waybill.carrier.shippo.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.waybill.plugin.kit.carrier.RequestChecks;
import io.waybill.plugin.kit.json.Json;
import io.waybill.spi.carrier.CustomsDeclaration;
import io.waybill.spi.carrier.ShipmentRequest;
import io.waybill.spi.common.Address;
import io.waybill.spi.common.Message;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * Waybill domain → Shippo request bodies and paths. Pure functions of the request and the account settings; no I/O.
 * Address text is copied unchanged (any script); JSON is written as UTF-8.
 */
final class ShippoRequestMapper {

    /** Shippo's limit for the free-text {@code metadata} field of a transaction. */
    static final int METADATA_MAX = 100;
    /** Shippo's list filters take UTC date-times without an offset. */
    private static final DateTimeFormatter CREATED_FILTER =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    /** What of the account settings the mapper needs. */
    record Settings(String carrierAccount, String defaultServiceLevel, String labelFileType, boolean async,
                    double lengthCm, double widthCm, double heightCm) {
    }

    private final Settings settings;
    private final RequestChecks checks;

    ShippoRequestMapper(Settings settings) {
        this.settings = settings;
        this.checks = checks();
    }

    /** The {@code bad_request} refusal of the request ({@link RequestChecks#refusal}); null when it can be sent. */
    Message refusal(ShipmentRequest request) {
        return checks.refusal(request);
    }

    private RequestChecks checks() {
        return RequestChecks.of("Shippo")
                .sender("no sender address")
                .recipient()
                .weight(grams -> "weight must be positive, was " + grams + " g")
                .service(this::serviceLevel,
                        "no service level: the shipping method gives none and 'Default service level' is empty")
                .build();
    }

    /** The service level token: the request's service code, else the account default. */
    String serviceLevel(ShipmentRequest request) {
        return RequestChecks.service(request, settings.defaultServiceLevel());
    }

    /**
     * {@code POST /transactions} body for an instalabel purchase: the shipment inline, the carrier account, the
     * service level token, the label file type, {@code async}, and the idempotency key in {@code metadata}.
     */
    ObjectNode transaction(ShipmentRequest request) {
        ObjectNode shipment = Json.object();
        shipment.set("address_from", address(request.sender()));
        shipment.set("address_to", address(request.recipient()));
        ObjectNode parcel = Json.object();
        parcel.put("length", decimal(settings.lengthCm()));
        parcel.put("width", decimal(settings.widthCm()));
        parcel.put("height", decimal(settings.heightCm()));
        parcel.put("distance_unit", "cm");
        parcel.put("weight", String.valueOf(request.weightGrams()));
        parcel.put("mass_unit", "g");
        shipment.putArray("parcels").add(parcel);
        ObjectNode customs = customsDeclaration(request);
        if (customs != null) {
            shipment.set("customs_declaration", customs);
        }

        ObjectNode body = Json.object();
        body.set("shipment", shipment);
        body.put("carrier_account", settings.carrierAccount());
        body.put("servicelevel_token", serviceLevel(request));
        body.put("label_file_type", settings.labelFileType());
        body.put("async", settings.async());
        String metadata = metadata(request.idempotencyKey());
        if (metadata != null) {
            body.put("metadata", metadata);
        }
        return body;
    }

    /**
     * The shipment's inline {@code customs_declaration} (Shippo "Customs Declarations" / "Customs Items"): sent when
     * the request carries a declaration (SPI carrier 1.2) and the parcel crosses a border. Per item: description
     * (English), quantity, {@code net_weight} in grams for the whole line, {@code value_amount} for the whole line
     * with its {@code value_currency}, {@code origin_country}, {@code tariff_number} (the HS code) and
     * {@code sku_code}; a field Waybill does not know is left out. Declaration: {@code contents_type} from the
     * category ({@code RETURNED_GOODS} is Shippo's {@code RETURN_MERCHANDISE}), {@code non_delivery_option RETURN},
     * {@code certify} by the sender's name, and {@code exporter_identification}: the EORI number and a tax id (the
     * IOSS number, then marked {@code is_vat_collected}, else the VAT number). Shippo has no field for a VOEC number
     * nor for the Chinese description.
     */
    static ObjectNode customsDeclaration(ShipmentRequest request) {
        CustomsDeclaration d = request.customs();
        if (d == null || request.items() == null || request.items().isEmpty() || !international(request)) {
            return null;
        }
        ObjectNode c = Json.object();
        c.put("contents_type", d.category() == CustomsDeclaration.Category.RETURNED_GOODS ? "RETURN_MERCHANDISE"
                : d.category().name());
        c.put("non_delivery_option", "RETURN");
        c.put("certify", true);
        Address sender = request.sender();
        c.put("certify_signer", sender == null ? "" : sender.name() != null && !sender.name().isBlank()
                ? sender.name() : nz(sender.company()));
        ArrayNode items = c.putArray("items");
        for (ShipmentRequest.Item i : request.items()) {
            if (i == null) {
                continue;
            }
            ObjectNode item = items.addObject();
            item.put("description", i.description() != null && !i.description().isBlank() ? i.description()
                    : nz(i.sku()));
            item.put("quantity", i.quantity());
            item.put("net_weight", String.valueOf(Math.max(0, i.declaredNetWeightGrams()) * (long) i.quantity()));
            item.put("mass_unit", "g");
            if (i.unitValue() != null) {
                item.put("value_amount", i.lineValue().stripTrailingZeros().toPlainString());
            }
            putIfPresent(item, "value_currency", i.currency());
            putIfPresent(item, "origin_country", i.originCountry());
            putIfPresent(item, "tariff_number", i.hsCode());
            putIfPresent(item, "sku_code", i.sku());
        }
        CustomsDeclaration.TaxIds ids = d.taxIds();
        if (!ids.eori().isEmpty() || !ids.ioss().isEmpty() || !ids.vat().isEmpty()) {
            ObjectNode exporter = c.putObject("exporter_identification");
            putIfPresent(exporter, "eori_number", ids.eori());
            if (!ids.ioss().isEmpty()) {
                exporter.putObject("tax_id").put("number", ids.ioss()).put("type", "IOSS");
            } else if (!ids.vat().isEmpty()) {
                exporter.putObject("tax_id").put("number", ids.vat()).put("type", "VAT");
            }
        }
        if (!ids.ioss().isEmpty()) {
            c.put("is_vat_collected", true);
        }
        return c;
    }

    /** Whether sender and recipient are in different countries (a declaration is for a border). */
    static boolean international(ShipmentRequest request) {
        String from = request.sender() == null ? null : request.sender().countryCode();
        String to = request.recipient() == null ? null : request.recipient().countryCode();
        return from == null || to == null || !from.strip().equalsIgnoreCase(to.strip());
    }

    /** {@code POST /refunds} body. */
    ObjectNode refund(String transactionId) {
        ObjectNode body = Json.object();
        body.put("transaction", transactionId);
        body.put("async", false);
        return body;
    }

    /** {@code GET /transactions/{id}} path. */
    static String transactionPath(String transactionId) {
        return "/transactions/" + URLEncoder.encode(transactionId, StandardCharsets.UTF_8);
    }

    /** {@code GET /transactions} page of the labels created since {@code since}, newest filter Shippo offers. */
    static String recentTransactionsPath(Instant since, int page, int pageSize) {
        return "/transactions?object_created_gte=" + CREATED_FILTER.format(since)
                + "&results=" + pageSize + "&page=" + page;
    }

    /**
     * The {@code metadata} value that marks a label as Waybill's for this idempotency key: the key itself when it
     * fits Shippo's 100 characters, else {@code wb-sha256:} and its SHA-256 in hex (74 characters).
     */
    static String metadata(String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return null;
        }
        if (idempotencyKey.length() <= METADATA_MAX) {
            return idempotencyKey;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return "wb-sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    private static ObjectNode address(Address a) {
        ObjectNode n = Json.object();
        n.put("name", nz(a.name()));
        putIfPresent(n, "company", a.company());
        n.put("street1", nz(a.line1()));
        putIfPresent(n, "street2", a.line2());
        n.put("city", nz(a.city()));
        putIfPresent(n, "state", a.state());
        putIfPresent(n, "zip", a.postalCode());
        n.put("country", nz(a.countryCode()));
        putIfPresent(n, "phone", a.phone());
        putIfPresent(n, "email", a.email());
        return n;
    }

    private static void putIfPresent(ObjectNode n, String field, String value) {
        if (value != null && !value.isBlank()) {
            n.put(field, value);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String decimal(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
