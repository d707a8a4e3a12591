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

    /**
     * The marketplace's published request limit per store, which the core's throttle respects (e.g. Shopify Plus
     * REST: 20 req/s, burst 40; Amazon SP-API confirmShipment: 2 req/s, burst 10). Since 1.1.
     */
    default RateLimit rateLimit(StoreContext store) {
        return new RateLimit(2, 10);
    }

    /**
     * Tells the marketplace an order was shipped with this carrier and tracking number. Must be safe to repeat:
     * confirming an order that is already fulfilled with the same tracking number returns ok (the core resends
     * after timeouts). Failures use the {@link io.waybill.spi.common.MessageCodes}: auth_failed, rate_limited (with
     * {@link io.waybill.spi.common.Message#retryAfter()}), transient, rejected.
     */
    default Result<Boolean> confirmShipment(StoreContext store, ShipmentConfirmation confirmation) {
        return Result.unsupported("confirmShipment");
    }

    /**
     * Checks that this store's account works: the marketplace answers and accepts the credentials, with one cheap
     * read-only request (e.g. the shop's name). Ok carries a short operator-readable text naming what answered
     * (never a secret); failures use the {@link io.waybill.spi.common.MessageCodes}: auth_failed for refused
     * credentials, transient / timeout when the marketplace cannot be reached. Since 1.2.
     */
    default Result<String> testConnection(StoreContext store) {
        return Result.unsupported("testConnection");
    }
}
