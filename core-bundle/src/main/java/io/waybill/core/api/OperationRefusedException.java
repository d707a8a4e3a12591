package io.waybill.core.api;

/**
 * A request the core refuses for a business reason (unknown SKU, stock would go negative, illegal status change...).
 * The message is written for the operator and is safe to show as is.
 */
public class OperationRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;

    public OperationRefusedException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** Stable machine-readable reason code. */
    public String code() {
        return code;
    }
}
