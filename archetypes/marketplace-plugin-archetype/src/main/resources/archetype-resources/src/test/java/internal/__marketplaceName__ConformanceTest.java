package ${package}.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.waybill.plugin.conformance.HttpStub;
import io.waybill.plugin.conformance.MarketplaceConnectorConformance;
import io.waybill.plugin.conformance.WireMockStub;
import io.waybill.spi.platform.MarketplaceConnector;
import io.waybill.spi.platform.ShipmentConfirmation;
import io.waybill.spi.platform.StoreContext;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static ${package}.internal.${marketplaceName}Fixture.SHIPMENTS;
import static ${package}.internal.${marketplaceName}Fixture.STORE;
import static ${package}.internal.${marketplaceName}Fixture.TOKEN;
import static ${package}.internal.${marketplaceName}Fixture.TRACKING;
import static ${package}.internal.${marketplaceName}Fixture.connector;
import static ${package}.internal.${marketplaceName}Fixture.recorded;
import static ${package}.internal.${marketplaceName}Fixture.shipment;

/**
 * The marketplace conformance tests (Waybill's conformance kit) against this connector and a WireMock
 * ${marketplaceName}: never throws, standard codes, the token never shown, bounded time with a stalled stub, and a
 * repeated confirmation that leaves one shipment (a WireMock scenario: the first POST creates it, a repeat finds it).
 */
class ${marketplaceName}ConformanceTest extends MarketplaceConnectorConformance {

    @RegisterExtension
    WireMockExtension wm = ${marketplaceName}Fixture.wireMock();

    @Override
    protected MarketplaceConnector plugin() {
        return connector(wm, Map.of("requestTimeoutSeconds", 1));
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
    protected Duration callBound() {
        return Duration.ofSeconds(8);
    }

    @Override
    protected StoreContext store() {
        return STORE;
    }

    @Override
    protected ShipmentConfirmation confirmation() {
        return shipment(TRACKING);
    }

    @Override
    protected boolean stubRememberingProvider() {
        wm.stubFor(post(urlEqualTo(SHIPMENTS)).inScenario("shipment").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(recorded("shipment-created.json")))
                .willSetStateTo("shipped"));
        wm.stubFor(post(urlEqualTo(SHIPMENTS)).inScenario("shipment").whenScenarioStateIs("shipped")
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/json")
                        .withBody(recorded("error-already-shipped.json"))));
        return true;
    }

    @Override
    protected int createdAtProvider() {
        return (int) wm.getAllServeEvents().stream().filter(e -> e.getResponse().getStatus() == 201).count();
    }
}
