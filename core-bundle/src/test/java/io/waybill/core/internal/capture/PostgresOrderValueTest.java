package io.waybill.core.internal.capture;

import io.waybill.core.internal.Fixtures;
import io.waybill.core.internal.PostgresServer;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.db.JdbcSettings;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static io.waybill.core.internal.security.TestAuthorizers.authorized;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Migration V9 and the order value's capture, re-capture and read on a real PostgreSQL server. */
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
                OrderValueTest.captureThenRecapture(db,
                        authorized(new OrderCaptureServiceImpl(db, Fixtures.registry())));
            } finally {
                db.close();
            }
        }
    }
}
