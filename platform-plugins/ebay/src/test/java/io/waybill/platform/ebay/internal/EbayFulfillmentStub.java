package io.waybill.platform.ebay.internal;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.like;

/**
 * A stateful stand-in for eBay's shipping fulfillments, as a WireMock transformer: {@code POST
 * .../order/{orderId}/shipping_fulfillment} adds a fulfillment to what the stub holds for that order (when the request
 * arrives, so a POST whose answer comes too late for the client has still happened) and answers 201 with its URI in
 * {@code Location}; {@code GET} of the same path lists what it holds, in the shape of the recorded
 * {@code shipping-fulfillments.json}. Tests count {@link #held(String)}, not requests.
 */
final class EbayFulfillmentStub implements ResponseDefinitionTransformerV2 {

    static final String NAME = "ebay-fulfillments";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Ids like the ShippingFulfillment type page's example, 9405509699937003457459, counting up. */
    private static final String ID_PREFIX = "940550969993700345";

    private final Map<String, List<ObjectNode>> held = new LinkedHashMap<>();
    private int created;

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    /** The fulfillments the stub holds for an order now. */
    synchronized List<JsonNode> held(String orderId) {
        return List.copyOf(held.getOrDefault(orderId, List.of()));
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
        String url = event.getRequest().getUrl();
        String[] segments = url.split("\\?")[0].split("/");
        // /sell/fulfillment/v1/order/{orderId}/shipping_fulfillment
        if (segments.length != 7 || !"shipping_fulfillment".equals(segments[6])) {
            return event.getResponseDefinition();
        }
        String orderId = segments[5];
        List<ObjectNode> mine = held.computeIfAbsent(orderId, k -> new ArrayList<>());
        if ("POST".equals(event.getRequest().getMethod().getName())) {
            JsonNode body = read(event.getRequest().getBodyAsString());
            ObjectNode f = JSON.createObjectNode();
            String id = ID_PREFIX + (7459 + created++);
            f.put("fulfillmentId", id);
            f.put("shipmentTrackingNumber", body.path("trackingNumber").asText());
            f.put("shippingCarrierCode", body.path("shippingCarrierCode").asText());
            f.put("shippedDate", body.path("shippedDate").asText());
            f.set("lineItems", body.path("lineItems").deepCopy());
            mine.add(f);
            String base = event.getRequest().getAbsoluteUrl();
            base = base.substring(0, base.indexOf("/sell/"));
            return like(event.getResponseDefinition()).but().withStatus(201).withBody((String) null)
                    .withHeader("Location", base + url + "/" + id).build();
        }
        ObjectNode list = (ObjectNode) read(EbayFixture.recorded("shipping-fulfillments.json"));
        ArrayNode fulfillments = list.putArray("fulfillments");
        mine.forEach(f -> fulfillments.add(f.deepCopy()));
        list.put("total", mine.size());
        return like(event.getResponseDefinition()).but().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(list.toString()).build();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
