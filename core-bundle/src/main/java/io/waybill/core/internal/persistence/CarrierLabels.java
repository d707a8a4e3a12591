package io.waybill.core.internal.persistence;

import io.waybill.core.model.CarrierLabel;
import io.waybill.spi.carrier.LabelDocument;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The carrier labels stored per package (table WB_LABEL): at most one per package, replaced when the package gets a
 * new shipment and deleted when it is voided or uploaded again, so a stale label is never printed.
 */
public final class CarrierLabels {

    private CarrierLabels() {
    }

    /** Stores (or replaces) the carrier's label of a package. */
    public static void store(Connection c, long packageId, String carrierId, String shipmentId, LabelDocument label,
                      Instant at) throws SQLException {
        delete(c, packageId);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO WB_LABEL (PACKAGE_ID, CARRIER_ID, "
                + "CARRIER_SHIPMENT_ID, FORMAT, CONTENT, FETCHED_AT) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, packageId);
            ps.setString(2, carrierId);
            ps.setString(3, shipmentId);
            ps.setString(4, label.format().name());
            ps.setBytes(5, label.content());
            ps.setTimestamp(6, Timestamp.from(at));
            ps.executeUpdate();
        }
    }

    /** Deletes the stored label of a package; returns whether there was one. */
    public static boolean delete(Connection c, long packageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM WB_LABEL WHERE PACKAGE_ID = ?")) {
            ps.setLong(1, packageId);
            return ps.executeUpdate() > 0;
        }
    }

    /** The stored labels of the given packages, by package id (packages without one are absent). */
    public static Map<Long, CarrierLabel> read(Connection c, Collection<Long> packageIds) throws SQLException {
        List<Long> ids = packageIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        Map<Long, CarrierLabel> result = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT PACKAGE_ID, CARRIER_ID, FORMAT, CONTENT, "
                    + "FETCHED_AT FROM WB_LABEL WHERE PACKAGE_ID IN (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.put(rs.getLong(1), new CarrierLabel(rs.getLong(1), rs.getString(2),
                                LabelDocument.Format.valueOf(rs.getString(3)), rs.getBytes(4),
                                rs.getTimestamp(5).toInstant()));
                    }
                }
            }
        }
        return result;
    }

    /** Format of the stored label of a package, or null. */
    public static LabelDocument.Format formatOf(Connection c, long packageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT FORMAT FROM WB_LABEL WHERE PACKAGE_ID = ?")) {
            ps.setLong(1, packageId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? LabelDocument.Format.valueOf(rs.getString(1)) : null;
            }
        }
    }
}
