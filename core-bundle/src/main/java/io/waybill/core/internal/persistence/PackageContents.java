package io.waybill.core.internal.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that says what a package contains (issue 14, merge and split): the lines of its own order and of the
 * orders of the packages merged into it (WB_PACKAGE.MERGED_INTO, V30). A package that is no merge contains its order's
 * lines; a package of a split order (WB_PACKAGE.SPLIT_LINES = 1, V33) contains only its share of them, its rows of
 * WB_PACKAGE_LINE. {@link #lines} is the reading that knows both.
 */
public final class PackageContents {

    /** The packaging every parcel weighs besides its contents (expected weights: capture, split). */
    public static final int PACKAGING_GRAMS = 40;

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

    /**
     * Units of one order line that a package carries; {@code platformLineId} is the marketplace's own id of the line
     * (V39), null when the order was captured without one.
     */
    public record Line(long orderId, long orderLineId, int lineNo, long skuId, String skuCode, int quantity,
                       String platformLineId) {
    }

    /**
     * What the package carries, line by line: for itself and each package merged into it, its share of its order's
     * lines when its order is split (SPLIT_LINES, V33), else every line of its order; by package, then line number.
     */
    public static List<Line> lines(Connection c, long packageId) throws SQLException {
        List<Line> out = new ArrayList<>();
        try (PreparedStatement head = c.prepareStatement("SELECT ORDER_ID, SPLIT_LINES, MERGE_SIZE FROM WB_PACKAGE "
                + "WHERE ID = ?");
             PreparedStatement share = c.prepareStatement("SELECT l.ORDER_ID, l.ID, l.LINE_NO, l.SKU_ID, s.CODE, "
                     + "x.QUANTITY, l.PLATFORM_LINE_ID FROM WB_PACKAGE_LINE x JOIN WB_ORDER_LINE l "
                     + "ON l.ID = x.ORDER_LINE_ID JOIN WB_SKU s ON s.ID = l.SKU_ID WHERE x.PACKAGE_ID = ? "
                     + "ORDER BY l.LINE_NO");
             // the SKU's code by its key per line (SKU_ID is a NOT NULL foreign key: the same rows as a join); as a
             // join Derby hashed all of WB_SKU for every call (issue 15: 28 % of the scan station's ship in JFR)
             PreparedStatement whole = c.prepareStatement("SELECT l.ORDER_ID, l.ID, l.LINE_NO, l.SKU_ID, "
                     + "(SELECT s.CODE FROM WB_SKU s WHERE s.ID = l.SKU_ID), l.QUANTITY, l.PLATFORM_LINE_ID "
                     + "FROM WB_ORDER_LINE l "
                     + "WHERE l.ORDER_ID = ? ORDER BY l.LINE_NO")) {
            // the package itself, then (for a merged parcel) the packages merged into it
            List<Long> parcels = new ArrayList<>(List.of(packageId));
            for (int i = 0; i < parcels.size(); i++) {
                long pkg = parcels.get(i);
                long order;
                boolean split;
                head.setLong(1, pkg);
                try (ResultSet rs = head.executeQuery()) {
                    if (!rs.next()) {
                        continue;
                    }
                    order = rs.getLong(1);
                    split = rs.getInt(2) > 0;
                    if (i == 0 && rs.getInt(3) > 0) {
                        // MERGED_INTO is read only for a merge (see orders)
                        parcels.addAll(members(c, packageId));
                    }
                }
                PreparedStatement read = split ? share : whole;
                read.setLong(1, split ? pkg : order);
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Line(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4), rs.getString(5),
                                rs.getInt(6), rs.getString(7)));
                    }
                }
            }
        }
        return out;
    }

    /** The units of each SKU the package carries ({@link #lines}), by SKU id; codes in {@code codes} when given. */
    public static java.util.TreeMap<Long, Integer> unitsBySku(Connection c, long packageId,
                                                             java.util.Map<Long, String> codes) throws SQLException {
        java.util.TreeMap<Long, Integer> out = new java.util.TreeMap<>();
        for (Line l : lines(c, packageId)) {
            out.merge(l.skuId(), l.quantity(), Integer::sum);
            if (codes != null) {
                codes.put(l.skuId(), l.skuCode());
            }
        }
        return out;
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
