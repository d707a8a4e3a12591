package io.waybill.core.api;

import io.waybill.core.model.Reason;

import java.util.List;

/**
 * A request the core refuses for a business reason (unknown SKU, stock would go negative, illegal status change...).
 * The message is written for the operator and is safe to show as is. A refusal made from a structured {@link Reason}
 * (since 1.11) also carries its params, so a user interface renders the whole sentence in the user's language.
 */
public class OperationRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;
    private final transient Reason reason;

    public OperationRefusedException(String code, String message) {
        super(message);
        this.code = code;
        this.reason = null;
    }

    /** A refusal whose message is the reason's English sentence; its code is the reason's code. */
    public OperationRefusedException(Reason reason) {
        super(reason.english());
        this.code = reason.code();
        this.reason = reason;
    }

    /** The structured reason, or null when the refusal is a code and an English message only. */
    public Reason reason() {
        return reason;
    }

    /** The structured reason's params, empty when there is none. */
    public List<String> params() {
        return reason == null ? List.of() : reason.params();
    }

    /** Stable machine-readable reason code. */
    public String code() {
        return code;
    }
}
