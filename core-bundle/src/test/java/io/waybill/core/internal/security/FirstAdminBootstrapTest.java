package io.waybill.core.internal.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FirstAdminBootstrapTest {

    /** The hash the distribution stores: the "waybill" JAAS encryption service of io.waybill.security. */
    private static final java.util.function.UnaryOperator<String> HASHER =
            FirstAdminBootstrap.hasher(new io.waybill.security.internal.WaybillEncryptionService());

    private static final String STOCK = "# karaf users\n#karaf = karaf,_g_:admingroup\n#_g_\\:admingroup = group,admin\n";

    @Test
    void generatesPrintsAndHashesAPasswordOnFirstStart(@TempDir Path dir) throws Exception {
        // given Karaf's stock users.properties, where every user is commented out
        Path file = dir.resolve("users.properties");
        Files.writeString(file, STOCK);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        // when
        String source = FirstAdminBootstrap.ensureAdmin(new UsersFile(file), null,
                new PrintStream(console, true, StandardCharsets.UTF_8), HASHER);
        // then
        assertEquals("generated", source);
        String printed = console.toString(StandardCharsets.UTF_8);
        String password = printed.lines().filter(l -> l.contains("password:")).findFirst().orElseThrow()
                .replaceAll(".*password:\\s*", "").strip();
        assertEquals(20, password.length());
        String stored = Files.readString(file);
        assertFalse(stored.contains(password), "password must be stored hashed only");
        String hash = stored.lines().filter(l -> l.startsWith("admin = ")).findFirst().orElseThrow()
                .replaceAll("^admin = \\{CRYPT}(.*)\\{CRYPT},_g_:waybilladmins$", "$1");
        assertTrue(hash.startsWith("pbkdf2-sha256$"), hash);
        assertTrue(io.waybill.security.internal.PasswordHashes.verify(password, hash));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)));
        assertTrue(stored.contains("operator,supervisor"));
    }

    @Test
    void takesThePasswordFromTheEnvironmentAndPrintsNothing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("users.properties");
        Files.writeString(file, STOCK);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        assertEquals("environment", FirstAdminBootstrap.ensureAdmin(new UsersFile(file), "s3cret-pass",
                new PrintStream(console), HASHER));
        assertEquals(0, console.size());
        assertFalse(Files.readString(file).contains("s3cret-pass"));
        assertEquals(java.util.Set.of("admin", "manager", "viewer", "systembundles", "ssh", "operator", "supervisor"),
                new UsersFile(file).roles("admin"));
    }

    @Test
    void leavesExistingUsersAlone(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("users.properties");
        Files.writeString(file, STOCK + "alice = {CRYPT}abc{CRYPT},_g_:waybilladmins\n");
        assertNull(FirstAdminBootstrap.ensureAdmin(new UsersFile(file), "whatever-long", System.out, HASHER));
        assertFalse(Files.readString(file).contains("admin ="));
    }

    @Test
    void refusesATooShortEnvironmentPassword(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("users.properties");
        Files.writeString(file, STOCK);
        assertThrows(IllegalArgumentException.class,
                () -> FirstAdminBootstrap.ensureAdmin(new UsersFile(file), "short", System.out, HASHER));
    }

    @Test
    void rolesComeFromTheUserAndItsGroups(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("users.properties");
        Files.writeString(file, STOCK + "olga = {CRYPT}x{CRYPT},_g_:packers,viewer\n_g_\\:packers = group,operator,ssh\n");
        UsersFile users = new UsersFile(file);
        assertEquals(java.util.Set.of("operator", "ssh", "viewer"), users.roles("olga"));
        assertEquals(java.util.Set.of(), users.roles("nobody"));
        assertEquals(java.util.Set.of(), users.roles("_g_:packers"));
    }
}
