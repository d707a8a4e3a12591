package io.waybill.core.internal.workflow;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.PackageSplitService;
import io.waybill.core.api.Permission;
import io.waybill.core.internal.db.Database;
import io.waybill.core.internal.lifecycle.EditGate;
import io.waybill.core.internal.lifecycle.PackageLifecycle;
import io.waybill.core.internal.lifecycle.StatusGate;
import io.waybill.core.internal.persistence.Ids;
import io.waybill.core.internal.persistence.Jdbc;
import io.waybill.core.internal.persistence.PackageContents;
import io.waybill.core.internal.persistence.PackageNumbers;
import io.waybill.core.internal.security.Authorizer;
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
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Split and its undo (issue 14, 审单). A split gives every package of the order its share of the order's lines
 * (WB_PACKAGE_LINE, SPLIT_LINES = 1, V33; {@link PackageContents} reads them); a package split off points at the first
 * package of the order (SPLIT_FROM), which "Undo split" joins them back into.
 *
 * <p>Reserved stock: a split by lines keeps both packages at the package's step and in its warehouse, so what the
 * package reserved in WB_STOCK is exactly what the two hold afterwards and the stock rows never change (the bundle
 * components recorded at allocation, WB_PACKAGE_COMPONENT, are shared out with the bundle units); the undo joins them
 * the same way. A split by warehouse is for packages not allocated yet (an allocated package's warehouse has
 * everything): nothing is reserved, each new package is assigned its warehouse and reserves there when allocated.
 * Undo joins packages at different steps too (until one is uploaded): then each releases what it reserved
 * ({@link PackageRows#release}) and the joined package is allocated again as a whole.
 * Both lock every package through {@link EditGate} (the one rule of edits before upload).
 */
@Component(service = PackageSplitService.class)
public class PackageSplitServiceImpl implements PackageSplitService {
    private static final StatusGate JOIN_BACK = StatusGate.to(PackageStatus.VOIDED).set("UPDATED_AT = ?");

    private final DataSource ds;
    private final Clock clock;
    private final AllocationPolicy policy = new AllocationPolicy();
    private volatile Authorizer authorizer;
    private volatile io.waybill.core.api.PackageService packages;

    @Activate
    public PackageSplitServiceImpl(@Reference Database db) {
        this(db.dataSource(), Clock.systemUTC());
    }

    public PackageSplitServiceImpl(DataSource ds, Clock clock) {
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

    /** Where the user's store / warehouse scope is decided: a package outside it is unknown to the user. */
    @Reference
    public void setPackages(io.waybill.core.api.PackageService packages) {
        this.packages = packages;
    }

    /** A package as split reads it. */
    private record Row(long id, String packageNo, long orderId, long storeId, PackageStatus status, Long warehouseId,
                       int weight, int mergeSize, boolean split, Long splitFrom, Long ruleWarehouseId) {
        long root() {
            return splitFrom != null ? splitFrom : id;
        }
    }

    private static Row read(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT p.ID, p.PACKAGE_NO, p.ORDER_ID, o.STORE_ID, p.STATUS, "
                + "p.WAREHOUSE_ID, p.EXPECTED_WEIGHT_GRAMS, p.MERGE_SIZE, p.SPLIT_LINES, p.SPLIT_FROM, "
                + "p.RULE_WAREHOUSE_ID FROM WB_PACKAGE p JOIN WB_ORDER o ON o.ID = p.ORDER_ID WHERE p.ID = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new OperationRefusedException(Reason.of(Reason.UNKNOWN_PACKAGE_ID, id));
                }
                return new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        PackageStatus.valueOf(rs.getString(5)), nullable(rs, 6), rs.getInt(7), rs.getInt(8),
                        rs.getInt(9) > 0, nullable(rs, 10), nullable(rs, 11));
            }
        }
    }

    private static Long nullable(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    @Override
    public List<String> group(long packageId) {
        return Jdbc.inTransaction(ds, c -> {
            Long root = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT SPLIT_FROM, SPLIT_LINES FROM WB_PACKAGE "
                    + "WHERE ID = ?")) {
                ps.setLong(1, packageId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getInt(2) > 0) {
                        long from = rs.getLong(1);
                        root = rs.wasNull() ? packageId : from;
                    }
                }
            }
            if (root == null) {
                return List.<String>of();
            }
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT PACKAGE_NO FROM WB_PACKAGE WHERE (ID = ? OR "
                    + "SPLIT_FROM = ?) AND STATUS <> 'VOIDED' ORDER BY ID")) {
                ps.setLong(1, root);
                ps.setLong(2, root);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out.size() > 1 ? out : List.<String>of();
        });
    }

    @Override
    public boolean splittable(long packageId) {
        return Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT STATUS, MERGE_SIZE FROM WB_PACKAGE WHERE ID = ?")) {
                ps.setLong(1, packageId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                    PackageStatus status = PackageStatus.valueOf(rs.getString(1));
                    return PackageLifecycle.canEdit(status) && status != PackageStatus.SKU_UNMATCHED
                            && rs.getInt(2) == 0;
                }
            }
        });
    }

    /** The checks every split makes after locking the package; returns it. */
    private static Row lockForSplit(Connection c, long packageId) throws SQLException {
        EditGate.lock(c, packageId, PackageLifecycle.EDIT_CONTENTS);
        Row r = read(c, packageId);
        if (r.mergeSize() > 0) {
            throw new OperationRefusedException(Reason.of(Reason.SPLIT_MERGED, r.packageNo()));
        }
        if (r.status() == PackageStatus.SKU_UNMATCHED) {
            throw new OperationRefusedException(Reason.of(Reason.SPLIT_UNMATCHED, r.packageNo()));
        }
        return r;
    }

    @Override
    public long splitByLines(long packageId, Map<String, Integer> units, String actor) {
        authorizer.require(actor, Permission.MERGE_PACKAGES);
        PackageMergeServiceImpl.requireVisible(packages, packageId, actor);
        Map<String, Integer> asked = new LinkedHashMap<>();
        if (units != null) {
            units.forEach((sku, n) -> {
                if (sku != null && n != null && n != 0) {
                    asked.merge(sku.strip(), n, Integer::sum);
                }
            });
        }
        if (asked.isEmpty()) {
            throw new OperationRefusedException(Reason.of(Reason.SPLIT_EMPTY));
        }
        return Jdbc.inTransaction(ds, c -> {
            Row source = lockForSplit(c, packageId);
            List<PackageContents.Line> lines = PackageContents.lines(c, packageId);
            Map<String, Integer> carried = new HashMap<>();
            lines.forEach(l -> carried.merge(l.skuCode(), l.quantity(), Integer::sum));
            for (Map.Entry<String, Integer> a : asked.entrySet()) {
                int have = carried.getOrDefault(a.getKey(), 0);
                if (a.getValue() < 0 || a.getValue() > have) {
                    throw new OperationRefusedException(Reason.of(Reason.SPLIT_BAD_LINE, source.packageNo(),
                            a.getKey(), have, a.getValue()));
                }
            }
            int total = lines.stream().mapToInt(PackageContents.Line::quantity).sum();
            int moving = asked.values().stream().mapToInt(Integer::intValue).sum();
            if (moving >= total) {
                throw new OperationRefusedException(Reason.of(Reason.SPLIT_ALL, source.packageNo()));
            }
            // the units asked of a SKU come off its lines in line order
            Map<Long, Integer> moved = new LinkedHashMap<>();
            Map<String, Integer> left = new HashMap<>(asked);
            for (PackageContents.Line l : lines) {
                int want = left.getOrDefault(l.skuCode(), 0);
                int take = Math.min(want, l.quantity());
                if (take > 0) {
                    moved.put(l.orderLineId(), take);
                    left.put(l.skuCode(), want - take);
                }
            }
            Instant now = clock.instant();
            long partId = split(c, source, lines, moved, source.warehouseId(), source.ruleWarehouseId(), now);
            String items = describe(lines, moved);
            String partNo = PackageNumbers.format(partId);
            Jdbc.audit(c, source.id(), source.orderId(), actor, now, "SPLIT", source.status().name(),
                    source.status().name(), Reason.of(Reason.SPLIT_OFF, items, partNo));
            Jdbc.audit(c, partId, source.orderId(), actor, now, "SPLIT", null, source.status().name(),
                    Reason.of(Reason.SPLIT_FROM, source.packageNo(), items));
            return partId;
        });
    }

    @Override
    public List<Long> splitByWarehouse(long packageId, String actor) {
        authorizer.require(actor, Permission.MERGE_PACKAGES);
        PackageMergeServiceImpl.requireVisible(packages, packageId, actor);
        return Jdbc.inTransaction(ds, c -> {
            Row source = lockForSplit(c, packageId);
            if (PackageLifecycle.HOLDS_RESERVATION.contains(source.status())) {
                throw new OperationRefusedException(Reason.of(Reason.SPLIT_ALLOCATED, source.packageNo(),
                        warehouseCode(c, source.warehouseId())));
            }
            List<PackageContents.Line> lines = PackageContents.lines(c, packageId);
            Kits kits = Kits.load(c);
            AllocationPolicy.Stock stock = BatchAllocator.stockOf(c);
            List<Long> candidates = AllocationPolicy.candidates(source.ruleWarehouseId(),
                    BatchAllocator.enabledWarehouses(c), BatchAllocator.warehousesOf(c, source.storeId()));
            AllocationPolicy.Planning planning = policy.plan(source.packageNo(), lines.stream()
                    .map(l -> new AllocationPolicy.Line(l.skuId(), l.skuCode(), l.quantity())).toList(), kits,
                    candidates, null, java.util.Set.of());
            if (planning instanceof AllocationPolicy.Planned planned
                    && policy.decide(planned, stock) instanceof AllocationPolicy.Allocate one) {
                throw new OperationRefusedException(Reason.of(Reason.SPLIT_NOT_NEEDED, source.packageNo(),
                        warehouseCode(c, one.warehouseId())));
            }
            AllocationPolicy.Shares shares = policy.byWarehouse(lines.stream().map(l -> new AllocationPolicy.SplitLine(
                    l.orderLineId(), l.skuId(), l.skuCode(), l.quantity())).toList(), kits, candidates, stock);
            if (!shares.unserved().isEmpty()) {
                throw new OperationRefusedException(Reason.of(Reason.SPLIT_NO_STOCK, source.packageNo(),
                        shares.unserved().stream().map(l -> l.skuCode() + " x" + l.quantity())
                                .collect(Collectors.joining(", "))));
            }
            Instant now = clock.instant();
            List<Long> ids = new ArrayList<>(List.of(source.id()));
            List<String> parts = new ArrayList<>();
            List<String> moved = new ArrayList<>();
            List<PackageContents.Line> remaining = lines;
            // the package keeps the first warehouse's lines; each other warehouse's lines move to a package of its own
            for (AllocationPolicy.Share share : shares.shares().subList(1, shares.shares().size())) {
                Map<Long, Integer> units = new LinkedHashMap<>();
                for (PackageContents.Line l : remaining) {
                    if (share.lineIds().contains(l.orderLineId())) {
                        units.put(l.orderLineId(), l.quantity());
                    }
                }
                long partId = split(c, read(c, source.id()), remaining, units, null, share.warehouseId(), now);
                String items = describe(remaining, units);
                String code = warehouseCode(c, share.warehouseId());
                Jdbc.audit(c, partId, source.orderId(), actor, now, "SPLIT", null, source.status().name(),
                        Reason.of(Reason.SPLIT_FROM_WAREHOUSE, source.packageNo(), items, code));
                ids.add(partId);
                parts.add(PackageNumbers.format(partId));
                moved.add(items);
                remaining = PackageContents.lines(c, source.id());
            }
            Jdbc.audit(c, source.id(), source.orderId(), actor, now, "SPLIT", source.status().name(),
                    source.status().name(), Reason.of(Reason.SPLIT_OFF, String.join(", ", moved),
                            String.join(", ", parts)));
            return ids;
        });
    }

    /**
     * Moves {@code moved} (order line id to units) of the source's lines to a new package of its order, at its step;
     * gives the source (and the new package) their shares as WB_PACKAGE_LINE rows, shares the expected weight, the
     * bundle components it holds and its edited declaration; returns the new package's id.
     */
    private static long split(Connection c, Row source, List<PackageContents.Line> lines, Map<Long, Integer> moved,
                              Long warehouseId, Long assignedWarehouse, Instant now) throws SQLException {
        long partId = Ids.next(c);
        Timestamp ts = Timestamp.from(now);
        // expected weights follow the lines: the new package weighs what moves plus its own packaging
        int goods = weight(c, lines, moved);
        int partWeight = (int) Math.min(Integer.MAX_VALUE, (long) goods + PackageContents.PACKAGING_GRAMS);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO WB_PACKAGE (ID, VERSION, PACKAGE_NO, ORDER_ID, "
                + "STATUS, WAREHOUSE_ID, EXPECTED_WEIGHT_GRAMS, PRINT_COUNT, CREATED_AT, UPDATED_AT, "
                + "RULE_WAREHOUSE_ID, RULE_CARRIER_ID, RULE_SERVICE_CODE, HOLD_REASON, HOLD_RULE, SHIPPING_METHOD_ID, "
                + "SPLIT_FROM, SPLIT_LINES) SELECT ?, 1, ?, ORDER_ID, STATUS, ?, ?, 0, CREATED_AT, ?, ?, "
                + "RULE_CARRIER_ID, RULE_SERVICE_CODE, HOLD_REASON, HOLD_RULE, SHIPPING_METHOD_ID, ?, 1 "
                + "FROM WB_PACKAGE WHERE ID = ?")) {
            ps.setLong(1, partId);
            ps.setString(2, PackageNumbers.format(partId));
            setLong(ps, 3, warehouseId);
            ps.setInt(4, partWeight);
            ps.setTimestamp(5, ts);
            setLong(ps, 6, assignedWarehouse);
            ps.setLong(7, source.root());
            ps.setLong(8, source.id());
            ps.executeUpdate();
        }
        // the source's share: what it carried less what moved (its rows are written for the first split)
        try (PreparedStatement del = c.prepareStatement("DELETE FROM WB_PACKAGE_LINE WHERE PACKAGE_ID = ?");
             PreparedStatement ins = c.prepareStatement("INSERT INTO WB_PACKAGE_LINE (PACKAGE_ID, ORDER_LINE_ID, "
                     + "QUANTITY) VALUES (?, ?, ?)")) {
            del.setLong(1, source.id());
            del.executeUpdate();
            for (PackageContents.Line l : lines) {
                int keep = l.quantity() - moved.getOrDefault(l.orderLineId(), 0);
                if (keep > 0) {
                    ins.setLong(1, source.id());
                    ins.setLong(2, l.orderLineId());
                    ins.setInt(3, keep);
                    ins.executeUpdate();
                }
            }
            for (Map.Entry<Long, Integer> m : moved.entrySet()) {
                ins.setLong(1, partId);
                ins.setLong(2, m.getKey());
                ins.setInt(3, m.getValue());
                ins.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE WB_PACKAGE SET SPLIT_LINES = 1, "
                + "EXPECTED_WEIGHT_GRAMS = ?, UPDATED_AT = ?, VERSION = VERSION + 1 WHERE ID = ?")) {
            ps.setInt(1, Math.max(0, source.weight() - goods));
            ps.setTimestamp(2, ts);
            ps.setLong(3, source.id());
            ps.executeUpdate();
        }
        // shortages were those of the whole package: the next allocation finds each package's own
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM WB_PACKAGE_SHORTAGE WHERE PACKAGE_ID = ?")) {
            ps.setLong(1, source.id());
            ps.executeUpdate();
        }
        copyTags(c, source.id(), partId);
        if (PackageLifecycle.HOLDS_RESERVATION.contains(source.status())) {
            moveComponents(c, source.id(), partId, unitsBySku(lines, moved), unitsBySku(lines, Map.of()));
        }
        splitDeclaration(c, source.id(), partId, skuUnits(lines, moved), now);
        return partId;
    }

    /** The weight of the units moving: each SKU's weight times its units (without packaging). */
    private static int weight(Connection c, List<PackageContents.Line> lines, Map<Long, Integer> moved)
            throws SQLException {
        long grams = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT WEIGHT_GRAMS FROM WB_SKU WHERE ID = ?")) {
            for (PackageContents.Line l : lines) {
                int n = moved.getOrDefault(l.orderLineId(), 0);
                if (n > 0) {
                    ps.setLong(1, l.skuId());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            grams += (long) rs.getInt(1) * n;
                        }
                    }
                }
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, grams);
    }

    /** Units by SKU id: of the lines moving ({@code moved} non-empty) or of all the lines (empty). */
    private static Map<Long, Integer> unitsBySku(List<PackageContents.Line> lines, Map<Long, Integer> moved) {
        Map<Long, Integer> out = new HashMap<>();
        for (PackageContents.Line l : lines) {
            int n = moved.isEmpty() ? l.quantity() : moved.getOrDefault(l.orderLineId(), 0);
            if (n > 0) {
                out.merge(l.skuId(), n, Integer::sum);
            }
        }
        return out;
    }

    /** Units by SKU code of the lines moving. */
    private static Map<String, Integer> skuUnits(List<PackageContents.Line> lines, Map<Long, Integer> moved) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (PackageContents.Line l : lines) {
            int n = moved.getOrDefault(l.orderLineId(), 0);
            if (n > 0) {
                out.merge(l.skuCode(), n, Integer::sum);
            }
        }
        return out;
    }

    private static String describe(List<PackageContents.Line> lines, Map<Long, Integer> moved) {
        return skuUnits(lines, moved).entrySet().stream().map(e -> e.getKey() + " x" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static void copyTags(Connection c, long from, long to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO WB_PACKAGE_TAG (PACKAGE_ID, TAG, POS, ADDED_AT) "
                + "SELECT ?, TAG, POS, ADDED_AT FROM WB_PACKAGE_TAG WHERE PACKAGE_ID = ?")) {
            ps.setLong(1, to);
            ps.setLong(2, from);
            ps.executeUpdate();
        }
    }

    /**
     * The bundle components the source reserved at allocation (WB_PACKAGE_COMPONENT) follow the bundle units: the new
     * package takes each component's share of the bundle units moving, the source keeps the rest.
     */
    private static void moveComponents(Connection c, long from, long to, Map<Long, Integer> movingBySku,
                                       Map<Long, Integer> allBySku) throws SQLException {
        Map<Long, Map<Long, Integer>> recorded = components(c, from);
        for (Map.Entry<Long, Map<Long, Integer>> bundle : recorded.entrySet()) {
            int moving = movingBySku.getOrDefault(bundle.getKey(), 0);
            int all = allBySku.getOrDefault(bundle.getKey(), 0);
            if (moving == 0 || all == 0) {
                continue;
            }
            for (Map.Entry<Long, Integer> part : bundle.getValue().entrySet()) {
                int share = part.getValue() / all * moving;
                if (share > 0) {
                    addComponent(c, to, bundle.getKey(), part.getKey(), share);
                    addComponent(c, from, bundle.getKey(), part.getKey(), -share);
                }
            }
        }
    }

    private static Map<Long, Map<Long, Integer>> components(Connection c, long packageId) throws SQLException {
        Map<Long, Map<Long, Integer>> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT BUNDLE_SKU_ID, COMPONENT_SKU_ID, QUANTITY "
                + "FROM WB_PACKAGE_COMPONENT WHERE PACKAGE_ID = ?")) {
            ps.setLong(1, packageId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(rs.getLong(2), rs.getInt(3));
                }
            }
        }
        return out;
    }

    /** Adds units (negative: removes) to a package's recorded component; a record reaching 0 is deleted. */
    private static void addComponent(Connection c, long packageId, long bundle, long component, int units)
            throws SQLException {
        int now = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT QUANTITY FROM WB_PACKAGE_COMPONENT WHERE PACKAGE_ID = ? "
                + "AND BUNDLE_SKU_ID = ? AND COMPONENT_SKU_ID = ?")) {
            ps.setLong(1, packageId);
            ps.setLong(2, bundle);
            ps.setLong(3, component);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    now = rs.getInt(1);
                }
            }
        }
        int next = now + units;
        String sql = next <= 0 ? "DELETE FROM WB_PACKAGE_COMPONENT WHERE PACKAGE_ID = ? AND BUNDLE_SKU_ID = ? "
                + "AND COMPONENT_SKU_ID = ?"
                : now == 0 ? "INSERT INTO WB_PACKAGE_COMPONENT (PACKAGE_ID, BUNDLE_SKU_ID, COMPONENT_SKU_ID, QUANTITY) "
                + "VALUES (?, ?, ?, ?)"
                : "UPDATE WB_PACKAGE_COMPONENT SET QUANTITY = ? WHERE PACKAGE_ID = ? AND BUNDLE_SKU_ID = ? "
                + "AND COMPONENT_SKU_ID = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (next > 0 && now != 0) {
                ps.setInt(1, next);
                ps.setLong(2, packageId);
                ps.setLong(3, bundle);
                ps.setLong(4, component);
            } else {
                ps.setLong(1, packageId);
                ps.setLong(2, bundle);
                ps.setLong(3, component);
                if (next > 0) {
                    ps.setInt(4, next);
                }
            }
            ps.executeUpdate();
        }
    }

    /** A line of an edited customs declaration (WB_PACKAGE_CUSTOMS_LINE, V25). */
    private record DeclLine(String sku, String en, String zh, String hs, int quantity, java.math.BigDecimal value,
                            String currency, String origin, int netWeight) {
        DeclLine withQuantity(int q) {
            int unitWeight = quantity == 0 ? 0 : netWeight / quantity;
            return new DeclLine(sku, en, zh, hs, q, value, currency, origin, unitWeight * q);
        }
    }

    private record Decl(String category, List<DeclLine> lines) {
    }

    private static Decl declaration(Connection c, long packageId) throws SQLException {
        String category;
        try (PreparedStatement ps = c.prepareStatement("SELECT CATEGORY FROM WB_PACKAGE_CUSTOMS WHERE PACKAGE_ID = ?")) {
            ps.setLong(1, packageId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                category = rs.getString(1);
            }
        }
        List<DeclLine> lines = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT SKU, DESCRIPTION_EN, DESCRIPTION_ZH, HS_CODE, QUANTITY, "
                + "UNIT_VALUE, CURRENCY, ORIGIN_COUNTRY, NET_WEIGHT_GRAMS FROM WB_PACKAGE_CUSTOMS_LINE "
                + "WHERE PACKAGE_ID = ? ORDER BY POSITION")) {
            ps.setLong(1, packageId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.add(new DeclLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5), rs.getBigDecimal(6), rs.getString(7), rs.getString(8), rs.getInt(9)));
                }
            }
        }
        return new Decl(category, lines);
    }

    private static void deleteDeclaration(Connection c, long packageId) throws SQLException {
        for (String sql : List.of("DELETE FROM WB_PACKAGE_CUSTOMS_LINE WHERE PACKAGE_ID = ?",
                "DELETE FROM WB_PACKAGE_CUSTOMS WHERE PACKAGE_ID = ?")) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, packageId);
                ps.executeUpdate();
            }
        }
    }

    private static void writeDeclaration(Connection c, long packageId, Decl d, String by, Instant now)
            throws SQLException {
        deleteDeclaration(c, packageId);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO WB_PACKAGE_CUSTOMS (PACKAGE_ID, CATEGORY, "
                + "UPDATED_AT, UPDATED_BY) VALUES (?, ?, ?, ?)")) {
            ps.setLong(1, packageId);
            ps.setString(2, d.category());
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setString(4, by);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO WB_PACKAGE_CUSTOMS_LINE (PACKAGE_ID, POSITION, SKU, "
                + "DESCRIPTION_EN, DESCRIPTION_ZH, HS_CODE, QUANTITY, UNIT_VALUE, CURRENCY, ORIGIN_COUNTRY, "
                + "NET_WEIGHT_GRAMS) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int pos = 1;
            for (DeclLine l : d.lines()) {
                ps.setLong(1, packageId);
                ps.setInt(2, pos++);
                ps.setString(3, l.sku());
                ps.setString(4, l.en());
                ps.setString(5, l.zh());
                ps.setString(6, l.hs());
                ps.setInt(7, l.quantity());
                ps.setBigDecimal(8, l.value());
                ps.setString(9, l.currency());
                ps.setString(10, l.origin());
                ps.setInt(11, l.netWeight());
                ps.executeUpdate();
            }
        }
    }

    private static String declaredBy(Connection c, long packageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT UPDATED_BY FROM WB_PACKAGE_CUSTOMS WHERE PACKAGE_ID = ?")) {
            ps.setLong(1, packageId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "system";
            }
        }
    }

    /**
     * An edited declaration follows the lines: the new package declares the units moving (each SKU's edited line
     * with its units), the source keeps the rest. A declaration that follows the catalogue needs nothing: it is
     * built from each package's own lines.
     */
    private static void splitDeclaration(Connection c, long from, long to, Map<String, Integer> moving, Instant now)
            throws SQLException {
        Decl d = declaration(c, from);
        if (d == null) {
            return;
        }
        String by = declaredBy(c, from);
        List<DeclLine> keep = new ArrayList<>();
        List<DeclLine> go = new ArrayList<>();
        Map<String, Integer> left = new HashMap<>(moving);
        for (DeclLine l : d.lines()) {
            int take = Math.min(l.quantity(), left.getOrDefault(l.sku(), 0));
            left.merge(l.sku(), -take, Integer::sum);
            if (take > 0) {
                go.add(l.withQuantity(take));
            }
            if (l.quantity() - take > 0) {
                keep.add(l.withQuantity(l.quantity() - take));
            }
        }
        writeDeclaration(c, from, new Decl(d.category(), keep), by, now);
        if (!go.isEmpty()) {
            writeDeclaration(c, to, new Decl(d.category(), go), by, now);
        }
    }

    @Override
    public long undoSplit(long packageId, String actor) {
        authorizer.require(actor, Permission.MERGE_PACKAGES);
        PackageMergeServiceImpl.requireVisible(packages, packageId, actor);
        return Jdbc.inTransaction(ds, c -> {
            Row given = read(c, packageId);
            long rootId = given.root();
            List<Long> partIds = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT ID FROM WB_PACKAGE WHERE SPLIT_FROM = ? "
                    + "AND STATUS <> 'VOIDED' ORDER BY ID")) {
                ps.setLong(1, rootId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        partIds.add(rs.getLong(1));
                    }
                }
            }
            // undoable until upload: not once a package of the split was uploaded, even if voided since
            if (given.split() && given.status() != PackageStatus.VOIDED) {
                try (PreparedStatement ps = c.prepareStatement("SELECT PACKAGE_NO FROM WB_PACKAGE WHERE SPLIT_FROM = ? "
                        + "AND STATUS = 'VOIDED' AND (TRACKING_NO IS NOT NULL OR CARRIER_SHIPMENT_ID IS NOT NULL) "
                        + "ORDER BY ID")) {
                    ps.setLong(1, rootId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            throw new OperationRefusedException(Reason.of(Reason.SPLIT_UNDO_UPLOADED,
                                    read(c, rootId).packageNo(), rs.getString(1), PackageStatus.VOIDED.name()));
                        }
                    }
                }
            }
            if (!given.split() || partIds.isEmpty() || given.status() == PackageStatus.VOIDED) {
                throw new OperationRefusedException(Reason.of(Reason.NOT_SPLIT, given.packageNo()));
            }
            // undoable until upload: no package of the split uploaded
            TreeSet<Long> all = new TreeSet<>(partIds);
            all.add(rootId);
            String rootNo = read(c, rootId).packageNo();
            for (long id : all) {
                Row p = read(c, id);
                if (!PackageLifecycle.canEdit(p.status())) {
                    throw new OperationRefusedException(Reason.of(Reason.SPLIT_UNDO_UPLOADED, rootNo, p.packageNo(),
                            p.status().name()));
                }
            }
            // locks in id order (the root is the lowest), each through the one rule of edits before upload
            for (long id : all) {
                EditGate.lock(c, id, PackageLifecycle.EDIT_CONTENTS);
            }
            Row root = read(c, rootId);
            List<Row> parts = new ArrayList<>();
            boolean sameStep = true;
            for (long id : partIds) {
                Row p = read(c, id);
                sameStep &= p.status() == root.status() && Objects.equals(p.warehouseId(), root.warehouseId());
                parts.add(p);
            }
            Instant now = clock.instant();
            Timestamp ts = Timestamp.from(now);
            // at different steps (or in different warehouses) they cannot be one package at a step: each releases
            // what it reserved, and the joined package is allocated again as a whole
            PackageStatus joinedStatus = root.status();
            if (!sameStep) {
                List<Row> group = new ArrayList<>(List.of(root));
                group.addAll(parts);
                boolean held = false;
                for (Row g : group) {
                    held |= g.status() == PackageStatus.HELD;
                    if (PackageLifecycle.HOLDS_RESERVATION.contains(g.status()) && g.warehouseId() != null) {
                        List<Kits.Units> released = PackageRows.release(c, g.id(), g.orderId(), g.packageNo(),
                                g.warehouseId());
                        Kits.record(c, g.id(), List.of());
                        Jdbc.audit(c, g.id(), g.orderId(), actor, now, "STOCK_RELEASED", g.status().name(),
                                g.status().name(), Reason.of(Reason.SPLIT_UNDO_RELEASED, released.stream()
                                        .map(u -> u.code() + " x" + u.quantity()).collect(Collectors.joining(", ")),
                                        warehouseCode(c, g.warehouseId())));
                    }
                }
                joinedStatus = held ? PackageStatus.HELD : PackageStatus.WAITING;
                StatusGate back = StatusGate.joinSplitBack(joinedStatus).set("WAREHOUSE_ID = NULL, UPDATED_AT = ?");
                try (PreparedStatement ps = back.prepare(c)) {
                    ps.setTimestamp(1, ts);
                    if (!back.apply(ps, rootId)) {
                        throw new OperationRefusedException(Reason.of(Reason.CONCURRENT_CHANGE, root.packageNo()));
                    }
                }
            }
            Decl rootDecl = declaration(c, rootId);
            List<DeclLine> declLines = rootDecl == null ? null : new ArrayList<>(rootDecl.lines());
            int weight = root.weight();
            List<String> joined = new ArrayList<>();
            for (Row p : parts) {
                // its lines back into the root's share
                try (PreparedStatement sel = c.prepareStatement("SELECT ORDER_LINE_ID, QUANTITY FROM WB_PACKAGE_LINE "
                        + "WHERE PACKAGE_ID = ?");
                     PreparedStatement upd = c.prepareStatement("UPDATE WB_PACKAGE_LINE SET QUANTITY = QUANTITY + ? "
                             + "WHERE PACKAGE_ID = ? AND ORDER_LINE_ID = ?");
                     PreparedStatement ins = c.prepareStatement("INSERT INTO WB_PACKAGE_LINE (PACKAGE_ID, "
                             + "ORDER_LINE_ID, QUANTITY) VALUES (?, ?, ?)");
                     PreparedStatement del = c.prepareStatement("DELETE FROM WB_PACKAGE_LINE WHERE PACKAGE_ID = ?")) {
                    sel.setLong(1, p.id());
                    List<long[]> rows = new ArrayList<>();
                    try (ResultSet rs = sel.executeQuery()) {
                        while (rs.next()) {
                            rows.add(new long[]{rs.getLong(1), rs.getInt(2)});
                        }
                    }
                    for (long[] r : rows) {
                        upd.setInt(1, (int) r[1]);
                        upd.setLong(2, rootId);
                        upd.setLong(3, r[0]);
                        if (upd.executeUpdate() == 0) {
                            ins.setLong(1, rootId);
                            ins.setLong(2, r[0]);
                            ins.setInt(3, (int) r[1]);
                            ins.executeUpdate();
                        }
                    }
                    del.setLong(1, p.id());
                    del.executeUpdate();
                }
                if (sameStep && PackageLifecycle.HOLDS_RESERVATION.contains(p.status())) {
                    for (Map.Entry<Long, Map<Long, Integer>> b : components(c, p.id()).entrySet()) {
                        for (Map.Entry<Long, Integer> part : b.getValue().entrySet()) {
                            addComponent(c, rootId, b.getKey(), part.getKey(), part.getValue());
                            addComponent(c, p.id(), b.getKey(), part.getKey(), -part.getValue());
                        }
                    }
                }
                Decl pd = declaration(c, p.id());
                if (pd != null && declLines != null) {
                    for (DeclLine l : pd.lines()) {
                        int at = -1;
                        for (int i = 0; i < declLines.size(); i++) {
                            if (declLines.get(i).sku().equals(l.sku())) {
                                at = i;
                                break;
                            }
                        }
                        if (at < 0) {
                            declLines.add(l);
                        } else {
                            DeclLine was = declLines.get(at);
                            declLines.set(at, was.withQuantity(was.quantity() + l.quantity()));
                        }
                    }
                }
                if (pd != null) {
                    deleteDeclaration(c, p.id());
                }
                weight += p.weight() - PackageContents.PACKAGING_GRAMS;
                try (PreparedStatement ps = JOIN_BACK.prepare(c)) {
                    ps.setTimestamp(1, ts);
                    if (!JOIN_BACK.apply(ps, p.id())) {
                        throw new OperationRefusedException(Reason.of(Reason.CONCURRENT_CHANGE, p.packageNo()));
                    }
                }
                Jdbc.audit(c, p.id(), p.orderId(), actor, now, "SPLIT_UNDONE", p.status().name(),
                        PackageStatus.VOIDED.name(), Reason.of(Reason.SPLIT_JOINED, root.packageNo()));
                joined.add(p.packageNo());
            }
            if (declLines != null) {
                writeDeclaration(c, rootId, new Decl(rootDecl.category(), declLines), declaredBy(c, rootId), now);
            }
            // back to the whole order: the root reads its order's lines again (none of them is elsewhere)
            boolean whole = wholeOrder(c, rootId, root.orderId());
            if (whole) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM WB_PACKAGE_LINE WHERE PACKAGE_ID = ?")) {
                    ps.setLong(1, rootId);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE WB_PACKAGE SET SPLIT_LINES = ?, "
                    + "EXPECTED_WEIGHT_GRAMS = ?, UPDATED_AT = ?, VERSION = VERSION + 1 WHERE ID = ?")) {
                ps.setInt(1, whole ? 0 : 1);
                ps.setInt(2, Math.max(0, weight));
                ps.setTimestamp(3, ts);
                ps.setLong(4, rootId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM WB_PACKAGE_SHORTAGE WHERE PACKAGE_ID = ?")) {
                ps.setLong(1, rootId);
                ps.executeUpdate();
            }
            Jdbc.audit(c, rootId, root.orderId(), actor, now, "SPLIT_UNDONE", root.status().name(),
                    joinedStatus.name(), Reason.of(Reason.SPLIT_UNDONE, String.join(", ", joined)));
            // the rules decided for the parts: the joined package carries them all again (before allocation; an
            // assignment by hand is kept)
            rules.reapply(c, List.of(rootId), actor, now, Reason.of(Reason.RULES_SPLIT_UNDONE));
            return rootId;
        });
    }

    /** Whether the package's share is every unit of its order's lines. */
    private static boolean wholeOrder(Connection c, long packageId, long orderId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM WB_ORDER_LINE l LEFT JOIN WB_PACKAGE_LINE x "
                + "ON x.ORDER_LINE_ID = l.ID AND x.PACKAGE_ID = ? WHERE l.ORDER_ID = ? "
                + "AND (x.QUANTITY IS NULL OR x.QUANTITY <> l.QUANTITY)")) {
            ps.setLong(1, packageId);
            ps.setLong(2, orderId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 0;
            }
        }
    }

    private static String warehouseCode(Connection c, Long warehouseId) throws SQLException {
        if (warehouseId == null) {
            return "-";
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT CODE FROM WB_WAREHOUSE WHERE ID = ?")) {
            ps.setLong(1, warehouseId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : String.valueOf(warehouseId);
            }
        }
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }
}
