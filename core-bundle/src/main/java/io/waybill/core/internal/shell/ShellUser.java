package io.waybill.core.internal.shell;

import org.apache.karaf.shell.api.console.Session;

import javax.security.auth.Subject;
import java.security.AccessController;
import java.security.Principal;

/** The logged-in shell user, for the audit log. */
final class ShellUser {
    private ShellUser() {
    }

    @SuppressWarnings("removal")
    static String name(Session session) {
        Object user = session == null ? null : session.get("USER");
        if (user instanceof String s && !s.isBlank()) {
            return s;
        }
        try {
            Subject subject = Subject.getSubject(AccessController.getContext());
            if (subject != null) {
                for (Principal p : subject.getPrincipals()) {
                    if (p.getClass().getSimpleName().equals("UserPrincipal")) {
                        return p.getName();
                    }
                }
            }
        } catch (RuntimeException ignored) {
            // fall through
        }
        return "shell";
    }
}
