package io.waybill.core.internal.workflow;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.internal.Fixtures;
import io.waybill.core.internal.TestDatabase;
import io.waybill.core.internal.capture.OrderCaptureServiceImpl;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.service.PackageServiceImpl;
import io.waybill.core.model.BatchResult;
import io.waybill.core.model.PackageDetail;
import io.waybill.core.model.PackageStatus;
import io.waybill.spi.platform.PlatformOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.waybill.core.internal.security.TestAuthorizers.authorized;
import static io.waybill.core.internal.Fixtures.exec;
import static io.waybill.core.internal.Fixtures.order;
import static io.waybill.core.internal.Fixtures.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FulfilmentServiceImplTest {

    private DatabaseEngine db;
    private FulfilmentServiceImpl fulfilment;
    private PackageServiceImpl packages;
    private OrderCaptureServiceImpl capture;

    @BeforeEach
    void open() throws Exception {
        db = TestDatabase.inMemory();
        Fixtures.basic(db);
        fulfilment = authorized(new FulfilmentServiceImpl(db));
        packages = new PackageServiceImpl(db);
        capture = authorized(new OrderCaptureServiceImpl(db, Fixtures.registry()));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private long pkg(String platformOrderId) {
        return packages.idsByNumber(List.of(packageNo(platformOrderId))).values().iterator().next();
    }

    private String packageNo(String platformOrderId) {
        try {
            return String.format("WB%08d", scalar(db, "SELECT p.ID FROM WB_PACKAGE p JOIN WB_ORDER o ON o.ID = "
                    + "p.ORDER_ID WHERE o.PLATFORM_ORDER_ID = '" + platformOrderId + "'"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private PackageStatus status(long id) {
        return packages.detail(id).orElseThrow().row().status();
    }

    @Test
    void numbersResolveByPackageNoOrTrackingNo_aPackageNoWinningOverAnotherPackagesTrackingNo() throws Exception {
        capture.capture("S1", List.of(order("n1", "A", 1), order("n2", "A", 1), order("n3", "A", 1)), "alice");
        long n1 = pkg("n1");
        long n2 = pkg("n2");
        long n3 = pkg("n3");
        exec(db, "UPDATE WB_PACKAGE SET TRACKING_NO = 'LX123456789CN' WHERE ID = " + n2);
        // a tracking number that reads like another package's number (a carrier may reuse anything)
        exec(db, "UPDATE WB_PACKAGE SET TRACKING_NO = '" + packageNo("n1") + "' WHERE ID = " + n3);

        Map<String, Long> ids = packages.idsByNumber(List.of(" " + packageNo("n1") + " ", "LX123456789CN",
                packageNo("n3"), "UNKNOWN-1", "", packageNo("n1")));

        assertEquals(Map.of(packageNo("n1"), n1, "LX123456789CN", n2, packageNo("n3"), n3), ids);
        assertEquals(Map.of(), packages.idsByNumber(List.of("UNKNOWN-2")));
    }

    @Test
    void allocatesFromTheFirstWarehouseThatHasEverything() throws Exception {
        // given: W1 lacks B, W2 has both
        exec(db, "INSERT INTO WB_STOCK VALUES (101, 1, 11, 21, NULL, 10, 0)");
        exec(db, "INSERT INTO WB_STOCK VALUES (102, 1, 12, 21, NULL, 10, 0)");
        exec(db, "INSERT INTO WB_STOCK VALUES (103, 1, 12, 22, NULL, 5, 0)");
        capture.capture("S1", List.of(order("o1", "A", 2, "B", 1)), "alice");
        long id = pkg("o1");
        // when
        BatchResult r = fulfilment.allocate(List.of(id), "alice");
        // then: one warehouse ships it all, W1 untouched
        assertEquals(List.of(id), r.succeeded());
        assertEquals(PackageStatus.ALLOCATED, status(id));
        assertEquals(0, scalar(db, "SELECT RESERVED FROM WB_STOCK WHERE ID = 101"));
        assertEquals(2, scalar(db, "SELECT RESERVED FROM WB_STOCK WHERE ID = 102"));
        assertEquals(1, scalar(db, "SELECT RESERVED FROM WB_STOCK WHERE ID = 103"));
        PackageDetail d = packages.detail(id).orElseThrow();
        assertEquals("W2", d.warehouseCode());
        assertEquals("ALLOCATED", d.history().get(d.history().size() - 1).action());
        assertEquals("alice", d.history().get(d.history().size() - 1).actor());
        // the reason as data (code + params, V19) beside the English sentence the shell prints
        var allocated = d.history().get(d.history().size() - 1);
        assertEquals("Warehouse W2", allocated.reason());
        assertEquals(io.waybill.core.model.Reason.WAREHOUSE, allocated.reasonCode());
        assertEquals(List.of("W2"), allocated.reasonParams());
    }

    @Test
    void aDisabledWarehouseGetsNoNewAllocations() throws Exception {
        // given: W1 (priority 1) has everything but is disabled, W2 too
        exec(db, "INSERT INTO WB_STOCK VALUES (101, 1, 11, 21, NULL, 10, 0)");
        exec(db, "INSERT INTO WB_STOCK VALUES (102, 1, 12, 21, NULL, 10, 0)");
        exec(db, "UPDATE WB_WAREHOUSE SET ENABLED = FALSE WHERE CODE = 'W1'");
        capture.capture("S1", List.of(order("o1", "A", 2)), "alice");
        long id = pkg("o1");
        // when
        fulfilment.allocate(List.of(id), "alice");
        // then
        assertEquals("W2", packages.detail(id).orElseThrow().warehouseCode());
        assertEquals(0, scalar(db, "SELECT RESERVED FROM WB_STOCK WHERE ID = 101"));
    }

    @Test
    void shortPackagesGoOutOfStockWithTheMissingQuantitiesAndCanBeRetried() throws Exception {
        exec(db, "INSERT INTO WB_STOCK VALUES (101, 1, 11, 21, NULL, 1, 0)");
        capture.capture("S1", List.of(order("o1", "A", 3, "C", 1)), "bob");
        long id = pkg("o1");

        BatchResult r = fulfilment.allocate(List.of(id), "bob");

        assertEquals(1, r.failures().size());
        assertEquals("out_of_stock", r.failures().get(0).code());
        assertTrue(r.failures().get(0).message().contains("A missing 2"), r.failures().get(0).message());
        assertTrue(r.failures().get(0).message().contains("C missing 1"), r.failures().get(0).message());
        assertEquals(List.of("A", "2", "C", "1"), r.failures().get(0).params(), "SKU, missing per SKU");
        assertEquals(PackageStatus.OUT_OF_STOCK, status(id));
        var shortLine = packages.detail(id).orElseThrow().history().stream()
                .filter(h -> h.action().equals("OUT_OF_STOCK")).findFirst().orElseThrow();
        assertEquals("A missing 2, C missing 1", shortLine.reason());
        assertEquals(io.waybill.core.model.Reason.SHORTAGES, shortLine.reasonCode());
        assertEquals(List.of("A", "2", "C", "1"), shortLine.reasonParams());
        assertEquals(2, packages.detail(id).orElseThrow().shortages().size());
        assertEquals(0, scalar(db, "SELECT SUM(RESERVED) FROM WB_STOCK"), "nothing reserved for a short package");

        // when stock arrives and the package is retried
        authorized(new StockServiceImpl(db)).adjust("W1", "A", 5, "goods received", "bob");
        authorized(new StockServiceImpl(db)).set("W1", "C", 4, "bob");
        BatchResult retry = fulfilment.allocate(List.of(id), "bob");

        assertEquals(List.of(id), retry.succeeded());
        assertEquals(PackageStatus.ALLOCATED, status(id));
        assertTrue(packages.detail(id).orElseThrow().shortages().isEmpty());
    }

    @Test
    void voidReleasesReservedStockAndRecordsTheReason() throws Exception {
        exec(db, "INSERT INTO WB_STOCK VALUES (101, 1, 11, 21, NULL, 10, 0)");
        capture.capture("S1", List.of(order("o1", "A", 4)), "carol");
        long id = pkg("o1");
        fulfilment.allocate(List.of(id), "carol");
        assertEquals(4, scalar(db, "SELECT RESERVED FROM WB_STOCK WHERE ID = 101"));

        BatchResult r = fulfilment.voidPackages(List.of(id), "Buyer cancelled", "carol");

        assertEquals(List.of(id), r.succeeded());
        assertEquals(0, scalar(db, "SELECT RESERVED FROM WB_STOCK WHERE ID = 101"));
        PackageDetail d = packages.detail(id).orElseThrow();
        assertEquals(PackageStatus.VOIDED, d.row().status());
        var last = d.history().get(d.history().size() - 1);
        assertEquals("Buyer cancelled", last.reason());
        assertEquals(null, last.reasonCode(), "a user's own words stay free text");
        assertEquals(PackageStatus.ALLOCATED, last.from());
    }

    @Test
    void voidIsRefusedForShippedAndVoidedPackagesWithAClearMessage() throws Exception {
        capture.capture("S1", List.of(order("o1", "A", 1), order("o2", "A", 1)), "dave");
        long shipped = pkg("o1");
        long other = pkg("o2");
        exec(db, "UPDATE WB_PACKAGE SET STATUS = 'SHIPPED' WHERE ID = " + shipped);
        fulfilment.voidPackages(List.of(other), "Duplicate order", "dave");

        BatchResult r = fulfilment.voidPackages(List.of(shipped, other), "Fraud suspected", "dave");

        assertTrue(r.succeeded().isEmpty());
        Map<Long, String> codes = new java.util.HashMap<>();
        r.failures().forEach(f -> codes.put(f.packageId(), f.code()));
        assertEquals("already_shipped", codes.get(shipped));
        assertEquals("already_voided", codes.get(other));
        assertTrue(r.failures().get(0).message().contains("already been shipped"));
        assertEquals(PackageStatus.SHIPPED, status(shipped));
    }

    @Test
    void voidNeedsAReason() throws Exception {
        capture.capture("S1", List.of(order("o1", "A", 1)), "erin");
        long id = pkg("o1");
        assertThrows(OperationRefusedException.class, () -> fulfilment.voidPackages(List.of(id), "  ", "erin"));
        assertThrows(OperationRefusedException.class, () -> fulfilment.voidPackages(List.of(id), "x\u0007", "erin"));
        assertEquals(PackageStatus.WAITING, status(id));
    }

    @Test
    void illegalTransitionsAreRefused() throws Exception {
        exec(db, "INSERT INTO WB_STOCK VALUES (101, 1, 11, 21, NULL, 10, 0)");
        capture.capture("S1", List.of(order("o1", "A", 1)), "fay");
        long id = pkg("o1");
        fulfilment.allocate(List.of(id), "fay");
        BatchResult again = fulfilment.allocate(List.of(id), "fay");
        assertEquals("illegal_state", again.failures().get(0).code());
        assertEquals(1, scalar(db, "SELECT RESERVED FROM WB_STOCK WHERE ID = 101"), "no double reservation");
    }

    @Test
    void eightConcurrentBatchesNeverOversell() throws Exception {
        // given: scarce stock — 30 A and 20 B in W1, nothing in W2; 60 packages wanting 1 A + 1 B each
        exec(db, "INSERT INTO WB_STOCK VALUES (101, 1, 11, 21, NULL, 30, 0)");
        exec(db, "INSERT INTO WB_STOCK VALUES (102, 1, 11, 22, NULL, 20, 0)");
        List<PlatformOrder> orders = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            orders.add(i % 2 == 0 ? order("c" + i, "A", 1, "B", 1) : order("c" + i, "B", 1, "A", 1));
        }
        capture.capture("S1", orders, "load");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ids.add(pkg("c" + i));
        }
        // when: 8 batches over overlapping, shuffled selections start together
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CyclicBarrier start = new CyclicBarrier(8);
        List<Future<BatchResult>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            List<Long> mine = new ArrayList<>(ids);
            Collections.shuffle(mine, new java.util.Random(t));
            FulfilmentServiceImpl service = authorized(new FulfilmentServiceImpl(db.dataSource(), Clock.systemUTC()));
            Callable<BatchResult> job = () -> {
                start.await();
                return service.allocate(mine, "t");
            };
            futures.add(pool.submit(job));
        }
        int allocatedTotal = 0;
        for (Future<BatchResult> f : futures) {
            allocatedTotal += f.get().succeeded().size();
        }
        pool.shutdown();
        // then: exactly 20 packages allocated (B is the bottleneck), none twice, stock consistent
        assertEquals(20, allocatedTotal, "each package allocated by exactly one batch");
        assertEquals(20, scalar(db, "SELECT COUNT(*) FROM WB_PACKAGE WHERE STATUS = 'ALLOCATED'"));
        assertEquals(40, scalar(db, "SELECT COUNT(*) FROM WB_PACKAGE WHERE STATUS = 'OUT_OF_STOCK'"));
        assertEquals(20, scalar(db, "SELECT RESERVED FROM WB_STOCK WHERE ID = 101"));
        assertEquals(20, scalar(db, "SELECT RESERVED FROM WB_STOCK WHERE ID = 102"));
        assertEquals(0, scalar(db, "SELECT COUNT(*) FROM WB_STOCK WHERE RESERVED > ON_HAND"));
        assertEquals(20, scalar(db, "SELECT COUNT(*) FROM WB_AUDIT_EVENT WHERE ACTION = 'ALLOCATED'"));
    }

    @Test
    void aBatchLargerThanAChunkIsAllocatedWithOneReservationPerSkuAndAnAuditLinePerPackage() throws Exception {
        // given: 2.5 chunks of packages, all fitting W1
        exec(db, "INSERT INTO WB_STOCK VALUES (101, 1, 11, 21, NULL, 1000, 0)");
        exec(db, "INSERT INTO WB_STOCK VALUES (102, 1, 11, 22, NULL, 1000, 0)");
        int n = FulfilmentServiceImpl.CHUNK * 5 / 2;
        List<PlatformOrder> orders = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            orders.add(i % 3 == 0 ? order("k" + i, "A", 2, "B", 1) : order("k" + i, "A", 1));
        }
        capture.capture("S1", orders, "gus");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(pkg("k" + i));
        }
        // when
        BatchResult r = fulfilment.allocate(ids, "gus");
        // then
        assertEquals(ids, r.succeeded(), "every package, in selection order");
        int thirds = (n + 2) / 3;
        assertEquals(2 * thirds + (n - thirds), scalar(db, "SELECT RESERVED FROM WB_STOCK WHERE ID = 101"));
        assertEquals(thirds, scalar(db, "SELECT RESERVED FROM WB_STOCK WHERE ID = 102"));
        assertEquals(n, scalar(db, "SELECT COUNT(*) FROM WB_PACKAGE WHERE STATUS = 'ALLOCATED' AND WAREHOUSE_ID = 11"));
        assertEquals(n, scalar(db, "SELECT COUNT(*) FROM WB_AUDIT_EVENT WHERE ACTION = 'ALLOCATED' "
                + "AND ACTOR = 'gus' AND FROM_STATUS = 'WAITING' AND REASON = 'Warehouse W1'"));
    }

    @Test
    void refusedAndUnknownPackagesInAChunkAreReportedAndTheOthersAllocatedInSelectionOrder() throws Exception {
        exec(db, "INSERT INTO WB_STOCK VALUES (101, 1, 11, 21, NULL, 10, 0)");
        capture.capture("S1", List.of(order("r1", "A", 1), order("r2", "A", 1), order("r3", "A", 1)), "hal");
        long first = pkg("r1");
        long second = pkg("r2");
        long third = pkg("r3");
        fulfilment.allocate(List.of(second), "hal");
        // when: an allocated one, an unknown id and a package selected twice in one batch
        BatchResult r = fulfilment.allocate(List.of(third, second, 987654321L, first, third), "hal");
        // then
        assertEquals(List.of(third, first), r.succeeded());
        assertEquals(4, r.requested(), "a package selected twice counts once");
        assertEquals(List.of("illegal_state", "unknown_package"),
                r.failures().stream().map(BatchResult.Failure::code).toList());
        assertEquals(3, scalar(db, "SELECT RESERVED FROM WB_STOCK WHERE ID = 101"), "one unit per package, once");
    }

    @Test
    void whenStockCannotCoverTheWholeChunkTheFirstSelectedPackagesGetIt() throws Exception {
        // given: 3 A in W1 and none in W2, five packages wanting one A each
        exec(db, "INSERT INTO WB_STOCK VALUES (101, 1, 11, 21, NULL, 3, 0)");
        List<PlatformOrder> orders = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            orders.add(order("s" + i, "A", 1));
        }
        capture.capture("S1", orders, "ida");
        List<Long> selection = new ArrayList<>();
        for (int i = 4; i >= 0; i--) {
            selection.add(pkg("s" + i));
        }
        // when
        BatchResult r = fulfilment.allocate(selection, "ida");
        // then: the first three of the selection, the last two out of stock with what is missing
        assertEquals(selection.subList(0, 3), r.succeeded());
        assertEquals(List.of("out_of_stock", "out_of_stock"),
                r.failures().stream().map(BatchResult.Failure::code).toList());
        assertTrue(r.failures().get(0).message().contains("A missing 1"), r.failures().get(0).message());
        assertEquals(PackageStatus.OUT_OF_STOCK, status(selection.get(4)));
        assertEquals(3, scalar(db, "SELECT RESERVED FROM WB_STOCK WHERE ID = 101"));
        assertEquals(3, scalar(db, "SELECT COUNT(*) FROM WB_AUDIT_EVENT WHERE ACTION = 'ALLOCATED'"),
                "nothing of the rolled-back chunk transaction is left");
    }

    @Test
    void whenStockRunsOutInsideALargeBatchTheFirstSelectedPackagesGetItAcrossChunks() throws Exception {
        // given: 330 A in W1 (one and a half write chunks) and none in W2; 2.5 write chunks of packages wanting one A each, selected shuffled
        exec(db, "INSERT INTO WB_STOCK VALUES (101, 1, 11, 21, NULL, 330, 0)");
        int n = FulfilmentServiceImpl.WRITE_CHUNK * 5 / 2;
        List<PlatformOrder> orders = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            orders.add(order("m" + i, "A", 1));
        }
        capture.capture("S1", orders, "kim");
        List<Long> selection = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            selection.add(pkg("m" + i));
        }
        Collections.shuffle(selection, new java.util.Random(7));
        // when
        BatchResult r = fulfilment.allocate(selection, "kim");
        // then: exactly the first 330 of the selection, the rest out of stock, in selection order
        assertEquals(selection.subList(0, 330), r.succeeded());
        assertEquals(selection.subList(330, n), r.failures().stream().map(BatchResult.Failure::packageId).toList());
        assertTrue(r.failures().stream().allMatch(f -> f.code().equals("out_of_stock")));
        assertEquals(330, scalar(db, "SELECT RESERVED FROM WB_STOCK WHERE ID = 101"));
        assertEquals(330, scalar(db, "SELECT COUNT(*) FROM WB_AUDIT_EVENT WHERE ACTION = 'ALLOCATED'"));
        assertEquals(n - 330, scalar(db, "SELECT COUNT(*) FROM WB_PACKAGE WHERE STATUS = 'OUT_OF_STOCK'"));
        // and when stock arrives, a retry of the out-of-stock ones allocates them all
        exec(db, "UPDATE WB_STOCK SET ON_HAND = ON_HAND + " + (n - 330) + " WHERE ID = 101");
        BatchResult retry = fulfilment.allocate(selection.subList(330, n), "kim");
        assertEquals(selection.subList(330, n), retry.succeeded());
        assertEquals(0, scalar(db, "SELECT COUNT(*) FROM WB_PACKAGE_SHORTAGE"), "shortages cleared");
        assertEquals(n, scalar(db, "SELECT RESERVED FROM WB_STOCK WHERE ID = 101"));
    }

    @Test
    void aLargeBatchReportsUnknownRefusedAndRepeatedPackagesAndAllocatesTheRestOnce() throws Exception {
        exec(db, "INSERT INTO WB_STOCK VALUES (101, 1, 11, 21, NULL, 10000, 0)");
        exec(db, "INSERT INTO WB_STOCK VALUES (102, 1, 11, 22, NULL, 10000, 0)");
        int n = FulfilmentServiceImpl.WRITE_CHUNK * 2 + 17;
        List<PlatformOrder> orders = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            orders.add(i % 4 == 0 ? order("L" + i, "A", 2, "B", 1) : order("L" + i, "B", 1));
        }
        capture.capture("S1", orders, "lu");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(pkg("L" + i));
        }
        long early = ids.get(n / 2);
        fulfilment.allocate(List.of(early), "lu");
        List<Long> selection = new ArrayList<>(ids);
        selection.add(3, 424242424L);
        selection.add(ids.get(5));
        // when
        BatchResult r = fulfilment.allocate(selection, "lu");
        // then
        List<Long> expected = new ArrayList<>(ids);
        expected.remove(early);
        assertEquals(expected, r.succeeded(), "every other package, once, in selection order");
        assertEquals(List.of("unknown_package", "illegal_state"),
                r.failures().stream().map(BatchResult.Failure::code).toList());
        int withA = (n + 3) / 4;
        assertEquals(2 * withA, scalar(db, "SELECT RESERVED FROM WB_STOCK WHERE ID = 101"));
        assertEquals(n, scalar(db, "SELECT RESERVED FROM WB_STOCK WHERE ID = 102"));
        assertEquals(n, scalar(db, "SELECT COUNT(*) FROM WB_AUDIT_EVENT WHERE ACTION = 'ALLOCATED'"),
                "one audit line per package");
    }
}
