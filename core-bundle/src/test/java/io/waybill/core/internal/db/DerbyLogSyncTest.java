package io.waybill.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.waybill.core.internal.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Derby's transaction log is synced at commit ({@code derby.storage.fileSyncTransactionLog}, set by
 * {@link DatabaseEngine} unless given explicitly): a large transaction committed on disk is all there after the
 * database is closed and opened again, and a rolled-back one is not.
 */
class DerbyLogSyncTest {

    @Test
    void aLargeCommittedTransactionIsThereAfterAReopenAndARolledBackOneIsNot(@TempDir Path dir) throws Exception {
        try (DatabaseEngine db = TestDatabase.onDisk(dir.resolve("db"))) {
            assertEquals("true", System.getProperty(DatabaseEngine.FILE_SYNC_LOG));
            try (Connection c = db.dataSource().getConnection()) {
                c.setAutoCommit(false);
                insert(c, 0, 20_000); // several MB of log: many log buffers before the commit
                c.commit();
                insert(c, 20_000, 100);
                c.rollback();
            }
        }
        try (DatabaseEngine db = TestDatabase.onDisk(dir.resolve("db"));
             Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*), MAX(PACKAGE_ID) FROM WB_AUDIT_EVENT WHERE ACTOR = 'log'")) {
            rs.next();
            assertEquals(20_000, rs.getInt(1));
            assertEquals(19_999, rs.getLong(2));
        }
    }

    private static void insert(Connection c, int from, int count) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO WB_AUDIT_EVENT (PACKAGE_ID, ACTOR, OCCURRED_AT, "
                + "ACTION, REASON) VALUES (?, 'log', CURRENT_TIMESTAMP, 'TEST', ?)")) {
            for (int i = from; i < from + count; i++) {
                ps.setLong(1, i);
                ps.setString(2, "a line of history long enough to fill the log buffers " + i);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
