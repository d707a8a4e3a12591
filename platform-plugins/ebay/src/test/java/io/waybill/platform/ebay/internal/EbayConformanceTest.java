package io.waybill.platform.ebay.internal;

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
import static io.waybill.platform.ebay.internal.EbayFixture.*;

/**
 * The marketplace conformance tests (conformance-kit) against the eBay connector, a WireMock eBay and, for the
 * repeated confirmation, {@link EbayFulfillmentStub} (which holds the fulfillments created, as in
 * {@link EbayResendTest}).
 */
class EbayConformanceTest extends MarketplaceConnectorConformance {

    private final EbayFulfillmentStub ebay = new EbayFulfillmentStub();

    @RegisterExtension
    WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(ebay)).build();

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
        return Set.of(EbayCodes.CONFIRMED);
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
        wm.stubFor(get(urlPathEqualTo(ORDERS + "/" + ORDER_ID)).willReturn(okJson(recorded("order.json"))));
        wm.stubFor(get(urlPathEqualTo(EbayConfirmShipmentTest.FULFILLMENTS)).willReturn(aResponse()
                .withTransformers(EbayFulfillmentStub.NAME)));
        wm.stubFor(post(urlPathEqualTo(EbayConfirmShipmentTest.FULFILLMENTS)).willReturn(aResponse()
                .withTransformers(EbayFulfillmentStub.NAME)));
        return true;
    }

    @Override
    protected int createdAtProvider() {
        return ebay.held(ORDER_ID).size();
    }
}
