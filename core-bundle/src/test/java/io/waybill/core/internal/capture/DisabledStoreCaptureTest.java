package io.waybill.core.internal.capture;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.internal.Fixtures;
import io.waybill.core.internal.TestDatabase;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.plugin.PluginRegistryImpl;
import io.waybill.spi.common.PluginDescriptor;
import io.waybill.spi.common.Result;
import io.waybill.spi.platform.MarketplaceConnector;
import io.waybill.spi.platform.OrderPage;
import io.waybill.spi.platform.StoreContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.waybill.core.internal.security.TestAuthorizers.authorized;
import static org.junit.jupiter.api.Assertions.*;

/** A disabled store is neither captured on demand nor by the scheduler. */
class DisabledStoreCaptureTest {
    private DatabaseEngine db;
    private OrderCaptureServiceImpl capture;
    private final AtomicInteger fetches = new AtomicInteger();

    @BeforeEach
    void open() throws Exception {
        db = TestDatabase.inMemory();
        Fixtures.basic(db);
        PluginRegistryImpl registry = Fixtures.registry();
        registry.bindPlatform(Fixtures.reference(), new MarketplaceConnector() {
            @Override
            public PluginDescriptor descriptor() {
                return new PluginDescriptor("test", "Test", "");
            }

            @Override
            public Result<OrderPage> fetchOrders(StoreContext store, String cursor) {
                fetches.incrementAndGet();
                return Result.ok(new OrderPage(List.of(), "c1", false));
            }
        });
        capture = authorized(new OrderCaptureServiceImpl(db, registry));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void disabledStoreIsNotDueAndRefusesCaptureNow() throws Exception {
        // given: the store is due while enabled
        assertEquals(List.of("S1"), capture.storesDue());
        capture.captureNow("S1", "ann");
        assertEquals(1, fetches.get());
        Fixtures.exec(db, "UPDATE WB_STORE SET ENABLED = FALSE, LAST_CAPTURE_AT = NULL WHERE CODE = 'S1'");

        // when / then
        assertEquals(List.of(), capture.storesDue());
        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> capture.captureNow("S1", "ann"));
        assertEquals("store_disabled", e.code());
        assertEquals("Store S1 is disabled, so it is not captured. Enable it first.", e.getMessage());
        assertEquals(1, fetches.get(), "no call to the marketplace");
    }
}
