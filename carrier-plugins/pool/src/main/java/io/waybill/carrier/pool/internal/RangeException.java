package io.waybill.carrier.pool.internal;

/**
 * Says why a configured range such as {@code RR10000000-10009999CN} cannot be used. The message is written for the
 * operator who typed the range.
 */
public final class RangeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the range. */
    public enum Reason {
        /** Not of the shape {@code PPnnnnnnnn-nnnnnnnnCC}. */
        SYNTAX,
        /** The service indicator is not two letters A-Z. */
        BAD_PREFIX,
        /** A serial is not eight digits. */
        NON_DIGIT_SERIAL,
        /** The country is not an ISO 3166-1 alpha-2 code. */
        BAD_COUNTRY,
        /** The first serial is greater than the last. */
        START_AFTER_END,
        /** Two ranges share numbers (same service indicator and country, overlapping serials). */
        OVERLAP
    }

    private final Reason reason;

    RangeException(Reason reason, String spec, String detail) {
        super("range '" + spec + "': " + detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
