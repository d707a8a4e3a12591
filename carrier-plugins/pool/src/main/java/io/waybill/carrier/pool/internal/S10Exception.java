package io.waybill.carrier.pool.internal;

/**
 * Says why a text is not a valid UPU S10 item identifier. The {@link Reason} is for code and tests, the message for
 * an operator.
 */
public final class S10Exception extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the text. */
    public enum Reason {
        /** Not 13 characters once spaces are removed. */
        WRONG_LENGTH,
        /** The service indicator (characters 1-2) is not two letters A-Z. */
        BAD_PREFIX,
        /** The serial number (characters 3-10) is not eight digits, or a serial is outside 0..99999999. */
        NON_DIGIT_SERIAL,
        /** The check digit (character 11) is not a digit or does not match the serial number. */
        BAD_CHECK_DIGIT,
        /** The country (characters 12-13) is not an ISO 3166-1 alpha-2 code. */
        BAD_COUNTRY
    }

    private final Reason reason;
    private final String input;

    S10Exception(Reason reason, String input, String detail) {
        super("'" + input + "' is not a UPU S10 number: " + detail);
        this.reason = reason;
        this.input = input;
    }

    public Reason reason() {
        return reason;
    }

    /** The text as given (before removing spaces). */
    public String input() {
        return input;
    }
}
