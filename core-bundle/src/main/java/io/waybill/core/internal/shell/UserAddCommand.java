package io.waybill.core.internal.shell;

import io.waybill.core.internal.files.FileAccess;
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
import java.util.Map;
import java.util.Set;

/** {@code waybill:user-add}: creates a user (admin); the password is typed without echo or read from a file. */
@Command(scope = "waybill", name = "user-add", description = "Creates a user with a role and an optional "
        + "warehouse/store scope; asks for the password (or --password-file)")
@Service
public class UserAddCommand implements Action {

    @Reference
    FileAccess files;

    @Reference
    UserService users;

    @Reference
    Session session;

    @Argument(name = "name", required = true, description = "User name (letters, digits, '.', '_', '-')")
    String name;

    @Option(name = "--role", aliases = "-r", description = "operator, supervisor or admin "
            + "(comma-separated list allowed); required")
    String role;

    @Option(name = "--warehouse", aliases = "-w", multiValued = true, description = "Limit the user to this "
            + "warehouse (repeat for more)")
    List<String> warehouses;

    @Option(name = "--store", aliases = "-s", multiValued = true, description = "Limit the user to this store "
            + "(repeat for more)")
    List<String> stores;

    @Option(name = "--password-file", description = "Read the password from the first line of this file (in an import folder, see waybill:file-access) instead "
            + "of the console")
    String passwordFile;

    @Argument(index = 1, name = "options", multiValued = true, description = "The options may also follow the "
            + "name: --role R, --warehouse W, --store S, --password-file F")
    List<String> trailing;

    static final String USAGE = "waybill:user-add NAME --role operator|supervisor|admin [--warehouse W]... "
            + "[--store S]... [--password-file FILE]";
    static final Map<String, String> OPTIONS = Map.of("--role", "role", "-r", "role", "--warehouse", "warehouse",
            "-w", "warehouse", "--store", "store", "-s", "store", "--password-file", "password-file");

    @Override
    public Object execute() throws Exception {
        Map<String, List<String>> after = TrailingOptions.parse(trailing, OPTIONS, USAGE);
        String roleText = TrailingOptions.single(role, after.get("role"), "--role");
        if (roleText == null) {
            throw new IllegalArgumentException("Give the role with --role. Usage: " + USAGE);
        }
        String file = TrailingOptions.single(passwordFile, after.get("password-file"), "--password-file");
        Set<String> wh = set(TrailingOptions.merged(warehouses, after.get("warehouse")));
        Set<String> st = set(TrailingOptions.merged(stores, after.get("store")));
        char[] password = file != null ? Passwords.fromFile(files, file, 1).get(0)
                : Passwords.promptNew(session, "Password for " + name + ": ");
        try {
            UserInfo u = users.create(name, roles(roleText), wh, st, password, ShellUser.name(session));
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
