package io.waybill.core.api;

import io.waybill.core.model.OrderSummary;

import java.util.List;

/** Reads captured orders. */
public interface OrderService {

    /** Number of orders. */
    long count();

    /** A page of orders, newest first. */
    List<OrderSummary> list(int offset, int limit);
}
