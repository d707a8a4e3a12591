package io.waybill.security.internal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHashesTest {

    @Test
    void hashesAreSaltedAndVerify() {
        // given / when
        String a = PasswordHashes.hash("correct horse", 100_000);
        String b = PasswordHashes.hash("correct horse", 100_000);
        // then
        assertTrue(a.startsWith("pbkdf2-sha256$100000$"), a);
        assertNotEquals(a, b, "two hashes of one password differ by their salt");
        assertTrue(PasswordHashes.verify("correct horse", a));
        assertTrue(PasswordHashes.verify("correct horse", b));
        assertFalse(PasswordHashes.verify("correct horsE", a));
        assertFalse(a.contains("correct"));
    }

    @Test
    void knownPbkdf2VectorVerifies() {
        // the published PBKDF2-HMAC-SHA256 vector P="password", S="salt", c=1, dkLen=32: 120fb6cffcf8b32c...0be17b
        String stored = "pbkdf2-sha256$1$c2FsdA$Eg+2z/z4syxD5yJSVsT4N6hlSMkszDVICAWYfLcL4Xs";
        assertTrue(PasswordHashes.verify("password", stored));
        assertFalse(PasswordHashes.verify("passwort", stored));
    }

    @Test
    void earlierSha512HexStillVerifiesAndAsksForAnUpgrade() {
        // SHA-512("abc") from FIPS 180-2, as Waybill wrote it before (Karaf "basic", hexadecimal)
        String legacy = "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f";
        assertTrue(PasswordHashes.verify("abc", legacy));
        assertTrue(PasswordHashes.verify("abc", legacy.toUpperCase()));
        assertFalse(PasswordHashes.verify("abd", legacy));
        assertTrue(PasswordHashes.needsRehash(legacy, PasswordHashes.DEFAULT_ITERATIONS));
    }

    @Test
    void fewerIterationsThanConfiguredAskForAnUpgrade() {
        String h = PasswordHashes.hash("pw", 100_000);
        assertTrue(PasswordHashes.needsRehash(h, 200_000));
        assertFalse(PasswordHashes.needsRehash(h, 100_000));
    }

    @Test
    void plainOrGarbageStoredValuesNeverVerify() {
        assertFalse(PasswordHashes.verify("secret", "secret"));
        assertFalse(PasswordHashes.verify("secret", "pbkdf2-sha256$0$c2FsdA$Eg"));
        assertFalse(PasswordHashes.verify("secret", ""));
        assertFalse(PasswordHashes.verify(null, "x"));
    }

    @Test
    void iterationOptionIsCheckedAndDefaulted() {
        assertEquals(PasswordHashes.DEFAULT_ITERATIONS, PasswordHashes.iterations(null));
        assertEquals(250_000, PasswordHashes.iterations(" 250000 "));
        assertThrows(IllegalArgumentException.class, () -> PasswordHashes.iterations("1000"));
        assertThrows(IllegalArgumentException.class, () -> PasswordHashes.iterations("many"));
    }

    @Test
    void encryptionServiceUsesTheFormat() {
        var enc = new WaybillEncryptionService().createEncryption(java.util.Map.of("iterations", "100000"));
        String stored = enc.encryptPassword("s3cret-pass");
        assertTrue(stored.startsWith("pbkdf2-sha256$100000$"));
        assertTrue(enc.checkPassword("s3cret-pass", stored));
        assertFalse(enc.checkPassword("s3cret-pasS", stored));
    }
}
