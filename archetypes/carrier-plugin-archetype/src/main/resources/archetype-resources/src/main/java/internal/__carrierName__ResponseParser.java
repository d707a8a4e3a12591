package ${package}.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.plugin.kit.json.Json;
import io.waybill.spi.carrier.ShipmentResponse;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.MessageCodes;
import io.waybill.spi.common.Result;

import java.util.Optional;

/** ${carrierName}'s answers to Waybill results. */
final class ${carrierName}ResponseParser {

    private ${carrierName}ResponseParser() {
    }

    /** A created shipment {@code {"id", "tracking_number", "status"}}: TRACKED with a number, else PENDING. */
    static Result<ShipmentResponse> shipment(byte[] body) {
        Optional<JsonNode> json = Json.parse(body);
        String id = json.map(n -> Json.text(n, "id")).orElse(null);
        if (id == null || id.isBlank()) {
            return Result.failure(Message.error(MessageCodes.BAD_RESPONSE,
                    "${carrierName}'s answer to creating the shipment is not a readable shipment."));
        }
        String tracking = Json.text(json.get(), "tracking_number");
        return tracking == null || tracking.isBlank()
                ? Result.ok(new ShipmentResponse(ShipmentResponse.State.PENDING, id, null))
                : Result.ok(new ShipmentResponse(ShipmentResponse.State.TRACKED, id, tracking));
    }
}
