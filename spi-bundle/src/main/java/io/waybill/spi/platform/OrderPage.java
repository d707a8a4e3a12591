package io.waybill.spi.platform;

import java.util.List;

/**
 * One page of orders from a marketplace.
 *
 * @param orders     the orders, new or changed
 * @param nextCursor cursor to pass to the next call (store it only after the orders are saved)
 * @param hasMore    whether another page is waiting now
 */
public record OrderPage(List<PlatformOrder> orders, String nextCursor, boolean hasMore) {
    public OrderPage {
        orders = orders == null ? List.of() : List.copyOf(orders);
    }
}
