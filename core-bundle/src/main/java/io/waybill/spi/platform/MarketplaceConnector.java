package io.waybill.spi.platform;

import io.waybill.spi.common.PluginDescriptor;
import io.waybill.spi.common.Result;

/**
 * A marketplace (or another order source). The core calls {@link #fetchOrders} per store with the cursor it
 * remembered from the previous call and stores the returned cursor after the orders are saved, so capture is
 * resumable and idempotent. Implementations never throw and start no threads.
 */
public interface MarketplaceConnector {

    /** Identity of this connector. */
    PluginDescriptor descriptor();

    /**
     * Lists orders created or changed since {@code cursor} ({@code null}: from the beginning of the store's window).
     * Returns at most one page; {@link OrderPage#hasMore()} says whether to call again with the next cursor.
     */
    default Result<OrderPage> fetchOrders(StoreContext store, String cursor) {
        return Result.unsupported("fetchOrders");
    }

    /** Tells the marketplace an order was shipped with this carrier and tracking number. */
    default Result<Boolean> confirmShipment(StoreContext store, ShipmentConfirmation confirmation) {
        return Result.unsupported("confirmShipment");
    }
}
