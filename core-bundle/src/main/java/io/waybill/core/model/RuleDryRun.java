package io.waybill.core.model;

import java.util.List;

/**
 * What the logistics rules would decide for one package, changing nothing (the dry run, issue 14). Since 1.9.
 *
 * @param packageNo the package
 * @param decisions each decision with the rule that made it, at most one per kind
 * @param skipped   every rule that did not apply, in words with its reason (e.g. {@code rule #2 "EU": country in
 *                  region EU - not met: country US})
 */
public record RuleDryRun(String packageNo, List<Decision> decisions, List<String> skipped, List<Skip> skips) {
    public RuleDryRun {
        decisions = List.copyOf(decisions);
        skipped = List.copyOf(skipped);
        skips = skips == null ? List.of() : List.copyOf(skips);
    }

    /** The 1.9 form, without the structured skips. */
    public RuleDryRun(String packageNo, List<Decision> decisions, List<String> skipped) {
        this(packageNo, decisions, skipped, List.of());
    }

    /**
     * A rule that did not apply, as data, so a user interface says why in the user's language (since 1.10).
     *
     * @param position  the rule's position
     * @param ruleName  its name
     * @param reason    {@code DISABLED}, {@code CONDITION_NOT_MET}, {@code ALREADY_DECIDED} or {@code ACTION_REFUSED}
     * @param condition the first condition that does not hold, in its text form ({@code weight 2001..}), else null
     * @param actual    what the package has instead, in English ({@code weight 800 g}), else null
     * @param kinds     the action kinds earlier rules had decided ({@code ALREADY_DECIDED}), else empty
     * @param refusal   why its action was refused, as a {@link Reason} ({@code ACTION_REFUSED}), else null
     */
    public record Skip(int position, String ruleName, String reason, String condition, String actual,
                       List<String> kinds, Reason refusal) {
        public Skip {
            kinds = kinds == null ? List.of() : List.copyOf(kinds);
        }
    }

    /**
     * One decision.
     *
     * @param kind     {@code WAREHOUSE}, {@code SHIPPING_METHOD}, {@code HOLD} or {@code TAG}
     * @param action   the action in its text form ({@code warehouse W2})
     * @param position the deciding rule's position
     * @param ruleName the deciding rule's name
     */
    public record Decision(String kind, String action, int position, String ruleName) {
    }
}
