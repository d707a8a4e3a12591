package io.waybill.core.internal.workflow;

import io.waybill.core.model.Warehouse;
import io.waybill.core.model.WarehouseKind;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads warehouse rows: one column list and one mapping for every reader (services, labels, carrier requests). */
public final class WarehouseRows {

    /** Columns in the order {@link #map} reads them; append a WHERE/ORDER BY. */
    public static final String SELECT = "SELECT CODE, NAME, KIND, LINE1, LINE2, CITY, STATE, POSTAL_CODE, "
            + "COUNTRY_CODE, CONTACT_NAME, PHONE, EMAIL, ENABLED FROM WB_WAREHOUSE";

    private WarehouseRows() {
    }

    public static Warehouse map(ResultSet rs) throws SQLException {
        WarehouseKind kind = WarehouseKind.parse(rs.getString(3));
        return new Warehouse(rs.getString(1), rs.getString(2), kind == null ? WarehouseKind.OWN : kind,
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getString(12), rs.getBoolean(13));
    }

    /** The warehouse with this exact code, or null. */
    public static Warehouse byCode(Connection c, String code) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE CODE = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? map(rs) : null;
            }
        }
    }
}
