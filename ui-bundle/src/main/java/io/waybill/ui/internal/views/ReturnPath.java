package io.waybill.ui.internal.views;

import java.util.Optional;

/**
 * Where the login view goes after sign-in: the page (with its query) a visitor opened before signing in, carried as
 * {@code /login?next=...}. Only a path of this site is accepted (no scheme, host, {@code //} or {@code \}, no
 * control characters, not the login page itself), so the parameter cannot send anyone to another site.
 */
public final class ReturnPath {

    static final int MAX_LENGTH = 2000;

    private ReturnPath() {
    }

    /** The safe path without its leading slash (a Vaadin location, e.g. {@code delivery/tracked?q=x}), or empty. */
    public static Optional<String> of(String next) {
        if (next == null) {
            return Optional.empty();
        }
        String s = next.strip();
        if (s.startsWith("/")) {
            s = s.substring(1);
        }
        if (s.isEmpty() || s.length() > MAX_LENGTH || s.startsWith("/") || s.contains("\\") || s.contains("//")
                || s.contains("..") || s.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.empty();
        }
        String path = s.split("[?#]", 2)[0];
        // a scheme ("https:", "javascript:") before the first slash
        if (path.split("/", 2)[0].contains(":") || path.equals("login") || path.startsWith("login/")
                || path.startsWith("VAADIN")) {
            return Optional.empty();
        }
        return Optional.of(s);
    }
}
