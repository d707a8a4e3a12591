package io.waybill.core.api;

import io.waybill.core.model.UserIdentity;

import java.util.Optional;

/** Checks operator credentials against the container's user realm (Karaf JAAS realm "karaf"). */
public interface AuthenticationService {

    /**
     * Authenticates a user. Returns the identity with its Waybill roles, or empty when the name or password is
     * wrong or the user holds no Waybill role. The password array is not retained.
     */
    Optional<UserIdentity> authenticate(String username, char[] password);
}
