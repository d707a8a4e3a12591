package io.waybill.core.internal.workflow;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.model.Reason;

/** Checks free text typed by operators (reasons, notes): present, not too long, no control characters. */
public final class TextRules {
    private TextRules() {
    }

    /** Returns the first control character's position, or -1. Tab, CR and LF are control characters too. */
    public static int controlCharAt(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isISOControl(ch) || ch == '\uFFFD' || ch == '\u2028' || ch == '\u2029') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Returns the position of the first bidirectional formatting character, or -1: U+061C (Arabic letter mark),
     * U+200E / U+200F (left-to-right / right-to-left mark), U+202A-U+202E (embeddings and overrides), U+2066-U+2069
     * (isolates). They change the order in which text is displayed, so "U+202E gnp.exe" shows as something else.
     */
    public static int bidiControlAt(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isBidiControl(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    static boolean isBidiControl(char c) {
        return c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }

    /**
     * The text as it may be quoted in a message: control and bidirectional formatting characters shown as
     * {@code <U+202E>}, never raw; everything else unchanged.
     */
    public static String visible(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || isBidiControl(c) || c == '\u2028' || c == '\u2029') {
                b.append(String.format(java.util.Locale.ROOT, "<U+%04X>", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Validates a required reason and returns it stripped. */
    public static String requireReason(String reason, int max) {
        if (reason == null || reason.isBlank()) {
            throw new OperationRefusedException(Reason.of(Reason.REASON_REQUIRED));
        }
        String r = reason.strip();
        if (r.length() > max) {
            throw new OperationRefusedException(Reason.of(Reason.REASON_TOO_LONG, r.length(), max));
        }
        if (controlCharAt(r) >= 0) {
            throw new OperationRefusedException(Reason.of(Reason.REASON_INVALID));
        }
        return r;
    }
}
