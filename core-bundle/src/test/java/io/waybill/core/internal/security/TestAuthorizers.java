package io.waybill.core.internal.security;

import java.util.Map;
import java.util.Set;

/** Authorizers for unit tests of the services, with a fixed user table instead of etc/users.properties. */
public final class TestAuthorizers {
    private TestAuthorizers() {
    }

    /** Every named user is an admin (tests of business rules, not of permissions). */
    public static Authorizer everyoneAdmin() {
        return new Authorizer(name -> Set.of("admin"));
    }

    /** The given users with the given Karaf roles; anyone else has none. */
    public static Authorizer of(Map<String, Set<String>> roles) {
        return new Authorizer(name -> roles.getOrDefault(name, Set.of()));
    }

    /** The service (any with {@code setAuthorizer}) with {@link #everyoneAdmin()}. */
    public static <T> T authorized(T service) {
        try {
            service.getClass().getMethod("setAuthorizer", Authorizer.class).invoke(service, everyoneAdmin());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return service;
    }
}
