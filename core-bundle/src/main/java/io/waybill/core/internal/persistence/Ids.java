package io.waybill.core.internal.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Ids for rows written with plain JDBC: taken from the shared table sequence {@code WB_SEQUENCE} ('wb_id'), the
 * same one JPA allocates from in blocks ({@link BaseEntity}), so JDBC and JPA never hand out the same id.
 */
public final class Ids {
    private Ids() {
    }

    /** Takes one id. */
    public static long next(Connection c) throws SQLException {
        return reserve(c, 1);
    }

    /** Reserves a block of {@code count} consecutive ids and returns the first. */
    public static long reserve(Connection c, long count) throws SQLException {
        try (PreparedStatement up = c.prepareStatement(
                "UPDATE WB_SEQUENCE SET SEQ_COUNT = SEQ_COUNT + ? WHERE SEQ_NAME = 'wb_id'");
             PreparedStatement get = c.prepareStatement("SELECT SEQ_COUNT FROM WB_SEQUENCE WHERE SEQ_NAME = 'wb_id'")) {
            up.setLong(1, count);
            up.executeUpdate();
            try (ResultSet rs = get.executeQuery()) {
                rs.next();
                return rs.getLong(1) - count + 1;
            }
        }
    }
}
