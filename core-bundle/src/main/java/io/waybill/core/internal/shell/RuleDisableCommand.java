package io.waybill.core.internal.shell;

import io.waybill.core.api.RuleService;
import io.waybill.core.model.LogisticsRule;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code waybill:rule-disable}: switches a logistics rule off. */
@Command(scope = "waybill", name = "rule-disable", description = "Switches a logistics rule off (it stays in the list and is skipped).")
@Service
public class RuleDisableCommand implements Action {

    @Reference
    RuleService rules;

    @Reference
    Session session;

    @Argument(index = 0, name = "id", required = true, description = "The rule's id (waybill:rule-list)")
    long id;

    @Override
    public Object execute() {
        LogisticsRule r = rules.setEnabled(id, false, ShellUser.name(session));
        System.out.println("Rule #" + r.position() + " \"" + r.name() + "\" is " + (r.enabled() ? "on" : "off") + ".");
        return null;
    }
}
