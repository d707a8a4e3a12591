package io.waybill.core.internal.workflow;

import io.waybill.core.internal.Fixtures;
import io.waybill.core.internal.PostgresServer;
import io.waybill.core.internal.TestDatabase;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.db.JdbcSettings;

import java.net.URL;

/**
 * The database a class of workflow scenarios ({@link WorkflowScenarios}) runs on, seeded with
 * {@link Fixtures#basic} and the scenarios' stock: a fresh in-memory Derby (one per test), or a real PostgreSQL
 * server (one per class, the scenarios sharing it).
 */
final class ScenarioDb implements AutoCloseable {
    /** The scenarios' own rows (their stock) on top of the basic fixtures. */
    @FunctionalInterface
    interface Seed {
        void into(DatabaseEngine db) throws Exception;
    }

    private final DatabaseEngine db;
    private final PostgresServer server;

    private ScenarioDb(DatabaseEngine db, PostgresServer server) {
        this.db = db;
        this.server = server;
    }

    static ScenarioDb derby(Seed seed) throws Exception {
        DatabaseEngine db = TestDatabase.inMemory();
        return seeded(new ScenarioDb(db, null), seed);
    }

    /** @param owner the test class, whose class path holds the migrations */
    static ScenarioDb postgres(Class<?> owner, Seed seed) throws Exception {
        PostgresServer server = PostgresServer.start();
        URL root = owner.getProtectionDomain().getCodeSource().getLocation();
        DatabaseEngine db;
        try {
            db = new DatabaseEngine(new JdbcSettings(server.jdbcUrl(), server.user(), "", 8), root,
                    owner.getClassLoader());
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return seeded(new ScenarioDb(db, server), seed);
    }

    private static ScenarioDb seeded(ScenarioDb s, Seed seed) throws Exception {
        try {
            Fixtures.basic(s.db);
            seed.into(s.db);
            return s;
        } catch (Exception | Error e) {
            s.close();
            throw e;
        }
    }

    DatabaseEngine engine() {
        return db;
    }

    @Override
    public void close() throws Exception {
        try {
            db.close();
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }
}
