package ${package}.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.waybill.plugin.kit.json.Json;
import io.waybill.spi.carrier.ShipmentRequest;
import io.waybill.spi.common.Address;

import java.util.ArrayList;
import java.util.List;

/** Waybill's {@link ShipmentRequest} to the ${carrierName} request body, and the checks before anything is sent. */
final class ${carrierName}RequestMapper {

    static final String SHIPMENTS_PATH = "/v1/shipments";

    private ${carrierName}RequestMapper() {
    }

    /** What is missing for ${carrierName}; empty when the request can be sent. */
    static List<String> problems(ShipmentRequest request) {
        List<String> problems = new ArrayList<>();
        if (request.recipient() == null) {
            problems.add("no recipient address");
        } else {
            if (blank(request.recipient().name())) {
                problems.add("the recipient has no name");
            }
            if (blank(request.recipient().countryCode())) {
                problems.add("the recipient address has no country");
            }
        }
        if (request.sender() == null) {
            problems.add("no sender address");
        }
        if (request.weightGrams() <= 0) {
            problems.add("no weight");
        }
        return problems;
    }

    /** {@code POST /v1/shipments}: the idempotency key travels as {@code reference}. */
    static ObjectNode createShipment(ShipmentRequest request) {
        ObjectNode body = Json.object();
        body.put("reference", request.idempotencyKey());
        body.put("package_no", request.packageNo());
        if (!blank(request.serviceCode())) {
            body.put("service", request.serviceCode());
        }
        body.put("weight_grams", request.weightGrams());
        body.set("from", address(request.sender()));
        body.set("to", address(request.recipient()));
        return body;
    }

    private static ObjectNode address(Address a) {
        ObjectNode node = Json.object();
        node.put("name", a.name());
        node.put("company", a.company());
        node.put("street1", a.line1());
        node.put("street2", a.line2());
        node.put("city", a.city());
        node.put("state", a.state());
        node.put("zip", a.postalCode());
        node.put("country", a.countryCode());
        node.put("phone", a.phone());
        node.put("email", a.email());
        return node;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
