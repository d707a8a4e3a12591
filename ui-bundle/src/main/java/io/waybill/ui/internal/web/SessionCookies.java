package io.waybill.ui.internal.web;

import jakarta.servlet.http.HttpServletResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Hardens the session cookie Jetty sets: {@code SameSite=Strict}, {@code HttpOnly}, and {@code Secure} when the
 * request came over TLS (or through a trusted proxy that said so). Felix HTTP offers no SameSite setting, so the
 * {@code Set-Cookie} header is rewritten right after the session is created or its id changes.
 */
public final class SessionCookies {

    public static final String DEFAULT_NAME = "JSESSIONID";

    private SessionCookies() {
    }

    /** The Set-Cookie value with the missing attributes added; other cookies are returned unchanged. */
    public static String harden(String setCookie, String cookieName, boolean secure) {
        if (setCookie == null || !setCookie.startsWith(cookieName + "=")) {
            return setCookie;
        }
        String lower = setCookie.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(setCookie);
        if (!lower.contains("samesite=")) {
            out.append("; SameSite=Strict");
        }
        if (!lower.contains("httponly")) {
            out.append("; HttpOnly");
        }
        if (secure && !lower.matches(".*;\\s*secure(\\s*;.*|\\s*)$")) {
            out.append("; Secure");
        }
        return out.toString();
    }

    /** Rewrites the session cookie among the response's Set-Cookie headers, if the response is not committed. */
    public static void harden(HttpServletResponse response, String cookieName, boolean secure) {
        if (response.isCommitted()) {
            return;
        }
        List<String> values = new ArrayList<>(response.getHeaders("Set-Cookie"));
        if (values.isEmpty()) {
            return;
        }
        List<String> hardened = new ArrayList<>(values.size());
        boolean changed = false;
        for (String value : values) {
            String h = harden(value, cookieName, secure);
            changed |= !h.equals(value);
            hardened.add(h);
        }
        if (!changed) {
            return;
        }
        response.setHeader("Set-Cookie", hardened.get(0));
        for (int i = 1; i < hardened.size(); i++) {
            response.addHeader("Set-Cookie", hardened.get(i));
        }
    }
}
