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
        return Set.of(TRACKING);
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
}
