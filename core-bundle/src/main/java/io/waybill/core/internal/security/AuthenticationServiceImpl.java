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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authenticates operators against Karaf's JAAS realm "karaf" (the same users as the shell), maps Karaf roles to
 * Waybill roles, and slows down password guessing: after {@value #MAX_FAILURES} failures a user name is locked
 * for {@code LOCK} minutes.
 */
@Component(service = AuthenticationService.class)
public class AuthenticationServiceImpl implements AuthenticationService {
    static final int MAX_FAILURES = 5;
    static final Duration LOCK = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationServiceImpl.class);
    private static final Set<String> WAYBILL_ROLES =
            Set.of(UserIdentity.OPERATOR, UserIdentity.SUPERVISOR, UserIdentity.ADMIN);

    private record Failures(int count, Instant lastAt) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    @Override
    public Optional<UserIdentity> authenticate(String username, char[] password) {
        if (username == null || username.isBlank() || password == null || password.length == 0) {
            return Optional.empty();
        }
        String user = username.strip();
        Failures f = failures.get(user);
        if (f != null && f.count() >= MAX_FAILURES && f.lastAt().plus(LOCK).isAfter(clock.instant())) {
            LOG.warn("Login refused for '{}': locked after {} failed attempts", user, f.count());
            return Optional.empty();
        }
        Optional<Set<String>> roles = jaasLogin(user, password);
        if (roles.isEmpty()) {
            failures.merge(user, new Failures(1, clock.instant()),
                    (a, b) -> new Failures(a.count() + 1, b.lastAt()));
            LOG.info("Failed login for '{}'", user);
            return Optional.empty();
        }
        failures.remove(user);
        Set<String> waybillRoles = new HashSet<>();
        for (String r : roles.get()) {
            if (WAYBILL_ROLES.contains(r)) {
                waybillRoles.add(r);
            }
        }
        if (waybillRoles.contains(UserIdentity.ADMIN)) {
            waybillRoles.addAll(WAYBILL_ROLES);
        } else if (waybillRoles.contains(UserIdentity.SUPERVISOR)) {
            waybillRoles.add(UserIdentity.OPERATOR);
        }
        if (waybillRoles.isEmpty()) {
            LOG.info("Login for '{}' refused: no Waybill role", user);
            return Optional.empty();
        }
        return Optional.of(new UserIdentity(user, waybillRoles));
    }

    private Optional<Set<String>> jaasLogin(String user, char[] password) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // LoginContext loads Karaf's ProxyLoginModule through the TCCL; this bundle imports its package.
        thread.setContextClassLoader(getClass().getClassLoader());
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
