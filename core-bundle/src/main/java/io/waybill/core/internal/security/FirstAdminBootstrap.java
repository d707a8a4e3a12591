package io.waybill.core.internal.security;

import org.apache.karaf.jaas.modules.EncryptionService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Makes sure the container has an administrator and no default credentials. At first start, when
 * {@code etc/users.properties} holds no user, it creates user {@code admin} with the password from the environment
 * variable {@code WAYBILL_ADMIN_PASSWORD} or, when unset, a generated one printed once on the console (never to
 * the log), both held to the {@link PasswordPolicy}. The password is stored hashed by the "waybill" JAAS encryption service (bundle io.waybill.security),
 * the one the logins check it with: this component waits for it. The users file is kept at 600.
 */
@Component(immediate = true)
public class FirstAdminBootstrap {
    static final String ENV = "WAYBILL_ADMIN_PASSWORD";
    private static final Logger LOG = LoggerFactory.getLogger(FirstAdminBootstrap.class);

    @Reference(target = "(name=waybill)")
    EncryptionService encryption;

    @Activate
    void activate() {
        String etc = System.getProperty("karaf.etc");
        if (etc == null) {
            return;
        }
        try {
            UsersFile users = new UsersFile(Path.of(etc, "users.properties"));
            users.ownerOnly();
            String created = ensureAdmin(users, System.getenv(ENV), consoleOut(), hasher(encryption));
            if (created != null) {
                LOG.info("Created the first administrator '{}' (password from {})", "admin", created);
            } else {
                List<String> added = users.addMissingGroups();
                if (!added.isEmpty()) {
                    LOG.info("etc/users.properties lacked Waybill's groups; added in clear: {}", added);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("Could not create the first administrator: {}", e.getMessage());
        }
    }

    /**
     * Creates the admin when there is no user yet. Returns where the password came from ("environment" or
     * "generated"), or null when nothing was created.
     */
    static String ensureAdmin(UsersFile users, String envPassword, PrintStream console, UnaryOperator<String> hasher)
            throws IOException {
        if (users.hasAnyUser()) {
            return null;
        }
        boolean fromEnv = envPassword != null && !envPassword.isBlank();
        if (fromEnv) {
            String problem = PasswordPolicy.problem("admin", envPassword.toCharArray());
            if (problem != null) {
                throw new IllegalArgumentException(ENV + " is not accepted: " + problem);
            }
        }
        String password = fromEnv ? envPassword : UsersFile.randomPassword(20);
        while (PasswordPolicy.problem("admin", password.toCharArray()) != null) {
            password = UsersFile.randomPassword(20);
        }
        users.addAdmin("admin", hasher.apply(password));
        if (!fromEnv) {
            console.println();
            console.println("==============================================================");
            console.println(" Waybill first start: administrator account created");
            console.println("   user:     admin");
            console.println("   password: " + password);
            console.println(" Shown once. Change it with waybill:user-passwd or in the UI (Change password).");
            console.println("==============================================================");
            console.flush();
        }
        return fromEnv ? "environment" : "generated";
    }

    /** The stored form Karaf's users-file login module checks: {@code {CRYPT}<hash>{CRYPT}}. */
    static UnaryOperator<String> hasher(EncryptionService service) {
        return plain -> "{CRYPT}" + service.createEncryption(Map.of()).encryptPassword(plain) + "{CRYPT}";
    }

    private static PrintStream consoleOut() {
        // System.out of the Karaf JVM is the console (or data/log/karaf.out with bin/start), not the log files.
        return new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
    }
}
