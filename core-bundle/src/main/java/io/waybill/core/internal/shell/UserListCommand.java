package io.waybill.core.internal.shell;

import io.waybill.core.api.UserService;
import io.waybill.core.model.UserInfo;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

import java.util.List;

/** {@code waybill:user-list}: users with role, state, scope and last sign-in (admin). */
@Command(scope = "waybill", name = "user-list", description = "Lists users: role, enabled, scope, last sign-in")
@Service
public class UserListCommand implements Action {

    @Reference
    UserService users;

    @Reference
    Session session;

    @Override
    public Object execute() {
        List<UserInfo> all = users.users(ShellUser.name(session));
        ShellTable table = new ShellTable();
        table.column("User");
        table.column("Role");
        table.column("State");
        table.column("Warehouses");
        table.column("Stores");
        table.column("Last sign-in");
        for (UserInfo u : all) {
            table.addRow().addContent(u.name(), u.role() == null ? "-" : u.role(),
                    u.enabled() ? "enabled" : "disabled", scope(u.warehouses()), scope(u.stores()),
                    u.lastSignIn() == null ? "never" : Formats.time(u.lastSignIn()));
        }
        table.print(System.out);
        System.out.println(all.size() + " users");
        return null;
    }

    private static String scope(java.util.Set<String> codes) {
        return codes.isEmpty() ? "all" : String.join(",", codes);
    }
}
