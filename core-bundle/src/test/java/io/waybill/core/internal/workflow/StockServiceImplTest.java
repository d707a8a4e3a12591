package io.waybill.core.internal.workflow;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.internal.Fixtures;
import io.waybill.core.internal.TestDatabase;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.model.StockRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.waybill.core.internal.security.TestAuthorizers.authorized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StockServiceImplTest {
    private DatabaseEngine db;
    private StockServiceImpl stock;

    @BeforeEach
    void open() throws Exception {
        db = TestDatabase.inMemory();
        Fixtures.basic(db);
        stock = authorized(new StockServiceImpl(db));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void setCreatesTheRowAndAdjustAddsAndRemoves() {
        StockRow r = stock.set("W1", "A", 12, "ann");
        assertEquals(12, r.onHand());
        assertEquals(17, stock.adjust("W1", "A", 5, "goods received", "ann").onHand());
        assertEquals(15, stock.adjust("W1", "A", -2, "damaged", "ann").available());
        assertEquals(1, stock.list("W1", "a").size());
    }

    @Test
    void refusesNegativeStockAndGoingBelowReserved() throws Exception {
        stock.set("W1", "A", 5, "ann");
        Fixtures.exec(db, "UPDATE WB_STOCK SET RESERVED = 4");
        OperationRefusedException e = assertThrows(OperationRefusedException.class, () -> stock.set("W1", "A", 3, "ann"));
        assertTrue(e.getMessage().contains("4 are reserved"), e.getMessage());
        assertEquals("negative_stock", assertThrows(OperationRefusedException.class,
                () -> stock.adjust("W1", "A", -9, "x", "ann")).code());
        assertEquals("unknown_sku", assertThrows(OperationRefusedException.class,
                () -> stock.set("W1", "NOPE", 3, "ann")).code());
        assertEquals("unknown_warehouse", assertThrows(OperationRefusedException.class,
                () -> stock.set("W9", "A", 3, "ann")).code());
        assertEquals(5, stock.list("W1", "A").get(0).onHand(), "nothing changed by refused requests");
    }

    @Test
    void anOperatorMayNotSetOrAdjustStockAndNothingIsWritten() throws Exception {
        // given an operator, a supervisor (through a group) and a user without a Waybill role
        stock.set("W1", "A", 5, "ann");
        stock.setAuthorizer(io.waybill.core.internal.security.TestAuthorizers.of(java.util.Map.of(
                "olga", java.util.Set.of("operator", "ssh"),
                "sam", java.util.Set.of("supervisor"),
                "viv", java.util.Set.of("viewer"))));
        // when / then
        OperationRefusedException set = assertThrows(OperationRefusedException.class,
                () -> stock.set("W1", "A", 50, "olga"));
        assertEquals("not_permitted", set.code());
        assertEquals("Not permitted: olga may not set stock (needs the supervisor role)", set.getMessage());
        assertEquals("not_permitted", assertThrows(OperationRefusedException.class,
                () -> stock.adjust("W1", "A", 3, "delivery", "olga")).code());
        assertEquals("not_permitted", assertThrows(OperationRefusedException.class,
                () -> stock.adjust("W1", "A", 3, "delivery", "viv")).code());
        assertEquals("not_permitted", assertThrows(OperationRefusedException.class,
                () -> stock.set("W1", "A", 3, "nobody")).code());
        assertEquals("not_permitted", assertThrows(OperationRefusedException.class,
                () -> stock.set("W1", "A", 3, null)).code());
        assertEquals(5, stock.list("W1", "A").get(0).onHand(), "nothing changed by refused requests");
        assertEquals(0, Fixtures.scalar(db, "SELECT COUNT(*) FROM WB_AUDIT_EVENT WHERE ACTOR IN ('olga', 'viv')"));
        // a supervisor may
        assertEquals(8, stock.adjust("W1", "A", 3, "delivery", "sam").onHand());
    }

    @Test
    void aBundleGetsNoStockOfItsOwn() throws Exception {
        Fixtures.bundles(db);
        io.waybill.core.api.OperationRefusedException e = assertThrows(
                io.waybill.core.api.OperationRefusedException.class, () -> stock.set("W1", "KIT", 3, "ann"));
        assertEquals("bundle_has_no_stock", e.code());
        assertEquals(0, Fixtures.scalar(db, "SELECT COUNT(*) FROM WB_STOCK WHERE SKU_ID = 24"), "nothing written");
    }
}
