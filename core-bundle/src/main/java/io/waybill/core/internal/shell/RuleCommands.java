package io.waybill.core.internal.shell;

import io.waybill.core.model.LogisticsRule;
import io.waybill.core.model.RuleDryRun;

import java.io.PrintStream;
import java.util.List;

/** How the {@code waybill:rule-*} commands print rules and dry runs (one place, tested). */
final class RuleCommands {

    private RuleCommands() {
    }

    /** One rule per block: {@code #1 [on] Battery by sea (id 12)}, then its conditions and actions indented. */
    static void print(List<LogisticsRule> rules, PrintStream out) {
        if (rules.isEmpty()) {
            out.println("No logistics rules. Add one with waybill:rule-add.");
            return;
        }
        for (LogisticsRule r : rules) {
            out.println("#" + r.position() + " [" + (r.enabled() ? "on" : "off") + "] " + r.name() + " (id " + r.id()
                    + ")");
            out.println("    when: " + (r.conditions().isEmpty() ? "always" : String.join("; ", r.conditions())));
            out.println("    then: " + String.join("; ", r.actions()));
        }
    }

    /** Per package: each decision with its rule, then (verbose) every skipped rule with its reason. */
    static void printDryRun(List<RuleDryRun> runs, boolean verbose, PrintStream out) {
        if (runs.isEmpty()) {
            out.println("No packages to evaluate.");
            return;
        }
        out.println("Dry run: nothing was changed.");
        for (RuleDryRun run : runs) {
            out.println(run.packageNo() + ": " + (run.decisions().isEmpty() ? "no rule applies"
                    : String.join("; ", run.decisions().stream()
                    .map(d -> d.action() + " (rule #" + d.position() + " \"" + d.ruleName() + "\")").toList())));
            if (verbose) {
                run.skipped().forEach(s -> out.println("    skipped " + s));
            }
        }
    }
}
