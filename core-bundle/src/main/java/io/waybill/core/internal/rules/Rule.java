package io.waybill.core.internal.rules;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One logistics rule: when every condition holds (no condition = every package), its actions apply to the kinds not
 * decided by an earlier rule. Immutable; its place in the list is its priority.
 *
 * @param id         stable identity (the stored rule's id; any distinct number in tests)
 * @param name       what the operator calls it (1 to 100 characters), shown with each decision it makes
 * @param enabled    a disabled rule is skipped with reason {@link Evaluation.SkipReason#DISABLED}
 * @param conditions all must hold
 * @param actions    at least one, at most one per {@link Action.Kind}
 */
public record Rule(long id, String name, boolean enabled, List<Condition> conditions, List<Action> actions) {

    public Rule {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new InvalidRuleException("required", "A rule needs a name.");
        }
        if (n.length() > 100) {
            throw new InvalidRuleException("too_long", "Rule name \"" + n.substring(0, 20) + "...\" is longer than "
                    + "100 characters.");
        }
        name = n;
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        if (actions == null || actions.isEmpty()) {
            throw new InvalidRuleException("required", "Rule \"" + n + "\" needs at least one action.");
        }
        actions = List.copyOf(actions);
        Set<Action.Kind> kinds = EnumSet.noneOf(Action.Kind.class);
        for (Action a : actions) {
            if (!kinds.add(a.kind())) {
                throw new InvalidRuleException("duplicate_action_kind", "Rule \"" + n + "\" has two actions of kind "
                        + a.kind() + "; a rule decides each kind at most once.");
            }
        }
    }

    /** This rule enabled or disabled. */
    public Rule withEnabled(boolean on) {
        return new Rule(id, name, on, conditions, actions);
    }

    /** The kinds this rule's actions decide, as a bit set over {@link Action.Kind#ordinal()}. */
    int kindMask() {
        int m = 0;
        for (Action a : actions) {
            m |= 1 << a.kind().ordinal();
        }
        return m;
    }
}
