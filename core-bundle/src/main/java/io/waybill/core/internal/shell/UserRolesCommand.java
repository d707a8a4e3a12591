package io.waybill.core.internal.shell;

import io.waybill.core.api.UserService;
import io.waybill.core.model.UserInfo;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code waybill:user-roles}: replaces a user's roles (admin). */
@Command(scope = "waybill", name = "user-roles", description = "Sets a user's roles: operator, supervisor, admin "
        + "(comma-separated; supervisor includes operator, admin everything)")
@Service
public class UserRolesCommand implements Action {

    @Reference
    UserService users;

    @Reference
    Session session;

    @Argument(index = 0, name = "name", required = true, description = "User name")
    String name;

    @Argument(index = 1, name = "roles", required = true, description = "e.g. operator,supervisor")
    String roles;

    @Override
    public Object execute() {
        UserInfo u = users.setRoles(name, UserAddCommand.roles(roles), ShellUser.name(session));
        System.out.println("User " + u.name() + " now has roles " + String.join(",", u.roles()));
        return null;
    }
}
