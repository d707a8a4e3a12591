package io.waybill.platform.shopify.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.like;

/**
 * A stateful stand-in for one Shopify order's fulfillments, as a WireMock transformer: {@code fulfillmentCreate}
 * adds a fulfillment to what the stub holds (at the moment the request arrives, so a create whose answer comes too
 * late for the client has still happened), and the {@code WaybillFulfillmentState} query answers with what it holds
 * (recorded {@code fulfillment-state-open.json}, its fulfillments replaced by the held ones and each fulfillment
 * order they name {@code CLOSED}). A create for a closed fulfillment order gets Shopify's user error. Tests count
 * {@link #held()}, not requests.
 */
final class ShopifyFulfillmentStub implements ResponseDefinitionTransformerV2 {

    static final String NAME = "shopify-fulfillments";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long FIRST_ID = 1069019881L;

    private final List<ObjectNode> held = new ArrayList<>();

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    /** The fulfillments the stub holds now. */
    synchronized List<JsonNode> held() {
        return List.copyOf(held);
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
        JsonNode request = read(event.getRequest().getBodyAsString());
        String query = request.path("query").asText();
        JsonNode answer;
        if (query.contains("WaybillFulfillmentState")) {
            answer = state();
        } else if (query.contains("fulfillmentCreate")) {
            answer = create(request.path("variables").path("fulfillment"));
        } else {
            return event.getResponseDefinition();
        }
        return like(event.getResponseDefinition()).but().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(answer.toString()).build();
    }

    private JsonNode state() {
        ObjectNode root = (ObjectNode) read(ShopifyFixture.recorded("fulfillment-state-open.json"));
        ObjectNode order = (ObjectNode) root.path("data").path("order");
        ArrayNode fulfillments = order.putArray("fulfillments");
        held.forEach(f -> fulfillments.add(f.deepCopy()));
        for (JsonNode fo : order.path("fulfillmentOrders").path("nodes")) {
            if (closed(fo.path("id").asText())) {
                ((ObjectNode) fo).put("status", "CLOSED");
            }
        }
        return root;
    }

    private JsonNode create(JsonNode input) {
        List<String> orders = new ArrayList<>();
        input.path("lineItemsByFulfillmentOrder").forEach(o -> orders.add(o.path("fulfillmentOrderId").asText()));
        if (orders.isEmpty() || orders.stream().anyMatch(this::closed)) {
            return read(ShopifyFixture.recorded("fulfillment-create-user-errors.json"));
        }
        ObjectNode fulfillment = JSON.createObjectNode();
        fulfillment.put("id", "gid://shopify/Fulfillment/" + (FIRST_ID + held.size()));
        fulfillment.put("status", "SUCCESS");
        fulfillment.putArray("trackingInfo").add(input.path("trackingInfo").deepCopy());
        ArrayNode nodes = fulfillment.putObject("fulfillmentOrders").putArray("nodes");
        orders.forEach(id -> nodes.addObject().put("id", id));
        held.add(fulfillment);
        ObjectNode root = (ObjectNode) read(ShopifyFixture.recorded("fulfillment-create.json"));
        ObjectNode payload = (ObjectNode) root.path("data").path("fulfillmentCreate");
        ObjectNode answered = fulfillment.deepCopy();
        answered.remove("fulfillmentOrders"); // the mutation's selection does not ask for it
        payload.set("fulfillment", answered);
        return root;
    }

    private boolean closed(String fulfillmentOrderId) {
        return held.stream().anyMatch(f -> f.path("fulfillmentOrders").path("nodes").findValuesAsText("id")
                .contains(fulfillmentOrderId));
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
