package io.waybill.core.internal.shell;

import io.waybill.core.api.RuleService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code waybill:rule-delete}: removes a logistics rule. */
@Command(scope = "waybill", name = "rule-delete", description = "Deletes a logistics rule; the rules after it move up.")
@Service
public class RuleDeleteCommand implements Action {

    @Reference
    RuleService rules;

    @Reference
    Session session;

    @Argument(index = 0, name = "id", required = true, description = "The rule's id (waybill:rule-list)")
    long id;

    @Override
    public Object execute() {
        rules.delete(id, ShellUser.name(session));
        System.out.println("Deleted rule " + id + ".");
        return null;
    }
}
