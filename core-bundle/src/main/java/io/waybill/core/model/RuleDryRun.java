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
public record RuleDryRun(String packageNo, List<Decision> decisions, List<String> skipped) {
    public RuleDryRun {
        decisions = List.copyOf(decisions);
        skipped = List.copyOf(skipped);
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
