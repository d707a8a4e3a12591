package io.waybill.core.model;

import java.time.Instant;

/**
 * One line of a package's history (append-only).
 *
 * @param at     when
 * @param actor  user name, or "system"
 * @param action what happened, e.g. CAPTURED, ALLOCATED, VOIDED
 * @param from   status before, or null
 * @param to     status after, or null
 * @param reason why / details, or null
 */
public record AuditEntry(Instant at, String actor, String action, PackageStatus from, PackageStatus to,
                         String reason) {
}
