package io.waybill.core.internal.workflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Writes store-sync jobs (table WB_SYNC_JOB) inside the caller's transaction. */
public final class SyncQueue {
    private SyncQueue() {
    }

    /**
     * Queues a sync job when the store's platform is set to sync automatically after shipping and the store's own
     * auto-sync switch (WB_STORE.AUTO_SYNC) is on.
     */
    public static void enqueueIfAutomatic(Connection c, long packageId, long storeId, String platform, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT AUTO_SYNC FROM WB_PLATFORM_SETTING WHERE PLATFORM = ?")) {
            ps.setString(1, platform);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT AUTO_SYNC FROM WB_STORE WHERE ID = ?")) {
            ps.setLong(1, storeId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && !rs.getBoolean(1)) {
                    return; // the store's own switch is off
                }
            }
        }
        enqueue(c, packageId, storeId, now);
    }

    /** Queues a sync job unless one is already open for the package. Returns whether it queued one. */
    public static boolean enqueue(Connection c, long packageId, long storeId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM WB_SYNC_JOB WHERE PACKAGE_ID = ? "
                + "AND STATE IN ('QUEUED', 'RUNNING')")) {
            ps.setLong(1, packageId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return false;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO WB_SYNC_JOB (PACKAGE_ID, STORE_ID, STATE, "
                + "ATTEMPTS, NEXT_RUN_AT, CREATED_AT, UPDATED_AT) VALUES (?, ?, 'QUEUED', 0, ?, ?, ?)")) {
            ps.setLong(1, packageId);
            ps.setLong(2, storeId);
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setTimestamp(5, Timestamp.from(now));
            ps.executeUpdate();
        }
        return true;
    }
}
