package io.waybill.ui.internal;

import com.vaadin.flow.server.WrappedSession;
import io.waybill.core.api.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the HTTP session of a signed-in user who was disabled (or lost every Waybill role) since signing in, at that
 * session's next request, before Vaadin handles it: the browser then gets "session expired" and the login page.
 * The user name is kept in the HTTP session under {@link #USER} at sign-in. The core refuses a disabled user's
 * actions anyway (its Authorizer gives a disabled user no role); this closes the session itself.
 */
public final class SessionGate {
    /** HTTP session attribute holding the signed-in user's name. */
    public static final String USER = "io.waybill.ui.user";
    private static final Logger LOG = LoggerFactory.getLogger(SessionGate.class);

    private SessionGate() {
    }

    /** Records the signed-in user in the HTTP session. */
    public static void signedIn(WrappedSession session, String user) {
        session.setAttribute(USER, user);
    }

    static void check(WrappedSession session, UserService users) {
        if (session == null || users == null) {
            return; // no session yet, or the core is restarting: the core refuses actions of disabled users itself
        }
        Object user;
        try {
            user = session.getAttribute(USER);
        } catch (IllegalStateException invalid) {
            return;
        }
        if (user instanceof String name) {
            boolean active;
            try {
                active = users.isActive(name);
            } catch (RuntimeException e) {
                return;
            }
            if (!active) {
                LOG.info("Ending the web session of '{}': the account is disabled or has no Waybill role", name);
                try {
                    session.invalidate();
                } catch (IllegalStateException alreadyInvalid) {
                    // gone already
                }
            }
        }
    }
}
