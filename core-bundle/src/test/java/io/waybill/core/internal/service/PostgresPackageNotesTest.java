package io.waybill.core.internal.service;

import io.waybill.core.internal.PostgresServer;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.db.JdbcSettings;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Migration V16 (package notes and tags) and the notes/tags contract on a real PostgreSQL server. */
class PostgresPackageNotesTest {

    @Test
    void notesAndTagsOnPostgres() throws Exception {
        try (PostgresServer server = PostgresServer.start()) {
            URL root = PostgresPackageNotesTest.class.getProtectionDomain().getCodeSource().getLocation();
            DatabaseEngine db = new DatabaseEngine(new JdbcSettings(server.jdbcUrl(), server.user(), "", 4), root,
                    PostgresPackageNotesTest.class.getClassLoader());
            try {
                assertEquals("PostgreSQL", db.productName());
                PackageNotesServiceImplTest.run(new PackageNotesServiceImplTest.Setup(db));
            } finally {
                db.close();
            }
        }
    }
}
