package io.waybill.core.internal.workflow;

import io.waybill.core.internal.Fixtures;
import io.waybill.core.internal.TestDatabase;
import io.waybill.core.internal.capture.OrderCaptureServiceImpl;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.service.PackageServiceImpl;
import io.waybill.core.model.BatchResult;
import io.waybill.core.model.ScanResult;
import io.waybill.spi.platform.PlatformOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.waybill.core.internal.Fixtures.exec;
import static io.waybill.core.internal.Fixtures.order;
import static io.waybill.core.internal.Fixtures.scalar;
import static io.waybill.core.internal.security.TestAuthorizers.authorized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bundles on real Derby: a package line of KIT (2 A + 1 C) or BOX (KIT + B) reserves, releases and consumes the
 * components; the warehouse is one that has every component; scarce components go to the packages selected first;
 * no oversell under concurrent batches.
 */
class BundleAllocationTest {
    private DatabaseEngine db;
    private FulfilmentServiceImpl fulfilment;
    private OrderCaptureServiceImpl capture;

    @BeforeEach
    void open() throws Exception {
        db = TestDatabase.inMemory();
        Fixtures.basic(db);
        Fixtures.bundles(db);
        fulfilment = authorized(new FulfilmentServiceImpl(db));
        capture = authorized(new OrderCaptureServiceImpl(db, Fixtures.registry()));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private long pkg(String platformOrderId) throws Exception {
        return scalar(db, "SELECT p.ID FROM WB_PACKAGE p JOIN WB_ORDER o ON o.ID = p.ORDER_ID WHERE "
                + "o.PLATFORM_ORDER_ID = '" + platformOrderId + "'");
    }

    private int reserved(long stockId) throws Exception {
        return scalar(db, "SELECT RESERVED FROM WB_STOCK WHERE ID = " + stockId);
    }

    private String status(long id) throws Exception {
        return Fixtures.string(db, "SELECT STATUS FROM WB_PACKAGE WHERE ID = " + id);
    }

    @Test
    void aBundleLineReservesItsComponentsInTheFirstWarehouseThatHasAllOfThem() throws Exception {
        // given: W1 has plenty of A but no C; W2 has both
        exec(db, "INSERT INTO WB_STOCK VALUES (101, 1, 11, 21, NULL, 50, 0)");
        exec(db, "INSERT INTO WB_STOCK VALUES (102, 1, 12, 21, NULL, 10, 0)");
        exec(db, "INSERT INTO WB_STOCK VALUES (103, 1, 12, 23, NULL, 10, 0)");
        capture.capture("S1", List.of(order("k1", "KIT", 3)), "alice");
        long id = pkg("k1");
        PackageServiceImpl packages = new PackageServiceImpl(db);
        // before allocation the package shows the catalogue's components; KIT weighs 2 x 100 g + 40 g
        io.waybill.core.model.PackageDetail.Line before = packages.detail(id).orElseThrow().lines().get(0);
        assertEquals(List.of("A x6", "C x3"), before.components().stream().map(c -> c.skuCode() + " x"
                + c.quantity()).toList());
        assertEquals(240, before.weightGrams());
        // when
        BatchResult r = fulfilment.allocate(List.of(id), "alice");
        // then: 6 A + 3 C from W2; W1 untouched; the kit itself has no stock row at all
        assertEquals(List.of(id), r.succeeded(), r.failures().toString());
        assertEquals("ALLOCATED", status(id));
        assertEquals(12, scalar(db, "SELECT WAREHOUSE_ID FROM WB_PACKAGE WHERE ID = " + id));
        assertEquals(0, reserved(101));
        assertEquals(6, reserved(102));
        assertEquals(3, reserved(103));
        assertEquals(0, scalar(db, "SELECT COUNT(*) FROM WB_STOCK WHERE SKU_ID = 24"));
        assertEquals(2, scalar(db, "SELECT COUNT(*) FROM WB_PACKAGE_COMPONENT WHERE PACKAGE_ID = " + id));
        assertEquals(6, scalar(db, "SELECT QUANTITY FROM WB_PACKAGE_COMPONENT WHERE PACKAGE_ID = " + id
                + " AND COMPONENT_SKU_ID = 21"));
        // and the package (picking list, package-show) shows what was reserved, even after the kit changes
        exec(db, "DELETE FROM WB_SKU_COMPONENT WHERE BUNDLE_SKU_ID = 24");
        io.waybill.core.model.PackageDetail.Line kit = packages.detail(id).orElseThrow().lines().get(0);
        assertEquals(List.of("A x6", "C x3"), kit.components().stream().map(c -> c.skuCode() + " x"
                + c.quantity()).toList());
    }

    @Test
    void aNestedBundleAndAPlainLineOfTheSameComponentAddUp() throws Exception {
        // given: BOX = KIT (2 A + 1 C) + B; the order also has 1 A of its own
        exec(db, "INSERT INTO WB_STOCK VALUES (101, 1, 11, 21, NULL, 5, 0)");
        exec(db, "INSERT INTO WB_STOCK VALUES (102, 1, 11, 22, NULL, 5, 0)");
        exec(db, "INSERT INTO WB_STOCK VALUES (103, 1, 11, 23, NULL, 5, 0)");
        capture.capture("S1", List.of(order("n1", "BOX", 2, "A", 1)), "alice");
        long id = pkg("n1");
        // when
        assertEquals(List.of(id), fulfilment.allocate(List.of(id), "alice").succeeded());
        // then: A = 2 x 2 + 1, B = 2, C = 2
        assertEquals(5, reserved(101));
        assertEquals(2, reserved(102));
        assertEquals(2, reserved(103));
    }

    @Test
    void missingComponentsPutThePackageOutOfStockNamingTheComponents() throws Exception {
        exec(db, "INSERT INTO WB_STOCK VALUES (101, 1, 11, 21, NULL, 3, 0)");
        exec(db, "INSERT INTO WB_STOCK VALUES (103, 1, 11, 23, NULL, 5, 0)");
        capture.capture("S1", List.of(order("s1", "KIT", 2)), "bob");
        long id = pkg("s1");

        BatchResult r = fulfilment.allocate(List.of(id), "bob");

        assertEquals(1, r.failures().size());
        assertEquals("out_of_stock", r.failures().get(0).code());
        assertEquals("Out of stock: A missing 1", r.failures().get(0).message());
        assertEquals("OUT_OF_STOCK", status(id));
        assertEquals(0, reserved(101), "nothing reserved: all or nothing per package");
        assertEquals(0, reserved(103));
        assertEquals(0, scalar(db, "SELECT COUNT(*) FROM WB_PACKAGE_COMPONENT"));
        assertEquals(21, scalar(db, "SELECT SKU_ID FROM WB_PACKAGE_SHORTAGE WHERE PACKAGE_ID = " + id));
    }

    @Test
    void voidReleasesWhatTheBundleReservedEvenAfterItsComponentsChanged() throws Exception {
        exec(db, "INSERT INTO WB_STOCK VALUES (101, 1, 11, 21, NULL, 10, 0)");
        exec(db, "INSERT INTO WB_STOCK VALUES (102, 1, 11, 22, NULL, 10, 0)");
        exec(db, "INSERT INTO WB_STOCK VALUES (103, 1, 11, 23, NULL, 10, 0)");
        capture.capture("S1", List.of(order("v1", "KIT", 2, "B", 1)), "alice");
        long id = pkg("v1");
        fulfilment.allocate(List.of(id), "alice");
        assertEquals(4, reserved(101));
        assertEquals(1, reserved(102));
        assertEquals(2, reserved(103));
        // when the kit is changed to 1 B only, then the package is voided
        exec(db, "DELETE FROM WB_SKU_COMPONENT WHERE BUNDLE_SKU_ID = 24");
        exec(db, "INSERT INTO WB_SKU_COMPONENT VALUES (24, 22, 1, 0)");
        BatchResult r = fulfilment.voidPackages(List.of(id), "Customer cancelled", "alice");
        // then what it reserved comes back, exactly
        assertEquals(List.of(id), r.succeeded(), r.failures().toString());
        assertEquals(0, reserved(101));
        assertEquals(0, reserved(102));
        assertEquals(0, reserved(103));
        assertEquals("VOIDED", status(id));
    }

    @Test
    void shippingConsumesTheComponentsAndTheWeightIsTheSumOfThemOrTheBundlesOwn() throws Exception {
        exec(db, "INSERT INTO WB_STOCK VALUES (101, 1, 11, 21, NULL, 10, 0)");
        exec(db, "INSERT INTO WB_STOCK VALUES (102, 1, 11, 22, NULL, 10, 0)");
        exec(db, "INSERT INTO WB_STOCK VALUES (103, 1, 11, 23, NULL, 10, 0)");
        capture.capture("S1", List.of(order("w1", "KIT", 1), order("w2", "BOX", 1)), "alice");
        long kit = pkg("w1");
        long box = pkg("w2");
        // KIT has no weight of its own: 2 x 100 g + 40 g; BOX has its own 900 g
        int packaging = scalar(db, "SELECT EXPECTED_WEIGHT_GRAMS FROM WB_PACKAGE WHERE ID = " + kit) - 240;
        assertEquals(900 + packaging, scalar(db, "SELECT EXPECTED_WEIGHT_GRAMS FROM WB_PACKAGE WHERE ID = " + box));
        fulfilment.allocate(List.of(kit, box), "alice");
        exec(db, "UPDATE WB_PACKAGE SET STATUS = 'PRINTED', TRACKING_NO = 'RR123456785CN' WHERE ID = " + kit);
        ShippingServiceImpl shipping = authorized(new ShippingServiceImpl(db.dataSource(), Clock.systemUTC(),
                (user, pw) -> Optional.empty()));
        // when
        ScanResult r = shipping.ship("RR123456785CN", 240 + packaging, "packer");
        // then: 2 A and 1 C left the warehouse; BOX still holds its 2 A, 1 B, 1 C
        assertTrue(r.shipped(), r.message());
        assertEquals(8, scalar(db, "SELECT ON_HAND FROM WB_STOCK WHERE ID = 101"));
        assertEquals(2, reserved(101));
        assertEquals(9, scalar(db, "SELECT ON_HAND FROM WB_STOCK WHERE ID = 103"));
        assertEquals(1, reserved(103));
        assertEquals(1, reserved(102));
        assertEquals(10, scalar(db, "SELECT ON_HAND FROM WB_STOCK WHERE ID = 102"));
    }

    @Test
    void inALargeBatchScarceComponentsGoToTheFirstSelectedPackagesBundleOrNot() throws Exception {
        // given: 300 A in W1, none in W2; 2.5 write chunks of packages, every third one a KIT (2 A + 1 C)
        exec(db, "INSERT INTO WB_STOCK VALUES (101, 1, 11, 21, NULL, 300, 0)");
        exec(db, "INSERT INTO WB_STOCK VALUES (103, 1, 11, 23, NULL, 1000, 0)");
        int n = FulfilmentServiceImpl.WRITE_CHUNK * 5 / 2;
        List<PlatformOrder> orders = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            orders.add(i % 3 == 0 ? order("m" + i, "KIT", 1) : order("m" + i, "A", 1));
        }
        capture.capture("S1", orders, "kim");
        List<Long> selection = new ArrayList<>();
        List<Integer> needA = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            selection.add(pkg("m" + i));
        }
        Collections.shuffle(selection, new Random(7));
        for (long id : selection) {
            needA.add(scalar(db, "SELECT s.ID FROM WB_ORDER_LINE l JOIN WB_PACKAGE p ON p.ORDER_ID = l.ORDER_ID "
                    + "JOIN WB_SKU s ON s.ID = l.SKU_ID WHERE p.ID = " + id) == 24 ? 2 : 1);
        }
        // the selection order decides: the longest run from the start whose A fits 300
        int fit = 0;
        int sum = 0;
        while (fit < n && sum + needA.get(fit) <= 300) {
            sum += needA.get(fit++);
        }
        // when
        BatchResult r = fulfilment.allocate(selection, "kim");
        // then: the first packages get it; later ones that still fit (a plain one after a kit that did not) too
        assertEquals(selection.subList(0, fit), r.succeeded().subList(0, fit));
        int reservedA = reserved(101);
        assertTrue(reservedA <= 300 && reservedA >= sum, "reserved " + reservedA);
        int kits = scalar(db, "SELECT COUNT(*) FROM WB_PACKAGE p JOIN WB_ORDER_LINE l ON l.ORDER_ID = p.ORDER_ID "
                + "WHERE p.STATUS = 'ALLOCATED' AND l.SKU_ID = 24");
        int plain = r.succeeded().size() - kits;
        assertEquals(reservedA, 2 * kits + plain, "A reserved = what the allocated packages need");
        assertEquals(kits, reserved(103));
        assertEquals(kits, scalar(db, "SELECT COUNT(DISTINCT PACKAGE_ID) FROM WB_PACKAGE_COMPONENT"));
        assertTrue(r.failures().stream().allMatch(f -> f.code().equals("out_of_stock")));
    }

    @Test
    void eightConcurrentBatchesOfBundlesNeverOversellComponents() throws Exception {
        concurrentBundlesNeverOversell(db, "S1", 11);
    }

    /**
     * 60 packages of one store, half a KIT (2 A + 1 C), half 1 A + 1 C; its first warehouse has 45 A and 30 C:
     * eight shuffled batches at once. Whatever mix wins, no stock row is over-reserved and every allocated package
     * holds exactly its components. Shared with the PostgreSQL test.
     */
    static void concurrentBundlesNeverOversell(DatabaseEngine db, String store, long warehouse) throws Exception {
        exec(db, "INSERT INTO WB_STOCK VALUES (201, 1, " + warehouse + ", 21, NULL, 45, 0)");
        exec(db, "INSERT INTO WB_STOCK VALUES (203, 1, " + warehouse + ", 23, NULL, 30, 0)");
        List<PlatformOrder> orders = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            orders.add(i % 2 == 0 ? order("b" + i, "KIT", 1) : order("b" + i, "C", 1, "A", 1));
        }
        authorized(new OrderCaptureServiceImpl(db, Fixtures.registry())).capture(store, orders, "load");
        String ofStore = " FROM WB_PACKAGE p JOIN WB_ORDER o ON o.ID = p.ORDER_ID JOIN WB_STORE s ON s.ID = "
                + "o.STORE_ID WHERE s.CODE = '" + store + "'";
        List<Long> ids = new ArrayList<>();
        try (java.sql.Connection c = db.dataSource().getConnection();
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT p.ID" + ofStore)) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        assertEquals(60, ids.size());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CyclicBarrier start = new CyclicBarrier(8);
        List<Future<BatchResult>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            List<Long> mine = new ArrayList<>(ids);
            Collections.shuffle(mine, new Random(t));
            FulfilmentServiceImpl service = authorized(new FulfilmentServiceImpl(db));
            futures.add(pool.submit(() -> {
                start.await();
                return service.allocate(mine, "t");
            }));
        }
        int allocated = 0;
        for (Future<BatchResult> f : futures) {
            allocated += f.get().succeeded().size();
        }
        pool.shutdown();
        int kits = scalar(db, "SELECT COUNT(*)" + ofStore + " AND p.STATUS = 'ALLOCATED' AND EXISTS (SELECT 1 FROM "
                + "WB_ORDER_LINE l WHERE l.ORDER_ID = p.ORDER_ID AND l.SKU_ID = 24)");
        int plain = scalar(db, "SELECT COUNT(*)" + ofStore + " AND p.STATUS = 'ALLOCATED'") - kits;
        assertEquals(kits + plain, allocated, "each package allocated by exactly one batch");
        assertEquals(2 * kits + plain, scalar(db, "SELECT RESERVED FROM WB_STOCK WHERE ID = 201"));
        assertEquals(kits + plain, scalar(db, "SELECT RESERVED FROM WB_STOCK WHERE ID = 203"));
        assertEquals(0, scalar(db, "SELECT COUNT(*) FROM WB_STOCK WHERE RESERVED > ON_HAND"));
        // C (30) caps the packages, A (45) the kits among them: 30 allocated, at most 15 kits
        assertEquals(30, kits + plain);
        assertTrue(kits <= 15, kits + " kits");
        assertEquals(kits, scalar(db, "SELECT COUNT(DISTINCT k.PACKAGE_ID) FROM WB_PACKAGE_COMPONENT k JOIN "
                + "WB_PACKAGE p ON p.ID = k.PACKAGE_ID JOIN WB_ORDER o ON o.ID = p.ORDER_ID JOIN WB_STORE s ON "
                + "s.ID = o.STORE_ID WHERE s.CODE = '" + store + "'"));
        assertEquals(allocated, scalar(db, "SELECT COUNT(*) FROM WB_AUDIT_EVENT e JOIN WB_PACKAGE p ON p.ID = "
                + "e.PACKAGE_ID JOIN WB_ORDER o ON o.ID = p.ORDER_ID JOIN WB_STORE s ON s.ID = o.STORE_ID WHERE "
                + "s.CODE = '" + store + "' AND e.ACTION = 'ALLOCATED'"));
    }
}
