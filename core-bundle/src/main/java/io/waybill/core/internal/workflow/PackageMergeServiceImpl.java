package io.waybill.core.internal.workflow;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.PackageMergeService;
import io.waybill.core.api.PackageService;
import io.waybill.core.api.Permission;
import io.waybill.core.internal.db.Database;
import io.waybill.core.internal.lifecycle.EditGate;
import io.waybill.core.internal.lifecycle.PackageLifecycle;
import io.waybill.core.internal.lifecycle.StatusGate;
import io.waybill.core.internal.persistence.Jdbc;
import io.waybill.core.internal.persistence.PackageContents;
import io.waybill.core.internal.security.Authorizer;
import io.waybill.core.model.MergeSuggestion;
import io.waybill.core.model.PackageStatus;
import io.waybill.core.model.Reason;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Merge and its undo (issue 14, 审单). The merged package is the lowest-numbered one; the others move to MERGED and
 * point at it (WB_PACKAGE.MERGED_INTO), so its contents ({@link PackageContents}) are all their lines. Packages merge
 * only at the same step and in the same warehouse: what they reserved in WB_STOCK is then exactly what the merged
 * package holds, so the stock rows never change (no double reservation, nothing lost); undo hands each package back
 * its own lines at the merged package's step and warehouse, again without a stock change. Both lock every package
 * with {@link EditGate} (the one rule of edits before upload).
 */
@Component(service = PackageMergeService.class)
public class PackageMergeServiceImpl implements PackageMergeService {
    private static final StatusGate TO_MERGED = StatusGate.to(PackageStatus.MERGED)
            .set("MERGED_INTO = ?, UPDATED_AT = ?");

    private final DataSource ds;
    private final Clock clock;
    private volatile Authorizer authorizer;
    private volatile PackageService packages;

    @Activate
    public PackageMergeServiceImpl(@Reference Database db) {
        this(db.dataSource(), Clock.systemUTC());
    }

    public PackageMergeServiceImpl(DataSource ds, Clock clock) {
        this.ds = ds;
        this.clock = clock;
    }

    @Reference
    public void setAuthorizer(Authorizer authorizer) {
        this.authorizer = authorizer;
    }

    /** The installed carrier plugins: a rule's service limits when the rules are applied again; absent in tests. */
    private volatile io.waybill.core.internal.plugin.PluginRegistryImpl plugins;
    /** Applies the rules again to what an undo gives back (they were decided for what it carried before). */
    private final io.waybill.core.internal.rulestore.RuleApplier rules =
            new io.waybill.core.internal.rulestore.RuleApplier(id -> {
                io.waybill.core.internal.plugin.PluginRegistryImpl registry = plugins;
                return registry == null ? java.util.Optional.empty() : registry.carrier(id);
            });

    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC)
    public void setPlugins(io.waybill.core.internal.plugin.PluginRegistryImpl plugins) {
        this.plugins = plugins;
    }

    public void unsetPlugins(io.waybill.core.internal.plugin.PluginRegistryImpl plugins) {
        if (this.plugins == plugins) {
            this.plugins = null;
        }
    }

    /** Where the user's store / warehouse scope is decided ({@link PackageService#visible}). */
    @Reference
    public void setPackages(PackageService packages) {
        this.packages = packages;
    }

    /** Refuses a package outside the user's scope as unknown (it does not exist for that user). */
    static void requireVisible(PackageService packages, long packageId, String actor) {
        if (packages != null && !packages.visible(packageId, actor)) {
            throw new OperationRefusedException(Reason.of(Reason.UNKNOWN_PACKAGE_ID, packageId));
        }
    }

    /** A package as merge reads it. */
    private record Row(long id, String packageNo, PackageStatus status, Long warehouseId, String warehouseCode,
                       int mergeSize, int weight, boolean declared, String storeCode, List<String> address,
                       String buyerName, String countryCode, boolean split) {
        /** Store, buyer and ship-to address, compared ignoring case and surrounding blanks. */
        List<String> shipsTo() {
            List<String> key = new ArrayList<>();
            key.add(storeCode);
            address.forEach(a -> key.add(a == null ? "" : a.strip().toUpperCase(Locale.ROOT)));
            return key;
        }
    }

    private static final String ROW_SQL = "SELECT p.ID, p.PACKAGE_NO, p.STATUS, p.WAREHOUSE_ID, w.CODE, p.MERGE_SIZE, "
            + "p.EXPECTED_WEIGHT_GRAMS, (SELECT COUNT(*) FROM WB_PACKAGE_CUSTOMS x WHERE x.PACKAGE_ID = p.ID), s.CODE, "
            + "o.BUYER_NAME, o.COMPANY, o.LINE1, o.LINE2, o.CITY, o.STATE, o.POSTAL_CODE, o.COUNTRY_CODE, p.SPLIT_LINES "
            + "FROM WB_PACKAGE p JOIN WB_ORDER o ON o.ID = p.ORDER_ID JOIN WB_STORE s ON s.ID = o.STORE_ID "
            + "LEFT JOIN WB_WAREHOUSE w ON w.ID = p.WAREHOUSE_ID ";

    private static Row row(ResultSet rs) throws SQLException {
        long wh = rs.getLong(4);
        Long warehouse = rs.wasNull() ? null : wh;
        List<String> address = new ArrayList<>();
        for (int i = 10; i <= 17; i++) {
            address.add(rs.getString(i));
        }
        return new Row(rs.getLong(1), rs.getString(2), PackageStatus.valueOf(rs.getString(3)), warehouse,
                rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getLong(8) > 0, rs.getString(9), address,
                rs.getString(10), rs.getString(17), rs.getInt(18) > 0);
    }

    @Override
    public List<MergeSuggestion> suggestions(String viewer) {
        PackageService scope = viewer == null ? null : packages;
        return Jdbc.inTransaction(ds, c -> {
            Map<List<Object>, List<Row>> groups = new LinkedHashMap<>();
            String statuses = PackageLifecycle.EDITABLE_BEFORE_UPLOAD.stream().map(s -> "'" + s.name() + "'")
                    .collect(Collectors.joining(", "));
            try (PreparedStatement ps = c.prepareStatement(ROW_SQL + "WHERE p.STATUS IN (" + statuses + ") "
                    + "AND p.MERGE_SIZE = 0 ORDER BY p.ID")) {
                ps.setMaxRows(20_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Row r = row(rs);
                        if (r.declared() || r.split()) {
                            continue;
                        }
                        List<Object> key = new ArrayList<>(r.shipsTo());
                        key.add(r.status());
                        key.add(r.warehouseId());
                        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
                    }
                }
            }
            List<MergeSuggestion> out = new ArrayList<>();
            for (List<Row> g : groups.values()) {
                if (g.size() > 1 && out.size() < MAX_SUGGESTIONS && (scope == null
                        || g.stream().allMatch(r -> scope.visible(r.id(), viewer)))) {
                    Row first = g.get(0);
                    out.add(new MergeSuggestion(first.storeCode(), first.buyerName(), first.countryCode(),
                            first.status(), g.stream().map(Row::id).toList(), g.stream().map(Row::packageNo).toList()));
                }
            }
            return out;
        });
    }

    @Override
    public List<String> members(long packageId) {
        return Jdbc.inTransaction(ds, c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT PACKAGE_NO FROM WB_PACKAGE WHERE MERGED_INTO = ? "
                    + "ORDER BY ID")) {
                ps.setLong(1, packageId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public long merge(List<Long> packageIds, String actor) {
        authorizer.require(actor, Permission.MERGE_PACKAGES);
        TreeSet<Long> ids = new TreeSet<>();
        if (packageIds != null) {
            packageIds.stream().filter(Objects::nonNull).forEach(ids::add);
        }
        if (ids.size() < 2) {
            throw new OperationRefusedException(Reason.of(Reason.MERGE_TOO_FEW));
        }
        // a package outside the user's store / warehouse scope does not exist for the user
        for (long id : ids) {
            requireVisible(packages, id, actor);
        }
        return Jdbc.inTransaction(ds, c -> {
            // locks in id order (no deadlock between two merges), each through the one rule of edits before upload
            for (long id : ids) {
                EditGate.lock(c, id, PackageLifecycle.EDIT_CONTENTS);
            }
            List<Row> rows = new ArrayList<>();
            for (long id : ids) {
                try (PreparedStatement ps = c.prepareStatement(ROW_SQL + "WHERE p.ID = ?")) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        rows.add(row(rs));
                    }
                }
            }
            Row target = rows.get(0);
            for (Row r : rows) {
                if (r.mergeSize() > 0) {
                    throw new OperationRefusedException(Reason.of(Reason.MERGE_NESTED, r.packageNo()));
                }
                if (r.declared()) {
                    throw new OperationRefusedException(Reason.of(Reason.MERGE_DECLARATION, r.packageNo()));
                }
                if (r.split()) {
                    // a package of a split order carries a share of its order's lines: a merge ships whole orders
                    throw new OperationRefusedException(Reason.of(Reason.MERGE_SPLIT, r.packageNo()));
                }
                if (!r.shipsTo().equals(target.shipsTo())) {
                    throw new OperationRefusedException(Reason.of(Reason.MERGE_MISMATCH, target.packageNo(),
                            r.packageNo()));
                }
                if (r.status() != target.status()) {
                    throw new OperationRefusedException(Reason.of(Reason.MERGE_STEP, target.packageNo(),
                            target.status().name(), r.packageNo(), r.status().name()));
                }
                if (!Objects.equals(r.warehouseId(), target.warehouseId())) {
                    throw new OperationRefusedException(Reason.of(Reason.MERGE_WAREHOUSE, target.packageNo(),
                            String.valueOf(target.warehouseCode()), r.packageNo(), String.valueOf(r.warehouseCode())));
                }
            }
            Instant now = clock.instant();
            List<Row> members = rows.subList(1, rows.size());
            int weight = 0;
            for (Row m : members) {
                try (PreparedStatement ps = TO_MERGED.prepare(c)) {
                    ps.setLong(1, target.id());
                    ps.setTimestamp(2, Timestamp.from(now));
                    if (!TO_MERGED.apply(ps, m.id())) {
                        throw new OperationRefusedException(Reason.of(Reason.CONCURRENT_CHANGE, m.packageNo()));
                    }
                }
                weight += m.weight();
                Jdbc.audit(c, m.id(), null, actor, now, "MERGED", m.status().name(), PackageStatus.MERGED.name(),
                        Reason.of(Reason.MERGED_INTO, target.packageNo()));
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE WB_PACKAGE SET MERGE_SIZE = ?, "
                    + "EXPECTED_WEIGHT_GRAMS = EXPECTED_WEIGHT_GRAMS + ?, UPDATED_AT = ?, VERSION = VERSION + 1 "
                    + "WHERE ID = ? AND MERGE_SIZE = 0")) {
                ps.setInt(1, members.size());
                ps.setInt(2, weight);
                ps.setTimestamp(3, Timestamp.from(now));
                ps.setLong(4, target.id());
                if (ps.executeUpdate() != 1) {
                    throw new OperationRefusedException(Reason.of(Reason.CONCURRENT_CHANGE, target.packageNo()));
                }
            }
            Jdbc.audit(c, target.id(), null, actor, now, "MERGED", target.status().name(), target.status().name(),
                    Reason.of(Reason.MERGED_FROM, members.stream().map(Row::packageNo)
                            .collect(Collectors.joining(", "))));
            return target.id();
        });
    }

    @Override
    public List<Long> undoMerge(long packageId, String actor) {
        authorizer.require(actor, Permission.MERGE_PACKAGES);
        requireVisible(packages, packageId, actor);
        return Jdbc.inTransaction(ds, c -> {
            EditGate.Editable merged = EditGate.lock(c, packageId, PackageLifecycle.EDIT_CONTENTS);
            List<Long> memberIds = PackageContents.members(c, packageId);
            if (memberIds.isEmpty()) {
                throw new OperationRefusedException(Reason.of(Reason.NOT_MERGED, merged.packageNo()));
            }
            Long warehouse = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT WAREHOUSE_ID FROM WB_PACKAGE WHERE ID = ?")) {
                ps.setLong(1, packageId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long wh = rs.getLong(1);
                    warehouse = rs.wasNull() ? null : wh;
                }
            }
            if (PackageLifecycle.HOLDS_RESERVATION.contains(merged.status())) {
                handBackComponents(c, packageId, memberIds);
            }
            Instant now = clock.instant();
            StatusGate back = StatusGate.restoreFromMerge(merged.status())
                    .set("MERGED_INTO = NULL, WAREHOUSE_ID = ?, UPDATED_AT = ?");
            List<String> numbers = new ArrayList<>();
            int weight = 0;
            for (long id : memberIds) {
                String no;
                try (PreparedStatement ps = c.prepareStatement("SELECT PACKAGE_NO, EXPECTED_WEIGHT_GRAMS FROM "
                        + "WB_PACKAGE WHERE ID = ?")) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        no = rs.getString(1);
                        weight += rs.getInt(2);
                    }
                }
                try (PreparedStatement ps = back.prepare(c)) {
                    if (warehouse == null) {
                        ps.setNull(1, java.sql.Types.BIGINT);
                    } else {
                        ps.setLong(1, warehouse);
                    }
                    ps.setTimestamp(2, Timestamp.from(now));
                    if (!back.apply(ps, id)) {
                        throw new OperationRefusedException(Reason.of(Reason.CONCURRENT_CHANGE, no));
                    }
                }
                numbers.add(no);
                Jdbc.audit(c, id, null, actor, now, "MERGE_UNDONE", PackageStatus.MERGED.name(),
                        merged.status().name(), Reason.of(Reason.MERGE_UNDONE, no));
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE WB_PACKAGE SET MERGE_SIZE = 0, "
                    + "EXPECTED_WEIGHT_GRAMS = EXPECTED_WEIGHT_GRAMS - ?, UPDATED_AT = ?, VERSION = VERSION + 1 "
                    + "WHERE ID = ?")) {
                ps.setInt(1, weight);
                ps.setTimestamp(2, Timestamp.from(now));
                ps.setLong(3, packageId);
                ps.executeUpdate();
            }
            Jdbc.audit(c, packageId, null, actor, now, "MERGE_UNDONE", merged.status().name(),
                    merged.status().name(), Reason.of(Reason.MERGE_UNDONE, String.join(", ", numbers)));
            // the rules decided for the parcel of all the orders: each package is its own order again (before
            // allocation; an assignment by hand is kept)
            List<Long> restored = new ArrayList<>(List.of(packageId));
            restored.addAll(memberIds);
            rules.reapply(c, restored, actor, now, Reason.of(Reason.RULES_MERGE_UNDONE));
            return memberIds;
        });
    }

    /**
     * When the merge was allocated as one package, the components it reserved for its bundle lines are recorded on
     * it (WB_PACKAGE_COMPONENT): each package that comes back without a record of its own takes its share, by its
     * units of each bundle, so what every package holds after the undo adds up to what the merge held.
     */
    private static void handBackComponents(Connection c, long mergedId, List<Long> memberIds) throws SQLException {
        Map<Long, Map<Long, Integer>> recorded = components(c, mergedId);
        if (recorded.isEmpty()) {
            return;
        }
        Map<Long, Map<Long, Integer>> unitsByPackage = new LinkedHashMap<>();
        unitsByPackage.put(mergedId, bundleUnits(c, mergedId, recorded));
        for (long m : memberIds) {
            if (components(c, m).isEmpty()) {
                unitsByPackage.put(m, bundleUnits(c, m, recorded));
            }
        }
        try (PreparedStatement upd = c.prepareStatement("UPDATE WB_PACKAGE_COMPONENT SET QUANTITY = ? "
                + "WHERE PACKAGE_ID = ? AND BUNDLE_SKU_ID = ? AND COMPONENT_SKU_ID = ?");
             PreparedStatement del = c.prepareStatement("DELETE FROM WB_PACKAGE_COMPONENT WHERE PACKAGE_ID = ? "
                     + "AND BUNDLE_SKU_ID = ? AND COMPONENT_SKU_ID = ?");
             PreparedStatement ins = c.prepareStatement("INSERT INTO WB_PACKAGE_COMPONENT (PACKAGE_ID, "
                     + "BUNDLE_SKU_ID, COMPONENT_SKU_ID, QUANTITY) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<Long, Map<Long, Integer>> bundle : recorded.entrySet()) {
                long b = bundle.getKey();
                int total = unitsByPackage.values().stream().mapToInt(u -> u.getOrDefault(b, 0)).sum();
                if (total == 0) {
                    continue;
                }
                for (Map.Entry<Long, Integer> part : bundle.getValue().entrySet()) {
                    int left = part.getValue();
                    for (Map.Entry<Long, Map<Long, Integer>> pkg : unitsByPackage.entrySet()) {
                        if (pkg.getKey() == mergedId) {
                            continue;
                        }
                        int units = pkg.getValue().getOrDefault(b, 0);
                        int share = part.getValue() / total * units;
                        if (share > 0) {
                            ins.setLong(1, pkg.getKey());
                            ins.setLong(2, b);
                            ins.setLong(3, part.getKey());
                            ins.setInt(4, share);
                            ins.executeUpdate();
                            left -= share;
                        }
                    }
                    if (left > 0) {
                        upd.setInt(1, left);
                        upd.setLong(2, mergedId);
                        upd.setLong(3, b);
                        upd.setLong(4, part.getKey());
                        upd.executeUpdate();
                    } else {
                        del.setLong(1, mergedId);
                        del.setLong(2, b);
                        del.setLong(3, part.getKey());
                        del.executeUpdate();
                    }
                }
            }
        }
    }

    private static Map<Long, Map<Long, Integer>> components(Connection c, long packageId) throws SQLException {
        Map<Long, Map<Long, Integer>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT BUNDLE_SKU_ID, COMPONENT_SKU_ID, QUANTITY "
                + "FROM WB_PACKAGE_COMPONENT WHERE PACKAGE_ID = ?")) {
            ps.setLong(1, packageId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getLong(2), rs.getInt(3));
                }
            }
        }
        return out;
    }

    /** The units of each recorded bundle on the package's own order. */
    private static Map<Long, Integer> bundleUnits(Connection c, long packageId, Map<Long, Map<Long, Integer>> bundles)
            throws SQLException {
        Map<Long, Integer> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT l.SKU_ID, SUM(l.QUANTITY) FROM WB_ORDER_LINE l "
                + "JOIN WB_PACKAGE p ON p.ORDER_ID = l.ORDER_ID WHERE p.ID = ? GROUP BY l.SKU_ID")) {
            ps.setLong(1, packageId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (bundles.containsKey(rs.getLong(1))) {
                        out.put(rs.getLong(1), rs.getInt(2));
                    }
                }
            }
        }
        return out;
    }
}
