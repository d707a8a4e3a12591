package io.waybill.core.internal.persistence;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;

/**
 * Short JDBC transactions for the hot paths of the workflow (allocation, void, stock), with automatic retry when
 * the database resolves a deadlock or lock timeout by aborting one transaction.
 */
public final class Jdbc {
    /** Derby deadlock / lock timeout, PostgreSQL serialization failure / deadlock. */
    private static final Set<String> RETRYABLE = Set.of("40001", "40XL1", "40XL2", "40P01");
    private static final int ATTEMPTS = 5;

    private Jdbc() {
    }

    /** Work done inside one transaction. */
    @FunctionalInterface
    public interface TxWork<T> {
        T apply(Connection c) throws SQLException;
    }

    /** Runs work in one transaction; commits on return, rolls back on any exception, retries deadlock victims. */
    public static <T> T inTransaction(DataSource ds, TxWork<T> work) {
        SQLException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                try {
                    T result = work.apply(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException | Error e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            } catch (SQLException e) {
                if (!RETRYABLE.contains(e.getSQLState())) {
                    throw new IllegalStateException("Database error: " + e.getMessage(), e);
                }
                last = e;
                try {
                    Thread.sleep(attempt * 5L + (long) (Math.random() * 10));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new IllegalStateException("Database busy, gave up after " + ATTEMPTS + " attempts: "
                + (last == null ? "interrupted" : last.getMessage()), last);
    }

    /** Appends an audit event with a free-text reason (the audit log is insert-only). */
    public static void audit(Connection c, Long packageId, Long orderId, String actor, Instant at, String action,
                             String from, String to, String reason) throws SQLException {
        audit(c, packageId, orderId, actor, at, action, from, to, reason, null, null);
    }

    /**
     * Appends an audit event with a structured reason: its code and params (so every language renders it) and its
     * English sentence as the REASON text. Params too long for their column keep the English text only.
     */
    public static void audit(Connection c, Long packageId, Long orderId, String actor, Instant at, String action,
                             String from, String to, io.waybill.core.model.Reason reason) throws SQLException {
        if (reason == null) {
            audit(c, packageId, orderId, actor, at, action, from, to, (String) null);
            return;
        }
        String params = reason.encodedParams();
        boolean fits = params.length() <= REASON_PARAMS_LENGTH;
        audit(c, packageId, orderId, actor, at, action, from, to, reason.english(), fits ? reason.code() : null,
                fits ? params : null);
    }

    /** Length of WB_AUDIT_EVENT.REASON_PARAMS (V19). */
    static final int REASON_PARAMS_LENGTH = 2000;

    private static void audit(Connection c, Long packageId, Long orderId, String actor, Instant at, String action,
                              String from, String to, String reason, String reasonCode, String reasonParams)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO WB_AUDIT_EVENT (PACKAGE_ID, ORDER_ID, ACTOR, "
                + "OCCURRED_AT, ACTION, FROM_STATUS, TO_STATUS, REASON, REASON_CODE, REASON_PARAMS) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            setLong(ps, 1, packageId);
            setLong(ps, 2, orderId);
            ps.setString(3, actor);
            ps.setTimestamp(4, Timestamp.from(at));
            ps.setString(5, action);
            ps.setString(6, from);
            ps.setString(7, to);
            ps.setString(8, reason == null ? null : truncate(reason, 1000));
            ps.setString(9, reasonCode);
            ps.setString(10, reasonParams);
            ps.executeUpdate();
        }
    }

    static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, java.sql.Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }
}
