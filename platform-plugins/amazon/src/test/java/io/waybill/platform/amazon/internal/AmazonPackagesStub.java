package io.waybill.platform.amazon.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.waybill.plugin.kit.json.Json;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.like;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A confirmShipment that behaves as Amazon documents it: the packages of an order are keyed by packageReferenceId;
 * a confirmation with a known id edits that package, a new id adds one. Answers 204. Counts packages, not requests.
 */
final class AmazonPackagesStub implements ResponseDefinitionTransformerV2 {
    static final String NAME = "amazon-packages";

    /** order id -> (packageReferenceId -> tracking number). */
    private final Map<String, Map<String, String>> packages = new ConcurrentHashMap<>();
    final AtomicInteger requests = new AtomicInteger();

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        requests.incrementAndGet();
        String url = event.getRequest().getUrl();
        String orderId = url.replaceAll(".*/orders/v0/orders/([^/]+)/shipmentConfirmation.*", "$1");
        JsonNode body = Json.parse(event.getRequest().getBody()).orElseThrow();
        JsonNode p = body.path("packageDetail");
        packages.computeIfAbsent(orderId, k -> new ConcurrentHashMap<>())
                .put(p.path("packageReferenceId").asText(), p.path("trackingNumber").asText());
        return like(event.getResponseDefinition()).but().withStatus(204).withBody((String) null).build();
    }

    int packages(String orderId) {
        return packages.getOrDefault(orderId, Map.of()).size();
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
