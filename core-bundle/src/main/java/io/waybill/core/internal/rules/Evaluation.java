package io.waybill.core.internal.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the rules decided for one package, and why: each decision with the rule that made it, and every rule that did
 * not decide anything (or not everything it carries) with its reason. Rules appear in list order; the same rules,
 * input and {@code at} always give an equal evaluation.
 *
 */
public final class Evaluation {

    // outcome codes in the trace: low 3 bits; the failing condition's index above them
    static final int APPLIED = 0;
    static final int DISABLED = 1;
    static final int NOT_MET = 2;
    static final int ALREADY = 3;
    static final int PARTIAL = 4;
    static final int REFUSED = 5;

    private final RuleInput input;
    private final Instant at;
    private final List<Decision> decisions;
    private final Rule[] rules;
    private final int[] trace;
    private final int stoppedAt;
    private final Refusal[] refusals;
    private volatile List<Skip> skipped;

    /**
     * The engine's compact form: per rule position before {@code stoppedAt} its outcome code (and failing condition);
     * from {@code stoppedAt} on every kind was decided, so each later rule is disabled or already decided. The skip
     * records are built from it on first use: the evaluation of many packages allocates little.
     */
    Evaluation(RuleInput input, Instant at, List<Decision> decisions, Rule[] rules, int[] trace, int stoppedAt,
               Refusal[] refusals) {
        this.refusals = refusals;
        this.input = input;
        this.at = at;
        this.decisions = decisions;
        this.rules = rules;
        this.trace = trace;
        this.stoppedAt = stoppedAt;
    }

    /** What was evaluated. */
    public RuleInput input() {
        return input;
    }

    /** The evaluation time ("ship-by within N hours" is measured from it). */
    public Instant at() {
        return at;
    }

    /** At most one decision per {@link Action.Kind}, in the order made (unmodifiable). */
    public List<Decision> decisions() {
        return decisions;
    }

    /**
     * The rules that did not apply, in list order, each with its reason; a rule that applied some actions but not
     * others is listed here too, with the kinds it could not decide (unmodifiable).
     */
    public List<Skip> skipped() {
        List<Skip> s = skipped;
        if (s == null) {
            s = buildSkipped();
            skipped = s;
        }
        return s;
    }

    private List<Skip> buildSkipped() {
        List<Skip> out = new ArrayList<>();
        for (int i = 0; i < rules.length; i++) {
            Rule r = rules[i];
            int position = i + 1;
            int code = i < stoppedAt ? trace[i] & 7 : r.enabled() ? ALREADY : DISABLED;
            switch (code) {
                case DISABLED -> out.add(new Skip(r.id(), r.name(), position, SkipReason.DISABLED, null, null));
                case NOT_MET -> out.add(new Skip(r.id(), r.name(), position, SkipReason.CONDITION_NOT_MET,
                        r.conditions().get(trace[i] >>> 3), null));
                case REFUSED -> out.add(new Skip(r.id(), r.name(), position, SkipReason.ACTION_REFUSED, null, null,
                        refusals[i]));
                case ALREADY, PARTIAL -> {
                    List<Action.Kind> kinds = new ArrayList<>(r.actions().size());
                    for (Action a : r.actions()) {
                        if (decision(a.kind()).map(d -> d.position() < position).orElse(false)) {
                            kinds.add(a.kind());
                        }
                    }
                    out.add(new Skip(r.id(), r.name(), position, SkipReason.ALREADY_DECIDED, null, kinds));
                }
                default -> {
                    // applied in full: not skipped
                }
            }
        }
        return List.copyOf(out);
    }

    /** Equal when input, time, decisions and skips are equal (rules rebuilt from equal values compare equal). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Evaluation e && input.equals(e.input) && at.equals(e.at) && decisions.equals(e.decisions)
                && skipped().equals(e.skipped());
    }

    @Override
    public int hashCode() {
        return Objects.hash(input, at, decisions, skipped());
    }

    @Override
    public String toString() {
        return "Evaluation[" + input.packageNo() + ", decisions=" + decisions + ", skipped=" + skipped() + "]";
    }

    /**
     * One decision.
     *
     * @param action   what was decided (its kind is {@code action.kind()})
     * @param ruleId   the rule that made it
     * @param ruleName its name
     * @param position its place in the rule list, from 1
     */
    public record Decision(Action action, long ruleId, String ruleName, int position) {
        /** The decision's kind. */
        public Action.Kind kind() {
            return action.kind();
        }
    }

    /** Why a rule did not apply. */
    public enum SkipReason {
        /** The rule is disabled. */
        DISABLED,
        /** A condition does not hold ({@link Skip#failed} names the first one, in the rule's order). */
        CONDITION_NOT_MET,
        /** Earlier rules decided these kinds already ({@link Skip#kinds}); first match per kind wins. */
        ALREADY_DECIDED,
        /**
         * The conditions hold but an action cannot be carried out for this package ({@link Skip#refused}: e.g. the
         * carrier service cannot take it); the rule decides nothing, so a later rule may decide its kinds.
         */
        ACTION_REFUSED
    }

    /**
     * Why an action cannot be carried out for a package: a stable code and the values of its sentence (the
     * {@code io.waybill.core.model.Reason} code a history line uses), and the English sentence.
     *
     * @param action  the refused action
     * @param code    the reason code
     * @param params  its values
     * @param english the reason in English
     */
    public record Refusal(Action action, String code, List<String> params, String english) {
        public Refusal {
            params = params == null ? List.of() : List.copyOf(params);
        }
    }

    /**
     * A rule that did not apply, or applied only in part.
     *
     * @param failed the first condition that does not hold ({@link SkipReason#CONDITION_NOT_MET}), else null
     * @param kinds  the rule's action kinds that earlier rules had decided ({@link SkipReason#ALREADY_DECIDED}), else
     *               empty
     * @param refused why an action could not be carried out ({@link SkipReason#ACTION_REFUSED}), else null
     */
    public record Skip(long ruleId, String ruleName, int position, SkipReason reason, Condition failed,
                       List<Action.Kind> kinds, Refusal refused) {
        public Skip {
            kinds = kinds == null ? List.of() : List.copyOf(kinds);
        }

        public Skip(long ruleId, String ruleName, int position, SkipReason reason, Condition failed,
                    List<Action.Kind> kinds) {
            this(ruleId, ruleName, position, reason, failed, kinds, null);
        }
    }

    /** The decision of a kind, if a rule made one. */
    public Optional<Decision> decision(Action.Kind kind) {
        for (Decision d : decisions) {
            if (d.kind() == kind) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** A decision in words: {@code warehouse W2 (rule #3 "Heavy to W2")}. */
    public static String explain(Decision d) {
        return d.action().describe() + " (rule #" + d.position() + " \"" + d.ruleName() + "\")";
    }

    /** A skip in words, with what the package has: {@code rule #2 "EU": country in region EU - not met: country US}. */
    public String explain(Skip s) {
        String head = "rule #" + s.position() + " \"" + s.ruleName() + "\": ";
        return switch (s.reason()) {
            case DISABLED -> head + "disabled";
            case CONDITION_NOT_MET -> head + s.failed().describe() + " - not met: " + s.failed().actual(input, at);
            case ACTION_REFUSED -> head + s.refused().action().describe() + " - refused: " + s.refused().english();
            case ALREADY_DECIDED -> head + s.kinds().stream()
                    .map(k -> k.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " already decided by "
                            + decision(k).map(d -> "rule #" + d.position() + " \"" + d.ruleName() + "\"")
                            .orElse("an earlier rule"))
                    .collect(Collectors.joining("; "));
        };
    }
}
