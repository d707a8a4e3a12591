package io.waybill.platform.tiktok.internal;

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
import static io.waybill.platform.tiktok.internal.TikTokFixture.*;

/** The marketplace conformance tests (conformance-kit) against the TikTok Shop connector and a WireMock TikTok. */
class TikTokConformanceTest extends MarketplaceConnectorConformance {

    @RegisterExtension
    WireMockExtension wm = wireMock();

    @Override
    protected MarketplaceConnector plugin() {
        return connector(wm, Map.of("requestTimeoutSeconds", 1, "connectTimeoutSeconds", 1));
    }

    @Override
    protected HttpStub stub() {
        return WireMockStub.of(wm);
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(APP_SECRET, ACCESS_TOKEN);
    }

    @Override
    protected Set<String> ownCodes() {
        return Set.of(TikTokCodes.CONFIRMED);
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
        TikTokConfirmShipmentTest.stubShop(wm);
        return true;
    }

    @Override
    protected int createdAtProvider() {
        return wm.findAll(postRequestedFor(urlPathEqualTo(TikTokConfirmShipmentTest.SHIP))).size();
    }
}
