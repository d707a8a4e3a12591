package io.waybill.core.internal.shell;

import io.waybill.core.api.UserService;
import io.waybill.core.model.UserInfo;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code waybill:user-disable}: Disables a user: no sign-in in the UI or over SSH; open UI sessions end (admin). */
@Command(scope = "waybill", name = "user-disable", description = "Disables a user: no sign-in in the UI or over SSH; open UI sessions end")
@Service
public class UserDisableCommand implements Action {

    @Reference
    UserService users;

    @Reference
    Session session;

    @Argument(name = "name", required = true, description = "User name")
    String name;

    @Override
    public Object execute() {
        UserInfo u = users.setEnabled(name, false, ShellUser.name(session));
        System.out.println("User " + u.name() + " is " + (u.enabled() ? "enabled" : "disabled"));
        return null;
    }
}
