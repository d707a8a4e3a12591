package io.waybill.core.internal.security;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.Permission;
import io.waybill.security.AccountStates;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import java.nio.file.Path;
import java.util.Set;
import java.util.function.Function;

/**
 * The one place where the core decides whether the calling user may do something: it reads the user's roles from
 * the container's user realm (the same {@code etc/users.properties} the logins check, so a role removed there is
 * gone at the next call; a disabled account holds no roles) and applies the {@link Permission} matrix. Every mutating service method calls
 * {@link #require} first, before it reads or writes anything.
 */
@Component(service = Authorizer.class)
public class Authorizer {
    private final Function<String, Set<String>> karafRoles;

    @Activate
    public Authorizer() {
        this(enabledOnly(new UsersFile(Path.of(System.getProperty("karaf.etc", "etc"), "users.properties")),
                AccountStates.container()));
    }

    /** Realm roles of enabled users; a disabled user holds none, so it may do nothing even in an open session. */
    static Function<String, Set<String>> enabledOnly(UsersFile users, AccountStates states) {
        return name -> states.isDisabled(name) ? Set.of() : users.roles(name);
    }

    /** With a role lookup of its own (user name to Karaf realm roles). */
    public Authorizer(Function<String, Set<String>> karafRoles) {
        this.karafRoles = karafRoles;
    }

    /** The Waybill roles the user holds now (none when unknown or disabled). */
    public Set<String> roles(String user) {
        String name = user == null ? "" : user.strip();
        return name.isEmpty() ? Set.of() : WaybillRoles.of(karafRoles.apply(name));
    }

    /** Whether the user may do the action now. */
    public boolean allows(String user, Permission action) {
        return action.allowedFor(roles(user));
    }

    /**
     * Returns normally when the user may do the action.
     *
     * @throws OperationRefusedException code {@link Permission#NOT_PERMITTED} when the user is unknown or its roles
     *                                   are not enough, with a reason naming the action and the role needed
     */
    public void require(String user, Permission action) {
        String name = user == null ? "" : user.strip();
        if (!allows(name, action)) {
            throw new OperationRefusedException(Permission.NOT_PERMITTED,
                    "Not permitted: " + (name.isEmpty() ? "an unknown user" : name) + " may not "
                            + action.description() + " (needs the " + action.minimumRole() + " role)");
        }
    }
}
