package io.waybill.core.internal.db;

import io.waybill.core.internal.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationRunnerTest {

    @Test
    void appliesAllMigrationsOnceAndRecordsThem() throws Exception {
        // given a fresh database opened by the engine (which migrates)
        try (DatabaseEngine db = TestDatabase.inMemory()) {
            // when migrating again
            int applied = new MigrationRunner(db.dataSource()).migrate();
            // then nothing is re-applied and the version is the newest
            assertEquals(0, applied);
            assertEquals(MigrationRunner.versionOf(MigrationRunner.MIGRATIONS.get(MigrationRunner.MIGRATIONS.size() - 1)),
                    new MigrationRunner(db.dataSource()).currentVersion());
            try (Connection c = db.dataSource().getConnection();
                 ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM WB_PACKAGE")) {
                assertTrue(rs.next());
            }
        }
    }

    @Test
    void splitsStatementsAndSkipsComments() {
        List<String> statements = MigrationRunner.statements("-- comment\nCREATE TABLE A (X INT);\n\nINSERT INTO A\nVALUES (1);\n");
        assertEquals(List.of("CREATE TABLE A (X INT)", "INSERT INTO A\nVALUES (1)"), statements);
    }

    @Test
    void statementsForOneDatabaseRunOnlyThere() {
        String v35 = "CREATE INDEX I ON T (A);\n--@derby CREATE TRIGGER D AFTER INSERT ON T;\n"
                + "--@postgres CREATE FUNCTION F() RETURNS TRIGGER AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql;\n";
        assertEquals(List.of("CREATE INDEX I ON T (A)", "CREATE TRIGGER D AFTER INSERT ON T"),
                MigrationRunner.statements(MigrationRunner.dialect(v35, "Apache Derby")));
        assertEquals(List.of("CREATE INDEX I ON T (A)",
                "CREATE FUNCTION F() RETURNS TRIGGER AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql"),
                MigrationRunner.statements(MigrationRunner.dialect(v35, "PostgreSQL")));
    }

    @Test
    void binaryColumnsAreSpelledPerDatabase() {
        String v6 = "CREATE TABLE T (C ${BLOB} NOT NULL)";
        assertEquals("CREATE TABLE T (C BLOB(16M) NOT NULL)", MigrationRunner.dialect(v6, "Apache Derby"));
        assertEquals("CREATE TABLE T (C BYTEA NOT NULL)", MigrationRunner.dialect(v6, "PostgreSQL"));
    }

    @Test
    void generatedColumnsAndPatternIndexesAreSpelledPerDatabase() {
        String v26 = "ALTER TABLE T ADD COLUMN U VARCHAR(9) GENERATED ALWAYS AS (UPPER(N)) ${STORED};\n"
                + "CREATE INDEX I ON T (U ${PATTERN})";
        assertEquals("ALTER TABLE T ADD COLUMN U VARCHAR(9) GENERATED ALWAYS AS (UPPER(N));\nCREATE INDEX I ON T (U)",
                MigrationRunner.dialect(v26, "Apache Derby"));
        assertEquals("ALTER TABLE T ADD COLUMN U VARCHAR(9) GENERATED ALWAYS AS (UPPER(N)) STORED;\n"
                + "CREATE INDEX I ON T (U varchar_pattern_ops)", MigrationRunner.dialect(v26, "PostgreSQL"));
    }

    @Test
    void rejectsBadMigrationNames() {
        assertThrows(IllegalArgumentException.class, () -> MigrationRunner.versionOf("init.sql"));
        assertEquals(12, MigrationRunner.versionOf("V12__more.sql"));
    }

    @Test
    void derbyShutdownUrlDropsAttributes() {
        JdbcSettings s = new JdbcSettings("jdbc:derby:/tmp/x;create=true", "", "secret", 4);
        assertEquals("jdbc:derby:/tmp/x;shutdown=true", s.derbyShutdownUrl());
        assertTrue(!s.toString().contains("secret"), "password must never be printed");
    }
}
