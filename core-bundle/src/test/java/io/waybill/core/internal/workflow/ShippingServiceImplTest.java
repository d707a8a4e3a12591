package io.waybill.core.internal.workflow;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.internal.Fixtures;
import io.waybill.core.internal.TestDatabase;
import io.waybill.core.internal.capture.OrderCaptureServiceImpl;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.model.ScanResult;
import io.waybill.core.api.ShippingService;
import io.waybill.core.model.SkuTolerance;
import io.waybill.core.model.StoreTolerance;
import io.waybill.core.model.SupervisorApproval;
import io.waybill.core.model.UserIdentity;
import io.waybill.core.model.WeighingFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.waybill.core.internal.security.TestAuthorizers.authorized;
import static io.waybill.core.internal.Fixtures.exec;
import static io.waybill.core.internal.Fixtures.order;
import static io.waybill.core.internal.Fixtures.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShippingServiceImplTest {
    private DatabaseEngine db;
    private ShippingServiceImpl shipping;

    @BeforeEach
    void open() throws Exception {
        db = TestDatabase.inMemory();
        Fixtures.basic(db);
        exec(db, "INSERT INTO WB_STOCK VALUES (101, 1, 11, 21, NULL, 10, 0)");
        // 2 x A (100 g) + 40 g packaging = 240 g expected; store tolerance 50 g / 5 %
        authorized(new OrderCaptureServiceImpl(db, Fixtures.registry())).capture("S1", List.of(order("o1", "A", 2),
                order("o2", "A", 1)), "t");
        FulfilmentServiceImpl f = authorized(new FulfilmentServiceImpl(db));
        List<Long> ids = List.of((long) scalar(db, "SELECT MIN(ID) FROM WB_PACKAGE"),
                (long) scalar(db, "SELECT MAX(ID) FROM WB_PACKAGE"));
        f.allocate(ids, "t");
        exec(db, "UPDATE WB_PACKAGE SET STATUS = 'PRINTED', TRACKING_NO = 'RR123456785CN' WHERE ID = " + ids.get(0));
        shipping = authorized(new ShippingServiceImpl(db.dataSource(), Clock.systemUTC(), (user, pw) ->
                user.equals("sue") && new String(pw).equals("right-password")
                        ? Optional.of(new UserIdentity("sue", Set.of(UserIdentity.SUPERVISOR, UserIdentity.OPERATOR)))
                        : user.equals("otto") ? Optional.of(new UserIdentity("otto", Set.of(UserIdentity.OPERATOR)))
                        : Optional.empty()));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private String printedNo() throws Exception {
        return String.format("WB%08d", scalar(db, "SELECT MIN(ID) FROM WB_PACKAGE"));
    }

    @Test
    void aPassingWeightShipsAndDeductsStockInOneGo() throws Exception {
        ScanResult r = shipping.ship(" " + printedNo() + "\r\n", 262, "packer");
        assertEquals(ScanResult.Outcome.PASS, r.outcome());
        assertTrue(r.shipped());
        assertEquals(240, r.expectedGrams());
        assertEquals(50, r.toleranceGrams());
        assertEquals(8, scalar(db, "SELECT ON_HAND FROM WB_STOCK WHERE ID = 101"));
        assertEquals(1, scalar(db, "SELECT RESERVED FROM WB_STOCK WHERE ID = 101"), "the other package keeps its reservation");
        assertEquals("ALREADY SHIPPED", shipping.check(printedNo(), 240).message().substring(0, 15));
    }

    @Test
    void trackingNumbersScanToo() {
        ScanResult r = shipping.check("RR123456785CN", 240);
        assertEquals(ScanResult.Outcome.PASS, r.outcome());
        assertFalse(r.shipped());
    }

    @Test
    void aFailingOrMissingWeightNeverShips() throws Exception {
        ScanResult heavy = shipping.ship(printedNo(), 400, "packer");
        assertEquals(ScanResult.Outcome.WEIGHT_FAIL, heavy.outcome());
        assertTrue(heavy.message().contains("+0.160 kg"), heavy.message());
        assertFalse(heavy.shipped());
        assertEquals(ScanResult.Outcome.NO_WEIGHT, shipping.ship(printedNo(), null, "packer").outcome());
        assertEquals(10, scalar(db, "SELECT ON_HAND FROM WB_STOCK WHERE ID = 101"));
    }

    @Test
    void unknownNotPrintedAndVoidedPackagesAreRefusedLoudly() throws Exception {
        assertEquals("unknown_package", shipping.check("NOPE-123", 100).code());
        String allocated = String.format("WB%08d", scalar(db, "SELECT MAX(ID) FROM WB_PACKAGE"));
        ScanResult notPrinted = shipping.check(allocated, 140);
        assertEquals("not_printed", notPrinted.code());
        assertTrue(notPrinted.message().startsWith("NOT PRINTED"));
        exec(db, "UPDATE WB_PACKAGE SET STATUS = 'VOIDED' WHERE PACKAGE_NO = '" + allocated + "'");
        assertEquals("voided", shipping.check(allocated, 140).code());
    }

    @Test
    void aSupervisorOverrideShipsAndIsAudited() throws Exception {
        assertThrows(OperationRefusedException.class, () -> shipping.shipWithOverride(printedNo(), 400, "sue",
                "wrong".toCharArray(), "box is heavier", "packer"));
        assertEquals("not_supervisor", assertThrows(OperationRefusedException.class, () -> shipping.shipWithOverride(
                printedNo(), 400, "otto", "x".toCharArray(), "box is heavier", "packer")).code());
        ScanResult r = shipping.shipWithOverride(printedNo(), 400, "sue", "right-password".toCharArray(),
                "bigger box used", "packer");
        assertTrue(r.shipped());
        assertEquals(1, scalar(db, "SELECT COUNT(*) FROM WB_AUDIT_EVENT WHERE ACTION = 'SHIPPED_OVERRIDE' "
                + "AND REASON LIKE '%supervisor sue%bigger box used%'"));
    }

    @Test
    void batchDeliveryShipsPrintedPackagesAndExplainsTheRest() throws Exception {
        var r = shipping.shipBatch(List.of((long) scalar(db, "SELECT MIN(ID) FROM WB_PACKAGE"),
                (long) scalar(db, "SELECT MAX(ID) FROM WB_PACKAGE")), "packer");
        assertEquals(1, r.succeeded().size());
        assertEquals("not_printed", r.failures().get(0).code());
    }

    @Test
    void aPackageWhoseLastWeighingFailedShipsInABatchOnlyOnASupervisorsAuthority() throws Exception {
        // given: the printed package weighed 400 g at the station (240 g +- 50 g expected)
        long id = (long) scalar(db, "SELECT MIN(ID) FROM WB_PACKAGE");
        assertEquals(ScanResult.Outcome.WEIGHT_FAIL, shipping.check(printedNo(), 400).outcome());
        List<WeighingFailure> failed = shipping.failedWeighings(List.of(id));
        assertEquals(1, failed.size());
        assertEquals(400, failed.get(0).measuredGrams());
        assertEquals(240, failed.get(0).expectedGrams());
        assertEquals(50, failed.get(0).toleranceGrams());

        // when / then: without approval it is refused, an operator's approval is refused, nothing shipped
        var refused = shipping.shipBatch(List.of(id), "packer");
        assertEquals(0, refused.succeeded().size());
        assertEquals("weighing_failed", refused.failures().get(0).code());
        assertEquals("not_supervisor", assertThrows(OperationRefusedException.class, () -> shipping.shipBatch(
                List.of(id), "packer", new SupervisorApproval("otto", "x".toCharArray(), "fine"))).code());
        assertEquals("reason_required", assertThrows(OperationRefusedException.class, () -> shipping.shipBatch(
                List.of(id), "packer", new SupervisorApproval("sue", "right-password".toCharArray(), " "))).code());
        assertEquals(1, scalar(db, "SELECT COUNT(*) FROM WB_PACKAGE WHERE STATUS = 'PRINTED' AND ID = " + id));

        // and a supervisor's approval ships it, audited as an override
        var shipped = shipping.shipBatch(List.of(id), "packer",
                new SupervisorApproval("sue", "right-password".toCharArray(), "scale was off"));
        assertEquals(List.of(id), shipped.succeeded());
        assertEquals(1, scalar(db, "SELECT COUNT(*) FROM WB_AUDIT_EVENT WHERE ACTION = 'SHIPPED_OVERRIDE' "
                + "AND REASON LIKE '%supervisor sue: last weighed 0.400 kg%scale was off%'"));
        assertEquals(List.of(), shipping.failedWeighings(List.of(id)), "shipped packages are no longer listed");
    }

    @Test
    void aPassingWeighingAfterAFailedOneLetsTheBatchShipIt() throws Exception {
        long id = (long) scalar(db, "SELECT MIN(ID) FROM WB_PACKAGE");
        shipping.check(printedNo(), 400);
        shipping.check(printedNo(), 250);
        assertEquals(List.of(), shipping.failedWeighings(List.of(id)));
        assertEquals(List.of(id), shipping.shipBatch(List.of(id), "packer").succeeded());
    }

    @Test
    void aStoreToleranceSetByASupervisorDecidesTheVerdictAndIsAudited() throws Exception {
        // given: 240 g expected, 300 g measured fails with the default 50 g / 5 %
        assertEquals(ScanResult.Outcome.WEIGHT_FAIL, shipping.check(printedNo(), 300).outcome());
        // when
        shipping.setStoreTolerance(" S1 ", 70, 10, "sue");
        // then: 70 g counts (10 % of 240 g is 24 g), 300 g passes, 311 g does not
        assertEquals(List.of(new StoreTolerance("S1", "Store one", 70, 10)), shipping.storeTolerances());
        ScanResult pass = shipping.check(printedNo(), 300);
        assertEquals(ScanResult.Outcome.PASS, pass.outcome());
        assertEquals(70, pass.toleranceGrams());
        assertEquals(ScanResult.Outcome.WEIGHT_FAIL, shipping.check(printedNo(), 311).outcome());
        assertEquals(1, scalar(db, "SELECT COUNT(*) FROM WB_AUDIT_EVENT WHERE ACTION = 'TOLERANCE_CHANGED' "
                + "AND ACTOR = 'sue' AND REASON = 'Store S1: 70 g or 10 %, the larger'"));
    }

    @Test
    void aSkuToleranceAppliesWhenLargerAndCanBeRemoved() throws Exception {
        shipping.setSkuTolerance("A", 120, "sue");
        assertEquals(List.of(new SkuTolerance("A", "Sku A", 120)), shipping.skuTolerances());
        assertEquals(ScanResult.Outcome.PASS, shipping.check(printedNo(), 360).outcome());
        shipping.setSkuTolerance("A", null, "sue");
        assertTrue(shipping.skuTolerances().isEmpty());
        assertEquals(ScanResult.Outcome.WEIGHT_FAIL, shipping.check(printedNo(), 360).outcome());
    }

    @Test
    void impossibleTolerancesAndUnknownNamesAreRefusedAndChangeNothing() throws Exception {
        assertEquals("invalid_tolerance", assertThrows(OperationRefusedException.class,
                () -> shipping.setStoreTolerance("S1", -1, 5, "sue")).code());
        assertEquals("invalid_tolerance", assertThrows(OperationRefusedException.class,
                () -> shipping.setStoreTolerance("S1", 50, ShippingService.MAX_TOLERANCE_PERCENT + 1, "sue")).code());
        assertEquals("invalid_tolerance", assertThrows(OperationRefusedException.class,
                () -> shipping.setSkuTolerance("A", ShippingService.MAX_TOLERANCE_GRAMS + 1, "sue")).code());
        assertEquals("unknown_store", assertThrows(OperationRefusedException.class,
                () -> shipping.setStoreTolerance("NOPE", 50, 5, "sue")).code());
        assertEquals("unknown_sku", assertThrows(OperationRefusedException.class,
                () -> shipping.setSkuTolerance("NOPE", 10, "sue")).code());
        assertEquals(List.of(new StoreTolerance("S1", "Store one", 50, 5)), shipping.storeTolerances());
        assertEquals(0, scalar(db, "SELECT COUNT(*) FROM WB_AUDIT_EVENT WHERE ACTION = 'TOLERANCE_CHANGED'"));
    }
}
