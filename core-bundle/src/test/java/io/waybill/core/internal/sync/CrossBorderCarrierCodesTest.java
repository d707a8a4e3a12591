package io.waybill.core.internal.sync;

import io.waybill.core.internal.Fixtures;
import io.waybill.core.internal.TestDatabase;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.plugin.PluginRegistryImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.waybill.core.internal.Fixtures.exec;
import static io.waybill.core.internal.Fixtures.scalar;
import static io.waybill.core.internal.security.TestAuthorizers.authorized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Packages shipped with YunExpress, 4PX and Yanwen are confirmed to an Amazon store with the carrier names of the
 * carrier code table (V29), without the seller saving any mapping.
 */
class CrossBorderCarrierCodesTest {


    private DatabaseEngine db;
    private SyncServiceImpl sync;
    private SyncJobWorker worker;
    private RecordingMarketplace amazon;

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
        exec(db, "UPDATE WB_STORE SET PLATFORM = 'amazon'");
        exec(db, "UPDATE WB_PACKAGE SET CARRIER_ID = 'yunexpress' WHERE ID = 621");
        exec(db, "UPDATE WB_PACKAGE SET CARRIER_ID = '4px' WHERE ID = 622");
        exec(db, "UPDATE WB_PACKAGE SET CARRIER_ID = 'yanwen' WHERE ID = 623");
        sync = authorized(new SyncServiceImpl(db.dataSource(), Clock.systemUTC()));
        amazon = new RecordingMarketplace("amazon");
        PluginRegistryImpl registry = Fixtures.registry();
        registry.bindPlatform(Fixtures.reference(), amazon);
        worker = SyncJobWorker.standalone(sync, registry, false);
    }

    @AfterEach
    void close() {
        worker.stop();
        db.close();
    }

    @Test
    void crossBorderCarriersGoToAmazonWithTheirCarrierNames() throws Exception {
        io.waybill.core.model.BatchResult started = sync.startSync(List.of(621L, 622L, 623L), "op");
        assertEquals(3, started.succeeded().size(), started.failures().toString());
        worker.start(10);
        long deadline = System.nanoTime() + 120_000_000_000L; // generous: a loaded 2-core machine
        while (scalar(db, "SELECT COUNT(*) FROM WB_SYNC_JOB WHERE STATE IN ('DONE', 'FAILED')") < 3) {
            if (System.nanoTime() > deadline) {
                fail("sync jobs not done");
            }
            Thread.sleep(20);
        }
        Map<String, String> sent = amazon.confirmed.stream().collect(Collectors.toMap(c -> c.trackingNumber().trim(),
                c -> c.carrierCode()));
        assertEquals(3, amazon.confirmed.size(), sent.toString());
        assertEquals("YunExpress", sent.get("RR21"));
        assertEquals("4PX", sent.get("RR22"));
        assertEquals("Yanwen", sent.get("RR23"));
    }
}
