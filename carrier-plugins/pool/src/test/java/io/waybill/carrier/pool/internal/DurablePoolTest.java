package io.waybill.carrier.pool.internal;

import io.waybill.spi.carrier.SerialNumberStore;
import io.waybill.spi.carrier.ShipmentRequest;
import io.waybill.spi.carrier.ShipmentResponse;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.Result;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gateway with the core's durable store (here a map-backed double of the SPI contract). */
class DurablePoolTest {

    /** Contract double: next serial per range, one serial per key, "range_exhausted" at the end. */
    static final class MapStore implements SerialNumberStore {
        final Map<String, Long> next = new HashMap<>();
        final Map<String, IssuedSerial> byKey = new HashMap<>();

        @Override
        public synchronized Result<IssuedSerial> take(String rangeId, long first, long last, String key) {
            IssuedSerial known = byKey.get(key);
            if (known != null) {
                return Result.ok(new IssuedSerial(known.rangeId(), known.serial(), true));
            }
            long serial = next.getOrDefault(rangeId, first);
            if (serial > last) {
                return Result.failure(Message.error("range_exhausted", rangeId + " used up"));
            }
            next.put(rangeId, serial + 1);
            IssuedSerial issued = new IssuedSerial(rangeId, serial, false);
            byKey.put(key, issued);
            return Result.ok(issued);
        }

        @Override
        public synchronized long remaining(String rangeId, long first, long last) {
            return last - next.getOrDefault(rangeId, first) + 1;
        }
    }

    private static ShipmentRequest request(String key) {
        return new ShipmentRequest(key, "WB00000001", "#1001", "RR", null, null, 500, List.of());
    }

    @Test
    void theSameKeyGetsTheSameNumberAndExhaustedRangesFallThrough() {
        PoolCarrierGateway gateway = new PoolCarrierGateway();
        gateway.store = new MapStore();
        gateway.configure(Configs.ranges("RR00000001-00000002CN", "RR00000010-00000019CN"));
        assertTrue(gateway.honoursIdempotencyKey());

        Result<ShipmentResponse> a = gateway.createShipment(request("k1"));
        Result<ShipmentResponse> again = gateway.createShipment(request("k1"));
        assertTrue(a.isOk());
        assertEquals(a.value().trackingNumber(), again.value().trackingNumber());
        assertTrue(S10.isValid(a.value().trackingNumber()), a.value().trackingNumber());
        assertFalse(a.messages().stream().anyMatch(m -> m.code().equals(PoolCarrierGateway.NOT_DURABLE)));

        gateway.createShipment(request("k2"));
        Result<ShipmentResponse> third = gateway.createShipment(request("k3"));
        assertTrue(third.value().trackingNumber().startsWith("RR00000010"), third.value().trackingNumber());
    }
}
