package io.waybill.carrier.yanwen.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.waybill.plugin.conformance.CarrierGatewayConformance;
import io.waybill.plugin.conformance.HttpStub;
import io.waybill.plugin.conformance.WireMockStub;
import io.waybill.spi.carrier.CarrierGateway;
import io.waybill.spi.carrier.ShipmentRef;
import io.waybill.spi.carrier.ShipmentRequest;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.waybill.carrier.yanwen.internal.YanwenFixture.*;

/**
 * The carrier conformance tests against the Yanwen gateway and a WireMock Yanwen. Yanwen answers the tracking number
 * with the waybill, so {@code fetchTrackingNumber} is not offered; no look-up by order number is made, so the plugin
 * does not claim to honour idempotency keys (the core never repeats a create whose outcome is unknown).
 */
class YanwenConformanceTest extends CarrierGatewayConformance {

    @RegisterExtension
    static WireMockExtension wm = wireMock();

    @Override
    protected CarrierGateway plugin() {
        return gateway(wm, Map.of("requestTimeoutSeconds", 1));
    }

    @Override
    protected HttpStub stub() {
        return WireMockStub.of(wm);
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(API_TOKEN);
    }

    @Override
    protected Set<String> ownCodes() {
        return Set.of(YanwenCarrierGateway.CANCEL_FAILED);
    }

    @Override
    protected Set<String> unsupported() {
        return union(super.unsupported(), TRACKING);
    }

    @Override
    protected Duration callBound() {
        return Duration.ofSeconds(8);
    }

    @Override
    protected ShipmentRequest request(String idempotencyKey) {
        return YanwenFixture.request(idempotencyKey);
    }

    @Override
    protected ShipmentRef shipment() {
        return new ShipmentRef(WAYBILL, WAYBILL);
    }

    /**
     * Yanwen as the look-up sees it: no waybill of the order number until the first create, then that waybill; a
     * second create would be refused.
     */
    @Override
    protected boolean stubRememberingProvider() {
        String key = "conformance-idem-1";
        String started = com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
        wm.stubFor(yanwen("express.order.getlist").inScenario("yanwen").whenScenarioStateIs(started)
                .willReturn(okJson(recorded("order-getlist-empty.json"))));
        wm.stubFor(yanwen("express.order.create").inScenario("yanwen").whenScenarioStateIs(started)
                .willSetStateTo("created").willReturn(okJson(recorded("order-create.json").replace(KEY, key))));
        wm.stubFor(yanwen("express.order.getlist").inScenario("yanwen").whenScenarioStateIs("created")
                .willReturn(okJson(recorded("order-getlist.json").replace(KEY, key))));
        wm.stubFor(yanwen("express.order.create").inScenario("yanwen").whenScenarioStateIs("created")
                .willReturn(okJson(recorded("order-create-refused.json"))));
        return true;
    }

    private static com.github.tomakehurst.wiremock.client.MappingBuilder yanwen(String method) {
        return post(urlPathEqualTo(SERVICE)).withQueryParam("method", equalTo(method));
    }

    @Override
    protected int createdAtProvider() {
        return (int) wm.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().contains("method=express.order.create"))
                .filter(e -> e.getResponse().getBodyAsString().contains("\"success\":true")).count();
    }
}
