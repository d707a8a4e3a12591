package io.waybill.plugin.conformance;

import io.waybill.spi.common.MessageCodes;
import io.waybill.spi.common.PluginDescriptor;
import io.waybill.spi.common.Result;
import io.waybill.spi.platform.MarketplaceConnector;
import io.waybill.spi.platform.RateLimit;
import io.waybill.spi.platform.ShipmentConfirmation;
import io.waybill.spi.platform.StoreContext;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Conformance tests every {@link MarketplaceConnector} passes. A marketplace plugin's test sources extend this class
 * and give the fixture: {@link #plugin()}, {@link #store()}, {@link #confirmation()}, usually {@link #stub()} and
 * {@link #secrets()}, and for the idempotency test {@link #stubRememberingProvider()} / {@link #createdAtProvider()}.
 */
public abstract class MarketplaceConnectorConformance extends PluginConformance<MarketplaceConnector> {

    public static final String FETCH = "fetchOrders";
    public static final String CONFIRM = "confirmShipment";
    /** Since SPI platform 1.2; a plugin that does not offer it lists it in {@link #unsupported()}. */
    public static final String TEST = "testConnection";

    /** The store the plugin instance serves. */
    protected abstract StoreContext store();

    /** A confirmation of an order the provider knows. */
    protected abstract ShipmentConfirmation confirmation();

    /**
     * Makes the stub behave like the marketplace for a repeated confirmation: the first creates the fulfilment, a
     * repeat finds it. Return false when the plugin cannot be tested this way (the test is skipped).
     */
    protected boolean stubRememberingProvider() {
        return false;
    }

    /** How many fulfilments the marketplace holds for the order; -1 when not counted. */
    protected int createdAtProvider() {
        return -1;
    }

    @Override
    protected List<Call<MarketplaceConnector>> calls() {
        return List.of(
                new Call<>(FETCH, c -> c.fetchOrders(store(), null)),
                new Call<>(CONFIRM, c -> c.confirmShipment(store(), confirmation())),
                new Call<>(TEST, c -> c.testConnection(store())));
    }

    @Override
    protected List<Call<MarketplaceConnector>> garbageCalls() {
        StoreContext other = new StoreContext("conformance-other-store", Map.of());
        ShipmentConfirmation c = confirmation();
        ShipmentConfirmation blank = new ShipmentConfirmation("", "", "", null);
        return List.of(
                new Call<>(FETCH + "(garbage cursor)", m -> m.fetchOrders(store(), "garbage-cursor-%%-\u0000")),
                new Call<>(FETCH + "(other store)", m -> m.fetchOrders(other, null)),
                new Call<>(FETCH + "(null store)", m -> m.fetchOrders(null, null)),
                new Call<>(CONFIRM + "(blank)", m -> m.confirmShipment(store(), blank)),
                new Call<>(CONFIRM + "(other store)", m -> m.confirmShipment(other, c)),
                new Call<>(CONFIRM + "(null)", m -> m.confirmShipment(store(), null)),
                new Call<>(TEST + "(other store)", m -> m.testConnection(other)),
                new Call<>(TEST + "(null store)", m -> m.testConnection(null)));
    }

    @Test
    void descriptorAndRateLimit_areComplete() {
        MarketplaceConnector connector = plugin();
        PluginDescriptor d = connector.descriptor();
        if (d == null || d.id() == null || d.id().isBlank() || d.displayName() == null || d.displayName().isBlank()) {
            throw new AssertionError("descriptor needs an id and a display name: " + d);
        }
        RateLimit limit = Conformance.within(callBound(), "rateLimit", () -> connector.rateLimit(store()));
        if (limit == null) {
            throw new AssertionError("rateLimit returns a limit, never null");
        }
    }

    @Test
    void spiDefaults_answerUnsupported() {
        MarketplaceConnector bare = () -> new PluginDescriptor("bare", "Bare", "");
        for (Result<?> r : List.of(bare.fetchOrders(store(), null), bare.confirmShipment(store(), confirmation()),
                bare.testConnection(store()))) {
            Conformance.assertFailedWith(r, MessageCodes.UNSUPPORTED, "an SPI default");
        }
    }

    @Test
    void repeatedConfirmation_createsOneFulfilment() {
        assumeTrue(!unsupported().contains(CONFIRM), "confirmShipment not offered");
        assumeTrue(stubRememberingProvider(), "the fixture has no remembering marketplace stub");
        Call<MarketplaceConnector> confirm = new Call<>(CONFIRM, c -> c.confirmShipment(store(), confirmation()));
        Result<?> first = invoke(plugin(), confirm, "first");
        Result<?> again = invoke(plugin(), confirm, "repeated");
        if (!first.isOk() || !again.isOk()) {
            throw new AssertionError("both confirmations succeed: " + first + " / " + again);
        }
        int created = createdAtProvider();
        if (created >= 0 && created != 1) {
            throw new AssertionError("the marketplace holds " + created + " fulfilments for one confirmation");
        }
    }
}
