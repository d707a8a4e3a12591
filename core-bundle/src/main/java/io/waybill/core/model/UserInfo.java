package io.waybill.core.model;

import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Waybill user as the Users page and {@code waybill:user-list} show it. Never carries a password or its hash.
 * Since 1.2.
 *
 * @param name       login name
 * @param roles      Waybill roles ({@link UserIdentity#OPERATOR}, {@link UserIdentity#SUPERVISOR},
 *                   {@link UserIdentity#ADMIN}), expanded (an admin holds all three); empty for a container user
 *                   without a Waybill role
 * @param enabled    false when the user may not sign in
 * @param warehouses warehouse codes the user is limited to; empty = all warehouses
 * @param stores     store codes the user is limited to; empty = all stores
 * @param lastSignIn last successful sign-in (UI or SSH), or null when never
 */
public record UserInfo(String name, Set<String> roles, boolean enabled, Set<String> warehouses, Set<String> stores,
                       Instant lastSignIn) {
    public UserInfo {
        roles = Collections.unmodifiableSet(new TreeSet<>(roles));
        warehouses = Collections.unmodifiableSet(new TreeSet<>(warehouses));
        stores = Collections.unmodifiableSet(new TreeSet<>(stores));
    }

    /** The highest Waybill role (admin, supervisor, operator), or null. */
    public String role() {
        for (String r : new String[] {UserIdentity.ADMIN, UserIdentity.SUPERVISOR, UserIdentity.OPERATOR}) {
            if (roles.contains(r)) {
                return r;
            }
        }
        return null;
    }

    /** Whether the user sees only some warehouses or stores. */
    public boolean scoped() {
        return !warehouses.isEmpty() || !stores.isEmpty();
    }
}
