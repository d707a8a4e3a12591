package io.waybill.core.internal.shell;

import io.waybill.core.api.RuleService;
import io.waybill.core.model.LogisticsRule;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import java.util.List;

/** {@code waybill:rule-add}: appends a logistics rule. */
@Command(scope = "waybill", name = "rule-add", description = "Adds a logistics rule at the end of the list. "
        + "Conditions (-w, all must hold): store S1,S2 | platform csv | country DE,FR | country EU | region CA | "
        + "postal 75*,SW1?* | weight 2001.. | value ..150 EUR | sku A,B | flag battery,liquid | items 3.. | "
        + "note yes | shipby 24. Actions (-t, one per kind): warehouse W2 | ship ACCOUNT SERVICE | hold REASON | "
        + "tag T. Example: rule-add -w 'country EU' -w 'value ..150 EUR' -t 'hold IOSS number missing' 'EU low value'")
@Service
public class RuleAddCommand implements Action {

    @Reference
    RuleService rules;

    @Reference
    Session session;

    @Option(name = "-w", aliases = "--when", multiValued = true, description = "A condition (repeat for more)")
    List<String> when;

    @Option(name = "-t", aliases = "--then", multiValued = true, required = true,
            description = "An action (repeat for more)")
    List<String> then;

    @Option(name = "--disabled", description = "Add the rule switched off")
    boolean disabled;

    @Argument(index = 0, name = "name", required = true, description = "The rule's name")
    String name;

    @Override
    public Object execute() {
        LogisticsRule r = rules.add(name, !disabled, when == null ? List.of() : when, then,
                ShellUser.name(session));
        System.out.println("Added rule #" + r.position() + " \"" + r.name() + "\" (id " + r.id() + ")"
                + (r.enabled() ? "" : ", disabled") + ".");
        return null;
    }
}
