package io.waybill.core.internal.shell;

import io.waybill.core.api.UserService;
import io.waybill.core.model.UserInfo;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code waybill:user-add}: creates a user (admin); the password is typed without echo or read from a file. */
@Command(scope = "waybill", name = "user-add", description = "Creates a user with a role and an optional "
        + "warehouse/store scope; asks for the password (or --password-file)")
@Service
public class UserAddCommand implements Action {

    @Reference
    UserService users;

    @Reference
    Session session;

    @Argument(name = "name", required = true, description = "User name (letters, digits, '.', '_', '-')")
    String name;

    @Option(name = "--role", aliases = "-r", required = true, description = "operator, supervisor or admin "
            + "(comma-separated list allowed)")
    String role;

    @Option(name = "--warehouse", aliases = "-w", multiValued = true, description = "Limit the user to this "
            + "warehouse (repeat for more)")
    List<String> warehouses;

    @Option(name = "--store", aliases = "-s", multiValued = true, description = "Limit the user to this store "
            + "(repeat for more)")
    List<String> stores;

    @Option(name = "--password-file", description = "Read the password from the first line of this file instead "
            + "of the console")
    String passwordFile;

    @Override
    public Object execute() throws Exception {
        char[] password = passwordFile != null ? Passwords.fromFile(passwordFile, 1).get(0)
                : Passwords.promptNew(session, "Password for " + name + ": ");
        try {
            UserInfo u = users.create(name, roles(role), set(warehouses), set(stores), password,
                    ShellUser.name(session));
            System.out.println("Created user " + u.name() + " (" + u.role() + ")"
                    + (u.scoped() ? " limited to warehouses " + codes(u.warehouses()) + ", stores "
                    + codes(u.stores()) : ""));
        } finally {
            Arrays.fill(password, '\0');
        }
        return null;
    }

    static Set<String> roles(String text) {
        Set<String> roles = new HashSet<>();
        for (String r : text.split(",")) {
            if (!r.isBlank()) {
                roles.add(r.strip());
            }
        }
        return roles;
    }

    static Set<String> set(List<String> values) {
        Set<String> result = new HashSet<>();
        if (values != null) {
            for (String v : values) {
                result.addAll(roles(v));
            }
        }
        return result;
    }

    static String codes(Set<String> codes) {
        return codes.isEmpty() ? "all" : String.join(",", codes);
    }
}
