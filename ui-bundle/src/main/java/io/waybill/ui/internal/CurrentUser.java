package io.waybill.ui.internal;

import com.vaadin.flow.server.VaadinSession;
import io.waybill.core.model.UserIdentity;

import java.util.Optional;

/** The signed-in user of the current Vaadin session. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<UserIdentity> get() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? Optional.empty() : Optional.ofNullable(session.getAttribute(UserIdentity.class));
    }

    public static void set(UserIdentity identity) {
        VaadinSession.getCurrent().setAttribute(UserIdentity.class, identity);
    }
}
