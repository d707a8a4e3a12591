package io.waybill.core.internal.rules;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the rules decided for one package, and why: each decision with the rule that made it, and every rule that did
 * not decide anything (or not everything it carries) with its reason. Rules appear in list order; the same rules,
 * input and {@code at} always give an equal evaluation.
 *
 * @param input     what was evaluated
 * @param at        the evaluation time ("ship-by within N hours" is measured from it)
 * @param decisions at most one per {@link Action.Kind}, in the order made
 * @param skipped   the rules that did not apply (a rule that applied some actions but not others is listed in both)
 */
public record Evaluation(RuleInput input, Instant at, List<Decision> decisions, List<Skip> skipped) {

    public Evaluation {
        decisions = List.copyOf(decisions);
        skipped = List.copyOf(skipped);
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
        ALREADY_DECIDED
    }

    /**
     * A rule that did not apply, or applied only in part.
     *
     * @param failed the first condition that does not hold ({@link SkipReason#CONDITION_NOT_MET}), else null
     * @param kinds  the rule's action kinds that earlier rules had decided ({@link SkipReason#ALREADY_DECIDED}), else
     *               empty
     */
    public record Skip(long ruleId, String ruleName, int position, SkipReason reason, Condition failed,
                       List<Action.Kind> kinds) {
        public Skip {
            kinds = kinds == null ? List.of() : List.copyOf(kinds);
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
            case ALREADY_DECIDED -> head + s.kinds().stream()
                    .map(k -> k.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " already decided by "
                            + decision(k).map(d -> "rule #" + d.position() + " \"" + d.ruleName() + "\"")
                            .orElse("an earlier rule"))
                    .collect(Collectors.joining("; "));
        };
    }
}
