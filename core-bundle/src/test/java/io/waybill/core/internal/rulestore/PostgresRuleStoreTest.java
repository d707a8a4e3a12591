package io.waybill.core.internal.rulestore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.waybill.core.internal.PostgresServer;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.db.JdbcSettings;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** Migration V21 (logistics rules), the stored rule list and the rules applied on a real PostgreSQL server. */
class PostgresRuleStoreTest {

    @Test
    void rulesOnPostgres() throws Exception {
        try (PostgresServer server = PostgresServer.start()) {
            URL root = PostgresRuleStoreTest.class.getProtectionDomain().getCodeSource().getLocation();
            DatabaseEngine db = new DatabaseEngine(new JdbcSettings(server.jdbcUrl(), server.user(), "", 4), root,
                    PostgresRuleStoreTest.class.getClassLoader());
            try {
                assertEquals("PostgreSQL", db.productName());
                RuleStoreTest.run(db);
            } finally {
                db.close();
            }
        }
    }

    /** RuleApplier's chunked IN-list reads and batched writes on PostgreSQL, as on Derby. */
    @Test
    void rulesAppliedOnPostgres() throws Exception {
        try (PostgresServer server = PostgresServer.start()) {
            URL root = PostgresRuleStoreTest.class.getProtectionDomain().getCodeSource().getLocation();
            DatabaseEngine db = new DatabaseEngine(new JdbcSettings(server.jdbcUrl(), server.user(), "", 4), root,
                    PostgresRuleStoreTest.class.getClassLoader());
            try {
                RuleApplierTest.chunksAgree(db);
            } finally {
                db.close();
            }
        }
    }
}
