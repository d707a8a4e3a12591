package io.waybill.security.internal;

import io.waybill.security.AccountStates;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.properties.PropertiesBackingEngineFactory;
import org.apache.karaf.jaas.modules.properties.PropertiesLoginModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AccountLockedException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;

/**
 * Karaf's users-file login module with the {@link LoginThrottle} in front of it and a hash upgrade behind it: a
 * locked user name is refused before its password is looked at, a wrong password counts, and after a successful
 * password login a stored hash in an older format (SHA-512 of earlier installs, fewer iterations) is replaced by a
 * new salted one. A disabled account ({@link AccountStates}) is refused after its password was checked; a successful
 * password login is recorded as the user's last sign-in. Logins without a password (SSH public keys) pass through
 * untouched and do not count.
 */
public class ThrottledPropertiesLoginModule extends PropertiesLoginModule {
    private static final Logger LOG = LoggerFactory.getLogger(ThrottledPropertiesLoginModule.class);

    private Map<String, ?> moduleOptions;

    @Override
    public void initialize(Subject sub, CallbackHandler handler, Map<String, ?> sharedState, Map<String, ?> options) {
        super.initialize(sub, handler, sharedState, options);
        this.moduleOptions = options;
    }

    @Override
    public boolean login() throws LoginException {
        NameCallback nameCb = new NameCallback("Username: ");
        PasswordCallback passwordCb = new PasswordCallback("Password: ", false);
        CallbackHandler original = callbackHandler;
        try {
            original.handle(new Callback[] {nameCb, passwordCb});
        } catch (UnsupportedCallbackException e) {
            return super.login(); // no password offered (public key): Karaf's own answer, not a guess
        } catch (IOException e) {
            throw new LoginException(e.getMessage());
        }
        String name = nameCb.getName();
        char[] password = passwordCb.getPassword();
        if (name == null || password == null) {
            return super.login();
        }
        // the handler is asked once (an interactive one would prompt twice otherwise)
        callbackHandler = callbacks -> {
            for (Callback cb : callbacks) {
                if (cb instanceof NameCallback n) {
                    n.setName(name);
                } else if (cb instanceof PasswordCallback p) {
                    p.setPassword(password.clone());
                } else {
                    throw new UnsupportedCallbackException(cb);
                }
            }
        };
        try {
            if (LoginThrottle.SHARED.isLocked(name)) {
                LOG.warn("Login refused for '{}': locked for {} minutes after {} wrong passwords", name,
                        LoginThrottle.LOCK.toMinutes(), LoginThrottle.MAX_FAILURES);
                throw new AccountLockedException("login failed");
            }
            boolean ok;
            try {
                ok = super.login();
            } catch (FailedLoginException e) {
                LoginThrottle.SHARED.failed(name);
                LOG.info("Failed login for '{}'", name);
                throw e;
            }
            LoginThrottle.SHARED.succeeded(name);
            if (accounts().isDisabled(name)) {
                // checked after the password, so a disabled account tells nothing to someone guessing
                LOG.info("Login refused for '{}': the account is disabled", name);
                throw new AccountLockedException("account disabled");
            }
            upgradeStoredHash(name, password);
            recordSignIn(name);
            return ok;
        } finally {
            callbackHandler = original;
            Arrays.fill(password, '\0');
        }
    }

    /** The account state file of the container (overridable in tests). */
    AccountStates accounts() {
        return AccountStates.container();
    }

    private void recordSignIn(String name) {
        try {
            accounts().signedIn(name, Instant.now());
        } catch (RuntimeException e) {
            LOG.warn("Could not record the sign-in of '{}': {}", name, e.getMessage());
        }
    }

    private void upgradeStoredHash(String name, char[] password) {
        Object file = moduleOptions.get("users");
        if (file == null) {
            return;
        }
        Path users = Path.of(file.toString());
        try {
            String stored = storedHash(users, name, moduleOptions);
            int iterations = PasswordHashes.iterations(moduleOptions.get("encryption.iterations"));
            if (stored == null || !PasswordHashes.needsRehash(stored, iterations)) {
                return;
            }
            BackingEngine engine = new PropertiesBackingEngineFactory().build(moduleOptions);
            if (engine == null) {
                return;
            }
            engine.addUser(name, new String(password)); // Karaf keeps the user's groups and roles
            SecretFiles.ownerOnly(users);
            LOG.info("Password hash of '{}' upgraded to {}", name, PasswordHashes.SCHEME);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not upgrade the password hash of '{}': {}", name, e.getMessage());
        }
    }

    /** The stored hash of a user without Karaf's prefix and suffix, or null when unknown or not encrypted. */
    static String storedHash(Path users, String name, Map<String, ?> options) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(users)) {
            p.load(in);
        }
        String infos = p.getProperty(name);
        if (infos == null) {
            return null;
        }
        String value = infos.split(",")[0].strip();
        String prefix = String.valueOf(options.get("encryption.prefix") == null ? "" : options.get("encryption.prefix"));
        String suffix = String.valueOf(options.get("encryption.suffix") == null ? "" : options.get("encryption.suffix"));
        if (!value.startsWith(prefix) || !value.endsWith(suffix) || value.length() < prefix.length() + suffix.length()) {
            return null;
        }
        return value.substring(prefix.length(), value.length() - suffix.length());
    }
}
