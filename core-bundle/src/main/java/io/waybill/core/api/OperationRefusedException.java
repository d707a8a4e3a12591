package io.waybill.core.api;

import io.waybill.core.model.Reason;

import java.util.List;

/**
 * A request the core refuses for a business reason (unknown SKU, stock would go negative, illegal status change...).
 * The message is written for the operator and is safe to show as is. A refusal made from a structured {@link Reason}
 * (since 1.12) also carries its params, so a user interface renders the whole sentence in the user's language.
 */
public class OperationRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;
    private final transient Reason reason;
    private final List<String> params;

    public OperationRefusedException(String code, String message) {
        this(code, message, List.of());
    }

    /**
     * A refusal whose code is a structured reason's ({@link Reason}) with its params, so a user interface renders
     * it in the user's language, and whose message is already written (e.g. several problems joined). Since 1.12.
     */
    public OperationRefusedException(String code, String message, List<String> params) {
        super(message);
        this.code = code;
        this.reason = null;
        this.params = params == null ? List.of() : List.copyOf(params);
    }

    /** A refusal whose message is the reason's English sentence; its code is the reason's code. Since 1.12. */
    public OperationRefusedException(Reason reason) {
        super(reason.english());
        this.code = reason.code();
        this.reason = reason;
        this.params = reason.params();
    }

    /** The structured reason, or null when the refusal is a code and an English message only. */
    public Reason reason() {
        return reason;
    }

    /** The values of the code's sentence when the code is a structured reason's; empty otherwise. */
    public List<String> params() {
        return params;
    }

    /** Stable machine-readable reason code. */
    public String code() {
        return code;
    }
}
