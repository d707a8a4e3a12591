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

    private static final String STOCK = "# karaf users\n#karaf = karaf,_g_:admingroup\n#_g_\\:admingroup = group,admin\n";

    @Test
    void generatesPrintsAndHashesAPasswordOnFirstStart(@TempDir Path dir) throws Exception {
        // given Karaf's stock users.properties, where every user is commented out
        Path file = dir.resolve("users.properties");
        Files.writeString(file, STOCK);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        // when
        String source = FirstAdminBootstrap.ensureAdmin(new UsersFile(file), null,
                new PrintStream(console, true, StandardCharsets.UTF_8));
        // then
        assertEquals("generated", source);
        String printed = console.toString(StandardCharsets.UTF_8);
        String password = printed.lines().filter(l -> l.contains("password:")).findFirst().orElseThrow()
                .replaceAll(".*password:\\s*", "").strip();
        assertEquals(20, password.length());
        String stored = Files.readString(file);
        assertFalse(stored.contains(password), "password must be stored hashed only");
        assertTrue(stored.contains("admin = " + UsersFile.crypt(password) + ",_g_:waybilladmins"));
        assertTrue(stored.contains("operator,supervisor"));
    }

    @Test
    void takesThePasswordFromTheEnvironmentAndPrintsNothing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("users.properties");
        Files.writeString(file, STOCK);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        assertEquals("environment", FirstAdminBootstrap.ensureAdmin(new UsersFile(file), "s3cret-pass",
                new PrintStream(console)));
        assertEquals(0, console.size());
        assertTrue(Files.readString(file).contains(UsersFile.crypt("s3cret-pass")));
    }

    @Test
    void leavesExistingUsersAlone(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("users.properties");
        Files.writeString(file, STOCK + "alice = {CRYPT}abc{CRYPT},_g_:waybilladmins\n");
        assertNull(FirstAdminBootstrap.ensureAdmin(new UsersFile(file), "whatever-long", System.out));
        assertFalse(Files.readString(file).contains("admin ="));
    }

    @Test
    void refusesATooShortEnvironmentPassword(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("users.properties");
        Files.writeString(file, STOCK);
        assertThrows(IllegalArgumentException.class,
                () -> FirstAdminBootstrap.ensureAdmin(new UsersFile(file), "short", System.out));
    }

    @Test
    void cryptMatchesKarafBasicEncryptionFormat() {
        // SHA-512("abc") from FIPS 180-2
        assertEquals("{CRYPT}ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f{CRYPT}", UsersFile.crypt("abc"));
    }
}
