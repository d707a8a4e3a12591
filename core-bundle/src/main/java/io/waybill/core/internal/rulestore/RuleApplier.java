package io.waybill.core.internal.rulestore;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.internal.lifecycle.StatusGate;
import io.waybill.core.internal.persistence.Jdbc;
import io.waybill.core.internal.rules.Action;
import io.waybill.core.internal.rules.Evaluation;
import io.waybill.core.internal.rules.ProductFlag;
import io.waybill.core.internal.rules.Rule;
import io.waybill.core.internal.rules.RuleEngine;
import io.waybill.core.internal.rules.RuleInput;
import io.waybill.core.model.BatchResult;
import io.waybill.core.model.PackageStatus;
import io.waybill.core.model.Reason;
import io.waybill.spi.carrier.CarrierGateway;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs the stored logistics rules over packages inside the caller's transaction and records what they decided: the
 * one place where rule decisions become data. Used by capture (every new package, in the capture's transaction), by
 * "Re-apply rules" ({@code RuleService.apply}, {@code waybill:rule-apply}) and, without writing, by the dry run — all
 * through {@link #evaluate}, so the dry run shows exactly what a real run decides.
 *
 * <p>Per package: the rule-assigned warehouse ({@code RULE_WAREHOUSE_ID}, tried first by the allocation policy),
 * shipping method ({@code RULE_CARRIER_ID} / {@code RULE_SERVICE_CODE}, used by the upload instead of the store's
 * default), hold ({@code HOLD_REASON} / {@code HOLD_RULE} and status {@code HELD} through the {@link StatusGate}) and
 * tag ({@code WB_PACKAGE_TAG}); each decision and each rule skipped because its action was refused is a history line
 * with a structured {@link Reason} naming the rule. A package held before that the rules no longer hold goes back to
 * waiting. Rules apply to packages not yet allocated: {@link #APPLICABLE}.
 */
public final class RuleApplier {

    /** The statuses rules may change a package in: not allocated yet. */
    public static final Set<PackageStatus> APPLICABLE = EnumSet.of(PackageStatus.WAITING, PackageStatus.OUT_OF_STOCK,
            PackageStatus.HELD);

    /** Audit action of a rule decision (warehouse, shipping method, tag). */
    public static final String RULE_APPLIED = "RULE_APPLIED";
    /** Audit action of a hold by a rule. */
    public static final String HELD = "HELD";
    /** Audit action of a rule skipped because its action cannot be carried out. */
    public static final String RULE_SKIPPED = "RULE_SKIPPED";
    /** Audit action of a release (by a user, or by rules that no longer hold the package). */
    public static final String RELEASED = "RELEASED";

    private static final String ASSIGN = "RULE_WAREHOUSE_ID = ?, RULE_CARRIER_ID = ?, RULE_SERVICE_CODE = ?, "
            + "HOLD_REASON = ?, HOLD_RULE = ?, UPDATED_AT = ?";
    /** One gate per target status: the package keeps its status, is held, or is released by the rules. */
    private static final Map<PackageStatus, StatusGate> GATES = Map.of(
            PackageStatus.HELD, StatusGate.to(PackageStatus.HELD).set(ASSIGN).where("STATUS = ?"),
            PackageStatus.WAITING, StatusGate.to(PackageStatus.WAITING).from(PackageStatus.HELD).orStaying()
                    .set(ASSIGN).where("STATUS = ?"),
            PackageStatus.OUT_OF_STOCK, StatusGate.to(PackageStatus.OUT_OF_STOCK).from(PackageStatus.OUT_OF_STOCK)
                    .set(ASSIGN).where("STATUS = ?"));

    /** A package as read for the rules. */
    public record Loaded(long id, PackageStatus status, RuleInput input) {
    }

    /** What a run read and decided: the evaluations of the packages read, and the ids it could not apply to. */
    public record Outcome(List<Loaded> packages, List<Evaluation> evaluations, Map<Long, BatchResult.Failure>
            refused) {
    }

    /** The installed carrier plugin of an id (its services and their limits, SPI carrier 1.2). */
    private final Function<String, Optional<CarrierGateway>> carriers;

    /** Without carrier plugins: actions are checked only for an unknown or disabled warehouse. */
    public RuleApplier() {
        this(id -> Optional.empty());
    }

    /**
     * @param carriers the installed carrier plugin of an id: a rule's shipping method is checked against the
     *                 limits of the service its carrier declares ({@link ServiceLimits})
     */
    public RuleApplier(Function<String, Optional<CarrierGateway>> carriers) {
        this.carriers = carriers;
    }

    /** Evaluates the stored rules for these packages at {@code now}, writing nothing (the dry run). */
    public Outcome evaluate(Connection c, List<Long> ids, Instant now) throws SQLException {
        return evaluate(c, RuleStore.read(c), ids, now);
    }

    private Outcome evaluate(Connection c, List<Rule> rules, List<Long> ids, Instant now) throws SQLException {
        Map<Long, BatchResult.Failure> refused = new LinkedHashMap<>();
        Inputs reader = new Inputs(c);
        List<Loaded> loaded = reader.load(ids, refused);
        Map<String, Long> warehouses = enabledWarehouses(c);
        RuleEngine.ActionCheck check = check(warehouses, new ServiceLimits(carriers, reader.customsComplete::contains));
        RuleEngine engine = new RuleEngine(rules);
        List<RuleInput> inputs = new ArrayList<>(loaded.size());
        loaded.forEach(l -> inputs.add(l.input()));
        return new Outcome(loaded, engine.dryRun(inputs, now, check), refused);
    }

    /**
     * Applies the stored rules to these packages and records every decision (the real run). A package outside
     * {@link #APPLICABLE} is left out and reported in {@link Outcome#refused}; nothing is written when no rule is
     * enabled (and no package was held before).
     *
     * @throws OperationRefusedException {@code concurrent_change} when a package changed while it was decided (the
     *                                   caller's transaction must roll back)
     */
    public Outcome apply(Connection c, List<Long> ids, String actor, Instant now) throws SQLException {
        return apply(c, ids, actor, now, false);
    }

    /**
     * {@link #apply} for packages just created waiting (capture, a SKU mapping that released them): none of them was
     * held before, so without an enabled rule nothing is read at all.
     */
    public Outcome applyToNew(Connection c, List<Long> ids, String actor, Instant now) throws SQLException {
        return apply(c, ids, actor, now, true);
    }

    private Outcome apply(Connection c, List<Long> ids, String actor, Instant now, boolean fresh)
            throws SQLException {
        List<Rule> rules = ids.isEmpty() ? List.of() : RuleStore.read(c);
        if (ids.isEmpty() || rules.stream().noneMatch(Rule::enabled) && (fresh || !anyHeld(c, ids))) {
            return new Outcome(List.of(), List.of(), Map.of());
        }
        Outcome o = evaluate(c, rules, ids, now);
        record(c, o, actor, now, enabledWarehouses(c));
        return o;
    }

    /** The warehouse check, then the extra one. */
    private static RuleEngine.ActionCheck check(Map<String, Long> warehouses, RuleEngine.ActionCheck extra) {
        return (action, in) -> {
            if (action instanceof Action.AssignWarehouse w
                    && !warehouses.containsKey(w.warehouseCode().toUpperCase(Locale.ROOT))) {
                return new Evaluation.Refusal(action, Reason.RULE_WAREHOUSE_UNKNOWN, List.of(w.warehouseCode()),
                        "warehouse " + w.warehouseCode() + " does not exist or is disabled");
            }
            return extra.refuse(action, in);
        };
    }

    /** Enabled warehouses by upper-case code. */
    static Map<String, Long> enabledWarehouses(Connection c) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT CODE, ID FROM WB_WAREHOUSE WHERE ENABLED = TRUE");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1).toUpperCase(Locale.ROOT), rs.getLong(2));
            }
        }
        return out;
    }

    private static boolean anyHeld(Connection c, List<Long> ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT STATUS FROM WB_PACKAGE WHERE ID = ?")) {
            for (long id : ids) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && PackageStatus.HELD.name().equals(rs.getString(1))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Writes the decisions: one guarded update per package, the tags, and the history lines, in JDBC batches. */
    private static void record(Connection c, Outcome o, String actor, Instant now, Map<String, Long> warehouses)
            throws SQLException {
        Timestamp ts = Timestamp.from(now);
        Map<PackageStatus, PreparedStatement> gates = new HashMap<>();
        Map<PackageStatus, List<Loaded>> batched = new HashMap<>();
        try (PreparedStatement audit = c.prepareStatement("INSERT INTO WB_AUDIT_EVENT (PACKAGE_ID, ORDER_ID, ACTOR, "
                + "OCCURRED_AT, ACTION, FROM_STATUS, TO_STATUS, REASON, REASON_CODE, REASON_PARAMS) "
                + "VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, ?)");
             Tags tags = new Tags(c, ts)) {
            for (int i = 0; i < o.packages().size(); i++) {
                Loaded p = o.packages().get(i);
                Evaluation e = o.evaluations().get(i);
                Evaluation.Decision hold = e.decision(Action.Kind.HOLD).orElse(null);
                PackageStatus to = hold != null ? PackageStatus.HELD
                        : p.status() == PackageStatus.HELD ? PackageStatus.WAITING : p.status();
                StatusGate gate = GATES.get(to);
                PreparedStatement ps = gates.get(to);
                if (ps == null) {
                    ps = gate.prepare(c);
                    gates.put(to, ps);
                }
                Long warehouse = e.decision(Action.Kind.WAREHOUSE).map(d -> warehouses.get(
                        ((Action.AssignWarehouse) d.action()).warehouseCode().toUpperCase(Locale.ROOT))).orElse(null);
                Action.AssignShippingMethod ship = e.decision(Action.Kind.SHIPPING_METHOD)
                        .map(d -> (Action.AssignShippingMethod) d.action()).orElse(null);
                if (warehouse == null) {
                    ps.setNull(1, Types.BIGINT);
                } else {
                    ps.setLong(1, warehouse);
                }
                ps.setString(2, ship == null ? null : ship.carrierAccount());
                ps.setString(3, ship == null ? null : ship.service());
                ps.setString(4, hold == null ? null : ((Action.HoldForReview) hold.action()).reason());
                ps.setString(5, hold == null ? null : truncate(hold.ruleName(), 120));
                ps.setTimestamp(6, ts);
                ps.setString(7, p.status().name());
                ps.setLong(8, p.id());
                ps.addBatch();
                batched.computeIfAbsent(to, k -> new ArrayList<>()).add(p);

                String from = p.status().name();
                for (Evaluation.Decision d : e.decisions()) {
                    Reason r = reason(d);
                    boolean held = d.kind() == Action.Kind.HOLD;
                    line(audit, p.id(), actor, ts, held ? HELD : RULE_APPLIED, from, held ? to.name() : from, r);
                    if (d.action() instanceof Action.AddTag t) {
                        tags.add(p.id(), t.tag());
                    }
                }
                for (Evaluation.Skip s : e.skipped()) {
                    if (s.reason() == Evaluation.SkipReason.ACTION_REFUSED) {
                        List<String> params = new ArrayList<>(s.refused().params());
                        params.add(String.valueOf(s.position()));
                        params.add(s.ruleName());
                        line(audit, p.id(), actor, ts, RULE_SKIPPED, from, from, new Reason(s.refused().code(),
                                params));
                    }
                }
                if (p.status() == PackageStatus.HELD && hold == null) {
                    line(audit, p.id(), actor, ts, RELEASED, from, PackageStatus.WAITING.name(),
                            Reason.of(Reason.RULES_RELEASED));
                }
            }
            for (Map.Entry<PackageStatus, PreparedStatement> g : gates.entrySet()) {
                int[] counts = g.getValue().executeBatch();
                List<Loaded> ps = batched.get(g.getKey());
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] == 0) {
                        throw new OperationRefusedException("concurrent_change", "Package "
                                + ps.get(i).input().packageNo() + " was changed by someone else at the same time; "
                                + "refresh and apply the rules again.");
                    }
                }
            }
            tags.flush();
            audit.executeBatch();
        } finally {
            for (PreparedStatement ps : gates.values()) {
                ps.close();
            }
        }
    }

    /** The history reason of a decision: what was decided and by which rule. */
    static Reason reason(Evaluation.Decision d) {
        String pos = String.valueOf(d.position());
        Action a = d.action();
        if (a instanceof Action.AssignWarehouse w) {
            return Reason.of(Reason.RULE_WAREHOUSE, w.warehouseCode(), pos, d.ruleName());
        }
        if (a instanceof Action.AssignShippingMethod m) {
            return Reason.of(Reason.RULE_SHIPPING_METHOD, m.carrierAccount(), m.service(), pos, d.ruleName());
        }
        if (a instanceof Action.HoldForReview h) {
            return Reason.of(Reason.RULE_HOLD, h.reason(), pos, d.ruleName());
        }
        return Reason.of(Reason.RULE_TAG, ((Action.AddTag) a).tag(), pos, d.ruleName());
    }

    private static void line(PreparedStatement ps, long packageId, String actor, Timestamp at, String action,
                             String from, String to, Reason r) throws SQLException {
        ps.setLong(1, packageId);
        ps.setString(2, actor);
        ps.setTimestamp(3, at);
        ps.setString(4, action);
        ps.setString(5, from);
        ps.setString(6, to);
        ps.setString(7, truncate(r.english(), 1000));
        String params = r.encodedParams();
        boolean fits = params.length() <= 2000;
        ps.setString(8, fits ? r.code() : null);
        ps.setString(9, fits ? params : null);
        ps.addBatch();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** Adds tags a rule decided (not already on the package, compared ignoring case; at most 10 per package). */
    private static final class Tags implements AutoCloseable {
        private final Connection c;
        private final Timestamp ts;
        private PreparedStatement read;
        private PreparedStatement insert;
        private boolean pending;

        Tags(Connection c, Timestamp ts) {
            this.c = c;
            this.ts = ts;
        }

        void add(long packageId, String tag) throws SQLException {
            if (read == null) {
                read = c.prepareStatement("SELECT TAG, POS FROM WB_PACKAGE_TAG WHERE PACKAGE_ID = ?");
                insert = c.prepareStatement("INSERT INTO WB_PACKAGE_TAG (PACKAGE_ID, TAG, POS, ADDED_AT) "
                        + "VALUES (?, ?, ?, ?)");
            }
            int count = 0;
            int maxPos = -1;
            read.setLong(1, packageId);
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1).equalsIgnoreCase(tag)) {
                        return;
                    }
                    count++;
                    maxPos = Math.max(maxPos, rs.getInt(2));
                }
            }
            if (count >= 10) {
                return;
            }
            insert.setLong(1, packageId);
            insert.setString(2, tag);
            insert.setInt(3, maxPos + 1);
            insert.setTimestamp(4, ts);
            insert.addBatch();
            pending = true;
        }

        void flush() throws SQLException {
            if (pending) {
                insert.executeBatch();
                pending = false;
            }
        }

        @Override
        public void close() throws SQLException {
            if (read != null) {
                read.close();
                insert.close();
            }
        }
    }

    /**
     * Reads packages for the rules with plain index lookups (package with its order and store; the order's lines;
     * each SKU's flags once), as the allocation's reader does: Derby plans joins with the lines table as scans.
     */
    private static final class Inputs {
        private final Connection c;
        private final Map<Long, Sku> skus = new HashMap<>();
        private Map<Long, List<Long>> components;
        /** The packages (by number) whose every line's product has an HS code, a value and an origin. */
        final Set<String> customsComplete = new HashSet<>();

        private record Sku(String code, Set<ProductFlag> flags, boolean customs) {
        }

        Inputs(Connection c) {
            this.c = c;
        }

        List<Loaded> load(List<Long> ids, Map<Long, BatchResult.Failure> refused) throws SQLException {
            List<Loaded> out = new ArrayList<>(ids.size());
            Set<Long> seen = new HashSet<>();
            try (PreparedStatement pkg = c.prepareStatement("SELECT p.PACKAGE_NO, p.STATUS, p.ORDER_ID, s.CODE, "
                    + "s.PLATFORM, o.COUNTRY_CODE, o.STATE, o.POSTAL_CODE, p.EXPECTED_WEIGHT_GRAMS, o.TOTAL, "
                    + "o.CURRENCY, o.SHIP_BY FROM WB_PACKAGE p JOIN WB_ORDER o ON o.ID = p.ORDER_ID "
                    + "JOIN WB_STORE s ON s.ID = o.STORE_ID WHERE p.ID = ?");
                 PreparedStatement lines = c.prepareStatement("SELECT SKU_ID, QUANTITY FROM WB_ORDER_LINE "
                         + "WHERE ORDER_ID = ? ORDER BY LINE_NO");
                 PreparedStatement sku = c.prepareStatement("SELECT CODE, DG_BATTERY, DG_LIQUID, DG_MAGNET, "
                         + "DG_POWDER, HS_CODE, DECLARED_VALUE, ORIGIN_COUNTRY FROM WB_SKU WHERE ID = ?")) {
                for (long id : ids) {
                    if (!seen.add(id)) {
                        continue;
                    }
                    pkg.setLong(1, id);
                    try (ResultSet rs = pkg.executeQuery()) {
                        if (!rs.next()) {
                            refused.put(id, BatchResult.Failure.of(id, String.valueOf(id),
                                    Reason.of(Reason.UNKNOWN_PACKAGE_ID, id)));
                            continue;
                        }
                        String no = rs.getString(1);
                        PackageStatus status = PackageStatus.valueOf(rs.getString(2));
                        if (!APPLICABLE.contains(status)) {
                            refused.put(id, BatchResult.Failure.of(id, no, Reason.of(Reason.RULES_NOT_APPLICABLE,
                                    no, status)));
                            continue;
                        }
                        long orderId = rs.getLong(3);
                        Timestamp shipBy = rs.getTimestamp(12);
                        boolean[] customs = {true};
                        List<RuleInput.Line> ls = lines(lines, sku, orderId, customs);
                        if (customs[0] && !ls.isEmpty()) {
                            customsComplete.add(no);
                        }
                        out.add(new Loaded(id, status, new RuleInput(no, rs.getString(4), rs.getString(5),
                                rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9),
                                rs.getBigDecimal(10), rs.getString(11), ls, null,
                                shipBy == null ? null : shipBy.toInstant())));
                    }
                }
            }
            return out;
        }

        private List<RuleInput.Line> lines(PreparedStatement lines, PreparedStatement sku, long orderId,
                                           boolean[] customs) throws SQLException {
            Map<Long, Integer> qty = new LinkedHashMap<>();
            lines.setLong(1, orderId);
            try (ResultSet rs = lines.executeQuery()) {
                while (rs.next()) {
                    qty.merge(rs.getLong(1), rs.getInt(2), Integer::sum);
                }
            }
            List<RuleInput.Line> out = new ArrayList<>(qty.size());
            for (Map.Entry<Long, Integer> l : qty.entrySet()) {
                Sku s = sku(sku, l.getKey());
                customs[0] &= s.customs();
                Set<ProductFlag> flags = s.flags();
                List<Long> parts = components().get(l.getKey());
                if (parts != null) {
                    EnumSet<ProductFlag> all = flags.isEmpty() ? EnumSet.noneOf(ProductFlag.class)
                            : EnumSet.copyOf(flags);
                    addComponentFlags(sku, parts, all, 0);
                    flags = all;
                }
                out.add(new RuleInput.Line(s.code(), l.getValue(), flags));
            }
            return out;
        }

        /** A bundle line has its components' flags, nested bundles included (at most 5 levels, as the catalogue). */
        private void addComponentFlags(PreparedStatement sku, List<Long> parts, Set<ProductFlag> into, int depth)
                throws SQLException {
            if (depth > 5) {
                return;
            }
            for (long part : parts) {
                into.addAll(sku(sku, part).flags());
                List<Long> nested = components().get(part);
                if (nested != null) {
                    addComponentFlags(sku, nested, into, depth + 1);
                }
            }
        }

        private Sku sku(PreparedStatement ps, long id) throws SQLException {
            Sku s = skus.get(id);
            if (s == null) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        s = new Sku(String.valueOf(id), Set.of(), false);
                    } else {
                        EnumSet<ProductFlag> f = EnumSet.noneOf(ProductFlag.class);
                        if (rs.getBoolean(2)) {
                            f.add(ProductFlag.BATTERY);
                        }
                        if (rs.getBoolean(3)) {
                            f.add(ProductFlag.LIQUID);
                        }
                        if (rs.getBoolean(4)) {
                            f.add(ProductFlag.MAGNET);
                        }
                        if (rs.getBoolean(5)) {
                            f.add(ProductFlag.POWDER);
                        }
                        boolean customs = rs.getString(6) != null && rs.getBigDecimal(7) != null
                                && rs.getString(8) != null;
                        s = new Sku(rs.getString(1), f.isEmpty() ? Set.of() : Set.copyOf(f), customs);
                    }
                }
                skus.put(id, s);
            }
            return s;
        }

        private Map<Long, List<Long>> components() throws SQLException {
            if (components == null) {
                components = new HashMap<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT BUNDLE_SKU_ID, COMPONENT_SKU_ID FROM "
                        + "WB_SKU_COMPONENT");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        components.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                    }
                }
            }
            return components;
        }
    }

    /** Writes one audit line with a reason through {@link Jdbc#audit} (release by a user). */
    static void audit(Connection c, long packageId, String actor, Instant at, String action, String from, String to,
                      Reason r) throws SQLException {
        Jdbc.audit(c, packageId, null, actor, at, action, from, to, r);
    }
}
