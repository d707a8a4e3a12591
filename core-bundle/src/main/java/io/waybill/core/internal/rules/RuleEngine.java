package io.waybill.core.internal.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The logistics-rules engine (issue 14, 物流规则): an ordered list of rules evaluated per package. Pure: no database,
 * no OSGi, no clock (the caller passes {@code now}), no state between packages, so the same rules and input always
 * give an equal {@link Evaluation} and one engine may be used by many threads.
 *
 * <p>The rule: rules are taken in list order; a disabled rule is skipped ({@code DISABLED}); a rule whose every
 * action kind is already decided is skipped without testing its conditions ({@code ALREADY_DECIDED}); otherwise its
 * conditions are tested in their order and the first that does not hold skips it ({@code CONDITION_NOT_MET});
 * a matching rule decides each of its action kinds not decided yet, and is listed as skipped for the others.
 * First match per action kind wins.
 *
 * <p>{@link #dryRun} and {@link #run} evaluate through the same {@link #evaluate}; {@code run} only also hands each
 * evaluation to a {@link Recorder} (the persistence side writes decisions and history), so a dry run shows exactly
 * what a real run decides.
 */
public final class RuleEngine {

    private static final int ALL_KINDS_COUNT = Action.Kind.values().length;
    private static final int ALL_KINDS = (1 << ALL_KINDS_COUNT) - 1;

    private final Rule[] rules;
    private final int[] masks;

    /** Takes what it writes: each evaluation, in input order, once. */
    @FunctionalInterface
    public interface Recorder {
        void record(Evaluation evaluation);
    }

    /**
     * An engine over these rules, in priority order.
     *
     * @throws InvalidRuleException {@code duplicate_rule} when two rules share an id
     */
    public RuleEngine(List<Rule> rules) {
        this.rules = rules.toArray(new Rule[0]);
        this.masks = new int[this.rules.length];
        java.util.Set<Long> ids = new java.util.HashSet<>();
        for (int i = 0; i < this.rules.length; i++) {
            Rule r = Objects.requireNonNull(this.rules[i], "rule");
            if (!ids.add(r.id())) {
                throw new InvalidRuleException("duplicate_rule", "Two rules have the id " + r.id() + ".");
            }
            masks[i] = r.kindMask();
        }
    }

    /** The rules, in priority order. */
    public List<Rule> rules() {
        return List.of(rules);
    }

    /**
     * Whether an action can be carried out for a package at all, asked for each action of a matching rule before it
     * decides anything (e.g. a shipping method whose carrier service cannot take the package, a warehouse that does
     * not exist). A refused action skips its whole rule with {@link Evaluation.SkipReason#ACTION_REFUSED}, so a later
     * rule may decide that kind. Must be pure and deterministic, like the conditions.
     */
    @FunctionalInterface
    public interface ActionCheck {
        /** Every action can be carried out. */
        ActionCheck NONE = (action, in) -> null;

        /** Null when {@code action} can be carried out for {@code in}, else why not. */
        Evaluation.Refusal refuse(Action action, RuleInput in);
    }

    /** Evaluates the rules for one package at {@code now}, every action accepted. */
    public Evaluation evaluate(RuleInput in, Instant now) {
        return evaluate(in, now, ActionCheck.NONE);
    }

    /** Evaluates the rules for one package at {@code now}, asking {@code check} about each action of a match. */
    public Evaluation evaluate(RuleInput in, Instant now, ActionCheck check) {
        Objects.requireNonNull(in, "input");
        Objects.requireNonNull(now, "now");
        Evaluation.Decision[] decisions = new Evaluation.Decision[ALL_KINDS_COUNT];
        int made = 0;
        int[] trace = new int[rules.length];
        int decided = 0;
        Evaluation.Refusal[] refusals = null;
        int i = 0;
        for (; i < rules.length && decided != ALL_KINDS; i++) {
            Rule r = rules[i];
            if (!r.enabled()) {
                trace[i] = Evaluation.DISABLED;
                continue;
            }
            int mask = masks[i];
            if ((mask & ~decided) == 0) {
                trace[i] = Evaluation.ALREADY;
                continue;
            }
            int failed = firstFailing(r, in, now);
            if (failed >= 0) {
                trace[i] = Evaluation.NOT_MET | (failed << 3);
                continue;
            }
            Evaluation.Refusal refused = null;
            if (check != ActionCheck.NONE) {
                for (Action a : r.actions()) {
                    if ((decided & (1 << a.kind().ordinal())) == 0 && (refused = check.refuse(a, in)) != null) {
                        break;
                    }
                }
            }
            if (refused != null) {
                if (refusals == null) {
                    refusals = new Evaluation.Refusal[rules.length];
                }
                refusals[i] = refused;
                trace[i] = Evaluation.REFUSED;
                continue;
            }
            trace[i] = (mask & decided) != 0 ? Evaluation.PARTIAL : Evaluation.APPLIED;
            for (Action a : r.actions()) {
                int bit = 1 << a.kind().ordinal();
                if ((decided & bit) == 0) {
                    decided |= bit;
                    decisions[made++] = new Evaluation.Decision(a, r.id(), r.name(), i + 1);
                }
            }
        }
        return new Evaluation(in, now, List.of(Arrays.copyOf(decisions, made)), rules, trace, i, refusals);
    }

    /** Evaluates each package and changes nothing: the dry run. */
    public List<Evaluation> dryRun(List<RuleInput> inputs, Instant now) {
        return dryRun(inputs, now, ActionCheck.NONE);
    }

    /** Evaluates each package with {@code check} and changes nothing: the dry run. */
    public List<Evaluation> dryRun(List<RuleInput> inputs, Instant now, ActionCheck check) {
        List<Evaluation> out = new ArrayList<>(inputs.size());
        for (RuleInput in : inputs) {
            out.add(evaluate(in, now, check));
        }
        return out;
    }

    /** Evaluates each package and hands the evaluation to {@code recorder} (the real run); returns them too. */
    public List<Evaluation> run(List<RuleInput> inputs, Instant now, Recorder recorder) {
        return run(inputs, now, ActionCheck.NONE, recorder);
    }

    /** The real run with {@code check}: the same evaluation as {@link #dryRun(List, Instant, ActionCheck)}. */
    public List<Evaluation> run(List<RuleInput> inputs, Instant now, ActionCheck check, Recorder recorder) {
        Objects.requireNonNull(recorder, "recorder");
        List<Evaluation> out = dryRun(inputs, now, check);
        for (Evaluation e : out) {
            recorder.record(e);
        }
        return out;
    }

    /** The index of the first condition that does not hold, -1 when all hold. */
    private static int firstFailing(Rule r, RuleInput in, Instant now) {
        List<Condition> conditions = r.conditions();
        for (int c = 0, n = conditions.size(); c < n; c++) {
            if (!conditions.get(c).test(in, now)) {
                return c;
            }
        }
        return -1;
    }
}
