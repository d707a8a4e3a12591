package io.waybill.ui.internal.views;

import java.io.Serializable;

/**
 * What a keyboard-wedge scanner typed, made into the number to look up: the configured prefix and suffix (e.g. an
 * AIM symbology identifier {@code ]C1}, or a terminator the scanner sends) are removed, and so are surrounding
 * white space and control characters. Escapes in the settings ({@code \t}, {@code \r}, {@code \n},
 * {@code \\uXXXX}) let operators enter invisible characters.
 */
public final class ScanInput {

    private ScanInput() {
    }

    /** Prefix and suffix a scanner adds; kept in the Vaadin session. Empty strings mean none. */
    public record Settings(String prefix, String suffix) implements Serializable {
        public static final Settings NONE = new Settings("", "");

        public Settings {
            prefix = prefix == null ? "" : prefix;
            suffix = suffix == null ? "" : suffix;
        }
    }

    /** The scanned number without prefix, suffix, white space and control characters; empty when nothing is left. */
    public static String clean(String raw, Settings settings) {
        if (raw == null) {
            return "";
        }
        String prefix = unescape(settings == null ? "" : settings.prefix());
        String suffix = unescape(settings == null ? "" : settings.suffix());
        String s = trim(raw);
        // the terminator may itself be white space or a control character, so strip once before trimming
        if (!suffix.isEmpty() && raw.endsWith(suffix)) {
            s = trim(raw.substring(0, raw.length() - suffix.length()));
        }
        String trimmedSuffix = trim(suffix);
        if (!trimmedSuffix.isEmpty() && s.endsWith(trimmedSuffix)) {
            s = trim(s.substring(0, s.length() - trimmedSuffix.length()));
        }
        if (!prefix.isEmpty() && s.startsWith(prefix)) {
            s = trim(s.substring(prefix.length()));
        } else {
            String trimmedPrefix = trim(prefix);
            if (!trimmedPrefix.isEmpty() && s.startsWith(trimmedPrefix)) {
                s = trim(s.substring(trimmedPrefix.length()));
            }
        }
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().filter(cp -> !Character.isISOControl(cp)).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** Turns {@code \t}, {@code \r}, {@code \n}, {@code \\}, and {@code \\uXXXX} into the characters. */
    public static String unescape(String text) {
        if (text == null || text.indexOf('\\') < 0) {
            return text == null ? "" : text;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 >= text.length()) {
                out.append(c);
                continue;
            }
            char n = text.charAt(i + 1);
            switch (n) {
                case 't' -> { out.append('\t'); i++; }
                case 'r' -> { out.append('\r'); i++; }
                case 'n' -> { out.append('\n'); i++; }
                case '\\' -> { out.append('\\'); i++; }
                case 'u' -> {
                    if (i + 6 <= text.length() && text.substring(i + 2, i + 6).matches("[0-9a-fA-F]{4}")) {
                        out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
                        i += 5;
                    } else {
                        out.append(c);
                    }
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isBlankOrControl(s.charAt(start))) {
            start++;
        }
        while (end > start && isBlankOrControl(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isBlankOrControl(char c) {
        return Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c);
    }
}
