package io.waybill.core.internal.workflow;

import io.waybill.core.api.OperationRefusedException;

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

    /** Validates a required reason and returns it stripped. */
    public static String requireReason(String reason, int max) {
        if (reason == null || reason.isBlank()) {
            throw new OperationRefusedException("reason_required", "A reason is required.");
        }
        String r = reason.strip();
        if (r.length() > max) {
            throw new OperationRefusedException("reason_too_long",
                    "The reason is too long (" + r.length() + " characters, at most " + max + ").");
        }
        if (controlCharAt(r) >= 0) {
            throw new OperationRefusedException("reason_invalid", "The reason contains a control character.");
        }
        return r;
    }
}
