package io.waybill.core.internal.service;

import io.waybill.core.internal.PostgresServer;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.db.JdbcSettings;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Migration V20 (user preferences) and the preference contract on a real PostgreSQL server. */
class PostgresUserPreferenceTest {

    @Test
    void preferencesOnPostgres() throws Exception {
        try (PostgresServer server = PostgresServer.start()) {
            URL root = PostgresUserPreferenceTest.class.getProtectionDomain().getCodeSource().getLocation();
            DatabaseEngine db = new DatabaseEngine(new JdbcSettings(server.jdbcUrl(), server.user(), "", 4), root,
                    PostgresUserPreferenceTest.class.getClassLoader());
            try {
                assertEquals("PostgreSQL", db.productName());
                UserPreferenceServiceImplTest.run(db);
            } finally {
                db.close();
            }
        }
    }
}
