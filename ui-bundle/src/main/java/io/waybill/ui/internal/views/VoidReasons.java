package io.waybill.ui.internal.views;

import io.waybill.core.model.VoidReason;

import java.util.function.Function;

/** The reason text the Batch Void dialog sends to the core. */
public final class VoidReasons {

    /** The core's limit for a void reason. */
    public static final int MAX_LENGTH = 500;

    private VoidReasons() {
    }

    /**
     * The outcome of checking the dialog's input: either the reason to record, or the translation key of the
     * problem to show beside the field.
     */
    public record Checked(String reason, String errorKey) {
        public boolean ok() {
            return errorKey == null;
        }
    }

    /**
     * A preset is recorded as its label in the operator's language; OTHER needs free text (trimmed, at most
     * {@link #MAX_LENGTH} characters), which is recorded as typed.
     */
    public static Checked check(VoidReason reason, String otherText, Function<VoidReason, String> label) {
        if (reason == null) {
            return new Checked(null, "void.error.noReason");
        }
        if (reason != VoidReason.OTHER) {
            return new Checked(label.apply(reason), null);
        }
        String text = otherText == null ? "" : otherText.strip();
        if (text.isEmpty()) {
            return new Checked(null, "void.error.otherRequired");
        }
        if (text.length() > MAX_LENGTH) {
            return new Checked(null, "void.error.tooLong");
        }
        return new Checked(text, null);
    }
}
