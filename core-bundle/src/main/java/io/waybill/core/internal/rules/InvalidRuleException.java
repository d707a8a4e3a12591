package io.waybill.core.internal.rules;

/**
 * A rule, condition or action that cannot be built: {@code code} names the problem ({@code required}, {@code invalid},
 * {@code invalid_range}, {@code duplicate_action_kind}, {@code unknown_region}, {@code too_long}), the message says
 * which field and why. Thrown before anything is stored, so a refused rule writes nothing.
 */
public final class InvalidRuleException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String code;

    public InvalidRuleException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** The problem's code. */
    public String code() {
        return code;
    }
}
