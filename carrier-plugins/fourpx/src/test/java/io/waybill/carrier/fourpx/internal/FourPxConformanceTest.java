package io.waybill.carrier.fourpx.internal;

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
import static io.waybill.carrier.fourpx.internal.FourPxFixture.*;

/** The carrier conformance tests (conformance-kit) against the 4PX gateway and a WireMock 4PX. */
class FourPxConformanceTest extends CarrierGatewayConformance {

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
        return Set.of(APP_SECRET);
    }

    @Override
    protected Set<String> ownCodes() {
        return Set.of(FourPxCodes.CONSIGNMENT_CLOSED, FourPxCodes.CANCEL_FAILED, FourPxCodes.HELD);
    }

    @Override
    protected Duration callBound() {
        return Duration.ofSeconds(8);
    }

    @Override
    protected ShipmentRequest request(String idempotencyKey) {
        return FourPxFixture.request(idempotencyKey);
    }

    @Override
    protected ShipmentRef shipment() {
        return new ShipmentRef(CONSIGNMENT, null);
    }

    /** 4PX refuses a second consignment with the same ref_no; the look-up by ref_no finds the first. */
    @Override
    protected boolean stubRememberingProvider() {
        String create = "ds.xms.order.create";
        wm.stubFor(post(urlPathEqualTo(SERVICE)).withQueryParam("method", equalTo(create)).inScenario("c")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("created")
                .willReturn(okJson(recorded("order-create.json").replace(KEY, IDEM_KEY))));
        wm.stubFor(post(urlPathEqualTo(SERVICE)).withQueryParam("method", equalTo(create)).inScenario("c")
                .whenScenarioStateIs("created").willReturn(okJson(recorded("order-create-refused.json"))));
        wm.stubFor(post(urlPathEqualTo(SERVICE)).withQueryParam("method", equalTo("ds.xms.order.get"))
                .willReturn(okJson(recorded("order-get.json").replace(KEY, IDEM_KEY))));
        return true;
    }

    @Override
    protected int createdAtProvider() {
        return (int) wm.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().contains("method=ds.xms.order.create"))
                .filter(e -> e.getResponse().getBodyAsString().contains("\"result\":\"1\"")).count();
    }

    @Override
    protected boolean offersQuotes() {
        return true;
    }
}
