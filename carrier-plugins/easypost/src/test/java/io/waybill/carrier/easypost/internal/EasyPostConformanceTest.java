package io.waybill.carrier.easypost.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
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

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.waybill.carrier.easypost.internal.EasyPostFixture.*;

/** The carrier conformance tests (conformance-kit) against the EasyPost gateway and a WireMock EasyPost. */
class EasyPostConformanceTest extends CarrierGatewayConformance {

    @RegisterExtension
    static WireMockExtension wm = wireMock();

    private static final String IDEM_KEY = "conformance-idem-1";

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
        return Set.of(API_KEY, BASIC.substring("Basic ".length()));
    }

    @Override
    protected Set<String> ownCodes() {
        return Set.of(EasyPostCodes.NO_RATES, EasyPostCodes.REFUND_FAILED, EasyPostCodes.UNSUPPORTED_LABEL_FORMAT,
                EasyPostCodes.SERVICE_NOT_OFFERED, EasyPostCodes.LABEL_REFUNDED);
    }

    @Override
    protected Duration callBound() {
        return Duration.ofSeconds(8);
    }

    @Override
    protected ShipmentRequest request(String idempotencyKey) {
        ShipmentRequest r = EasyPostFixture.request();
        return new ShipmentRequest(idempotencyKey, r.packageNo(), r.orderNo(), r.serviceCode(), r.sender(),
                r.recipient(), r.weightGrams(), r.items());
    }

    @Override
    protected ShipmentRef shipment() {
        return new ShipmentRef(BOUGHT_ID, null);
    }

    /** EasyPost keeps the reference (the idempotency key): a repeat retrieves the bought shipment by it. */
    @Override
    protected boolean stubRememberingProvider() {
        wm.stubFor(get("/v2/shipments/" + IDEM_KEY).inScenario("shipment").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(404)));
        wm.stubFor(post("/v2/shipments").willReturn(okJson(recorded("shipment-create.json"))));
        wm.stubFor(post("/v2/shipments/" + CREATED_ID + "/buy").inScenario("shipment")
                .willSetStateTo("bought").willReturn(okJson(recorded("shipment-buy.json"))));
        wm.stubFor(get("/v2/shipments/" + IDEM_KEY).inScenario("shipment").whenScenarioStateIs("bought")
                .willReturn(okJson(recorded("shipment-buy.json"))));
        return true;
    }

    @Override
    protected int createdAtProvider() {
        return wm.countRequestsMatching(postRequestedFor(urlEqualTo("/v2/shipments")).build()).getCount();
    }
}
