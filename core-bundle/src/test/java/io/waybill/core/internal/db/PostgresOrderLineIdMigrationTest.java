package io.waybill.core.internal.db;

import io.waybill.core.internal.PostgresServer;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.net.URL;

/** V39 on a real PostgreSQL server: the upgrade scenario of {@link OrderLineIdMigrationTest}. */
class PostgresOrderLineIdMigrationTest {

    @Test
    void upgradeOnPostgres() throws Exception {
        try (PostgresServer server = PostgresServer.start()) {
            PGSimpleDataSource raw = new PGSimpleDataSource();
            raw.setURL(server.jdbcUrl());
            raw.setUser(server.user());
            URL root = PostgresOrderLineIdMigrationTest.class.getProtectionDomain().getCodeSource().getLocation();
            OrderLineIdMigrationTest.upgrade(raw, () -> new DatabaseEngine(new JdbcSettings(server.jdbcUrl(),
                    server.user(), "", 4), root, PostgresOrderLineIdMigrationTest.class.getClassLoader()));
        }
    }
}
