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
import io.waybill.spi.carrier.CarrierService;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
 * tag ({@code WB_PACKAGE_TAG}); what the rules did to a package is ONE history row carrying every decision and every
 * rule skipped because its action was refused, each as a structured {@link Reason} naming the rule (the combined
 * {@link Reason#RULE_DECISIONS}; {@link #historyItems}). A package held before that the rules no longer hold goes back
 * to waiting. Rules apply to packages not yet allocated: {@link #APPLICABLE}. Everything is written in JDBC batches:
 * one guarded update per package, one tag insert per new tag, one history row per package.
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

    /** Ids per IN list when reading (packages, orders, lines, SKUs, tags). */
    static final int CHUNK = 200;

    /** The installed carrier plugin of an id (its services and their limits, SPI carrier 1.2). */
    private final Function<String, Optional<CarrierGateway>> carriers;
    private final int chunk;

    /** Without carrier plugins: actions are checked only for an unknown or disabled warehouse. */
    public RuleApplier() {
        this(id -> Optional.empty());
    }

    /**
     * @param carriers the installed carrier plugin of an id: a rule's shipping method is checked against the
     *                 limits of the service its carrier declares ({@link ServiceLimits})
     */
    public RuleApplier(Function<String, Optional<CarrierGateway>> carriers) {
        this(carriers, CHUNK);
    }

    /** With {@code chunk} ids per IN list (tests: results do not depend on it). */
    RuleApplier(Function<String, Optional<CarrierGateway>> carriers, int chunk) {
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk " + chunk);
        }
        this.carriers = carriers;
        this.chunk = chunk;
    }

    /** Evaluates the stored rules for these packages at {@code now}, writing nothing (the dry run). */
    public Outcome evaluate(Connection c, List<Long> ids, Instant now) throws SQLException {
        return evaluate(c, RuleStore.read(c), ids, now);
    }

    private Outcome evaluate(Connection c, List<Rule> rules, List<Long> ids, Instant now) throws SQLException {
        Map<Long, BatchResult.Failure> refused = new LinkedHashMap<>();
        Inputs reader = new Inputs(c, chunk, APPLICABLE);
        List<Loaded> loaded = reader.load(ids, refused);
        Map<String, Long> warehouses = enabledWarehouses(c);
        RuleEngine.ActionCheck check = check(warehouses, new ServiceLimits(carriers, reader.customsComplete::contains));
        RuleEngine engine = new RuleEngine(rules);
        List<RuleInput> inputs = new ArrayList<>(loaded.size());
        loaded.forEach(l -> inputs.add(l.input()));
        return new Outcome(loaded, engine.dryRun(inputs, now, check), refused);
    }

    /**
     * The parcel of a package, in any status, as the rules and the carriers' service limits see it
     * ({@link ServiceLimits#parcel} of the same reading: a merged parcel is all its orders, a package of a split order
     * its share): what a carrier is asked to price ({@code RuleService.quotes}). Empty when there is no such package.
     */
    public Optional<CarrierService.Parcel> parcel(Connection c, long id) throws SQLException {
        Inputs reader = new Inputs(c, 1, EnumSet.allOf(PackageStatus.class));
        List<Loaded> read = reader.load(List.of(id), new HashMap<>());
        if (read.isEmpty()) {
            return Optional.empty();
        }
        RuleInput in = read.get(0).input();
        return Optional.of(ServiceLimits.parcel(in, reader.customsComplete.contains(in.packageNo())));
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

    /**
     * {@link #apply} by itself, because what the packages carry changed back ({@code cause}: the merge or the split
     * was undone), in the caller's transaction: the history row of each package the rules apply to starts with
     * {@code cause}. A warehouse or shipping method assigned by hand ({@link HandAssignments}: not by the rules' last
     * run on the package) is kept, and the row says so ({@link Reason#RULE_KEPT_WAREHOUSE},
     * {@link Reason#RULE_KEPT_SHIPPING_METHOD}) instead of naming a rule's. Packages outside {@link #APPLICABLE}
     * (allocated, ...) are left as they are; without an enabled rule nothing is read or written (a held package
     * stays held: no rule was asked).
     */
    public Outcome reapply(Connection c, List<Long> ids, String actor, Instant now, Reason cause)
            throws SQLException {
        return apply(c, ids, actor, now, true, cause);
    }

    private Outcome apply(Connection c, List<Long> ids, String actor, Instant now, boolean fresh)
            throws SQLException {
        return apply(c, ids, actor, now, fresh, null);
    }

    private Outcome apply(Connection c, List<Long> ids, String actor, Instant now, boolean fresh, Reason cause)
            throws SQLException {
        List<Rule> rules = ids.isEmpty() ? List.of() : RuleStore.read(c);
        if (ids.isEmpty() || rules.stream().noneMatch(Rule::enabled) && (fresh || !anyHeld(c, ids, chunk))) {
            return new Outcome(List.of(), List.of(), Map.of());
        }
        Map<Long, HandAssignments.Hand> hands = cause == null ? Map.of() : HandAssignments.read(c, ids);
        Outcome o = evaluate(c, rules, ids, now);
        record(c, o, actor, now, enabledWarehouses(c), chunk, cause, hands);
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

    private static boolean anyHeld(Connection c, List<Long> ids, int chunk) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT STATUS FROM WB_PACKAGE WHERE ID IN (" + marks(chunk)
                + ")")) {
            for (int from = 0; from < ids.size(); from += chunk) {
                bind(ps, ids.subList(from, Math.min(ids.size(), from + chunk)), chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (PackageStatus.HELD.name().equals(rs.getString(1))) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /** Writes the decisions: one guarded update per package, the tags, and one history row per package, batched. */
    private static void record(Connection c, Outcome o, String actor, Instant now, Map<String, Long> warehouses,
                               int chunk, Reason cause, Map<Long, HandAssignments.Hand> hands) throws SQLException {
        Timestamp ts = Timestamp.from(now);
        Map<PackageStatus, PreparedStatement> gates = new HashMap<>();
        Map<PackageStatus, List<Loaded>> batched = new HashMap<>();
        try (PreparedStatement audit = c.prepareStatement("INSERT INTO WB_AUDIT_EVENT (PACKAGE_ID, ORDER_ID, ACTOR, "
                + "OCCURRED_AT, ACTION, FROM_STATUS, TO_STATUS, REASON, REASON_CODE, REASON_PARAMS) "
                + "VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, ?)");
             Tags tags = new Tags(c, ts, chunk)) {
            tags.read(o);
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
                HandAssignments.Hand hand = hands.get(p.id());
                Long warehouse = hand != null && hand.warehouse() ? hand.warehouseId()
                        : e.decision(Action.Kind.WAREHOUSE).map(d -> warehouses.get(((Action.AssignWarehouse)
                                d.action()).warehouseCode().toUpperCase(Locale.ROOT))).orElse(null);
                Action.AssignShippingMethod ship = e.decision(Action.Kind.SHIPPING_METHOD)
                        .map(d -> (Action.AssignShippingMethod) d.action()).orElse(null);
                boolean handMethod = hand != null && hand.method();
                if (warehouse == null) {
                    ps.setNull(1, Types.BIGINT);
                } else {
                    ps.setLong(1, warehouse);
                }
                ps.setString(2, handMethod ? hand.carrier() : ship == null ? null : ship.carrierAccount());
                ps.setString(3, handMethod ? hand.service() : ship == null ? null : ship.service());
                ps.setString(4, hold == null ? null : ((Action.HoldForReview) hold.action()).reason());
                ps.setString(5, hold == null ? null : truncate(hold.ruleName(), 120));
                ps.setTimestamp(6, ts);
                ps.setString(7, p.status().name());
                ps.setLong(8, p.id());
                ps.addBatch();
                batched.computeIfAbsent(to, k -> new ArrayList<>()).add(p);

                for (Evaluation.Decision d : e.decisions()) {
                    if (d.action() instanceof Action.AddTag t) {
                        tags.add(p.id(), t.tag());
                    }
                }
                history(audit, p, e, to, actor, ts, cause, hand);
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

    /**
     * What the rules did to one package, as the items of its history row: the release by the rules (when they no
     * longer hold a held package), each decision in the order made, then each rule skipped because its action was
     * refused, with why. Empty when the rules did nothing to it.
     */
    public static List<Reason> historyItems(Loaded p, Evaluation e) {
        return historyItems(p, e, null, null);
    }

    /**
     * {@link #historyItems} of rules applied again by themselves: {@code cause} first; a kind assigned by hand
     * ({@code hand}) is kept, said as such in place of a rule's decision of it.
     */
    static List<Reason> historyItems(Loaded p, Evaluation e, Reason cause, HandAssignments.Hand hand) {
        List<Reason> items = new ArrayList<>(e.decisions().size() + 3);
        if (cause != null) {
            items.add(cause);
        }
        if (p.status() == PackageStatus.HELD && e.decision(Action.Kind.HOLD).isEmpty()) {
            items.add(Reason.of(Reason.RULES_RELEASED));
        }
        for (Evaluation.Decision d : e.decisions()) {
            if (hand != null && (hand.warehouse() && d.kind() == Action.Kind.WAREHOUSE
                    || hand.method() && d.kind() == Action.Kind.SHIPPING_METHOD)) {
                continue;
            }
            items.add(reason(d));
        }
        if (hand != null && hand.warehouse()) {
            items.add(Reason.of(Reason.RULE_KEPT_WAREHOUSE, hand.warehouseCode()));
        }
        if (hand != null && hand.method()) {
            items.add(Reason.of(Reason.RULE_KEPT_SHIPPING_METHOD, hand.carrier(), String.valueOf(hand.service())));
        }
        for (Evaluation.Skip s : e.skipped()) {
            if (s.reason() == Evaluation.SkipReason.ACTION_REFUSED) {
                List<String> params = new ArrayList<>(s.refused().params());
                params.add(String.valueOf(s.position()));
                params.add(s.ruleName());
                items.add(new Reason(s.refused().code(), params));
            }
        }
        return items;
    }

    /**
     * Writes the package's history: ONE row carrying every item of {@link #historyItems} as one combined reason
     * ({@link Reason#RULE_DECISIONS}, each item a nested reason naming its rule), its action the most telling of them
     * ({@link #HELD} with the move to held, {@link #RELEASED} with the move back to waiting, else {@link #RULE_APPLIED}
     * or, when every item is a refused rule, {@link #RULE_SKIPPED}). Items that do not fit one row's columns (the
     * English sentence 1,000 characters, the params 2,000: many refused rules with long names) go on in further rows
     * of the same kind, so nothing is cut.
     */
    private static void history(PreparedStatement audit, Loaded p, Evaluation e, PackageStatus to, String actor,
                                Timestamp ts, Reason cause, HandAssignments.Hand hand) throws SQLException {
        List<Reason> items = historyItems(p, e, cause, hand);
        if (items.isEmpty()) {
            return;
        }
        boolean first = true;
        for (Row row : rows(items)) {
            String action = !first ? (row.decided() ? RULE_APPLIED : RULE_SKIPPED)
                    : to == PackageStatus.HELD ? HELD
                    : p.status() == PackageStatus.HELD ? RELEASED
                    : row.decided() ? RULE_APPLIED : RULE_SKIPPED;
            String from = first ? p.status().name() : to.name();
            // the combined reason's English is its items' joined with "; ", as Reason.english() renders it
            line(audit, p.id(), actor, ts, action, from, to.name(), row.english(), Reason.RULE_DECISIONS,
                    row.params());
            first = false;
        }
    }

    /** The codes of decisions (the others in a history row are refused rules and the release). */
    private static final Set<String> DECISION_CODES = Set.of(Reason.RULE_WAREHOUSE, Reason.RULE_SHIPPING_METHOD,
            Reason.RULE_HOLD, Reason.RULE_TAG, Reason.RULES_MERGE_UNDONE, Reason.RULES_SPLIT_UNDONE,
            Reason.RULE_KEPT_WAREHOUSE, Reason.RULE_KEPT_SHIPPING_METHOD);

    /** The most English a history row holds ({@code WB_AUDIT_EVENT.REASON}). */
    static final int REASON_CHARS = 1000;
    /** The most encoded params a history row holds ({@code WB_AUDIT_EVENT.REASON_PARAMS}). */
    static final int PARAMS_CHARS = 2000;

    /**
     * One history row's items, with their English joined as the combined reason renders it and their encoding (the
     * combined reason's one param).
     */
    record Row(List<Reason> items, String english, String params, boolean decided) {
    }

    /** The items in order, in as few rows as fit the columns (at least one item a row). */
    static List<Row> rows(List<Reason> items) {
        List<Row> rows = new ArrayList<>(1);
        List<Reason> row = new ArrayList<>(items.size());
        StringBuilder english = new StringBuilder();
        int params = 0;
        for (Reason r : items) {
            String e = r.english();
            // Reason.encode joins its items' encodings with one separator character
            int p = Reason.encode(List.of(r)).length();
            if (!row.isEmpty() && (english.length() + 2 + e.length() > REASON_CHARS
                    || params + 1 + p > PARAMS_CHARS)) {
                rows.add(row(row, english));
                row.clear();
                english.setLength(0);
                params = 0;
            }
            if (!row.isEmpty()) {
                english.append("; ");
                params++;
            }
            english.append(e);
            params += p;
            row.add(r);
        }
        rows.add(row(row, english));
        return rows;
    }

    private static Row row(List<Reason> items, StringBuilder english) {
        boolean decided = false;
        for (Reason r : items) {
            decided |= DECISION_CODES.contains(r.code());
        }
        return new Row(List.copyOf(items), english.toString(), Reason.encode(items), decided);
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
        line(ps, packageId, actor, at, action, from, to, r.english(), r.code(), r.encodedParams());
    }

    private static void line(PreparedStatement ps, long packageId, String actor, Timestamp at, String action,
                             String from, String to, String english, String code, String params) throws SQLException {
        ps.setLong(1, packageId);
        ps.setString(2, actor);
        ps.setTimestamp(3, at);
        ps.setString(4, action);
        ps.setString(5, from);
        ps.setString(6, to);
        ps.setString(7, truncate(english, REASON_CHARS));
        boolean fits = params.length() <= PARAMS_CHARS;
        ps.setString(8, fits ? code : null);
        ps.setString(9, fits ? params : null);
        ps.addBatch();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /**
     * Adds tags a rule decided (not already on the package, compared ignoring case; at most 10 per package): the tags
     * of the packages that get one are read first, one IN list per chunk, and the new ones inserted in one batch.
     */
    private static final class Tags implements AutoCloseable {
        private final Connection c;
        private final Timestamp ts;
        private final int chunk;
        /** The tags (and the highest position) of each package a rule tags, as read and as added by this run. */
        private final Map<Long, List<String>> current = new HashMap<>();
        private final Map<Long, Integer> maxPos = new HashMap<>();
        private PreparedStatement insert;
        private boolean pending;

        Tags(Connection c, Timestamp ts, int chunk) {
            this.c = c;
            this.ts = ts;
            this.chunk = chunk;
        }

        /** Reads the present tags of the packages these evaluations tag. */
        void read(Outcome o) throws SQLException {
            List<Long> tagged = new ArrayList<>();
            for (int i = 0; i < o.packages().size(); i++) {
                for (Evaluation.Decision d : o.evaluations().get(i).decisions()) {
                    if (d.action() instanceof Action.AddTag && current.putIfAbsent(o.packages().get(i).id(),
                            new ArrayList<>()) == null) {
                        tagged.add(o.packages().get(i).id());
                    }
                }
            }
            if (tagged.isEmpty()) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT PACKAGE_ID, TAG, POS FROM WB_PACKAGE_TAG WHERE "
                    + "PACKAGE_ID IN (" + marks(chunk) + ")")) {
                for (int from = 0; from < tagged.size(); from += chunk) {
                    bind(ps, tagged.subList(from, Math.min(tagged.size(), from + chunk)), chunk);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long id = rs.getLong(1);
                            current.get(id).add(rs.getString(2));
                            maxPos.merge(id, rs.getInt(3), Math::max);
                        }
                    }
                }
            }
        }

        void add(long packageId, String tag) throws SQLException {
            List<String> tags = current.get(packageId);
            for (String t : tags) {
                if (t.equalsIgnoreCase(tag)) {
                    return;
                }
            }
            if (tags.size() >= 10) {
                return;
            }
            if (insert == null) {
                insert = c.prepareStatement("INSERT INTO WB_PACKAGE_TAG (PACKAGE_ID, TAG, POS, ADDED_AT) "
                        + "VALUES (?, ?, ?, ?)");
            }
            int pos = maxPos.getOrDefault(packageId, -1) + 1;
            insert.setLong(1, packageId);
            insert.setString(2, tag);
            insert.setInt(3, pos);
            insert.setTimestamp(4, ts);
            insert.addBatch();
            tags.add(tag);
            maxPos.put(packageId, pos);
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
            if (insert != null) {
                insert.close();
            }
        }
    }

    /**
     * Reads packages for the rules set-based, {@link #chunk} at a time: the packages by id, their orders by id, the
     * orders' lines by order id ({@code IX_LINE_ORDER}) and the SKUs not read yet by id, each one single-table
     * statement with an {@code IN} list per chunk (a short last chunk repeats its last id, so every chunk runs the
     * same prepared statement); the stores and the bundles' components once per run. Each SKU is read once per run.
     */
    private static final class Inputs {
        private final Connection c;
        private final int chunk;
        private final Map<Long, Sku> skus = new HashMap<>();
        private final Set<PackageStatus> readable;
        private Map<Long, List<Long>> components;
        private Map<Long, String[]> stores;
        /**
         * The packages (by number) whose every line's product has an HS code and an origin, and a value: the price the
         * buyer paid, else the product's declared value (what {@code customs.Declarations} declares).
         */
        final Set<String> customsComplete = new HashSet<>();

        /**
         * {@code described}: the product has an HS code and an origin; {@code declared}: a declared value (a line
         * without a price paid is declared at it, as {@code customs.Declarations} does).
         */
        private record Sku(String code, Set<ProductFlag> flags, boolean described, boolean declared) {
        }

        /**
         * {@code split}: a package of a split order, carrying its share of the order's lines (V33); {@code merge}: a
         * merged parcel, carrying the orders of the packages merged into it too (V30).
         */
        private record Pkg(String no, String status, long orderId, int weight, boolean split, boolean merge) {
        }

        /** A package whose order a parcel carries: the parcel itself, or a package merged into it. */
        private record Part(long id, long orderId, boolean split) {
        }

        /** A split package's lines for the rules, and what they are worth (null when a line has no price). */
        private record Share(List<OrderLine> lines, BigDecimal value) {
        }

        private record Ord(String store, String platform, String country, String state, String postalCode,
                           BigDecimal total, String currency, Timestamp shipBy, String buyerNote) {
        }

        /** {@code priced}: the buyer's price of the line is known. */
        private record OrderLine(int lineNo, long skuId, int quantity, boolean priced) {
        }

        /** @param readable the statuses a package is read in; another is refused as {@code rules_not_applicable} */
        Inputs(Connection c, int chunk, Set<PackageStatus> readable) {
            this.c = c;
            this.chunk = chunk;
            this.readable = readable;
        }

        List<Loaded> load(List<Long> ids, Map<Long, BatchResult.Failure> refused) throws SQLException {
            List<Long> unique = new ArrayList<>(new LinkedHashSet<>(ids));
            List<Loaded> out = new ArrayList<>(unique.size());
            try (PreparedStatement pkg = c.prepareStatement("SELECT ID, PACKAGE_NO, STATUS, ORDER_ID, "
                    + "EXPECTED_WEIGHT_GRAMS, SPLIT_LINES, MERGE_SIZE FROM WB_PACKAGE WHERE ID IN (" + marks(chunk)
                    + ")");
                 PreparedStatement merged = c.prepareStatement("SELECT MERGED_INTO, ID, ORDER_ID, SPLIT_LINES FROM "
                         + "WB_PACKAGE WHERE MERGED_INTO IN (" + marks(chunk) + ")");
                 PreparedStatement share = c.prepareStatement("SELECT x.PACKAGE_ID, l.LINE_NO, l.SKU_ID, "
                         + "x.QUANTITY, l.UNIT_PRICE FROM WB_PACKAGE_LINE x JOIN WB_ORDER_LINE l "
                         + "ON l.ID = x.ORDER_LINE_ID WHERE x.PACKAGE_ID IN (" + marks(chunk) + ")");
                 PreparedStatement ord = c.prepareStatement("SELECT ID, STORE_ID, COUNTRY_CODE, STATE, "
                         + "POSTAL_CODE, TOTAL, CURRENCY, SHIP_BY, BUYER_NOTE FROM WB_ORDER WHERE ID IN ("
                         + marks(chunk) + ")");
                 PreparedStatement lines = c.prepareStatement("SELECT ORDER_ID, LINE_NO, SKU_ID, QUANTITY, "
                         + "UNIT_PRICE FROM WB_ORDER_LINE WHERE ORDER_ID IN (" + marks(chunk) + ")");
                 PreparedStatement sku = c.prepareStatement("SELECT ID, CODE, DG_BATTERY, DG_LIQUID, DG_MAGNET, "
                         + "DG_POWDER, HS_CODE, DECLARED_VALUE, ORIGIN_COUNTRY FROM WB_SKU WHERE ID IN ("
                         + marks(chunk) + ")")) {
                for (int from = 0; from < unique.size(); from += chunk) {
                    List<Long> part = unique.subList(from, Math.min(unique.size(), from + chunk));
                    Map<Long, Pkg> pkgs = new HashMap<>();
                    bind(pkg, part, chunk);
                    try (ResultSet rs = pkg.executeQuery()) {
                        while (rs.next()) {
                            pkgs.put(rs.getLong(1), new Pkg(rs.getString(2), rs.getString(3), rs.getLong(4),
                                    rs.getInt(5), rs.getInt(6) > 0, rs.getInt(7) > 0));
                        }
                    }
                    List<Long> orderIds = new ArrayList<>();
                    List<Long> splitIds = new ArrayList<>();
                    List<Long> mergeIds = new ArrayList<>();
                    for (long id : part) {
                        Pkg p = pkgs.get(id);
                        if (p != null && readable.contains(PackageStatus.valueOf(p.status()))) {
                            orderIds.add(p.orderId());
                            if (p.split()) {
                                splitIds.add(id);
                            }
                            if (p.merge()) {
                                mergeIds.add(id);
                            }
                        }
                    }
                    // a merged parcel carries the orders of the packages merged into it too (PackageContents)
                    Map<Long, List<Part>> members = members(merged, mergeIds);
                    for (List<Part> ms : members.values()) {
                        for (Part m : ms) {
                            orderIds.add(m.orderId());
                            if (m.split()) {
                                splitIds.add(m.id());
                            }
                        }
                    }
                    Map<Long, Ord> orders = orders(ord, orderIds);
                    Map<Long, List<OrderLine>> orderLines = lines(lines, orderIds);
                    Map<Long, Share> shares = shares(share, splitIds);
                    prefetchSkus(sku, orderLines); // a split share's lines are lines of these orders
                    for (long id : part) {
                        Pkg p = pkgs.get(id);
                        Ord o = p == null ? null : orders.get(p.orderId());
                        PackageStatus status = p == null ? null : PackageStatus.valueOf(p.status());
                        if (p == null || o == null && readable.contains(status)) {
                            refused.put(id, BatchResult.Failure.of(id, String.valueOf(id),
                                    Reason.of(Reason.UNKNOWN_PACKAGE_ID, id)));
                            continue;
                        }
                        String no = p.no();
                        if (!readable.contains(status)) {
                            refused.put(id, BatchResult.Failure.of(id, no, Reason.of(Reason.RULES_NOT_APPLICABLE,
                                    no, status)));
                            continue;
                        }
                        boolean[] customs = {true};
                        // the package's own order first, then (a merge) each order merged into it, each as the
                        // package carrying it carries it: a package of a split order is its share of the lines
                        List<Part> parts = new ArrayList<>();
                        parts.add(new Part(id, p.orderId(), p.split()));
                        parts.addAll(members.getOrDefault(id, List.of()));
                        List<RuleInput.Source> sources = new ArrayList<>(parts.size());
                        for (Part x : parts) {
                            Ord of = orders.get(x.orderId());
                            if (of == null) {
                                continue;
                            }
                            Share mine = x.split() ? shares.getOrDefault(x.id(), new Share(List.of(), null)) : null;
                            List<RuleInput.Line> ls = inputLines(sku, mine != null ? mine.lines()
                                    : orderLines.getOrDefault(x.orderId(), List.of()), customs);
                            sources.add(new RuleInput.Source(ls, mine != null ? mine.value() : of.total(),
                                    of.currency(), of.buyerNote(), of.shipBy() == null ? null
                                    : of.shipBy().toInstant()));
                        }
                        RuleInput in = RuleInput.of(no, o.store(), o.platform(), o.country(), o.state(),
                                o.postalCode(), p.weight(), sources);
                        if (customs[0] && !in.lines().isEmpty()) {
                            customsComplete.add(no);
                        }
                        out.add(new Loaded(id, status, in));
                    }
                }
            }
            return out;
        }

        /** The packages merged into these merged parcels (MERGED_INTO, V30), by parcel id, each list by package id. */
        private Map<Long, List<Part>> members(PreparedStatement ps, List<Long> mergeIds) throws SQLException {
            Map<Long, List<Part>> out = new HashMap<>();
            for (int from = 0; from < mergeIds.size(); from += chunk) {
                bind(ps, mergeIds.subList(from, Math.min(mergeIds.size(), from + chunk)), chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Part(rs.getLong(2),
                                rs.getLong(3), rs.getInt(4) > 0));
                    }
                }
            }
            for (List<Part> ms : out.values()) {
                ms.sort(Comparator.comparingLong(Part::id));
            }
            return out;
        }

        /**
         * The orders by id, each with its store's code and platform. The stores are read once per run, not joined:
         * with the join, Derby sometimes planned a hash scan of every order per IN list (a full scan of WB_ORDER for
         * each chunk, seen in a JFR profile of RulesBenchmark: 10 s for 10,000 packages); a single-table IN list on
         * the primary key is a multi-probe index scan. An order whose store is gone is left out (as by the join).
         */
        private Map<Long, Ord> orders(PreparedStatement ps, List<Long> orderIds) throws SQLException {
            Map<Long, Ord> out = new HashMap<>();
            Map<Long, String[]> stores = stores();
            for (int from = 0; from < orderIds.size(); from += chunk) {
                bind(ps, orderIds.subList(from, Math.min(orderIds.size(), from + chunk)), chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String[] store = stores.get(rs.getLong(2));
                        if (store != null) {
                            out.put(rs.getLong(1), new Ord(store[0], store[1], rs.getString(3), rs.getString(4),
                                    rs.getString(5), rs.getBigDecimal(6), rs.getString(7), rs.getTimestamp(8),
                                    rs.getString(9)));
                        }
                    }
                }
            }
            return out;
        }

        /** Every store's code and platform by id, read once per run (a seller has a few stores, not thousands). */
        private Map<Long, String[]> stores() throws SQLException {
            if (stores == null) {
                stores = new HashMap<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT ID, CODE, PLATFORM FROM WB_STORE");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        stores.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
                    }
                }
            }
            return stores;
        }

        /** The orders' lines by order id, each order's in line order. */
        private Map<Long, List<OrderLine>> lines(PreparedStatement ps, List<Long> orderIds) throws SQLException {
            Map<Long, List<OrderLine>> out = new HashMap<>();
            List<Long> unique = new ArrayList<>(new LinkedHashSet<>(orderIds));
            for (int from = 0; from < unique.size(); from += chunk) {
                bind(ps, unique.subList(from, Math.min(unique.size(), from + chunk)), chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new OrderLine(rs.getInt(2),
                                rs.getLong(3), rs.getInt(4), rs.getBigDecimal(5) != null));
                    }
                }
            }
            for (List<OrderLine> l : out.values()) {
                l.sort(Comparator.comparingInt(OrderLine::lineNo));
            }
            return out;
        }

        /**
         * The shares of these packages of split orders (WB_PACKAGE_LINE, V33; the rows {@code PackageContents#lines}
         * reads), by package id, each in line order, with their value: the sum of unit price times units carried, or
         * null when a line has no price (the order's total is for all its packages, not for one).
         */
        private Map<Long, Share> shares(PreparedStatement ps, List<Long> packageIds) throws SQLException {
            Map<Long, List<OrderLine>> lines = new HashMap<>();
            Map<Long, BigDecimal> values = new HashMap<>();
            Set<Long> unpriced = new HashSet<>();
            for (int from = 0; from < packageIds.size(); from += chunk) {
                bind(ps, packageIds.subList(from, Math.min(packageIds.size(), from + chunk)), chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        int quantity = rs.getInt(4);
                        if (quantity <= 0) {
                            continue;
                        }
                        BigDecimal price = rs.getBigDecimal(5);
                        lines.computeIfAbsent(id, k -> new ArrayList<>()).add(new OrderLine(rs.getInt(2),
                                rs.getLong(3), quantity, price != null));
                        if (price == null) {
                            unpriced.add(id);
                        } else {
                            values.merge(id, price.multiply(BigDecimal.valueOf(quantity)), BigDecimal::add);
                        }
                    }
                }
            }
            Map<Long, Share> out = new HashMap<>();
            lines.forEach((id, ls) -> {
                ls.sort(Comparator.comparingInt(OrderLine::lineNo));
                out.put(id, new Share(ls, unpriced.contains(id) ? null : values.get(id)));
            });
            return out;
        }

        /** A package's lines for the rules: one per SKU (quantities added, in the order of first appearance). */
        private List<RuleInput.Line> inputLines(PreparedStatement sku, List<OrderLine> lines, boolean[] customs)
                throws SQLException {
            Map<Long, Integer> qty = new LinkedHashMap<>();
            for (OrderLine l : lines) {
                qty.merge(l.skuId(), l.quantity(), Integer::sum);
                Sku s = sku(sku, l.skuId());
                customs[0] &= s.described() && (l.priced() || s.declared());
            }
            List<RuleInput.Line> out = new ArrayList<>(qty.size());
            for (Map.Entry<Long, Integer> l : qty.entrySet()) {
                Sku s = sku(sku, l.getKey());
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

        /**
         * Reads the SKUs of these lines not read yet, and their bundles' components (nested ones too), one IN list
         * per chunk.
         */
        private void prefetchSkus(PreparedStatement ps, Map<Long, List<OrderLine>> lines) throws SQLException {
            Set<Long> wanted = new LinkedHashSet<>();
            ArrayDeque<Long> unvisitedSkus = new ArrayDeque<>();
            for (List<OrderLine> ls : lines.values()) {
                for (OrderLine l : ls) {
                    unvisitedSkus.add(l.skuId());
                }
            }
            Set<Long> visited = new HashSet<>();
            while (!unvisitedSkus.isEmpty()) {
                long id = unvisitedSkus.poll();
                if (!visited.add(id)) {
                    continue;
                }
                if (!skus.containsKey(id)) {
                    wanted.add(id);
                }
                List<Long> parts = components().get(id);
                if (parts != null) {
                    unvisitedSkus.addAll(parts);
                }
            }
            readSkus(ps, new ArrayList<>(wanted));
        }

        private void readSkus(PreparedStatement ps, List<Long> ids) throws SQLException {
            for (int from = 0; from < ids.size(); from += chunk) {
                bind(ps, ids.subList(from, Math.min(ids.size(), from + chunk)), chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        EnumSet<ProductFlag> f = EnumSet.noneOf(ProductFlag.class);
                        if (rs.getBoolean(3)) {
                            f.add(ProductFlag.BATTERY);
                        }
                        if (rs.getBoolean(4)) {
                            f.add(ProductFlag.LIQUID);
                        }
                        if (rs.getBoolean(5)) {
                            f.add(ProductFlag.MAGNET);
                        }
                        if (rs.getBoolean(6)) {
                            f.add(ProductFlag.POWDER);
                        }
                        skus.put(rs.getLong(1), new Sku(rs.getString(2), f.isEmpty() ? Set.of() : Set.copyOf(f),
                                rs.getString(7) != null && rs.getString(9) != null, rs.getBigDecimal(8) != null));
                    }
                }
            }
            for (long id : ids) {
                // a line whose product is gone: its id as the code, no flags, no customs data
                skus.putIfAbsent(id, new Sku(String.valueOf(id), Set.of(), false, false));
            }
        }

        private Sku sku(PreparedStatement ps, long id) throws SQLException {
            Sku s = skus.get(id);
            if (s == null) {
                readSkus(ps, List.of(id));
                s = skus.get(id);
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

    /** {@code ?, ?, ...}: n parameter markers. */
    static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /**
     * Binds these ids to an IN list of {@code n >= ids.size()} markers, repeating the last id in the markers left
     * (the same rows, one prepared statement for every chunk). An empty list binds nothing.
     */
    static void bind(PreparedStatement ps, List<Long> ids, int n) throws SQLException {
        for (int i = 0; i < n; i++) {
            ps.setLong(i + 1, ids.get(Math.min(i, ids.size() - 1)));
        }
    }

    /** Writes one audit line with a reason through {@link Jdbc#audit} (release by a user). */
    static void audit(Connection c, long packageId, String actor, Instant at, String action, String from, String to,
                      Reason r) throws SQLException {
        Jdbc.audit(c, packageId, null, actor, at, action, from, to, r);
    }
}
