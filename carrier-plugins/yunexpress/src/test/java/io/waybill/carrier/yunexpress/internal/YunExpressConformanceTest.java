package io.waybill.carrier.yunexpress.internal;

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

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.waybill.carrier.yunexpress.internal.YunExpressFixture.*;

/** The carrier conformance tests (conformance-kit) against the YunExpress gateway and a WireMock YunExpress. */
class YunExpressConformanceTest extends CarrierGatewayConformance {

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
        return Set.of(API_SECRET, TOKEN);
    }

    @Override
    protected Set<String> ownCodes() {
        return Set.of(YunExpressCodes.TRACKING_FAILED, YunExpressCodes.CANCEL_FAILED, YunExpressCodes.INTERCEPTED);
    }

    @Override
    protected Duration callBound() {
        return Duration.ofSeconds(8);
    }

    @Override
    protected ShipmentRequest request(String idempotencyKey) {
        ShipmentRequest r = YunExpressFixture.request();
        return new ShipmentRequest(idempotencyKey, r.packageNo(), r.orderNo(), r.serviceCode(), r.sender(),
                r.recipient(), r.weightGrams(), r.items());
    }

    @Override
    protected ShipmentRef shipment() {
        return new ShipmentRef(KEY, null);
    }

    /** YunExpress keeps CustomerOrderNumber unique: the repeat is refused and the look-up finds the first order. */
    @Override
    protected boolean stubRememberingProvider() {
        wm.stubFor(post("/api/WayBill/CreateOrder").inScenario("order").whenScenarioStateIs(
                        com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED).willSetStateTo("created")
                .willReturn(okJson(recorded("create-order.json").replace(KEY, IDEM_KEY))));
        wm.stubFor(post("/api/WayBill/CreateOrder").inScenario("order").whenScenarioStateIs("created")
                .willReturn(okJson(recorded("create-order-refused.json").replace("1534002172771790848", IDEM_KEY))));
        wm.stubFor(get("/api/WayBill/GetOrder?OrderNumber=" + IDEM_KEY).inScenario("order")
                .whenScenarioStateIs("created").willReturn(okJson(recorded("get-order.json"))));
        return true;
    }

    @Override
    protected int createdAtProvider() {
        return (int) wm.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().endsWith("/WayBill/CreateOrder"))
                .filter(e -> e.getResponse().getBodyAsString().contains("\"Success\":1")).count();
    }

    @Override
    protected boolean offersQuotes() {
        return true;
    }
}
