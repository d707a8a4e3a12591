package io.waybill.plugin.kit;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class AccountSettingsTest {

    @Test
    void blankIdAndNameAreTheDefaultsAndTheDescriptorIdNamesTheAccount() {
        AccountSettings plain = new AccountSettings(" ", null, "Acme");
        assertEquals("default", plain.accountId());
        assertEquals("Acme", plain.displayName());
        assertEquals("acme", plain.descriptor("acme", "d").id());
        assertNull(plain.error());
        AccountSettings named = new AccountSettings(" eu-1 ", " Acme EU ", "Acme");
        assertEquals("acme-eu-1", named.descriptor("acme", "d").id());
        assertEquals("Acme EU", named.descriptor("acme", "d").displayName());
        assertEquals("d", named.descriptor("acme", "d").description());
    }

    @Test
    void problemsAreCollectedInTheOrderRead() {
        AccountSettings s = new AccountSettings("no spaces!", "Acme", "Acme");
        assertEquals("default", s.accountId());
        assertEquals("", s.required("Customer code", "  "));
        assertEquals("c1", s.required("Customer code", " c1 "));
        assertEquals("", s.secret("API secret", null));
        s.problem("'Mode' must be 1 or 2");
        assertEquals(List.of("'Account id' may hold only letters, digits, '-' and '_' (1 to 40)",
                "'Customer code' is empty", "'API secret' is empty", "'Mode' must be 1 or 2"), s.problems());
        assertEquals(String.join("; ", s.problems()), s.error());
    }

    @Test
    void anUnreadableSecretFileIsAProblemNamingTheSetting() {
        AccountSettings s = new AccountSettings("a", "A", "A");
        assertEquals(" k ".trim(), s.secret("API key", " k "));
        assertNull(s.error());
        String dir = System.getProperty(SecretFiles.DIR_PROPERTY);
        String etc = System.getProperty("karaf.etc");
        System.clearProperty(SecretFiles.DIR_PROPERTY);
        System.clearProperty("karaf.etc");
        try {
            assertEquals("", s.secret("API key", "secret-file:nope"));
        } finally {
            if (dir != null) {
                System.setProperty(SecretFiles.DIR_PROPERTY, dir);
            }
            if (etc != null) {
                System.setProperty("karaf.etc", etc);
            }
        }
        assertEquals(2, s.problems().size(), s.problems().toString());
        assertTrue(s.problems().get(0).startsWith("'API key': the secrets directory"), s.problems().get(0));
        assertEquals("'API key' is empty", s.problems().get(1));
    }

    @Test
    void theClientIsBuiltOnlyFromAnHttpUrlAndWithCredentials() {
        AccountSettings s = new AccountSettings("a", "A", "A");
        assertEquals(URI.create("https://api.example"), s.client("API base URL", " ", "https://api.example", true,
                URI::create));
        assertEquals(URI.create("http://x"), s.client("API base URL", " http://x ", "https://d", true, URI::create));
        assertNull(s.client("API base URL", "http://x", "https://d", false, URI::create));
        assertNull(s.error());
        assertNull(s.client("API base URL", "ftp://x", "https://d", true, URI::create));
        assertNull(s.client("API endpoint", "http://a b", "https://d", true, URI::create));
        assertNull(s.client("API endpoint", "http://x", "https://d", true, url -> {
            throw new IllegalArgumentException("refused");
        }));
        assertEquals(List.of("'API base URL' must be an http(s) URL", "'API endpoint' is not a URL",
                "'API endpoint' is not a URL"), s.problems());
    }

    @Test
    void aTimeoutIsAtLeastOneSecondAndUnusableNamesTheReason() {
        assertEquals(java.time.Duration.ofSeconds(1), AccountSettings.timeout(0));
        assertEquals(java.time.Duration.ofSeconds(1), AccountSettings.timeout(-5));
        assertEquals(java.time.Duration.ofSeconds(60), AccountSettings.timeout(60));
        assertEquals("not configured", AccountSettings.unusable(null, null));
        assertEquals("deactivated", AccountSettings.unusable("deactivated", new Object()));
        assertNull(AccountSettings.unusable(null, new Object()));
    }
}
