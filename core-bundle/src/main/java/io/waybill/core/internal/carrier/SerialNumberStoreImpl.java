package io.waybill.core.internal.carrier;

import io.waybill.spi.common.MessageCodes;
import io.waybill.core.internal.db.Database;
import io.waybill.core.internal.persistence.Jdbc;
import io.waybill.spi.carrier.SerialNumberStore;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.Result;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Serial ranges in the database (WB_SERIAL_RANGE / WB_SERIAL_ISSUED). Taking a serial is one transaction: the
 * conditional update of the range row serialises concurrent takers, and the issued row (unique per key and per
 * range + serial) makes a repeated key return the same serial.
 */
@Component(service = SerialNumberStore.class)
public class SerialNumberStoreImpl implements SerialNumberStore {

    private final DataSource ds;

    @Activate
    public SerialNumberStoreImpl(@Reference Database db) {
        this(db.dataSource());
    }

    /**
     * For tests. Not public: Felix SCR inspects every public constructor with as many parameters as the activation
     * constructor and logs an ERROR ("unsupported type javax.sql.DataSource") at each start for this one.
     */
    SerialNumberStoreImpl(DataSource ds) {
        this.ds = ds;
    }

    @Override
    public Result<IssuedSerial> take(String rangeId, long first, long last, String idempotencyKey) {
        if (rangeId == null || rangeId.isBlank() || rangeId.length() > 100 || first > last || first < 0) {
            return Result.failure(Message.error("bad_range", "invalid range " + rangeId + " " + first + "-" + last));
        }
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            return Result.failure(Message.error(MessageCodes.BAD_REQUEST,
                    "an idempotency key (1-200 characters) is required"));
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return Jdbc.inTransaction(ds, c -> takeInTx(c, rangeId, first, last, idempotencyKey));
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof SQLException s) || !s.getSQLState().startsWith("23")) {
                    throw e;
                }
                // a concurrent take with the same key or a concurrent first use of the range: read again
            }
        }
        return Result.failure(Message.error(MessageCodes.TRANSIENT, "serial store busy, try again"));
    }

    private Result<IssuedSerial> takeInTx(Connection c, String rangeId, long first, long last, String key)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT RANGE_ID, SERIAL FROM WB_SERIAL_ISSUED WHERE IDEMPOTENCY_KEY = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return Result.ok(new IssuedSerial(rs.getString(1), rs.getLong(2), true));
                }
            }
        }
        ensureRange(c, rangeId, first, last);
        try (PreparedStatement up = c.prepareStatement("UPDATE WB_SERIAL_RANGE SET NEXT_SERIAL = NEXT_SERIAL + 1 "
                + "WHERE RANGE_ID = ? AND NEXT_SERIAL <= LAST_SERIAL")) {
            up.setString(1, rangeId);
            if (up.executeUpdate() == 0) {
                return Result.failure(Message.error("range_exhausted", "range " + rangeId + " is used up"));
            }
        }
        long serial;
        try (PreparedStatement ps = c.prepareStatement("SELECT NEXT_SERIAL - 1 FROM WB_SERIAL_RANGE WHERE RANGE_ID = ?")) {
            ps.setString(1, rangeId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                serial = rs.getLong(1);
            }
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO WB_SERIAL_ISSUED (IDEMPOTENCY_KEY, RANGE_ID, "
                + "SERIAL, ISSUED_AT) VALUES (?, ?, ?, ?)")) {
            ins.setString(1, key);
            ins.setString(2, rangeId);
            ins.setLong(3, serial);
            ins.setTimestamp(4, Timestamp.from(Instant.now()));
            ins.executeUpdate();
        }
        return Result.ok(new IssuedSerial(rangeId, serial, false));
    }

    private static void ensureRange(Connection c, String rangeId, long first, long last) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM WB_SERIAL_RANGE WHERE RANGE_ID = ?")) {
            ps.setString(1, rangeId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO WB_SERIAL_RANGE (RANGE_ID, NEXT_SERIAL, LAST_SERIAL) VALUES (?, ?, ?)")) {
            ins.setString(1, rangeId);
            ins.setLong(2, first);
            ins.setLong(3, last);
            ins.executeUpdate();
        }
    }

    @Override
    public long remaining(String rangeId, long first, long last) {
        return Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT LAST_SERIAL - NEXT_SERIAL + 1 FROM WB_SERIAL_RANGE WHERE RANGE_ID = ?")) {
                ps.setString(1, rangeId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Math.max(0, rs.getLong(1)) : last - first + 1;
                }
            }
        });
    }
}
