package io.waybill.core.internal.shell;

import io.waybill.core.api.RuleService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code waybill:rule-move}: reorders the logistics rules. */
@Command(scope = "waybill", name = "rule-move", description = "Moves a logistics rule to a position (1 = first); "
        + "the others keep their order. Prints the new list.")
@Service
public class RuleMoveCommand implements Action {

    @Reference
    RuleService rules;

    @Reference
    Session session;

    @Argument(index = 0, name = "id", required = true, description = "The rule's id (waybill:rule-list)")
    long id;

    @Argument(index = 1, name = "position", required = true, description = "The new position, from 1")
    int position;

    @Override
    public Object execute() {
        RuleCommands.print(rules.move(id, position, ShellUser.name(session)), System.out);
        return null;
    }
}
