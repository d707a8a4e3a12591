package io.waybill.core.internal.security;

import io.waybill.core.model.UserIdentity;

import java.util.HashSet;
import java.util.Set;

/**
 * Which Waybill roles a set of Karaf realm roles gives: {@code admin} all three, {@code supervisor} also
 * {@code operator}. Used for UI logins and for every permission check, so both read roles the same way.
 */
public final class WaybillRoles {
    private static final Set<String> ALL = Set.of(UserIdentity.OPERATOR, UserIdentity.SUPERVISOR, UserIdentity.ADMIN);

    private WaybillRoles() {
    }

    public static Set<String> of(Set<String> karafRoles) {
        Set<String> roles = new HashSet<>();
        for (String r : karafRoles) {
            if (ALL.contains(r)) {
                roles.add(r);
            }
        }
        if (roles.contains(UserIdentity.ADMIN)) {
            roles.addAll(ALL);
        } else if (roles.contains(UserIdentity.SUPERVISOR)) {
            roles.add(UserIdentity.OPERATOR);
        }
        return Set.copyOf(roles);
    }
}
