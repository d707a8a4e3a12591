package io.waybill.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountStatesTest {

    @Test
    void writesReadsAndForgetsStatesInAnOwnerOnlyFile(@TempDir Path dir) throws Exception {
        // given
        Path file = dir.resolve(AccountStates.FILE);
        AccountStates states = AccountStates.at(file);
        Instant at = Instant.parse("2026-12-06T03:00:00Z");
        // when: a user name with dots, every attribute
        states.update("li.wei", s -> s.withDisabled(true).withScope(Set.of("US-LA", "SZ-01"), Set.of("ACME-SHOP")));
        states.signedIn("li.wei", at);
        // then: read back by a fresh reader of the same file
        AccountStates.State s = AccountStates.at(dir.resolve(".").resolve(AccountStates.FILE)).get("li.wei");
        assertSame(states, AccountStates.at(dir.resolve(".").resolve(AccountStates.FILE)), "one instance per file");
        assertTrue(s.disabled());
        assertEquals(Set.of("SZ-01", "US-LA"), s.warehouses());
        assertEquals(Set.of("ACME-SHOP"), s.stores());
        assertEquals(at, s.lastSignIn());
        assertTrue(states.isDisabled("li.wei"));
        assertFalse(states.isDisabled("li"), "a prefix of a name is another user");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(Files.readString(file).contains("li.wei.warehouses=SZ-01,US-LA"), Files.readString(file));

        // and: back to the default removes the user's lines
        states.update("li.wei", x -> AccountStates.State.DEFAULT);
        assertEquals(AccountStates.State.DEFAULT, states.get("li.wei"));
        assertFalse(Files.readString(file).contains("li.wei"));
    }

    @Test
    void aMissingFileMeansEnabledAndUnscoped(@TempDir Path dir) {
        AccountStates states = AccountStates.at(dir.resolve("none").resolve(AccountStates.FILE));
        assertEquals(AccountStates.State.DEFAULT, states.get("anyone"));
        assertFalse(states.isDisabled("anyone"));
        assertFalse(states.isDisabled(null));
    }
}
