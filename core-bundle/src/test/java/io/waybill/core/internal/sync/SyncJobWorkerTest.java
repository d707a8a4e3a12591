package io.waybill.core.internal.sync;

import io.waybill.core.internal.Fixtures;
import io.waybill.core.internal.TestDatabase;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.plugin.PluginRegistryImpl;
import io.waybill.core.model.BatchResult;
import io.waybill.core.model.CarrierCodeMapping;
import io.waybill.core.model.SyncState;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.PluginDescriptor;
import io.waybill.spi.common.Result;
import io.waybill.spi.platform.MarketplaceConnector;
import io.waybill.spi.platform.RateLimit;
import io.waybill.spi.platform.ShipmentConfirmation;
import io.waybill.spi.platform.StoreContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static io.waybill.core.internal.security.TestAuthorizers.authorized;
import static io.waybill.core.internal.Fixtures.exec;
import static io.waybill.core.internal.Fixtures.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class SyncJobWorkerTest {

    /** Marketplace double: records confirmations; can refuse one order or rate-limit the first call. */
    static final class RecordingMarketplace implements MarketplaceConnector {
        final List<ShipmentConfirmation> confirmed = new CopyOnWriteArrayList<>();
        final AtomicInteger calls = new AtomicInteger();
        volatile boolean rateLimitFirst;
        volatile String refuseOrder;
        volatile long answerMillis;
        final java.util.Map<String, AtomicInteger> running = new java.util.concurrent.ConcurrentHashMap<>();
        final AtomicInteger mostAtOnceForOneOrder = new AtomicInteger();

        @Override
        public PluginDescriptor descriptor() {
            return new PluginDescriptor("test", "Test marketplace", "records confirmations");
        }

        @Override
        public RateLimit rateLimit(StoreContext store) {
            return new RateLimit(50, 5);
        }

        @Override
        public Result<Boolean> confirmShipment(StoreContext store, ShipmentConfirmation c) {
            if (calls.incrementAndGet() == 1 && rateLimitFirst) {
                return Result.failure(Message.error("rate_limited", "retry_after=0.2"));
            }
            AtomicInteger now = running.computeIfAbsent(c.platformOrderId(), k -> new AtomicInteger());
            mostAtOnceForOneOrder.accumulateAndGet(now.incrementAndGet(), Math::max);
            try {
                Thread.sleep(answerMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                now.decrementAndGet();
            }
            if (c.platformOrderId().equals(refuseOrder)) {
                return Result.failure(Message.error("rejected", "order is already cancelled on the marketplace"));
            }
            confirmed.add(c);
            return Result.ok(true);
        }
    }

    private DatabaseEngine db;
    private SyncServiceImpl sync;
    private SyncJobWorker worker;
    private RecordingMarketplace marketplace;

    @BeforeEach
    void open() throws Exception {
        db = TestDatabase.inMemory();
        Fixtures.basic(db);
        exec(db, "INSERT INTO WB_ORDER (ID, VERSION, STORE_ID, PLATFORM_ORDER_ID, ORDER_NO, BUYER_NAME, LINE1, CITY, "
                + "COUNTRY_CODE, CANCELLED, CREATED_AT, CAPTURED_AT, UPDATED_AT) SELECT 500 + ID, 1, 1, 'P-' || "
                + "CAST(ID AS CHAR(4)), 'N', 'B', 'L', 'C', 'US', FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, "
                + "CURRENT_TIMESTAMP FROM WB_SKU");
        exec(db, "INSERT INTO WB_PACKAGE (ID, VERSION, PACKAGE_NO, ORDER_ID, STATUS, EXPECTED_WEIGHT_GRAMS, PRINT_COUNT, "
                + "CREATED_AT, UPDATED_AT, CARRIER_ID, TRACKING_NO, SHIPPED_AT) SELECT 600 + ID, 1, 'WB' || "
                + "CAST(ID AS CHAR(4)), 500 + ID, 'SHIPPED', 100, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'pool', "
                + "'RR' || CAST(ID AS CHAR(4)), CURRENT_TIMESTAMP FROM WB_SKU");
        exec(db, "UPDATE WB_STORE SET PLATFORM = 'test'");
        sync = authorized(new SyncServiceImpl(db.dataSource(), Clock.systemUTC()));
        marketplace = new RecordingMarketplace();
        PluginRegistryImpl registry = Fixtures.registry();
        registry.bindPlatform(Fixtures.reference(), marketplace);
        worker = SyncJobWorker.standalone(sync, registry, false);
    }

    @AfterEach
    void close() {
        worker.stop();
        db.close();
    }

    private static void await(String what, java.util.function.BooleanSupplier c) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L; // generous: a loaded 2-core CI machine
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private int count(String sql) {
        try {
            return scalar(db, sql);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void manualSyncConfirmsWithTheMappedCarrierCodeAndRetriesRateLimits() throws Exception {
        sync.saveCarrierCode(new CarrierCodeMapping("test", "pool", "China Post"), "admin");
        marketplace.rateLimitFirst = true;
        marketplace.refuseOrder = "P-23  ";
        List<Long> ids = new ArrayList<>(List.of(621L, 622L, 623L));
        BatchResult r = sync.startSync(ids, "op");
        assertEquals(3, r.succeeded().size());
        assertEquals("already_queued", sync.startSync(List.of(621L), "op").failures().get(0).code());
        worker.start(10);
        await("all done", () -> count("SELECT COUNT(*) FROM WB_SYNC_JOB WHERE STATE IN ('DONE', 'FAILED')") == 3);
        assertEquals(2, count("SELECT COUNT(*) FROM WB_PACKAGE WHERE STATUS = 'SYNCED'"));
        assertEquals(1, count("SELECT COUNT(*) FROM WB_PACKAGE WHERE STATUS = 'SYNC_FAILED' AND LAST_ERROR LIKE '%cancelled%'"));
        assertTrue(marketplace.confirmed.stream().allMatch(c -> c.carrierCode().equals("China Post")));
        assertEquals(2, marketplace.confirmed.size(), "no duplicates");
        // the operator resends the failed one after fixing it on the marketplace
        marketplace.refuseOrder = null;
        assertEquals(1, sync.startSync(List.of(623L), "op").succeeded().size());
        await("resent", () -> count("SELECT COUNT(*) FROM WB_PACKAGE WHERE STATUS = 'SYNCED'") == 3);
    }

    @Test
    void packagesOfOneOrderAreConfirmedOneAtATime() throws Exception {
        // given: three packages of one order (621-623) and three of three other orders (624-626), a marketplace
        // answering slowly
        exec(db, "INSERT INTO WB_ORDER (ID, VERSION, STORE_ID, PLATFORM_ORDER_ID, ORDER_NO, BUYER_NAME, LINE1, CITY, "
                + "COUNTRY_CODE, CANCELLED, CREATED_AT, CAPTURED_AT, UPDATED_AT) SELECT 503 + ID, 1, 1, 'Q-' || "
                + "CAST(ID AS CHAR(4)), 'N', 'B', 'L', 'C', 'US', FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, "
                + "CURRENT_TIMESTAMP FROM WB_SKU");
        exec(db, "INSERT INTO WB_PACKAGE (ID, VERSION, PACKAGE_NO, ORDER_ID, STATUS, EXPECTED_WEIGHT_GRAMS, PRINT_COUNT, "
                + "CREATED_AT, UPDATED_AT, CARRIER_ID, TRACKING_NO, SHIPPED_AT) SELECT 603 + ID, 1, 'WX' || "
                + "CAST(ID AS CHAR(4)), 503 + ID, 'SHIPPED', 100, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'pool', "
                + "'RX' || CAST(ID AS CHAR(4)), CURRENT_TIMESTAMP FROM WB_SKU");
        exec(db, "UPDATE WB_PACKAGE SET ORDER_ID = 521 WHERE ID IN (622, 623)");
        marketplace.answerMillis = 300;
        assertEquals(6, sync.startSync(List.of(621L, 622L, 623L, 624L, 625L, 626L), "op").succeeded().size());

        // when
        worker.start(10);

        // then
        await("all synced", () -> count("SELECT COUNT(*) FROM WB_PACKAGE WHERE STATUS = 'SYNCED' "
                + "AND ID BETWEEN 621 AND 626") == 6);
        assertEquals(1, marketplace.mostAtOnceForOneOrder.get(), "never two confirmations of one order at once");
        assertEquals(6, marketplace.confirmed.size());
    }

    @Test
    void theAutoSyncSettingIsStoredPerPlatform() {
        sync.setAutoSync("test", true, "admin");
        assertEquals(Boolean.TRUE, sync.autoSync().get("test"));
    }

    @Test
    void aStoreWhoseMarketplacePluginIsMissingSaysSoAndItsJobsWaitUntilThePluginIsBack() throws Exception {
        // given: the plugin is there when a package is queued, then it is uninstalled
        PluginRegistryImpl registry = Fixtures.registry();
        ServiceReference<MarketplaceConnector> ref = Fixtures.reference();
        registry.bindPlatform(ref, marketplace);
        worker.stop();
        worker = SyncJobWorker.standalone(sync, registry, false);
        sync.setPlugins(registry);
        assertEquals(1, sync.startSync(List.of(621L), "op").succeeded().size());
        registry.unbindPlatform(ref);

        // when: an operator starts a sync of another package of the store
        BatchResult refused = sync.startSync(List.of(622L), "op");

        // then: refused with the reason, nothing queued for it
        assertEquals("plugin_missing", refused.failures().get(0).code());
        assertTrue(refused.failures().get(0).message().contains("'test'"), refused.failures().get(0).message());
        assertEquals(0, count("SELECT COUNT(*) FROM WB_SYNC_JOB WHERE PACKAGE_ID = 622"));

        // when: the worker comes round twice
        worker.dispatch();
        worker.dispatch();

        // then: no call, no attempt counted; the job says what it waits for, its history says it once
        assertEquals(0, marketplace.calls.get());
        SyncState waiting = sync.syncStates(List.of(621L)).get(621L);
        assertEquals("test", waiting.waitingForPlugin(), waiting.toString());
        assertEquals(0, waiting.attempts());
        assertEquals(1, count("SELECT COUNT(*) FROM WB_AUDIT_EVENT WHERE PACKAGE_ID = 621 AND ACTION = 'SYNC_WAITING'"
                + " AND REASON LIKE '%plugin ''test''%not installed%'"));

        // when: the plugin is installed again
        registry.bindPlatform(Fixtures.reference(), marketplace);
        worker.start(10);

        // then: the job goes out and no longer says it waits
        await("synced", () -> count("SELECT COUNT(*) FROM WB_PACKAGE WHERE ID = 621 AND STATUS = 'SYNCED'") == 1);
        SyncState done = sync.syncStates(List.of(621L)).get(621L);
        assertEquals("DONE", done.state());
        assertNull(done.waitingForPlugin());
        assertNull(done.lastError());
    }

    @Test
    void aDisabledStoresJobsWaitAndRunOnceItIsEnabledAgain() throws Exception {
        // given: a queued job of a disabled store
        assertEquals(1, sync.startSync(List.of(621L), "op").succeeded().size());
        exec(db, "UPDATE WB_STORE SET ENABLED = FALSE WHERE ID = 1");

        // when: one dispatch round, on this thread
        worker.dispatch();

        // then: nothing was sent, the job waits
        assertEquals(0, marketplace.calls.get());
        assertEquals(1, count("SELECT COUNT(*) FROM WB_SYNC_JOB WHERE PACKAGE_ID = 621 AND STATE = 'QUEUED'"));

        // when: enabled again
        exec(db, "UPDATE WB_STORE SET ENABLED = TRUE WHERE ID = 1");
        worker.start(10);

        // then
        await("synced", () -> count("SELECT COUNT(*) FROM WB_PACKAGE WHERE ID = 621 AND STATUS = 'SYNCED'") == 1);
    }

    @Test
    void automaticSyncNeedsThePlatformsAndTheStoresSwitch() throws Exception {
        sync.setAutoSync("test", true, "admin");
        java.time.Instant now = java.time.Instant.now();
        exec(db, "UPDATE WB_STORE SET AUTO_SYNC = FALSE WHERE ID = 1");
        try (java.sql.Connection c = db.dataSource().getConnection()) {
            io.waybill.core.internal.workflow.SyncQueue.enqueueIfAutomatic(c, 621, 1, "test", now);
        }
        assertEquals(0, count("SELECT COUNT(*) FROM WB_SYNC_JOB"), "the store's switch is off");
        exec(db, "UPDATE WB_STORE SET AUTO_SYNC = TRUE WHERE ID = 1");
        try (java.sql.Connection c = db.dataSource().getConnection()) {
            io.waybill.core.internal.workflow.SyncQueue.enqueueIfAutomatic(c, 621, 1, "test", now);
        }
        assertEquals(1, count("SELECT COUNT(*) FROM WB_SYNC_JOB"));
    }
}
