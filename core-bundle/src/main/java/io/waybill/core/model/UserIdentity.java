package io.waybill.core.model;

import java.util.Set;

/**
 * An authenticated user and the Waybill roles it holds.
 *
 * @param name  login name
 * @param roles roles, a subset of {@link #OPERATOR}, {@link #SUPERVISOR}, {@link #ADMIN}
 */
public record UserIdentity(String name, Set<String> roles) {
    public static final String OPERATOR = "operator";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";

    public UserIdentity {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
