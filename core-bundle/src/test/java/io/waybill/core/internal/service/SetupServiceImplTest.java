package io.waybill.core.internal.service;

import io.waybill.core.internal.TestDatabase;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.model.SetupChecklist;
import io.waybill.core.model.SetupChecklist.Kind;
import io.waybill.core.model.UserIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.waybill.core.internal.Fixtures.exec;
import static org.junit.jupiter.api.Assertions.*;

/** The first-run checklist on Derby: each step turns done only from its own data, disabled things do not count. */
class SetupServiceImplTest {

    private DatabaseEngine db;
    private SetupServiceImpl service;

    @BeforeEach
    void open() throws Exception {
        db = TestDatabase.inMemory();
        service = new SetupServiceImpl(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<Kind> done() {
        return service.checklist().steps().stream().filter(SetupChecklist.Step::done)
                .map(SetupChecklist.Step::kind).toList();
    }

    @Test
    void emptyInstallHasNothingDoneAndStartsAnAdminOnTheChecklist() {
        SetupChecklist list = service.checklist();
        assertEquals(List.of(Kind.values()), list.steps().stream().map(SetupChecklist.Step::kind).toList());
        assertTrue(list.empty());
        assertFalse(list.complete());
        UserIdentity admin = new UserIdentity("root", Set.of(UserIdentity.ADMIN));
        UserIdentity operator = new UserIdentity("op", Set.of(UserIdentity.OPERATOR, UserIdentity.SUPERVISOR));
        assertTrue(service.startsWithChecklist(admin));
        assertFalse(service.startsWithChecklist(operator), "operators and supervisors never see the checklist");
        assertFalse(service.startsWithChecklist(null));
    }

    @Test
    void stepsTurnDoneOneByOneAndADisabledWarehouseOrStoreDoesNotCount() throws Exception {
        exec(db, "INSERT INTO WB_WAREHOUSE (ID, VERSION, CODE, NAME, COUNTRY_CODE, ENABLED) "
                + "VALUES (11, 1, 'W1', 'One', 'CN', FALSE)");
        assertEquals(List.of(), done(), "a disabled warehouse ships nothing");
        exec(db, "UPDATE WB_WAREHOUSE SET ENABLED = TRUE");
        assertEquals(List.of(Kind.WAREHOUSE), done());

        exec(db, "INSERT INTO WB_SKU (ID, VERSION, CODE, NAME, WEIGHT_GRAMS) VALUES (21, 1, 'A', 'Sku A', 100)");
        exec(db, "INSERT INTO WB_SKU (ID, VERSION, CODE, NAME, WEIGHT_GRAMS) VALUES (22, 1, 'B', 'Sku B', 100)");
        assertEquals(List.of(Kind.WAREHOUSE, Kind.PRODUCTS), done());
        assertEquals(2, service.checklist().step(Kind.PRODUCTS).count());

        exec(db, "INSERT INTO WB_STORE (ID, VERSION, CODE, NAME, PLATFORM, ENABLED) "
                + "VALUES (1, 1, 'S1', 'Store one', 'csv', FALSE)");
        exec(db, "INSERT INTO WB_SHIPPING_METHOD (STORE_ID, CODE, CARRIER_ID, SERVICE_CODE, IS_DEFAULT) "
                + "VALUES (1, 'STD', 'pool', 'RR', TRUE)");
        assertEquals(List.of(Kind.WAREHOUSE, Kind.PRODUCTS), done(),
                "a disabled store and its shipping method do not count");
        exec(db, "UPDATE WB_STORE SET ENABLED = TRUE");
        exec(db, "UPDATE WB_SHIPPING_METHOD SET IS_DEFAULT = FALSE");
        assertEquals(List.of(Kind.WAREHOUSE, Kind.PRODUCTS, Kind.STORE), done(),
                "upload needs a default shipping method");
        exec(db, "UPDATE WB_SHIPPING_METHOD SET IS_DEFAULT = TRUE");
        assertEquals(List.of(Kind.WAREHOUSE, Kind.PRODUCTS, Kind.STORE, Kind.SHIPPING_METHOD), done());
        assertTrue(service.startsWithChecklist(new UserIdentity("root", Set.of(UserIdentity.ADMIN))));

        exec(db, "INSERT INTO WB_ORDER (ID, VERSION, STORE_ID, PLATFORM_ORDER_ID, ORDER_NO, BUYER_NAME, LINE1, CITY, "
                + "COUNTRY_CODE, CANCELLED, CREATED_AT, CAPTURED_AT, UPDATED_AT) VALUES (500, 1, 1, 'P-1', 'N', 'B', "
                + "'L', 'C', 'US', FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        SetupChecklist list = service.checklist();
        assertTrue(list.complete());
        assertFalse(list.empty());
        assertFalse(service.startsWithChecklist(new UserIdentity("root", Set.of(UserIdentity.ADMIN))),
                "a finished checklist no longer opens by default");
    }
}
