package io.waybill.core.internal.shell;

import io.waybill.core.api.RuleService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code waybill:rule-list}: the logistics rules in priority order. */
@Command(scope = "waybill", name = "rule-list", description = "Lists the logistics rules in priority order: position, "
        + "on/off, name, id, conditions and actions.")
@Service
public class RuleListCommand implements Action {

    @Reference
    RuleService rules;

    @Reference
    Session session;

    @Override
    public Object execute() {
        RuleCommands.print(rules.list(ShellUser.name(session)), System.out);
        return null;
    }
}
