package io.waybill.core.internal.shell;

import io.waybill.core.api.RuleService;
import io.waybill.core.model.LogisticsRule;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code waybill:rule-enable}: switches a logistics rule on. */
@Command(scope = "waybill", name = "rule-enable", description = "Switches a logistics rule on.")
@Service
public class RuleEnableCommand implements Action {

    @Reference
    RuleService rules;

    @Reference
    Session session;

    @Argument(index = 0, name = "id", required = true, description = "The rule's id (waybill:rule-list)")
    long id;

    @Override
    public Object execute() {
        LogisticsRule r = rules.setEnabled(id, true, ShellUser.name(session));
        System.out.println("Rule #" + r.position() + " \"" + r.name() + "\" is " + (r.enabled() ? "on" : "off") + ".");
        return null;
    }
}
