package io.waybill.core.internal.shell;

import io.waybill.core.internal.files.FileAccess;
import io.waybill.core.api.UserService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import java.util.Arrays;
import java.util.List;

/**
 * {@code waybill:user-passwd [NAME]}: without a name (or with one's own) changes one's own password, asking for the
 * current one; with another user's name an admin sets a new password for that user.
 */
@Command(scope = "waybill", name = "user-passwd", description = "Changes your own password (current one "
        + "required), or, as admin, sets another user's password")
@Service
public class UserPasswdCommand implements Action {

    @Reference
    FileAccess files;

    @Reference
    UserService users;

    @Reference
    Session session;

    @Argument(name = "name", description = "User whose password an admin resets (default: yourself)")
    String name;

    @Option(name = "--password-file", description = "Read the passwords from this file (in an import folder) instead of the console: "
            + "own change = current password on line 1 and the new one on line 2; reset = the new one on line 1")
    String passwordFile;

    @Argument(index = 1, name = "options", multiValued = true, description = "--password-file may also follow "
            + "the name")
    List<String> trailing;

    @Override
    public Object execute() throws Exception {
        String passwordFile = TrailingOptions.single(this.passwordFile, TrailingOptions.parse(trailing,
                java.util.Map.of("--password-file", "password-file"), "waybill:user-passwd [NAME] "
                        + "[--password-file FILE]").get("password-file"), "--password-file");
        String me = ShellUser.name(session);
        boolean own = name == null || name.strip().equals(me);
        if (own) {
            char[] current = null;
            char[] fresh = null;
            try {
                if (passwordFile != null) {
                    List<char[]> lines = Passwords.fromFile(files, passwordFile, 2);
                    current = lines.get(0);
                    fresh = lines.get(1);
                } else {
                    current = Passwords.prompt(session, "Current password: ");
                    fresh = Passwords.promptNew(session, "New password: ");
                }
                users.changeOwnPassword(me, current, fresh);
                System.out.println("Password of " + me + " changed");
            } finally {
                clear(current);
                clear(fresh);
            }
        } else {
            char[] fresh = passwordFile != null ? Passwords.fromFile(files, passwordFile, 1).get(0)
                    : Passwords.promptNew(session, "New password for " + name + ": ");
            try {
                users.resetPassword(name, fresh, me);
                System.out.println("Password of " + name.strip() + " set");
            } finally {
                clear(fresh);
            }
        }
        return null;
    }

    private static void clear(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }
}
