package io.waybill.core.internal.security;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.Permission;
import io.waybill.core.api.UserService;
import io.waybill.core.internal.db.Database;
import io.waybill.core.model.UserIdentity;
import io.waybill.core.model.UserInfo;
import io.waybill.security.AccountStates;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * {@link UserService} over Karaf JAAS: credentials and roles are written through the realm's backing engine (so the
 * "waybill" encryption service hashes the passwords) and read from {@code etc/users.properties} by {@link UsersFile},
 * the same reading the {@link Authorizer} uses; disabled / scope / last sign-in live in {@link AccountStates}. A
 * Waybill role is a Karaf group: {@code _g_:waybilloperators}, {@code _g_:waybillsupervisors},
 * {@code _g_:waybilladmins} (the first admin's group), each carrying the Karaf roles that role needs (the shell's
 * {@code ssh}; Karaf's admin roles for admins). Writes are serialised in this JVM.
 */
@Component(service = UserService.class)
public class UserServiceImpl implements UserService {
    private static final Logger LOG = LoggerFactory.getLogger(UserServiceImpl.class);
    private static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    private static final List<String> ORDER = List.of(UserIdentity.OPERATOR, UserIdentity.SUPERVISOR, UserIdentity.ADMIN);
    /** Karaf group of each Waybill role and the Karaf roles it carries. */
    static final Map<String, String> GROUP_OF = Map.of(UserIdentity.OPERATOR, "waybilloperators",
            UserIdentity.SUPERVISOR, "waybillsupervisors", UserIdentity.ADMIN, "waybilladmins");
    static final Map<String, List<String>> GROUP_ROLES = Map.of(
            "waybilloperators", List.of("operator", "ssh"),
            "waybillsupervisors", List.of("supervisor", "operator", "ssh"),
            "waybilladmins", List.of("admin", "manager", "viewer", "systembundles", "ssh", "operator", "supervisor"));

    /** Codes that exist now, to validate a scope. */
    public interface ReferenceCodes {
        Set<String> warehouses();

        Set<String> stores();
    }

    private final Supplier<BackingEngine> engine;
    private final UsersFile users;
    private final AccountStates states;
    private final Authorizer authorizer;
    private final ReferenceCodes codes;
    private final BiPredicate<String, char[]> passwordCheck;

    @Activate
    public UserServiceImpl(@Reference RealmEngine engine, @Reference Authorizer authorizer, @Reference Database db) {
        this(engine, new UsersFile(Path.of(System.getProperty("karaf.etc", "etc"), "users.properties")),
                AccountStates.container(), authorizer, databaseCodes(db),
                (user, password) -> AuthenticationServiceImpl.jaasLogin(user, password).isPresent());
    }

    public UserServiceImpl(Supplier<BackingEngine> engine, UsersFile users, AccountStates states, Authorizer authorizer,
                           ReferenceCodes codes, BiPredicate<String, char[]> passwordCheck) {
        this.engine = engine;
        this.users = users;
        this.states = states;
        this.authorizer = authorizer;
        this.codes = codes;
        this.passwordCheck = passwordCheck;
    }

    static ReferenceCodes databaseCodes(Database db) {
        return new ReferenceCodes() {
            @Override
            public Set<String> warehouses() {
                return db.read(em -> new HashSet<>(em.createQuery("SELECT w.code FROM WarehouseEntity w", String.class)
                        .getResultList()));
            }

            @Override
            public Set<String> stores() {
                return db.read(em -> new HashSet<>(em.createQuery("SELECT s.code FROM StoreEntity s", String.class)
                        .getResultList()));
            }
        };
    }

    // ------------------------------------------------------------------ reads

    @Override
    public List<UserInfo> users(String actor) {
        authorizer.require(actor, Permission.MANAGE_USERS);
        List<UserInfo> result = new ArrayList<>();
        for (String name : users.names()) {
            result.add(info(name));
        }
        return result;
    }

    @Override
    public Optional<UserInfo> user(String name, String actor) {
        if (actor == null || !actor.strip().equals(name)) {
            authorizer.require(actor, Permission.MANAGE_USERS);
        }
        return users.exists(name) ? Optional.of(info(name)) : Optional.empty();
    }

    @Override
    public boolean isActive(String name) {
        return name != null && !authorizer.roles(name).isEmpty();
    }

    @Override
    public boolean mayManageUsers(String name) {
        return authorizer.allows(name, Permission.MANAGE_USERS);
    }

    private UserInfo info(String name) {
        AccountStates.State s = states.get(name);
        return new UserInfo(name, WaybillRoles.of(users.roles(name)), !s.disabled(), s.warehouses(), s.stores(),
                s.lastSignIn());
    }

    // ------------------------------------------------------------------ writes

    @Override
    public synchronized UserInfo create(String name, Set<String> roles, Set<String> warehouses, Set<String> stores,
                                        char[] password, String actor) {
        authorizer.require(actor, Permission.MANAGE_USERS);
        String user = validName(name);
        if (users.exists(user) || users.names().stream().anyMatch(n -> n.equalsIgnoreCase(user))) {
            throw new OperationRefusedException(USER_EXISTS, "A user named '" + user + "' exists already");
        }
        String role = highest(roles);
        Set<String> wh = validCodes(warehouses, codes.warehouses(), "warehouse");
        Set<String> st = validCodes(stores, codes.stores(), "store");
        PasswordPolicy.check(user, password);
        BackingEngine e = engine.get();
        e.addUser(user, new String(password));
        joinGroup(e, user, GROUP_OF.get(role));
        written();
        states.update(user, s -> AccountStates.State.DEFAULT.withScope(wh, st));
        LOG.info("User '{}' created as {} by '{}'", user, role, actor);
        return info(user);
    }

    @Override
    public synchronized UserInfo setEnabled(String name, boolean enabled, String actor) {
        authorizer.require(actor, Permission.MANAGE_USERS);
        String user = existing(name);
        if (!enabled) {
            refuseIfLastAdmin(user, "disable");
        }
        states.update(user, s -> s.withDisabled(!enabled));
        LOG.info("User '{}' {} by '{}'", user, enabled ? "enabled" : "disabled", actor);
        return info(user);
    }

    @Override
    public synchronized UserInfo setRoles(String name, Set<String> roles, String actor) {
        authorizer.require(actor, Permission.MANAGE_USERS);
        String user = existing(name);
        String role = highest(roles);
        if (!UserIdentity.ADMIN.equals(role)) {
            refuseIfLastAdmin(user, "take the admin role from");
        }
        BackingEngine e = engine.get();
        String group = GROUP_OF.get(role);
        joinGroup(e, user, group);
        for (String entry : users.entries(user)) {
            if (entry.startsWith("_g_:") && GROUP_ROLES.containsKey(entry.substring(4))
                    && !entry.substring(4).equals(group)) {
                e.deleteGroup(user, entry.substring(4));
            } else if (ORDER.contains(entry)) {
                e.deleteRole(user, entry);
            }
        }
        written();
        LOG.info("Roles of '{}' set to {} by '{}'", user, role, actor);
        return info(user);
    }

    @Override
    public synchronized UserInfo setScope(String name, Set<String> warehouses, Set<String> stores, String actor) {
        authorizer.require(actor, Permission.MANAGE_USERS);
        String user = existing(name);
        Set<String> wh = validCodes(warehouses, codes.warehouses(), "warehouse");
        Set<String> st = validCodes(stores, codes.stores(), "store");
        states.update(user, s -> s.withScope(wh, st));
        LOG.info("Scope of '{}' set to warehouses {} stores {} by '{}'", user, wh, st, actor);
        return info(user);
    }

    @Override
    public synchronized void changeOwnPassword(String name, char[] oldPassword, char[] newPassword) {
        String user = existing(name);
        if (oldPassword == null || oldPassword.length == 0 || !passwordCheck.test(user, oldPassword)) {
            throw new OperationRefusedException(WRONG_PASSWORD, "The current password is not correct");
        }
        PasswordPolicy.check(user, newPassword);
        if (Arrays.equals(oldPassword, newPassword)) {
            throw new OperationRefusedException(PasswordPolicy.REFUSED,
                    "The new password must differ from the current one");
        }
        engine.get().addUser(user, new String(newPassword)); // Karaf keeps the user's groups and roles
        written();
        LOG.info("User '{}' changed their password", user);
    }

    @Override
    public synchronized void resetPassword(String name, char[] newPassword, String actor) {
        authorizer.require(actor, Permission.MANAGE_USERS);
        String user = existing(name);
        PasswordPolicy.check(user, newPassword);
        engine.get().addUser(user, new String(newPassword));
        written();
        LOG.info("Password of '{}' reset by '{}'", user, actor);
    }

    // ------------------------------------------------------------------ rules

    /** The last enabled admin may not be disabled or lose the admin role. */
    private void refuseIfLastAdmin(String user, String what) {
        if (!info(user).roles().contains(UserIdentity.ADMIN) || states.isDisabled(user)) {
            return;
        }
        boolean another = users.names().stream().filter(n -> !n.equals(user))
                .anyMatch(n -> !states.isDisabled(n) && WaybillRoles.of(users.roles(n)).contains(UserIdentity.ADMIN));
        if (!another) {
            throw new OperationRefusedException(LAST_ADMIN, "Cannot " + what + " '" + user
                    + "': it is the last enabled administrator. Make another user admin first.");
        }
    }

    static String validName(String name) {
        String user = name == null ? "" : name.strip();
        if (!user.matches(NAME_PATTERN)) {
            throw new OperationRefusedException(INVALID, "User name '" + user + "' is not valid: 1-64 letters, "
                    + "digits, '.', '_' or '-', starting with a letter or digit");
        }
        return user;
    }

    private String existing(String name) {
        String user = name == null ? "" : name.strip();
        if (!users.exists(user)) {
            throw new OperationRefusedException(UNKNOWN_USER, "Unknown user: '" + user + "'");
        }
        return user;
    }

    /** The highest of the given Waybill roles (supervisor includes operator, admin everything). */
    static String highest(Set<String> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new OperationRefusedException(INVALID, "Give at least one role: operator, supervisor or admin");
        }
        int best = -1;
        for (String r : roles) {
            int i = ORDER.indexOf(r == null ? "" : r.strip().toLowerCase(Locale.ROOT));
            if (i < 0) {
                throw new OperationRefusedException(INVALID, "Unknown role '" + r
                        + "': use operator, supervisor or admin");
            }
            best = Math.max(best, i);
        }
        return ORDER.get(best);
    }

    static Set<String> validCodes(Set<String> given, Set<String> existing, String kind) {
        Set<String> result = new TreeSet<>();
        List<String> unknown = new ArrayList<>();
        for (String c : given == null ? Set.<String>of() : given) {
            String code = c == null ? "" : c.strip();
            if (code.isEmpty()) {
                continue;
            }
            if (existing.contains(code)) {
                result.add(code);
            } else {
                unknown.add(code);
            }
        }
        if (!unknown.isEmpty()) {
            throw new OperationRefusedException(INVALID, "Unknown " + kind + (unknown.size() == 1 ? " " : "s ")
                    + String.join(", ", unknown) + "; known: " + String.join(", ", new TreeSet<>(existing)));
        }
        return result;
    }

    private void joinGroup(BackingEngine e, String user, String group) {
        if (!users.entries(user).contains("_g_:" + group)) {
            e.addGroup(user, group);
        }
        written();
        Set<String> have = new LinkedHashSet<>(users.groupRoles(group));
        for (String role : GROUP_ROLES.get(group)) {
            if (!have.contains(role)) {
                e.addGroupRole(group, role);
            }
        }
    }

    private void written() {
        users.reload();
        try {
            users.ownerOnly();
        } catch (IOException ex) {
            LOG.warn("Could not keep etc/users.properties readable by its owner only: {}", ex.getMessage());
        }
    }
}
