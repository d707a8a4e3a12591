package io.waybill.core.model;

import java.time.Instant;
import java.util.List;

/**
 * One line of a package's history (append-only).
 *
 * @param at     when
 * @param actor  user name, or "system"
 * @param action what happened, e.g. CAPTURED, ALLOCATED, VOIDED
 * @param from   status before, or null
 * @param to     status after, or null
 * @param reason why / details in English, or null (always there when {@code reasonCode} is)
 * @param reasonCode   the reason as data ({@link Reason#code()}), or null for a free-text reason (lines written
 *                     before 1.9, a user's own words); since 1.9
 * @param reasonParams the values of {@code reasonCode}'s sentence ({@link Reason#params()}), empty without a code
 */
public record AuditEntry(Instant at, String actor, String action, PackageStatus from, PackageStatus to,
                         String reason, String reasonCode, List<String> reasonParams) {

    public AuditEntry {
        reasonParams = reasonParams == null ? List.of() : List.copyOf(reasonParams);
    }

    /** The 1.8 form: a free-text reason. */
    public AuditEntry(Instant at, String actor, String action, PackageStatus from, PackageStatus to, String reason) {
        this(at, actor, action, from, to, reason, null, List.of());
    }

    /** The structured reason, or null for a free-text one. */
    public Reason structuredReason() {
        return reasonCode == null ? null : new Reason(reasonCode, reasonParams);
    }
}
