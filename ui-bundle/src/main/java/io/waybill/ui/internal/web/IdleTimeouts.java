package io.waybill.ui.internal.web;

import io.waybill.core.model.UserIdentity;

import java.time.Duration;

/**
 * Idle timeout of a signed-in user's session by the user's highest role: admin, then supervisor, then operator.
 * A user with none of the three gets the admin's (shortest by default) timeout.
 */
public record IdleTimeouts(Duration operator, Duration supervisor, Duration admin) {

    public static final IdleTimeouts DEFAULTS = new IdleTimeouts(Duration.ofMinutes(720), Duration.ofMinutes(120),
            Duration.ofMinutes(30));

    public Duration forUser(UserIdentity user) {
        if (user == null || user.hasRole(UserIdentity.ADMIN)) {
            return admin;
        }
        if (user.hasRole(UserIdentity.SUPERVISOR)) {
            return supervisor;
        }
        if (user.hasRole(UserIdentity.OPERATOR)) {
            return operator;
        }
        return admin;
    }
}
