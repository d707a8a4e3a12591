package io.waybill.core.internal.security;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.Permission;
import io.waybill.core.api.UserService;
import io.waybill.core.model.UserInfo;
import io.waybill.security.AccountStates;
import io.waybill.security.internal.PasswordHashes;
import org.apache.karaf.jaas.modules.encryption.EncryptionSupport;
import org.apache.karaf.jaas.modules.properties.PropertiesBackingEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** UserService over a real users.properties written through Karaf's properties backing engine. */
class UserServiceImplTest {

    private static final String ADMIN_PW = "first-admin-pw";
    @TempDir
    Path dir;
    private Path usersFile;
    private AccountStates states;
    private UserServiceImpl service;

    @BeforeEach
    void setUp() throws IOException {
        usersFile = dir.resolve("users.properties");
        Files.writeString(usersFile, "# karaf users\n");
        new UsersFile(usersFile).addAdmin("admin", "{CRYPT}" + PasswordHashes.hash(ADMIN_PW, 100_000) + "{CRYPT}");
        states = AccountStates.at(dir.resolve(AccountStates.FILE));
        UsersFile users = new UsersFile(usersFile);
        Authorizer authorizer = new Authorizer(Authorizer.enabledOnly(users, states));
        service = new UserServiceImpl(this::engine, users, states, authorizer, new UserServiceImpl.ReferenceCodes() {
            @Override
            public Set<String> warehouses() {
                return Set.of("SZ-01", "US-LA");
            }

            @Override
            public Set<String> stores() {
                return Set.of("ACME-SHOP", "ACME-EBAY");
            }
        }, (user, password) -> PasswordHashes.verify(new String(password), storedHash(user)));
    }

    /** Karaf's engine as the realm builds it, hashing with Waybill's format (fewer iterations: a unit test). */
    private PropertiesBackingEngine engine() {
        try {
            EncryptionSupport hashing = new EncryptionSupport(Map.of()) {
                @Override
                public String encrypt(String plain) {
                    return "{CRYPT}" + PasswordHashes.hash(plain, 100_000) + "{CRYPT}";
                }
            };
            return new PropertiesBackingEngine(new org.apache.felix.utils.properties.Properties(usersFile.toFile()),
                    hashing);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String storedHash(String user) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(usersFile)) {
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String line = p.getProperty(user);
        return line == null ? null : line.split(",")[0].replace("{CRYPT}", "");
    }

    private UserInfo addOperator(String name) {
        return service.create(name, Set.of("operator"), Set.of(), Set.of(), "packing-all-day".toCharArray(), "admin");
    }

    private void assertRefusedUnchanged(String code, Executable call) throws IOException {
        String users = Files.readString(usersFile);
        Map<String, AccountStates.State> before = states.all();
        OperationRefusedException e = assertThrows(OperationRefusedException.class, call::execute);
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(users, Files.readString(usersFile), "users.properties must not change");
        assertEquals(before, states.all(), "account states must not change");
    }

    @FunctionalInterface
    interface Executable {
        void execute() throws Throwable;
    }

    @Test
    void theGroupsComeWithTheFirstAdminSoAddingUsersNeverHashesAGroupMarker() throws IOException {
        // when: operators and a supervisor are added to a file the first-admin bootstrap wrote
        for (int i = 0; i < 20; i++) {
            addOperator("packer-" + i);
        }
        service.create("sam", Set.of("supervisor"), Set.of(), Set.of(), "supervising-all-day".toCharArray(), "admin");

        // then: each group is one line, still "group,<roles>" in clear, and every key is a user or a group
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(usersFile)) {
            p.load(in);
        }
        assertEquals("group,operator,ssh", p.getProperty("_g_:waybilloperators"));
        assertEquals("group,supervisor,operator,ssh", p.getProperty("_g_:waybillsupervisors"));
        for (String key : p.stringPropertyNames()) {
            assertTrue(key.equals("admin") || key.equals("sam") || key.startsWith("packer-") || key.startsWith("_g_:"),
                    () -> "unexpected key " + key + " in " + p);
        }
    }

    @Test
    void createsAnOperatorWithAHashedPasswordAGroupAndAScope() throws IOException {
        // when
        UserInfo olga = service.create("olga", Set.of("operator"), Set.of("SZ-01"), Set.of(),
                "packing-all-day".toCharArray(), "admin");
        // then
        assertEquals(Set.of("operator"), olga.roles());
        assertTrue(olga.enabled());
        assertEquals(Set.of("SZ-01"), olga.warehouses());
        assertNull(olga.lastSignIn());
        String text = Files.readString(usersFile);
        assertFalse(text.contains("packing-all-day"), "password stored hashed only");
        assertTrue(PasswordHashes.verify("packing-all-day", storedHash("olga")));
        assertEquals(Set.of("operator", "ssh"), new UsersFile(usersFile).roles("olga"));
        assertEquals(List.of("admin", "olga"), service.users("admin").stream().map(UserInfo::name).toList());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(usersFile)));
    }

    @Test
    void refusesBadInputAndWritesNothing() throws IOException {
        addOperator("olga");
        assertRefusedUnchanged(UserService.INVALID, () -> service.create("bad name", Set.of("operator"), Set.of(),
                Set.of(), "packing-all-day".toCharArray(), "admin"));
        assertRefusedUnchanged(UserService.INVALID, () -> service.create("_g_:x", Set.of("operator"), Set.of(),
                Set.of(), "packing-all-day".toCharArray(), "admin"));
        assertRefusedUnchanged(UserService.USER_EXISTS, () -> addOperator("OLGA"));
        assertRefusedUnchanged(UserService.INVALID, () -> service.create("pete", Set.of("boss"), Set.of(),
                Set.of(), "packing-all-day".toCharArray(), "admin"));
        assertRefusedUnchanged(UserService.INVALID, () -> service.create("pete", Set.of(), Set.of(),
                Set.of(), "packing-all-day".toCharArray(), "admin"));
        assertRefusedUnchanged(UserService.INVALID, () -> service.create("pete", Set.of("operator"),
                Set.of("NOWHERE"), Set.of(), "packing-all-day".toCharArray(), "admin"));
        assertRefusedUnchanged(UserService.INVALID, () -> service.setScope("olga", Set.of(), Set.of("NO-SHOP"),
                "admin"));
        assertRefusedUnchanged(PasswordPolicy.REFUSED, () -> service.create("pete", Set.of("operator"), Set.of(),
                Set.of(), "short".toCharArray(), "admin"));
        assertRefusedUnchanged(PasswordPolicy.REFUSED, () -> service.create("pete", Set.of("operator"), Set.of(),
                Set.of(), "pete-the-packer".toCharArray(), "admin"));
        assertRefusedUnchanged(UserService.UNKNOWN_USER, () -> service.setEnabled("nobody", false, "admin"));
    }

    @Test
    void onlyAdminsManageUsers() throws IOException {
        addOperator("olga");
        service.create("sam", Set.of("supervisor"), Set.of(), Set.of(), "supervising-well".toCharArray(), "admin");
        for (String actor : new String[] {"olga", "sam", "nobody", null}) {
            assertRefusedUnchanged(Permission.NOT_PERMITTED, () -> service.create("pete", Set.of("operator"),
                    Set.of(), Set.of(), "packing-all-day".toCharArray(), actor));
            assertRefusedUnchanged(Permission.NOT_PERMITTED, () -> service.setEnabled("olga", false, actor));
            assertRefusedUnchanged(Permission.NOT_PERMITTED, () -> service.setRoles("olga", Set.of("admin"), actor));
            assertRefusedUnchanged(Permission.NOT_PERMITTED, () -> service.resetPassword("admin",
                    "taken-over-now".toCharArray(), actor));
            assertThrows(OperationRefusedException.class, () -> service.users(actor));
        }
        assertTrue(service.user("olga", "olga").isPresent(), "one may read one's own account");
        assertThrows(OperationRefusedException.class, () -> service.user("sam", "olga"));
        assertFalse(service.mayManageUsers("sam"));
        assertTrue(service.mayManageUsers("admin"));
    }

    @Test
    void theLastEnabledAdminCannotBeDisabledOrDemoted() throws IOException {
        assertRefusedUnchanged(UserService.LAST_ADMIN, () -> service.setEnabled("admin", false, "admin"));
        assertRefusedUnchanged(UserService.LAST_ADMIN, () -> service.setRoles("admin", Set.of("supervisor"), "admin"));
        // a second admin that is disabled does not count
        service.create("ada", Set.of("admin"), Set.of(), Set.of(), "second-admin-pw".toCharArray(), "admin");
        service.setEnabled("ada", false, "admin");
        assertRefusedUnchanged(UserService.LAST_ADMIN, () -> service.setEnabled("admin", false, "admin"));
        // an enabled one does
        service.setEnabled("ada", true, "admin");
        UserInfo demoted = service.setRoles("admin", Set.of("operator", "supervisor"), "admin");
        assertEquals(Set.of("operator", "supervisor"), demoted.roles());
        assertEquals(Set.of("operator", "supervisor", "ssh"), new UsersFile(usersFile).roles("admin"),
                "Karaf's admin roles go with the admin role");
        assertRefusedUnchanged(UserService.LAST_ADMIN, () -> service.setEnabled("ada", false, "ada"));
    }

    @Test
    void aDisabledUserHoldsNoPermissionUntilReEnabled() {
        addOperator("olga");
        assertTrue(service.isActive("olga"));
        UserInfo off = service.setEnabled("olga", false, "admin");
        assertFalse(off.enabled());
        assertFalse(service.isActive("olga"));
        assertTrue(states.isDisabled("olga"), "the login module reads this file");
        assertThrows(OperationRefusedException.class, () -> new Authorizer(Authorizer.enabledOnly(
                new UsersFile(usersFile), states)).require("olga", Permission.ALLOCATE));
        assertTrue(service.setEnabled("olga", true, "admin").enabled());
        assertTrue(service.isActive("olga"));
    }

    @Test
    void rolesMoveBetweenGroups() {
        addOperator("olga");
        assertEquals(Set.of("operator", "supervisor"), service.setRoles("olga", Set.of("supervisor"), "admin").roles());
        assertEquals(Set.of("operator", "supervisor", "ssh"), new UsersFile(usersFile).roles("olga"));
        assertEquals(List.of("_g_:waybillsupervisors"), new UsersFile(usersFile).entries("olga"));
        assertEquals(Set.of("operator"), service.setRoles("olga", Set.of("operator"), "admin").roles());
        assertEquals(List.of("_g_:waybilloperators"), new UsersFile(usersFile).entries("olga"));
        assertTrue(PasswordHashes.verify("packing-all-day", storedHash("olga")), "password kept");
    }

    @Test
    void ownPasswordNeedsTheCurrentOneAndTheAdminMayReset() throws IOException {
        addOperator("olga");
        assertRefusedUnchanged(UserService.WRONG_PASSWORD, () -> service.changeOwnPassword("olga",
                "wrong-password".toCharArray(), "a-new-password".toCharArray()));
        assertRefusedUnchanged(PasswordPolicy.REFUSED, () -> service.changeOwnPassword("olga",
                "packing-all-day".toCharArray(), "olga1234567".toCharArray()));
        service.changeOwnPassword("olga", "packing-all-day".toCharArray(), "a-new-password".toCharArray());
        assertTrue(PasswordHashes.verify("a-new-password", storedHash("olga")));
        assertEquals(List.of("_g_:waybilloperators"), new UsersFile(usersFile).entries("olga"), "groups kept");
        service.resetPassword("olga", "reset-by-admin".toCharArray(), "admin");
        assertTrue(PasswordHashes.verify("reset-by-admin", storedHash("olga")));
    }

    @Test
    void listsScopeStateAndLastSignIn() {
        addOperator("olga");
        service.setScope("olga", Set.of("US-LA"), Set.of("ACME-EBAY"), "admin");
        Instant at = Instant.parse("2026-12-01T08:00:00Z");
        states.signedIn("olga", at);
        UserInfo olga = service.users("admin").stream().filter(u -> u.name().equals("olga")).findFirst().orElseThrow();
        assertEquals(Set.of("US-LA"), olga.warehouses());
        assertEquals(Set.of("ACME-EBAY"), olga.stores());
        assertEquals(at, olga.lastSignIn());
        assertTrue(olga.scoped());
        UserInfo lifted = service.setScope("olga", Set.of(), Set.of(), "admin");
        assertFalse(lifted.scoped());
        assertEquals(at, lifted.lastSignIn(), "scope changes keep the last sign-in");
    }
}
