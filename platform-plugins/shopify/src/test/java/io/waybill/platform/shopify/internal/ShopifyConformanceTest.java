package io.waybill.platform.shopify.internal;

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
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.waybill.platform.shopify.internal.ShopifyFixture.*;

/**
 * The marketplace conformance tests (conformance-kit) against the Shopify connector, a WireMock Shopify and, for the
 * repeated confirmation, {@link ShopifyFulfillmentStub} (which holds the fulfillments created, as in
 * {@link ShopifyResendTest}).
 */
class ShopifyConformanceTest extends MarketplaceConnectorConformance {

    private final ShopifyFulfillmentStub shop = new ShopifyFulfillmentStub();

    @RegisterExtension
    WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(shop)).build();

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
    protected Set<String> ownCodes() {
        return Set.of(ShopifyCodes.CONFIRMED);
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
        wm.stubFor(post(ENDPOINT).willReturn(aResponse().withTransformers(ShopifyFulfillmentStub.NAME)));
        return true;
    }

    @Override
    protected int createdAtProvider() {
        return shop.held().size();
    }
}
