package io.waybill.core.api;

import io.waybill.core.model.UserInfo;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Waybill's users: accounts of the container's JAAS realm "karaf" ({@code etc/users.properties}, passwords hashed
 * by the security bundle), with Waybill's roles, an enabled flag, an optional warehouse/store scope and the last
 * sign-in. Everything but {@link #changeOwnPassword} and the reads of one's own account needs
 * {@link Permission#MANAGE_USERS} (admin). Refusals are {@link OperationRefusedException}s whose message is safe to
 * show; a refused call changes nothing. Passwords are never logged, returned or kept. Since 1.3.
 */
public interface UserService {

    /** Refusal code: no such user. */
    String UNKNOWN_USER = "unknown_user";
    /** Refusal code: a user of that name exists already. */
    String USER_EXISTS = "user_exists";
    /** Refusal code: a bad user name, role, warehouse or store code. */
    String INVALID = "invalid_user";
    /** Refusal code: the change would leave no enabled administrator. */
    String LAST_ADMIN = "last_admin";
    /** Refusal code: the old password given for a password change is wrong. */
    String WRONG_PASSWORD = "wrong_password";

    /** Every user of the realm (group entries left out), by name. */
    List<UserInfo> users(String actor);

    /** One user; the actor may read their own account, an admin any. Empty when unknown. */
    Optional<UserInfo> user(String name, String actor);

    /**
     * Creates a user with a role ({@code operator}, {@code supervisor} or {@code admin}), an optional scope and a
     * password that satisfies the password policy. The password array is not retained.
     */
    UserInfo create(String name, Set<String> roles, Set<String> warehouses, Set<String> stores, char[] password,
                    String actor);

    /** Disables (cannot sign in; open UI sessions end at their next request) or re-enables a user. */
    UserInfo setEnabled(String name, boolean enabled, String actor);

    /** Replaces the user's Waybill roles (at least one). */
    UserInfo setRoles(String name, Set<String> roles, String actor);

    /** Limits the user to these warehouses and stores (existing codes; both empty = sees everything). */
    UserInfo setScope(String name, Set<String> warehouses, Set<String> stores, String actor);

    /** A user changes their own password; the current one is required. */
    void changeOwnPassword(String name, char[] oldPassword, char[] newPassword);

    /** An admin sets a new password for a user. */
    void resetPassword(String name, char[] newPassword, String actor);

    /** Whether the user exists and is enabled now (checked by the UI at every request of a signed-in session). */
    boolean isActive(String name);

    /** Whether the user may manage users now (roles read afresh, not from the sign-in). */
    boolean mayManageUsers(String name);
}
