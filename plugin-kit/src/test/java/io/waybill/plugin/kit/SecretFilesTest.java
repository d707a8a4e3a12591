package io.waybill.plugin.kit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class SecretFilesTest {

    @TempDir
    Path dir;

    @Test
    void aReferenceIsReplacedByTheFilesContentOtherValuesStay() throws Exception {
        Files.writeString(dir.resolve("waybill-secret-shopify-a-accesstoken"), "shpat_1\n");
        assertEquals("shpat_1", SecretFiles.resolve("secret-file:waybill-secret-shopify-a-accesstoken", dir));
        assertEquals("shpat_plain", SecretFiles.resolve("shpat_plain", dir));
        assertNull(SecretFiles.resolve(null, dir));
        assertTrue(SecretFiles.isReference("secret-file:abc"));
        assertFalse(SecretFiles.isReference("secret-file:../etc/passwd"));
    }

    @Test
    void aMissingFileOrDirectoryIsAReadableProblemWithoutSecrets() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> SecretFiles.resolve("secret-file:nope", dir));
        assertTrue(missing.getMessage().contains("secret file " + dir.resolve("nope") + " is missing"),
                missing.getMessage());
        IllegalArgumentException noDir = assertThrows(IllegalArgumentException.class,
                () -> SecretFiles.resolve("secret-file:nope", null));
        assertTrue(noDir.getMessage().contains("is not set"), noDir.getMessage());
    }
}
