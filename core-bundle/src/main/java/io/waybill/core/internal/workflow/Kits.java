package io.waybill.core.internal.workflow;

import io.waybill.core.internal.persistence.PackageContents;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bundles (kits) as allocation, void and shipping see them. A bundle ({@code WB_SKU_COMPONENT}) has no stock of its
 * own: a package line of a bundle needs its components, nested bundles expanded down to plain products, line quantity
 * times component quantity. What a package's bundle lines reserved is recorded at allocation in
 * {@code WB_PACKAGE_COMPONENT} (per bundle SKU and component), and void and ship release or consume exactly that,
 * so editing a bundle's components never unbalances the reservations of packages allocated before.
 */
public final class Kits {
    /** Deeper than this is a cycle (the validator allows 5 levels). */
    static final int MAX_DEPTH = 10;

    /** Units of one SKU. */
    public record Units(long skuId, String code, int quantity) {
    }

    /** Component units reserved for one bundle SKU of a package. */
    record Reserved(long bundleSkuId, long componentSkuId, int quantity) {
    }

    /** A package's demand in plain SKUs (sorted by SKU id) and what its bundle lines reserved; null units = cycle. */
    record Expanded(List<Units> units, List<Reserved> reserved) {
    }

    private static final Kits NONE = new Kits(Map.of());

    private final Map<Long, List<Units>> parts;

    private Kits(Map<Long, List<Units>> parts) {
        this.parts = parts;
    }

    /** Bundles given directly: bundle SKU id to its components (tests of the allocation policy). */
    static Kits of(Map<Long, List<Units>> parts) {
        return parts.isEmpty() ? NONE : new Kits(Map.copyOf(parts));
    }

    /** The components of every bundle, as stored now (one query; empty without bundles). */
    static Kits load(Connection c) throws SQLException {
        Map<Long, List<Units>> parts = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT k.BUNDLE_SKU_ID, k.COMPONENT_SKU_ID, s.CODE, "
                + "k.QUANTITY FROM WB_SKU_COMPONENT k JOIN WB_SKU s ON s.ID = k.COMPONENT_SKU_ID");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                parts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Units(rs.getLong(2), rs.getString(3), rs.getInt(4)));
            }
        }
        return parts.isEmpty() ? NONE : new Kits(parts);
    }

    boolean isEmpty() {
        return parts.isEmpty();
    }

    boolean isBundle(long skuId) {
        return parts.containsKey(skuId);
    }

    /**
     * A package's order lines (one per SKU) as plain SKUs: bundles replaced by their components.
     *
     * @return null when a bundle contains itself (a cycle the validator should have refused)
     */
    Expanded expand(List<Units> lines) {
        TreeMap<Long, Units> out = new TreeMap<>();
        List<Reserved> reserved = new ArrayList<>();
        for (Units line : lines) {
            if (!isBundle(line.skuId())) {
                add(out, line);
                continue;
            }
            Map<Long, Units> leaves = new TreeMap<>();
            if (!leaves(line.skuId(), line.quantity(), leaves, 0)) {
                return null;
            }
            for (Units leaf : leaves.values()) {
                add(out, leaf);
                reserved.add(new Reserved(line.skuId(), leaf.skuId(), leaf.quantity()));
            }
        }
        return new Expanded(List.copyOf(out.values()), reserved);
    }

    private boolean leaves(long bundle, int quantity, Map<Long, Units> into, int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        for (Units part : parts.get(bundle)) {
            int units = Math.multiplyExact(quantity, part.quantity());
            if (isBundle(part.skuId())) {
                if (!leaves(part.skuId(), units, into, depth + 1)) {
                    return false;
                }
            } else {
                add(into, new Units(part.skuId(), part.code(), units));
            }
        }
        return true;
    }

    private static void add(Map<Long, Units> into, Units u) {
        into.merge(u.skuId(), u, (a, b) -> new Units(a.skuId(), a.code() != null ? a.code() : b.code(),
                a.quantity() + b.quantity()));
    }

    /** Records what a package's bundle lines reserved (replacing an earlier record). */
    static void record(Connection c, long packageId, List<Reserved> reserved) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM WB_PACKAGE_COMPONENT WHERE PACKAGE_ID = ?")) {
            del.setLong(1, packageId);
            del.executeUpdate();
        }
        if (reserved.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO WB_PACKAGE_COMPONENT (PACKAGE_ID, BUNDLE_SKU_ID, "
                + "COMPONENT_SKU_ID, QUANTITY) VALUES (?, ?, ?, ?)")) {
            for (Reserved r : reserved) {
                ps.setLong(1, packageId);
                ps.setLong(2, r.bundleSkuId());
                ps.setLong(3, r.componentSkuId());
                ps.setInt(4, r.quantity());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * The stock a package holds (after allocation): its order lines ({@link PackageContents}: with those of the
     * packages merged into it), each bundle line replaced by the components recorded for it at allocation (by the
     * package, or by a package merged into it while it held stock); sorted by SKU id (the lock order).
     */
    public static List<Units> held(Connection c, long packageId, long orderId) throws SQLException {
        TreeMap<Long, Units> bySku = new TreeMap<>();
        for (PackageContents.Line l : PackageContents.lines(c, packageId)) {
            add(bySku, new Units(l.skuId(), l.skuCode(), l.quantity()));
        }
        List<Units> lines = new ArrayList<>(bySku.values());
        Map<Long, Map<Long, Units>> recorded = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT k.BUNDLE_SKU_ID, k.COMPONENT_SKU_ID, s.CODE, "
                + "k.QUANTITY FROM WB_PACKAGE_COMPONENT k JOIN WB_SKU s ON s.ID = k.COMPONENT_SKU_ID "
                + "WHERE k.PACKAGE_ID = ?")) {
            for (long pkg : PackageContents.packages(c, packageId)) {
                ps.setLong(1, pkg);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        add(recorded.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()),
                                new Units(rs.getLong(2), rs.getString(3), rs.getInt(4)));
                    }
                }
            }
        }
        if (recorded.isEmpty()) {
            return lines;
        }
        TreeMap<Long, Units> out = new TreeMap<>();
        for (Units line : lines) {
            Map<Long, Units> parts = recorded.get(line.skuId());
            if (parts == null) {
                add(out, line);
            } else {
                parts.values().forEach(p -> add(out, p));
            }
        }
        return List.copyOf(out.values());
    }
}
