package io.waybill.carrier.shippo.internal;

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
import static io.waybill.carrier.shippo.internal.ShippoFixture.*;

/** The carrier conformance tests (conformance-kit) against the Shippo gateway and a WireMock Shippo. */
class ShippoConformanceTest extends CarrierGatewayConformance {

    @RegisterExtension
    static WireMockExtension wm = wireMock();

    /** Set by the idempotency test: the gateway runs its duplicate check (GET /transactions by metadata). */
    private boolean duplicateCheck;

    @Override
    protected CarrierGateway plugin() {
        return gateway(wm, Map.of("requestTimeoutSeconds", 1, "duplicateCheckHours", duplicateCheck ? 24 : 0));
    }

    @Override
    protected HttpStub stub() {
        return WireMockStub.of(wm);
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(TOKEN);
    }

    @Override
    protected Set<String> ownCodes() {
        return Set.of(ShippoCodes.LABEL_FAILED, ShippoCodes.REFUND_FAILED, ShippoCodes.UNSUPPORTED_LABEL_FORMAT,
                ShippoCodes.LABEL_REFUNDED, ShippoCarrierGateway.DUPLICATE_CHECK_INCOMPLETE);
    }

    @Override
    protected Duration callBound() {
        return Duration.ofSeconds(8);
    }

    @Override
    protected ShipmentRequest request(String idempotencyKey) {
        ShipmentRequest r = ShippoFixture.request();
        return new ShipmentRequest(idempotencyKey, r.packageNo(), r.orderNo(), r.serviceCode(), r.sender(),
                r.recipient(), r.weightGrams(), r.items());
    }

    @Override
    protected ShipmentRef shipment() {
        return new ShipmentRef(TX_ID, null);
    }

    /** Shippo has no idempotency header: the duplicate check finds the first label by its metadata. */
    @Override
    protected boolean stubRememberingProvider() {
        duplicateCheck = true;
        String key = "conformance-idem-1";
        wm.stubFor(get(urlPathEqualTo("/transactions")).inScenario("label").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"next\":null,\"previous\":null,\"results\":[]}")));
        wm.stubFor(post("/transactions").inScenario("label").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("bought").willReturn(okJson(recorded("transaction-success.json"))));
        wm.stubFor(get(urlPathEqualTo("/transactions")).inScenario("label").whenScenarioStateIs("bought")
                .willReturn(okJson(recorded("transactions-list.json")
                        .replace("\"metadata\": \"<string>\"", "\"metadata\": \"" + key + "\""))));
        return true;
    }

    @Override
    protected int createdAtProvider() {
        return wm.countRequestsMatching(postRequestedFor(urlPathEqualTo("/transactions")).build()).getCount();
    }
}
