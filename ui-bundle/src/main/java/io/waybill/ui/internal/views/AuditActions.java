package io.waybill.ui.internal.views;

import java.util.List;
import java.util.function.BiFunction;

/**
 * The names of the audit log's actions in the operator's language (the package history): the core records codes
 * such as {@code ALLOCATED} or {@code SYNC_QUEUED}; each known code has a {@code history.action.<CODE>} text in both
 * languages. A code this UI does not know yet (a newer core) is shown as it is rather than as a missing key.
 */
final class AuditActions {

    /** The package-level actions the core writes to {@code WB_AUDIT_EVENT}. */
    static final List<String> KNOWN = List.of("CAPTURED", "PLATFORM_CANCELLED", "ADDRESS_CHANGED", "LINES_CHANGED",
            "LINES_CHANGE_REFUSED", "ALLOCATED", "OUT_OF_STOCK", "UPLOAD_QUEUED", "CARRIER_PENDING", "TRACKED",
            "UPLOAD_FAILED", "PRINTED", "REPRINTED", "SHIPPED", "SHIPPED_OVERRIDE", "SYNC_QUEUED", "SYNCED",
            "SYNC_FAILED", "VOIDED", "LABEL_REQUESTED", "LABEL_STORED", "LABEL_FAILED",
            "VALUE_CHANGED", "SKU_MATCHED", "TAGS_CHANGED", "CUSTOMS_EDITED", "CUSTOMS_RESET",
            "RULE_APPLIED", "HELD", "RULE_SKIPPED", "RELEASED");

    private AuditActions() {
    }

    /** The action's name; {@code translate} is {@code getTranslation(key, params...)}. */
    static String label(String code, BiFunction<String, Object[], String> translate) {
        if (code == null) {
            return "";
        }
        return KNOWN.contains(code) ? translate.apply("history.action." + code, new Object[0]) : code;
    }
}
