package io.waybill.carrier.easypost.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.waybill.plugin.kit.json.Json;
import io.waybill.spi.carrier.ShipmentRequest;
import io.waybill.spi.common.Address;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

    EasyPostRequestMapper(Settings settings) {
        this.settings = settings;
    }

    EasyPostCodes.LabelFormat labelFormat() {
        return settings.labelFormat();
    }

    /** Why the request cannot be sent, one line per problem; empty when it can. */
    List<String> problems(ShipmentRequest request) {
        List<String> problems = new ArrayList<>();
        if (request.sender() == null) {
            problems.add("no sender address");
        }
        if (request.recipient() == null) {
            problems.add("no recipient address");
        }
        if (request.weightGrams() <= 0) {
            problems.add("weight must be positive, was " + request.weightGrams() + " g");
        }
        return problems;
    }

    /** The wanted service: the request's service code, else the account default; empty = cheapest. */
    String service(ShipmentRequest request) {
        String code = request.serviceCode() == null ? "" : request.serviceCode().trim();
        return code.isEmpty() ? settings.defaultService().trim() : code;
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
        if (!settings.carrierAccounts().isEmpty()) {
            ArrayNode accounts = shipment.putArray("carrier_accounts");
            settings.carrierAccounts().forEach(accounts::add);
        }
        ObjectNode body = Json.object();
        body.set("shipment", shipment);
        return body;
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
