package io.waybill.core.internal.sync;

import io.waybill.spi.common.PluginDescriptor;
import io.waybill.spi.common.Result;
import io.waybill.spi.platform.MarketplaceConnector;
import io.waybill.spi.platform.RateLimit;
import io.waybill.spi.platform.ShipmentConfirmation;
import io.waybill.spi.platform.StoreContext;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A marketplace double for sync tests: accepts every confirmation and records it, at 50 requests/s burst 5. */
public final class RecordingMarketplace implements MarketplaceConnector {

    /** Every confirmation received, in order. */
    public final List<ShipmentConfirmation> confirmed = new CopyOnWriteArrayList<>();
    private final String platform;

    /** @param platform the platform id the double stands for (the stores' {@code WB_STORE.PLATFORM}) */
    public RecordingMarketplace(String platform) {
        this.platform = platform;
    }

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor(platform, platform + " double", "records confirmations");
    }

    @Override
    public RateLimit rateLimit(StoreContext store) {
        return new RateLimit(50, 5);
    }

    @Override
    public Result<Boolean> confirmShipment(StoreContext store, ShipmentConfirmation c) {
        confirmed.add(c);
        return Result.ok(true);
    }
}
