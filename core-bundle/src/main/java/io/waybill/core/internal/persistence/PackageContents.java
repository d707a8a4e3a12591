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

    private PackageContents() {
    }

    /**
     * The order ids of a package: its own order first, then those of the packages merged into it by package id. Plain
     * index lookups (the package's primary key; MERGED_INTO only for a merge): a subquery over WB_PACKAGE in the
     * content reads is planned by Derby as a scan that waits on every package row another transaction holds.
     */
    public static List<Long> orders(Connection c, long packageId) throws SQLException {
        List<Long> ids = new ArrayList<>();
        boolean merge;
        try (PreparedStatement ps = c.prepareStatement("SELECT ORDER_ID, MERGE_SIZE FROM WB_PACKAGE WHERE ID = ?")) {
            ps.setLong(1, packageId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return ids;
                }
                ids.add(rs.getLong(1));
                merge = rs.getInt(2) > 0;
            }
        }
        if (merge) {
            try (PreparedStatement ps = c.prepareStatement("SELECT ORDER_ID FROM WB_PACKAGE WHERE MERGED_INTO = ? "
                    + "ORDER BY ID")) {
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

    /** The package and the packages merged into it, by id (just the package when it is no merge). */
    public static List<Long> packages(Connection c, long packageId) throws SQLException {
        List<Long> ids = new ArrayList<>(List.of(packageId));
        ids.addAll(members(c, packageId));
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
