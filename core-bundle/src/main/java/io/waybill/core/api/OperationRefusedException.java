package io.waybill.core.api;

/**
 * A request the core refuses for a business reason (unknown SKU, stock would go negative, illegal status change...).
 * The message is written for the operator and is safe to show as is.
 */
public class OperationRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;
    private final java.util.List<String> params;

    public OperationRefusedException(String code, String message) {
        this(code, message, java.util.List.of());
    }

    /**
     * A refusal whose code is a structured reason's ({@code io.waybill.core.model.Reason}) with its params, so a
     * user interface renders it in the user's language. Since 1.12.
     */
    public OperationRefusedException(String code, String message, java.util.List<String> params) {
        super(message);
        this.code = code;
        this.params = params == null ? java.util.List.of() : java.util.List.copyOf(params);
    }

    /** The values of the code's sentence when the code is a structured reason's; empty otherwise. Since 1.12. */
    public java.util.List<String> params() {
        return params;
    }

    /** Stable machine-readable reason code. */
    public String code() {
        return code;
    }
}
