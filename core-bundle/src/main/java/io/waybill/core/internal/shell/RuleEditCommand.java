package io.waybill.core.internal.shell;

import io.waybill.core.api.OperationRefusedException;
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

/** {@code waybill:rule-edit}: changes a logistics rule in place (it keeps its position). */
@Command(scope = "waybill", name = "rule-edit", description = "Changes a logistics rule in place; it keeps its "
        + "position. What is not given stays: -n renames, -w replaces all the conditions (--always removes them), "
        + "-t replaces all the actions, --enable / --disable switch it. Conditions and actions as in rule-add. "
        + "Example: rule-edit -w 'note yes' -t 'tag gift' 12")
@Service
public class RuleEditCommand implements Action {

    @Reference
    RuleService rules;

    @Reference
    Session session;

    @Argument(index = 0, name = "id", required = true, description = "The rule's id (waybill:rule-list)")
    long id;

    @Option(name = "-n", aliases = "--name", description = "The new name")
    String name;

    @Option(name = "-w", aliases = "--when", multiValued = true, description = "A condition (repeat for more); "
            + "replaces all the rule's conditions")
    List<String> when;

    @Option(name = "--always", description = "Remove every condition (the rule matches every package)")
    boolean always;

    @Option(name = "-t", aliases = "--then", multiValued = true, description = "An action (repeat for more); "
            + "replaces all the rule's actions")
    List<String> then;

    @Option(name = "--enable", description = "Switch the rule on")
    boolean enable;

    @Option(name = "--disable", description = "Switch the rule off")
    boolean disable;

    @Override
    public Object execute() {
        if (enable && disable) {
            throw new OperationRefusedException("invalid", "Give --enable or --disable, not both.");
        }
        if (always && when != null && !when.isEmpty()) {
            throw new OperationRefusedException("invalid", "Give -w conditions or --always, not both.");
        }
        String user = ShellUser.name(session);
        LogisticsRule r = rules.list(user).stream().filter(x -> x.id() == id).findFirst()
                .orElseThrow(() -> new OperationRefusedException("rule_not_found", "No rule has the id " + id + "."));
        LogisticsRule changed = rules.update(id, name != null ? name : r.name(), enable || (!disable && r.enabled()),
                always ? List.of() : when != null ? when : r.conditions(), then != null ? then : r.actions(), user);
        System.out.println("Rule #" + changed.position() + " \"" + changed.name() + "\" (id " + changed.id() + ")"
                + (changed.enabled() ? "" : ", disabled") + ": when " + (changed.conditions().isEmpty() ? "always"
                : String.join("; ", changed.conditions())) + " then " + String.join("; ", changed.actions()) + ".");
        return null;
    }
}
