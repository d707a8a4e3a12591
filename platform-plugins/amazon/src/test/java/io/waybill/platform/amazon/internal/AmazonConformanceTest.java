package io.waybill.platform.amazon.internal;

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

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.waybill.platform.amazon.internal.AmazonFixture.*;

/**
 * The marketplace conformance tests (conformance-kit) against the Amazon connector: one WireMock plays Login with
 * Amazon and SP-API; for the repeated confirmation {@link AmazonPackagesStub} keeps the packages by
 * packageReferenceId, as Amazon documents.
 */
class AmazonConformanceTest extends MarketplaceConnectorConformance {

    private final AmazonPackagesStub amazon = new AmazonPackagesStub();

    @RegisterExtension
    WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(amazon)).build();

    @Override
    protected MarketplaceConnector plugin() {
        // the default listing: searchOrders of the Orders API v2026-01-01
        return connector(wm, Map.of("requestTimeoutSeconds", 1, "connectTimeoutSeconds", 1, "ordersApi",
                AmazonRequests.V2026));
    }

    @Override
    protected HttpStub stub() {
        return WireMockStub.of(wm);
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(CLIENT_SECRET, REFRESH_TOKEN);
    }

    @Override
    protected Set<String> ownCodes() {
        return Set.of(AmazonCodes.CONFIRMED);
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
        stubTokens(wm);
        wm.stubFor(get(urlPathMatching("/orders/v0/orders/[^/]+/orderItems"))
                .willReturn(okJson(recorded("order-items.json"))));
        wm.stubFor(post(urlPathMatching("/orders/v0/orders/[^/]+/shipmentConfirmation"))
                .willReturn(aResponse().withTransformers(AmazonPackagesStub.NAME)));
        return true;
    }

    @Override
    protected int createdAtProvider() {
        return amazon.packages(ORDER_ID);
    }
}
