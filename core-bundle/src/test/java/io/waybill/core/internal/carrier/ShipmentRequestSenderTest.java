package io.waybill.core.internal.carrier;

import io.waybill.core.model.PackageDetail;
import io.waybill.core.model.PackageRow;
import io.waybill.core.model.PackageStatus;
import io.waybill.core.model.Warehouse;
import io.waybill.core.model.WarehouseKind;
import io.waybill.spi.carrier.ShipmentRequest;
import io.waybill.spi.common.Address;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The carrier request's sender is the warehouse's address, never its name as a street. */
class ShipmentRequestSenderTest {

    private static PackageDetail detail() {
        Address to = new Address("Jane Buyer", null, "1 Main Street", null, "Springfield", "IL", "62704", "US", null,
                null);
        PackageRow row = new PackageRow(7, "WB00000007", "#1007", "S1", "Store one", "test", "Jane Buyer", "US",
                "A x2", 200, Instant.parse("2026-11-01T10:00:00Z"), PackageStatus.ALLOCATED, null);
        return new PackageDetail(row, "P7", false, to, List.of(new PackageDetail.Line("A", "Sku A", 2, 100)), "SZ-02",
                0, List.of(), List.of());
    }

    @Test
    void theSenderIsTheWarehouseStreetAddressWithItsContact() {
        // given
        Warehouse from = new Warehouse("SZ-02", "Shenzhen Bao'an", WarehouseKind.OWN, "Building 3, Fuyong Road 88",
                "Floor 2", "Shenzhen", "Guangdong", "518103", "CN", "Li Wei", "+86 755 2811 0000", "wh@example.com",
                true);

        // when
        ShipmentRequest r = CarrierJobWorker.request("WB00000007-1", "RR", detail(), from);

        // then
        assertEquals(new Address("Li Wei", "Shenzhen Bao'an", "Building 3, Fuyong Road 88", "Floor 2", "Shenzhen",
                "Guangdong", "518103", "CN", "+86 755 2811 0000", "wh@example.com"), r.sender());
        assertEquals("WB00000007-1", r.idempotencyKey());
        assertEquals("RR", r.serviceCode());
        assertEquals("Jane Buyer", r.recipient().name());
        assertEquals(List.of(new ShipmentRequest.Item("A", "Sku A", 2, 100)), r.items());
    }

    @Test
    void withoutAContactTheWarehouseNameIsTheSenderName() {
        Warehouse from = new Warehouse("US-LA", "Los Angeles", WarehouseKind.OVERSEAS, "1450 S Milliken Ave", null,
                "Ontario", "CA", "91761", "US", null, null, null, true);

        Address sender = CarrierJobWorker.request("k", "RR", detail(), from).sender();

        assertEquals("Los Angeles", sender.name());
        assertNull(sender.company());
        assertEquals("1450 S Milliken Ave", sender.line1());
        assertEquals("91761", sender.postalCode());
    }

    @Test
    void aPackageWithoutWarehouseHasNoSender() {
        assertNull(CarrierJobWorker.request("k", "RR", detail(), null).sender());
    }
}
