package io.waybill.core.internal.workflow;

import io.waybill.core.internal.Fixtures;
import io.waybill.core.internal.PostgresServer;
import io.waybill.core.internal.capture.OrderCaptureServiceImpl;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.db.JdbcSettings;
import io.waybill.core.internal.service.PackageServiceImpl;
import io.waybill.core.model.BatchResult;
import io.waybill.core.model.PackageQuery;
import io.waybill.core.model.PackageStatus;
import io.waybill.spi.platform.PlatformOrder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.waybill.core.internal.security.TestAuthorizers.authorized;
import static io.waybill.core.internal.Fixtures.order;
import static io.waybill.core.internal.Fixtures.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The same migrations and allocation rules on a real PostgreSQL server: no oversell with 8 concurrent batches. */
class PostgresFulfilmentTest {

    private static PostgresServer server;
    private static DatabaseEngine db;

    @BeforeAll
    static void start() throws Exception {
        server = PostgresServer.start();
        URL root = PostgresFulfilmentTest.class.getProtectionDomain().getCodeSource().getLocation();
        db = new DatabaseEngine(new JdbcSettings(server.jdbcUrl(), server.user(), "", 12), root,
                PostgresFulfilmentTest.class.getClassLoader());
        Fixtures.basic(db);
    }

    @AfterAll
    static void stop() throws Exception {
        if (db != null) {
            db.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void eightConcurrentBatchesNeverOversellOnPostgres() throws Exception {
        assertEquals("PostgreSQL", db.productName());
        Fixtures.exec(db, "INSERT INTO WB_STOCK VALUES (101, 1, 11, 21, NULL, 30, 0)");
        Fixtures.exec(db, "INSERT INTO WB_STOCK VALUES (102, 1, 11, 22, NULL, 20, 0)");
        Fixtures.exec(db, "INSERT INTO WB_STOCK VALUES (103, 1, 12, 22, NULL, 5, 0)");
        List<PlatformOrder> orders = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            orders.add(i % 2 == 0 ? order("p" + i, "A", 1, "B", 1) : order("p" + i, "B", 1, "A", 1));
        }
        authorized(new OrderCaptureServiceImpl(db, Fixtures.registry())).capture("S1", orders, "load");
        PackageServiceImpl packages = new PackageServiceImpl(db);
        List<Long> ids = packages.find(PackageQuery.status(PackageStatus.WAITING), 0, 100, List.of()).stream()
                .map(r -> r.id()).toList();
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

        // W1 can supply 20 (B is short there), W2 has no A: exactly 20 allocated, all from W1
        assertEquals(20, allocated);
        assertEquals(20, scalar(db, "SELECT COUNT(*) FROM WB_PACKAGE WHERE STATUS = 'ALLOCATED'"));
        assertEquals(20, scalar(db, "SELECT RESERVED FROM WB_STOCK WHERE ID = 101"));
        assertEquals(20, scalar(db, "SELECT RESERVED FROM WB_STOCK WHERE ID = 102"));
        assertEquals(0, scalar(db, "SELECT RESERVED FROM WB_STOCK WHERE ID = 103"));
        assertEquals(0, scalar(db, "SELECT COUNT(*) FROM WB_STOCK WHERE RESERVED > ON_HAND"));
    }

    @Test
    void eightConcurrentBatchesOfBundlesNeverOversellComponentsOnPostgres() throws Exception {
        // a fresh store of its own (S2, W3): the packages and stock of the test above stay out of the way
        Fixtures.exec(db, "INSERT INTO WB_STORE (ID, VERSION, CODE, NAME, PLATFORM) VALUES (2, 1, 'S2', 'Two', 'test')");
        Fixtures.exec(db, "INSERT INTO WB_WAREHOUSE (ID, VERSION, CODE, NAME, COUNTRY_CODE) VALUES (13, 1, 'W3', "
                + "'Three', 'CN')");
        Fixtures.exec(db, "INSERT INTO WB_STORE_WAREHOUSE VALUES (2, 13, 1)");
        Fixtures.bundles(db);
        BundleAllocationTest.concurrentBundlesNeverOversell(db, "S2", 13);
    }
}
