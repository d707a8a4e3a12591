package io.waybill.core.internal.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.*;

class SecretFilesTest {

    @TempDir
    Path dir;

    @Test
    void aSecretGoesToAnOwnerOnlyFileAndTheConfigurationGetsAPlaceholder() throws Exception {
        // given
        SecretFiles files = new SecretFiles(dir);
        String name = SecretFiles.name("shopify", "ACME-US", ".accessToken");

        // when
        String placeholder = files.write(name, "shpat_secret");
        files.write(name, "shpat_replaced");

        // then
        assertEquals("waybill-secret-shopify-acme-us-accesstoken", name);
        assertEquals("secret-file:waybill-secret-shopify-acme-us-accesstoken", placeholder);
        assertTrue(SecretFiles.isPlaceholder(placeholder));
        assertFalse(SecretFiles.isPlaceholder("shpat_secret"));
        Path file = dir.resolve(name);
        assertEquals("shpat_replaced", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var list = Files.list(dir)) {
            assertEquals(1, list.count(), "no temporary file left");
        }
    }

    @Test
    void namesCannotLeaveTheDirectory() {
        assertEquals("waybill-secret-x-etc-passwd-a", SecretFiles.name("../", "../../etc/passwd", "a"));
    }
}
