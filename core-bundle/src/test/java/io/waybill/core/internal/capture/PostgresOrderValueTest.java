package io.waybill.core.internal.capture;

import io.waybill.core.internal.Fixtures;
import io.waybill.core.internal.catalogue.ProductServiceImpl;
import io.waybill.core.internal.security.TestAuthorizers;
import io.waybill.core.internal.PostgresServer;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.db.JdbcSettings;
import io.waybill.core.model.SkuAlias;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Clock;
import java.util.List;

import static io.waybill.core.internal.security.TestAuthorizers.authorized;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Migrations V9, V10 and V32: the order value and held unmatched SKUs's capture, re-capture and read on a real PostgreSQL server. */
class PostgresOrderValueTest {

    @Test
    void captureAndRecaptureOfTheOrderValueOnPostgres() throws Exception {
        try (PostgresServer server = PostgresServer.start()) {
            URL root = PostgresOrderValueTest.class.getProtectionDomain().getCodeSource().getLocation();
            DatabaseEngine db = new DatabaseEngine(new JdbcSettings(server.jdbcUrl(), server.user(), "", 4), root,
                    PostgresOrderValueTest.class.getClassLoader());
            try {
                assertEquals("PostgreSQL", db.productName());
                Fixtures.basic(db);
                OrderCaptureServiceImpl capture = authorized(new OrderCaptureServiceImpl(db, Fixtures.registry()));
                OrderValueTest.captureThenRecapture(db, capture);
                // migration V32: the marketplace's IOSS number
                OrderValueTest.marketplaceIossIsStoredAndUpdated(db, capture);

                // issue 12 item 5 on PostgreSQL: held at capture (V10), released by the alias in one transaction
                capture.capture("S1", List.of(Fixtures.order("pg-held", "A", 1, "PG-PLATFORM", 2)), "sys");
                assertEquals(1, Fixtures.scalar(db, "SELECT COUNT(*) FROM WB_PACKAGE WHERE STATUS = 'SKU_UNMATCHED'"));
                ProductServiceImpl products = new ProductServiceImpl(db.dataSource(), Clock.systemUTC());
                products.setAuthorizer(TestAuthorizers.everyoneAdmin());
                SkuAlias a = products.setAlias("S1", "PG-PLATFORM", "B", "sup");
                assertEquals(1, a.released().size(), a.toString());
                assertEquals(0, Fixtures.scalar(db, "SELECT COUNT(*) FROM WB_PACKAGE WHERE STATUS = 'SKU_UNMATCHED'"));
                assertEquals(40 + 100 + 2 * 250, Fixtures.scalar(db, "SELECT p.EXPECTED_WEIGHT_GRAMS FROM WB_PACKAGE p "
                        + "JOIN WB_ORDER o ON o.ID = p.ORDER_ID WHERE o.PLATFORM_ORDER_ID = 'pg-held'"));
            } finally {
                db.close();
            }
        }
    }
}
