package io.waybill.core.internal.rulestore;

import io.waybill.core.internal.persistence.Ids;
import io.waybill.core.internal.persistence.Jdbc;
import io.waybill.core.internal.rules.InvalidRuleException;
import io.waybill.core.internal.rules.Rule;
import io.waybill.core.internal.rules.RuleText;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The stored rule list ({@code WB_RULE}, migration V21): the one writer. Every change is checked first (the rule is
 * built from its text, so a refused rule writes nothing), written in one transaction with an audit line (package-less
 * {@code RULE_*} events), and keeps the positions 1..n. Changes of the order lock every rule row first
 * ({@code UPDATE ... SET VERSION = VERSION + 1}), so two concurrent moves cannot interleave.
 */
public final class RuleStore {

    private static final String COLUMNS = "ID, NAME, ENABLED, CONDITIONS, ACTIONS";

    private final DataSource ds;
    private final Clock clock;

    public RuleStore(DataSource ds, Clock clock) {
        this.ds = ds;
        this.clock = clock;
    }

    /** The database the rules live in (the rule applier writes to the same). */
    public DataSource dataSource() {
        return ds;
    }

    /** The rules in priority order. */
    public List<Rule> list() {
        return Jdbc.inTransaction(ds, RuleStore::read);
    }

    /**
     * Appends a rule at the end of the list.
     *
     * @param conditions conditions in {@link RuleText} form (blank = every package)
     * @param actions    actions in {@link RuleText} form
     * @throws InvalidRuleException the rule's problem, or {@code duplicate_name}
     */
    public Rule add(String name, boolean enabled, String conditions, String actions, String actor) {
        Rule probe = probe(name, enabled, conditions, actions);
        String when = RuleText.formatConditions(probe.conditions());
        String then = RuleText.formatActions(probe.actions());
        return Jdbc.inTransaction(ds, c -> {
            lockAll(c);
            checkNameFree(c, probe.name(), 0);
            long id = Ids.next(c);
            int position = read(c).size() + 1;
            Instant now = clock.instant();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO WB_RULE (ID, VERSION, POSITION, NAME, ENABLED, "
                    + "CONDITIONS, ACTIONS, UPDATED_AT, UPDATED_BY) VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, id);
                ps.setInt(2, position);
                ps.setString(3, probe.name());
                ps.setBoolean(4, enabled);
                ps.setString(5, when);
                ps.setString(6, then);
                ps.setTimestamp(7, Timestamp.from(now));
                ps.setString(8, actor);
                ps.executeUpdate();
            }
            Jdbc.audit(c, null, null, actor, now, "RULE_ADDED", null, null, "rule #" + position + " \""
                    + probe.name() + "\" (id " + id + "): when " + (when.isEmpty() ? "always" : when.replace('\n', ';'))
                    + " then " + then.replace('\n', ';'));
            return new Rule(id, probe.name(), enabled, probe.conditions(), probe.actions());
        });
    }

    /**
     * Changes a rule in place: its name, whether it runs, its conditions and actions; it keeps its id and position
     * (the order of the list is {@link #move}'s). Checked as {@link #add}; an unchanged rule writes nothing.
     *
     * @throws InvalidRuleException the rule's problem, {@code rule_not_found} or {@code duplicate_name}
     */
    public Rule update(long id, String name, boolean enabled, String conditions, String actions, String actor) {
        Rule probe = probe(name, enabled, conditions, actions);
        String when = RuleText.formatConditions(probe.conditions());
        String then = RuleText.formatActions(probe.actions());
        return Jdbc.inTransaction(ds, c -> {
            lockAll(c);
            Rule old = find(c, id);
            Rule changed = new Rule(id, probe.name(), enabled, probe.conditions(), probe.actions());
            if (changed.equals(old)) {
                return old;
            }
            checkNameFree(c, probe.name(), id);
            Instant now = clock.instant();
            try (PreparedStatement ps = c.prepareStatement("UPDATE WB_RULE SET NAME = ?, ENABLED = ?, CONDITIONS = ?, "
                    + "ACTIONS = ?, UPDATED_AT = ?, UPDATED_BY = ? WHERE ID = ?")) {
                ps.setString(1, probe.name());
                ps.setBoolean(2, enabled);
                ps.setString(3, when);
                ps.setString(4, then);
                ps.setTimestamp(5, Timestamp.from(now));
                ps.setString(6, actor);
                ps.setLong(7, id);
                ps.executeUpdate();
            }
            Jdbc.audit(c, null, null, actor, now, "RULE_CHANGED", null, null, "rule \"" + old.name() + "\" (id " + id
                    + ") now \"" + probe.name() + "\"" + (enabled ? "" : " (disabled)") + ": when "
                    + (when.isEmpty() ? "always" : when.replace('\n', ';')) + " then " + then.replace('\n', ';'));
            return changed;
        });
    }

    /** A rule built from its text, checked (not stored). */
    private static Rule probe(String name, boolean enabled, String conditions, String actions) {
        Rule probe = new Rule(0, name, enabled, RuleText.parseConditions(conditions), RuleText.parseActions(actions));
        String when = RuleText.formatConditions(probe.conditions());
        String then = RuleText.formatActions(probe.actions());
        if (when.length() > 4000 || then.length() > 2000) {
            throw new InvalidRuleException("too_long", "Rule \"" + probe.name() + "\" has too many conditions or "
                    + "actions to store.");
        }
        return probe;
    }

    /** Refuses a name another rule (not {@code self}) has, ignoring case. */
    private static void checkNameFree(Connection c, String name, long self) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM WB_RULE WHERE LOWER(NAME) = ? "
                + "AND ID <> ?")) {
            ps.setString(1, name.toLowerCase(Locale.ROOT));
            ps.setLong(2, self);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new InvalidRuleException("duplicate_name", "A rule named \"" + name + "\" exists already.");
                }
            }
        }
    }

    /**
     * Enables or disables a rule.
     *
     * @throws InvalidRuleException {@code rule_not_found}
     */
    public Rule setEnabled(long id, boolean enabled, String actor) {
        return Jdbc.inTransaction(ds, c -> {
            Rule r = find(c, id);
            Instant now = clock.instant();
            try (PreparedStatement ps = c.prepareStatement("UPDATE WB_RULE SET ENABLED = ?, VERSION = VERSION + 1, "
                    + "UPDATED_AT = ?, UPDATED_BY = ? WHERE ID = ?")) {
                ps.setBoolean(1, enabled);
                ps.setTimestamp(2, Timestamp.from(now));
                ps.setString(3, actor);
                ps.setLong(4, id);
                ps.executeUpdate();
            }
            if (r.enabled() != enabled) {
                Jdbc.audit(c, null, null, actor, now, enabled ? "RULE_ENABLED" : "RULE_DISABLED", null, null,
                        "rule \"" + r.name() + "\" (id " + id + ")");
            }
            return r.withEnabled(enabled);
        });
    }

    /**
     * Moves a rule to {@code position} (1 = first); the others keep their order.
     *
     * @throws InvalidRuleException {@code rule_not_found}, or {@code invalid_range} for a position outside 1..n
     */
    public List<Rule> move(long id, int position, String actor) {
        return Jdbc.inTransaction(ds, c -> {
            lockAll(c);
            List<Rule> rules = new ArrayList<>(read(c));
            int from = -1;
            for (int i = 0; i < rules.size(); i++) {
                if (rules.get(i).id() == id) {
                    from = i;
                }
            }
            if (from < 0) {
                throw notFound(id);
            }
            if (position < 1 || position > rules.size()) {
                throw new InvalidRuleException("invalid_range", "Position " + position + " is outside 1.."
                        + rules.size() + ".");
            }
            Rule moved = rules.remove(from);
            rules.add(position - 1, moved);
            Instant now = clock.instant();
            try (PreparedStatement ps = c.prepareStatement("UPDATE WB_RULE SET POSITION = ? WHERE ID = ?")) {
                for (int i = 0; i < rules.size(); i++) {
                    ps.setInt(1, i + 1);
                    ps.setLong(2, rules.get(i).id());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            if (from + 1 != position) {
                Jdbc.audit(c, null, null, actor, now, "RULE_MOVED", null, null, "rule \"" + moved.name() + "\" (id "
                        + id + ") from #" + (from + 1) + " to #" + position);
            }
            return List.copyOf(rules);
        });
    }

    /**
     * Deletes a rule; the rules after it move up.
     *
     * @throws InvalidRuleException {@code rule_not_found}
     */
    public void delete(long id, String actor) {
        Jdbc.inTransaction(ds, c -> {
            lockAll(c);
            Rule r = find(c, id);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM WB_RULE WHERE ID = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            List<Rule> rest = read(c);
            try (PreparedStatement ps = c.prepareStatement("UPDATE WB_RULE SET POSITION = ? WHERE ID = ?")) {
                for (int i = 0; i < rest.size(); i++) {
                    ps.setInt(1, i + 1);
                    ps.setLong(2, rest.get(i).id());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            Jdbc.audit(c, null, null, actor, clock.instant(), "RULE_DELETED", null, null, "rule \"" + r.name()
                    + "\" (id " + id + ")");
            return null;
        });
    }

    private static void lockAll(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE WB_RULE SET VERSION = VERSION + 1")) {
            ps.executeUpdate();
        }
    }

    private static Rule find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM WB_RULE WHERE ID = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw notFound(id);
                }
                return rule(rs);
            }
        }
    }

    static List<Rule> read(Connection c) throws SQLException {
        List<Rule> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM WB_RULE ORDER BY POSITION, ID");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rule(rs));
            }
        }
        return out;
    }

    private static Rule rule(ResultSet rs) throws SQLException {
        return new Rule(rs.getLong(1), rs.getString(2), rs.getBoolean(3), RuleText.parseConditions(rs.getString(4)),
                RuleText.parseActions(rs.getString(5)));
    }

    private static InvalidRuleException notFound(long id) {
        return new InvalidRuleException("rule_not_found", "No rule has the id " + id + ".");
    }
}
