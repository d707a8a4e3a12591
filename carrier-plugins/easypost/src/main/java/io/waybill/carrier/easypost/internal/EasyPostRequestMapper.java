package io.waybill.carrier.easypost.internal;

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
import java.util.List;

/**
 * Waybill domain → EasyPost request bodies and paths. Pure functions of the request and the account settings; no
 * I/O. EasyPost measures parcels in inches and ounces: centimetres and grams are converted (0.1 precision, weight
 * rounded up). Address text is copied unchanged (any script); JSON is written as UTF-8.
 */
final class EasyPostRequestMapper {

    private static final BigDecimal CM_PER_INCH = new BigDecimal("2.54");
    private static final BigDecimal GRAMS_PER_OUNCE = new BigDecimal("28.349523125");

    /** What of the account settings the mapper needs. */
    record Settings(String defaultService, List<String> carrierAccounts, EasyPostCodes.LabelFormat labelFormat,
                    double lengthCm, double widthCm, double heightCm) {
    }

    private final Settings settings;
    private final RequestChecks checks;

    EasyPostRequestMapper(Settings settings) {
        this.settings = settings;
        this.checks = checks();
    }

    EasyPostCodes.LabelFormat labelFormat() {
        return settings.labelFormat();
    }

    /** The {@code bad_request} refusal of the request ({@link RequestChecks#refusal}); null when it can be sent. */
    Message refusal(ShipmentRequest request) {
        return checks.refusal(request);
    }

    private RequestChecks checks() {
        return RequestChecks.of("EasyPost")
                .sender("no sender address")
                .recipient()
                .weight(grams -> "weight must be positive, was " + grams + " g")
                .build();
    }

    /** The wanted service: the request's service code, else the account default; empty = cheapest. */
    String service(ShipmentRequest request) {
        return RequestChecks.service(request, settings.defaultService());
    }

    /**
     * {@code POST /v2/shipments} body: addresses, parcel, {@code reference} = the idempotency key (EasyPost lets the
     * reference stand in for the id, which is how a repeated request finds the first shipment), the label format,
     * and the carrier accounts to rate with.
     */
    ObjectNode createShipment(ShipmentRequest request) {
        ObjectNode shipment = Json.object();
        if (request.idempotencyKey() != null && !request.idempotencyKey().isBlank()) {
            shipment.put("reference", request.idempotencyKey());
        }
        shipment.set("to_address", address(request.recipient()));
        shipment.set("from_address", address(request.sender()));
        ObjectNode parcel = Json.object();
        parcel.put("length", inches(settings.lengthCm()));
        parcel.put("width", inches(settings.widthCm()));
        parcel.put("height", inches(settings.heightCm()));
        parcel.put("weight", ounces(request.weightGrams()));
        shipment.set("parcel", parcel);
        shipment.putObject("options").put("label_format", settings.labelFormat().name());
        ObjectNode customs = customsInfo(request);
        if (customs != null) {
            shipment.set("customs_info", customs);
            ArrayNode taxIds = taxIdentifiers(request.customs().taxIds());
            if (!taxIds.isEmpty()) {
                shipment.set("tax_identifiers", taxIds);
            }
        }
        if (!settings.carrierAccounts().isEmpty()) {
            ArrayNode accounts = shipment.putArray("carrier_accounts");
            settings.carrierAccounts().forEach(accounts::add);
        }
        ObjectNode body = Json.object();
        body.set("shipment", shipment);
        return body;
    }

    /**
     * The shipment's inline {@code customs_info} (EasyPost "CustomsInfo" / "CustomsItem"): sent when the request
     * carries a declaration (SPI carrier 1.2) and the parcel crosses a border. Per item: description (English),
     * quantity, {@code value} for the whole line with its {@code currency}, {@code weight} in ounces for the whole
     * line (net weight, three decimals), {@code hs_tariff_number}, {@code origin_country} and {@code code} (the
     * SKU). Declaration: {@code contents_type} from the category, {@code customs_certify} by the sender's name,
     * {@code non_delivery_option return}, {@code restriction_type none}, and from a US sender
     * {@code eel_pfc "NOEEI 30.37(a)"} (EasyPost's value for exports below USD 2,500; a higher one needs an AES ITN
     * Waybill does not have). The Chinese description has no EasyPost field.
     */
    static ObjectNode customsInfo(ShipmentRequest request) {
        CustomsDeclaration d = request.customs();
        if (d == null || request.items() == null || request.items().isEmpty() || !international(request)) {
            return null;
        }
        ObjectNode c = Json.object();
        c.put("contents_type", d.category().name().toLowerCase(java.util.Locale.ROOT));
        c.put("customs_certify", true);
        Address sender = request.sender();
        c.put("customs_signer", sender == null ? "" : sender.name() != null && !sender.name().isBlank()
                ? sender.name() : nz(sender.company()));
        c.put("non_delivery_option", "return");
        c.put("restriction_type", "none");
        if (sender != null && "US".equalsIgnoreCase(nz(sender.countryCode()).strip())) {
            c.put("eel_pfc", "NOEEI 30.37(a)");
        }
        ArrayNode items = c.putArray("customs_items");
        for (ShipmentRequest.Item i : request.items()) {
            if (i == null) {
                continue;
            }
            ObjectNode item = items.addObject();
            item.put("description", i.description() != null && !i.description().isBlank() ? i.description()
                    : nz(i.sku()));
            item.put("quantity", i.quantity());
            if (i.unitValue() != null) {
                item.put("value", i.lineValue().stripTrailingZeros().toPlainString());
            }
            putIfPresent(item, "currency", i.currency());
            item.put("weight", BigDecimal.valueOf(Math.max(0, i.declaredNetWeightGrams()) * (long) i.quantity())
                    .divide(GRAMS_PER_OUNCE, 3, RoundingMode.CEILING).stripTrailingZeros().toPlainString());
            putIfPresent(item, "hs_tariff_number", i.hsCode());
            putIfPresent(item, "origin_country", i.originCountry());
            putIfPresent(item, "code", i.sku());
        }
        return c;
    }

    /**
     * The shipment's {@code tax_identifiers} (EasyPost "TaxIdentifier"): the sender's IOSS, VOEC, EORI and VAT
     * numbers, each with its {@code tax_id_type}; {@code issuing_country} where the number names it (EORI and VAT
     * start with their country, VOEC is Norway's; an IOSS number does not).
     */
    static ArrayNode taxIdentifiers(CustomsDeclaration.TaxIds ids) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        taxId(out, "IOSS", ids.ioss(), null);
        taxId(out, "VOEC", ids.voec(), "NO");
        taxId(out, "EORI", ids.eori(), prefix(ids.eori()));
        taxId(out, "VAT", ids.vat(), prefix(ids.vat()));
        return out;
    }

    private static void taxId(ArrayNode out, String type, String number, String country) {
        if (number == null || number.isBlank()) {
            return;
        }
        ObjectNode n = out.addObject();
        n.put("entity", "SENDER");
        n.put("tax_id", number);
        n.put("tax_id_type", type);
        if (country != null) {
            n.put("issuing_country", country);
        }
    }

    private static String prefix(String number) {
        return number != null && number.length() > 2 && Character.isLetter(number.charAt(0))
                && Character.isLetter(number.charAt(1)) ? number.substring(0, 2).toUpperCase(java.util.Locale.ROOT)
                : null;
    }

    /** Whether sender and recipient are in different countries (a declaration is for a border). */
    static boolean international(ShipmentRequest request) {
        String from = request.sender() == null ? null : request.sender().countryCode();
        String to = request.recipient() == null ? null : request.recipient().countryCode();
        return from == null || to == null || !from.strip().equalsIgnoreCase(to.strip());
    }

    /** {@code POST /v2/shipments/{id}/buy} body. */
    static ObjectNode buy(String rateId) {
        ObjectNode body = Json.object();
        body.putObject("rate").put("id", rateId);
        return body;
    }

    static String shipmentsPath() {
        return "/v2/shipments";
    }

    /** {@code /v2/shipments/{id or reference}}. */
    static String shipmentPath(String idOrReference) {
        return "/v2/shipments/" + URLEncoder.encode(idOrReference, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String buyPath(String shipmentId) {
        return shipmentPath(shipmentId) + "/buy";
    }

    static String refundPath(String shipmentId) {
        return shipmentPath(shipmentId) + "/refund";
    }

    /** {@code GET /v2/shipments/{id}/label?file_format=...}: converts the label to PDF or ZPL. */
    static String labelPath(String shipmentId, EasyPostCodes.LabelFormat format) {
        return shipmentPath(shipmentId) + "/label?file_format=" + format.name();
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

    static String inches(double cm) {
        return BigDecimal.valueOf(cm).divide(CM_PER_INCH, 1, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    static String ounces(int grams) {
        return BigDecimal.valueOf(grams).divide(GRAMS_PER_OUNCE, 1, RoundingMode.CEILING).stripTrailingZeros()
                .toPlainString();
    }

    private static void putIfPresent(ObjectNode n, String field, String value) {
        if (value != null && !value.isBlank()) {
            n.put(field, value);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
