package io.waybill.core.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A print request refused by {@link PrintRules} before anything was rendered, written or marked (code
 * {@code not_printable}). The message names every refused package and why; {@link #refused()} holds the same as
 * package number -> reason. The whole request is refused: nothing of a mixed selection is printed. Since 1.3.
 */
public class NotPrintableException extends OperationRefusedException {
    private static final long serialVersionUID = 1L;

    /** The stable code of this refusal. */
    public static final String CODE = "not_printable";

    private final Map<String, String> refused;

    public NotPrintableException(String message, Map<String, String> refused) {
        super(CODE, message);
        this.refused = Collections.unmodifiableMap(new LinkedHashMap<>(refused));
    }

    /** Package number -> why it cannot be printed, in the order of the request. */
    public Map<String, String> refused() {
        return refused;
    }
}
