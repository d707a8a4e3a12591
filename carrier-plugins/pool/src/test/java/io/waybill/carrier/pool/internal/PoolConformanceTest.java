package io.waybill.carrier.pool.internal;

import io.waybill.plugin.conformance.CarrierGatewayConformance;
import io.waybill.spi.carrier.CarrierGateway;
import io.waybill.spi.carrier.ShipmentRef;
import io.waybill.spi.carrier.ShipmentRequest;
import io.waybill.spi.common.Address;

import java.util.List;
import java.util.Set;

/**
 * The carrier conformance tests (conformance-kit) against the tracking-number pool with the durable store double of
 * {@link DurablePoolTest}: no provider, so the HTTP failure, stall and secret tests are skipped.
 */
class PoolConformanceTest extends CarrierGatewayConformance {

    private static final Address WAREHOUSE = new Address("Shop", "", "1 Dock Rd", "", "Shenzhen", "GD", "518000",
            "CN", "", "");
    private static final Address CUSTOMER = new Address("Ann", "", "2 High St", "", "Leeds", "", "LS1 1AA", "GB",
            "", "");

    /** One store per test: a repeated create through a second gateway instance sees the first one's numbers. */
    private final DurablePoolTest.MapStore store = new DurablePoolTest.MapStore();

    @Override
    protected CarrierGateway plugin() {
        PoolCarrierGateway gateway = new PoolCarrierGateway();
        gateway.store = store;
        gateway.configure(Configs.ranges("RR00000001-00000099CN"));
        return gateway;
    }

    @Override
    protected Set<String> ownCodes() {
        return Set.of(PoolCarrierGateway.NO_RANGE, PoolCarrierGateway.EXHAUSTED, PoolCarrierGateway.BAD_SERVICE,
                PoolCarrierGateway.POOL_LOW, PoolCarrierGateway.NOT_DURABLE, "number_retired");
    }

    @Override
    protected Set<String> unsupported() {
        return union(super.unsupported(), TRACKING, LABEL);
    }

    @Override
    protected ShipmentRequest request(String idempotencyKey) {
        return new ShipmentRequest(idempotencyKey, "P1", "O1", "RR", WAREHOUSE, CUSTOMER, 250,
                List.of(new ShipmentRequest.Item("SKU-1", "T-shirt", 1, 250)));
    }

    @Override
    protected ShipmentRef shipment() {
        return new ShipmentRef("RR000000014CN", "RR000000014CN");
    }
}
