package io.waybill.ui.internal.web;

import io.waybill.core.model.UserIdentity;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebSecurityRulesTest {

    @Test
    void pagesMayNotBeFramedButTheUisOwnPdfMayBeFramedByTheUi() {
        // when
        Map<String, String> page = SecurityHeaders.forPath("/login");
        Map<String, String> pdf = SecurityHeaders.forPath("/VAADIN/dynamic/resource/1/abc/labels.pdf");
        // then
        assertEquals("DENY", page.get("X-Frame-Options"));
        assertEquals("frame-ancestors 'none'", page.get("Content-Security-Policy"));
        assertEquals("SAMEORIGIN", pdf.get("X-Frame-Options"));
        assertEquals("frame-ancestors 'self'", pdf.get("Content-Security-Policy"));
        for (Map<String, String> h : java.util.List.of(page, pdf)) {
            assertEquals("nosniff", h.get("X-Content-Type-Options"));
            assertEquals("same-origin", h.get("Referrer-Policy"));
        }
    }

    @Test
    void theSessionCookieGetsSameSiteHttpOnlyAndSecureOverTls() {
        assertEquals("JSESSIONID=abc; Path=/; SameSite=Strict; HttpOnly",
                SessionCookies.harden("JSESSIONID=abc; Path=/", "JSESSIONID", false));
        assertEquals("JSESSIONID=abc; Path=/; HttpOnly; SameSite=Strict; Secure",
                SessionCookies.harden("JSESSIONID=abc; Path=/; HttpOnly", "JSESSIONID", true));
        assertEquals("JSESSIONID=abc; Secure; HttpOnly; SameSite=Lax",
                SessionCookies.harden("JSESSIONID=abc; Secure; HttpOnly; SameSite=Lax", "JSESSIONID", true),
                "attributes already there are kept, not doubled");
        assertEquals("other=1; Path=/", SessionCookies.harden("other=1; Path=/", "JSESSIONID", true));
    }

    @Test
    void idleTimeoutFollowsTheHighestRole() {
        IdleTimeouts t = new IdleTimeouts(Duration.ofMinutes(720), Duration.ofMinutes(120), Duration.ofMinutes(30));
        assertEquals(Duration.ofMinutes(720), t.forUser(new UserIdentity("p", Set.of("operator"))));
        assertEquals(Duration.ofMinutes(120), t.forUser(new UserIdentity("s", Set.of("operator", "supervisor"))));
        assertEquals(Duration.ofMinutes(30), t.forUser(new UserIdentity("a", Set.of("operator", "admin"))));
        assertEquals(Duration.ofMinutes(30), t.forUser(new UserIdentity("x", Set.of("viewer"))),
                "unknown roles get the shortest default (admin's)");
    }

    @Test
    void onlyBodiesOfUndeclaredLengthOnWritingMethodsAreCounted() {
        assertTrue(WebSecurityFilter.hasBody("POST"));
        assertTrue(WebSecurityFilter.hasBody("put"));
        assertFalse(WebSecurityFilter.hasBody("GET"));
        assertTrue(WebSecurityFilter.tooLarge(new IOException(new RequestTooLargeException(5))));
        assertFalse(WebSecurityFilter.tooLarge(new IOException("other")));
    }

    @Test
    void theServerLimitLeavesRoomOnlyForTheMultipartEnvelope() {
        assertEquals(20 * 1024 * 1024, UploadLimit.MAX_FILE_BYTES);
        assertEquals("20 MB", UploadLimit.MAX_FILE_TEXT);
        assertTrue(UploadLimit.MAX_REQUEST_BYTES - UploadLimit.MAX_FILE_BYTES <= 64 * 1024);
    }
}
