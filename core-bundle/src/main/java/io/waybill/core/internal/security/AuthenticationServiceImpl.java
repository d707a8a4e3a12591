package io.waybill.core.internal.security;

import io.waybill.core.api.AuthenticationService;
import io.waybill.core.model.UserIdentity;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import java.security.Principal;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates operators against Karaf's JAAS realm "karaf" (the same users as the shell) and maps Karaf roles to
 * Waybill roles ({@link WaybillRoles}). Password guessing is slowed down in the realm itself (bundle
 * io.waybill.security: five wrong passwords lock a user name for five minutes), the same rule as SSH logins.
 */
@Component(service = AuthenticationService.class)
public class AuthenticationServiceImpl implements AuthenticationService {
    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationServiceImpl.class);

    @Override
    public Optional<UserIdentity> authenticate(String username, char[] password) {
        if (username == null || username.isBlank() || password == null || password.length == 0) {
            return Optional.empty();
        }
        String user = username.strip();
        Optional<Set<String>> roles = jaasLogin(user, password);
        if (roles.isEmpty()) {
            return Optional.empty();
        }
        Set<String> waybillRoles = WaybillRoles.of(roles.get());
        if (waybillRoles.isEmpty()) {
            LOG.info("Login for '{}' refused: no Waybill role", user);
            return Optional.empty();
        }
        return Optional.of(new UserIdentity(user, waybillRoles));
    }

    /** The realm roles after a successful password login through JAAS realm "karaf", or empty when refused. */
    static Optional<Set<String>> jaasLogin(String user, char[] password) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // LoginContext loads Karaf's ProxyLoginModule through the TCCL; this bundle imports its package.
        thread.setContextClassLoader(AuthenticationServiceImpl.class.getClassLoader());
        try {
            Subject subject = new Subject();
            LoginContext lc = new LoginContext("karaf", subject, callbacks -> {
                for (Callback cb : callbacks) {
                    if (cb instanceof NameCallback n) {
                        n.setName(user);
                    } else if (cb instanceof PasswordCallback p) {
                        p.setPassword(password.clone());
                    } else {
                        throw new UnsupportedCallbackException(cb);
                    }
                }
            });
            lc.login();
            Set<String> roles = new HashSet<>();
            for (Principal p : subject.getPrincipals()) {
                if (p.getClass().getSimpleName().equals("RolePrincipal")) {
                    roles.add(p.getName());
                }
            }
            lc.logout();
            return Optional.of(roles);
        } catch (LoginException e) {
            return Optional.empty();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
