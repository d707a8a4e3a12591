package io.waybill.core.internal.workflow;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.Permission;
import io.waybill.core.api.WarehouseService;
import io.waybill.core.internal.Fixtures;
import io.waybill.core.internal.TestDatabase;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.security.TestAuthorizers;
import io.waybill.core.model.StockRow;
import io.waybill.core.model.Warehouse;
import io.waybill.core.model.WarehouseKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static io.waybill.core.internal.security.TestAuthorizers.authorized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WarehouseServiceImplTest {
    private DatabaseEngine db;
    private WarehouseServiceImpl service;

    @BeforeEach
    void open() throws Exception {
        db = TestDatabase.inMemory();
        Fixtures.basic(db);
        service = authorized(new WarehouseServiceImpl(db));
    }

    @AfterEach
    void close() {
        db.close();
    }

    static Warehouse draft(String code) {
        return new Warehouse(code, "Shenzhen Bao'an", WarehouseKind.THIRD_PARTY, "Building 3, Fuyong Road 88",
                "Floor 2", "Shenzhen", "Guangdong", "518103", "cn", "Li Wei", "+86 755 2811 0000", "wh@example.com",
                false);
    }

    private int audits(String action) throws Exception {
        return Fixtures.scalar(db, "SELECT COUNT(*) FROM WB_AUDIT_EVENT WHERE ACTION = '" + action + "'");
    }

    @Test
    void createStoresTheFullAddressEnabledAndAudited() throws Exception {
        // when
        Warehouse created = service.create(draft("sz-02"), "ann");

        // then
        assertEquals("SZ-02", created.code());
        assertEquals("CN", created.countryCode());
        assertTrue(created.enabled(), "a new warehouse is enabled");
        assertEquals(WarehouseKind.THIRD_PARTY, created.kind());
        assertEquals("Building 3, Fuyong Road 88", service.get("sz-02").orElseThrow().line1());
        assertEquals(3, service.list().size());
        assertEquals(1, audits("WAREHOUSE_CREATED"));
        assertTrue(Fixtures.string(db, "SELECT REASON FROM WB_AUDIT_EVENT WHERE ACTION = 'WAREHOUSE_CREATED'")
                .contains("Building 3, Fuyong Road 88"));
        assertEquals("ann", Fixtures.string(db, "SELECT ACTOR FROM WB_AUDIT_EVENT WHERE ACTION = 'WAREHOUSE_CREATED'"));
    }

    @Test
    void aDuplicateCodeIsRefusedWhateverItsCase() throws Exception {
        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> service.create(draft("w1"), "ann"));
        assertEquals(WarehouseService.DUPLICATE, e.code());
        assertTrue(e.getMessage().contains("'W1' exists already"), e.getMessage());
        assertEquals(2, service.list().size());
        assertEquals(0, audits("WAREHOUSE_CREATED"));
    }

    @Test
    void badCountryPostalCodeAndEmailAreRefusedTogetherAndNothingIsWritten() throws Exception {
        // given
        Warehouse d = draft("X1");
        Warehouse bad = new Warehouse(d.code(), d.name(), d.kind(), d.line1(), d.line2(), d.city(), d.state(), "12",
                "XX", d.contactName(), d.phone(), "not-an-email", true);
        Warehouse noPostal = new Warehouse(d.code(), d.name(), d.kind(), d.line1(), d.line2(), d.city(), d.state(),
                null, "DE", d.contactName(), d.phone(), d.email(), true);

        // when
        OperationRefusedException e = assertThrows(OperationRefusedException.class, () -> service.create(bad, "ann"));
        OperationRefusedException e2 = assertThrows(OperationRefusedException.class,
                () -> service.create(noPostal, "ann"));

        // then
        assertEquals(WarehouseService.INVALID, e.code());
        assertTrue(e.getMessage().contains("'XX' is not an ISO 3166 country code"), e.getMessage());
        assertTrue(e.getMessage().contains("'not-an-email' is not an e-mail address"), e.getMessage());
        assertTrue(e2.getMessage().contains("A postal code is required for Germany (DE)"), e2.getMessage());
        assertTrue(service.get("X1").isEmpty());
        assertEquals(0, Fixtures.scalar(db, "SELECT COUNT(*) FROM WB_AUDIT_EVENT"));
    }

    @Test
    void updateChangesTheAddressButNotTheCodeOrTheEnabledFlag() throws Exception {
        // given
        service.create(draft("SZ-02"), "ann");
        service.setEnabled("SZ-02", false, "ann");
        Warehouse d = draft("sz-02");

        // when
        Warehouse after = service.update(new Warehouse(d.code(), "Renamed", WarehouseKind.OWN, "9 New Street", null,
                "Dongguan", null, "523000", "CN", null, null, null, true), "bob");

        // then
        assertEquals("SZ-02", after.code());
        assertEquals("9 New Street", after.line1());
        assertEquals(null, after.line2());
        assertFalse(after.enabled(), "update keeps the enabled flag");
        assertEquals(1, audits("WAREHOUSE_UPDATED"));
        assertEquals(WarehouseService.UNKNOWN, assertThrows(OperationRefusedException.class,
                () -> service.update(draft("NOPE"), "bob")).code());
    }

    @Test
    void disableAndEnable() throws Exception {
        assertFalse(service.setEnabled("W1", false, "ann").enabled());
        assertFalse(service.get("W1").orElseThrow().enabled());
        assertTrue(service.setEnabled("w1", true, "ann").enabled());
        assertEquals(1, audits("WAREHOUSE_DISABLED"));
        assertEquals(1, audits("WAREHOUSE_ENABLED"));
    }

    @Test
    void deleteIsRefusedWhileTheWarehouseHoldsStockThenAllowedWhenEmpty() throws Exception {
        // given: W1 with 5 of A on hand
        StockServiceImpl stock = authorized(new StockServiceImpl(db));
        stock.set("W1", "A", 5, "ann");

        // when
        OperationRefusedException e = assertThrows(OperationRefusedException.class, () -> service.delete("W1", "ann"));

        // then
        assertEquals(WarehouseService.IN_USE, e.code());
        assertEquals("Warehouse W1 cannot be deleted: it holds stock (5 on hand). Disable it instead.", e.getMessage());
        assertTrue(service.get("W1").isPresent());

        // and: with the stock counted to 0 (its empty stock row and store priority go with it) it is deleted
        stock.set("W1", "A", 0, "ann");
        service.delete("W1", "ann");
        assertTrue(service.get("W1").isEmpty());
        assertEquals(0, Fixtures.scalar(db, "SELECT COUNT(*) FROM WB_STORE_WAREHOUSE WHERE WAREHOUSE_ID = 11"));
        assertEquals(1, audits("WAREHOUSE_DELETED"));
    }

    @Test
    void deleteIsRefusedWhileTheWarehouseHasAnOpenPackage() throws Exception {
        // given: an order with an allocated package in W2 and none on hand
        Fixtures.exec(db, "INSERT INTO WB_ORDER (ID, VERSION, STORE_ID, PLATFORM_ORDER_ID, ORDER_NO, BUYER_NAME, LINE1, "
                + "CITY, COUNTRY_CODE, CANCELLED, CREATED_AT, CAPTURED_AT, UPDATED_AT) VALUES (31, 1, 1, 'P1', 'N1', "
                + "'Buyer', '1 Road', 'Town', 'US', FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        Fixtures.exec(db, "INSERT INTO WB_PACKAGE (ID, VERSION, PACKAGE_NO, ORDER_ID, STATUS, WAREHOUSE_ID, "
                + "EXPECTED_WEIGHT_GRAMS, PRINT_COUNT, CREATED_AT, UPDATED_AT) VALUES (41, 1, 'WB41', 31, 'ALLOCATED', "
                + "12, 100, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");

        // when
        OperationRefusedException e = assertThrows(OperationRefusedException.class, () -> service.delete("W2", "ann"));

        // then
        assertEquals(WarehouseService.IN_USE, e.code());
        assertTrue(e.getMessage().contains("it has 1 open package"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Disable it instead."), e.getMessage());

        // and: shipped, it still has history, so it can only be disabled
        Fixtures.exec(db, "UPDATE WB_PACKAGE SET STATUS = 'SHIPPED'");
        OperationRefusedException shipped = assertThrows(OperationRefusedException.class,
                () -> service.delete("W2", "ann"));
        assertTrue(shipped.getMessage().contains("shipped or voided packages (1) keep their history"),
                shipped.getMessage());
        assertTrue(service.setEnabled("W2", false, "ann").enabled() == false);
    }

    @Test
    void binLocationIsSetClearedAndValidated() throws Exception {
        // when: a SKU never stocked in W2 gets a bin
        StockRow row = service.setLocation("W2", "B", "A03-07", "ann");

        // then
        assertEquals("A03-07", row.location());
        assertEquals(0, row.onHand());
        assertEquals("A03-07", service.setLocation("w2", "B", " A03-07 ", "ann").location());
        assertEquals(null, service.setLocation("W2", "B", "", "ann").location());
        assertEquals(WarehouseService.INVALID_LOCATION, assertThrows(OperationRefusedException.class,
                () -> service.setLocation("W2", "B", "A;DROP", "ann")).code());
        assertEquals("unknown_sku", assertThrows(OperationRefusedException.class,
                () -> service.setLocation("W2", "NOPE", "A1", "ann")).code());
        assertEquals(WarehouseService.UNKNOWN, assertThrows(OperationRefusedException.class,
                () -> service.setLocation("W9", "B", "A1", "ann")).code());
        assertEquals(3, audits("BIN_LOCATION_SET"));
    }

    @Test
    void onlyAnAdminManagesWarehousesAndASupervisorSetsBins() throws Exception {
        // given
        service.setAuthorizer(TestAuthorizers.of(Map.of("op", Set.of("operator"), "sup", Set.of("supervisor"),
                "adm", Set.of("admin"))));

        // then
        for (String user : new String[] {"op", "sup"}) {
            OperationRefusedException e = assertThrows(OperationRefusedException.class,
                    () -> service.create(draft("Z1"), user));
            assertEquals(Permission.NOT_PERMITTED, e.code());
            assertEquals(Permission.NOT_PERMITTED, assertThrows(OperationRefusedException.class,
                    () -> service.delete("W1", user)).code());
        }
        assertEquals(Permission.NOT_PERMITTED, assertThrows(OperationRefusedException.class,
                () -> service.setLocation("W1", "A", "X1", "op")).code());
        assertEquals("X1", service.setLocation("W1", "A", "X1", "sup").location());
        assertEquals("Z1", service.create(draft("Z1"), "adm").code());
    }
}
