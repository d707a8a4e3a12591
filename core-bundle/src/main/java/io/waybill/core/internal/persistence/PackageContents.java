package io.waybill.core.internal.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that says what a package contains (issue 14, merge): the lines of its own order and of the orders
 * of the packages merged into it (WB_PACKAGE.MERGED_INTO, V30). A package that is no merge contains its order's lines.
 */
public final class PackageContents {

    /**
     * SQL condition on an order id column: the orders of the package whose id is bound twice at this place
     * (e.g. {@code "l.ORDER_ID IN " + ORDERS_OF_PACKAGE}, then the package id for both markers).
     */
    public static final String ORDERS_OF_PACKAGE =
            "(SELECT m.ORDER_ID FROM WB_PACKAGE m WHERE m.ID = ? OR m.MERGED_INTO = ?)";

    /**
     * As {@link #ORDERS_OF_PACKAGE} for a correlated subquery: the orders of the package {@code alias.ID} of the outer
     * query (no parameter).
     */
    public static String ordersOf(String alias) {
        return "(SELECT m.ORDER_ID FROM WB_PACKAGE m WHERE m.ID = " + alias + ".ID OR m.MERGED_INTO = " + alias + ".ID)";
    }

    private PackageContents() {
    }

    /** The order ids of a package: its own order first, then those of the packages merged into it by package id. */
    public static List<Long> orders(Connection c, long packageId) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement own = c.prepareStatement("SELECT ORDER_ID FROM WB_PACKAGE WHERE ID = ?");
             PreparedStatement merged = c.prepareStatement("SELECT ORDER_ID FROM WB_PACKAGE WHERE MERGED_INTO = ? "
                     + "ORDER BY ID")) {
            for (PreparedStatement ps : List.of(own, merged)) {
                ps.setLong(1, packageId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
        }
        return ids;
    }

    /** The ids of the packages merged into this one, by id; empty for a package that is no merge. */
    public static List<Long> members(Connection c, long packageId) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ID FROM WB_PACKAGE WHERE MERGED_INTO = ? ORDER BY ID")) {
            ps.setLong(1, packageId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }
}
