package io.waybill.core.internal.lifecycle;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.model.PackageStatus;
import io.waybill.core.model.Reason;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static io.waybill.core.model.PackageStatus.ALLOCATED;
import static io.waybill.core.model.PackageStatus.AWAITING_TRACKING;
import static io.waybill.core.model.PackageStatus.HELD;
import static io.waybill.core.model.PackageStatus.MERGED;
import static io.waybill.core.model.PackageStatus.OUT_OF_STOCK;
import static io.waybill.core.model.PackageStatus.PRINTED;
import static io.waybill.core.model.PackageStatus.SHIPPED;
import static io.waybill.core.model.PackageStatus.SKU_UNMATCHED;
import static io.waybill.core.model.PackageStatus.SYNCED;
import static io.waybill.core.model.PackageStatus.SYNC_FAILED;
import static io.waybill.core.model.PackageStatus.TRACKED;
import static io.waybill.core.model.PackageStatus.UPLOAD_FAILED;
import static io.waybill.core.model.PackageStatus.VOIDED;
import static io.waybill.core.model.PackageStatus.WAITING;

/**
 * The one state machine of a package, covering the whole delivery workflow (workflow steps 1-6, docs/workflow.md). Every status change
 * in the core goes through {@link #check}; the database update is additionally guarded by the allowed
 * source states, so a concurrent change can never slip an illegal transition through.
 */
public final class PackageLifecycle {

    private static final Map<PackageStatus, Set<PackageStatus>> NEXT = new EnumMap<>(PackageStatus.class);

    static {
        allow(WAITING, ALLOCATED, OUT_OF_STOCK, SKU_UNMATCHED, HELD, VOIDED, MERGED);
        allow(OUT_OF_STOCK, ALLOCATED, OUT_OF_STOCK, SKU_UNMATCHED, HELD, VOIDED, MERGED);
        // held until its platform SKUs are mapped (capture, or a re-capture adding an unknown SKU, puts it here)
        allow(SKU_UNMATCHED, WAITING, SKU_UNMATCHED, VOIDED, MERGED);
        // held for review by a logistics rule (issue 14): released to waiting, or voided; nothing else
        allow(HELD, WAITING, HELD, VOIDED, MERGED);
        allow(ALLOCATED, AWAITING_TRACKING, TRACKED, UPLOAD_FAILED, VOIDED, MERGED);
        allow(AWAITING_TRACKING, TRACKED, UPLOAD_FAILED, VOIDED);
        allow(UPLOAD_FAILED, AWAITING_TRACKING, TRACKED, UPLOAD_FAILED, VOIDED, MERGED);
        allow(TRACKED, PRINTED, VOIDED);
        allow(PRINTED, PRINTED, SHIPPED, VOIDED);
        allow(SHIPPED, SYNCED, SYNC_FAILED);
        allow(SYNC_FAILED, SYNCED, SYNC_FAILED);
        allow(SYNCED);
        allow(VOIDED);
        // merged into another package: no step moves it; only "Undo merge" brings it back ({@link #canRestore})
        allow(MERGED);
    }

    /** Statuses in which the package holds reserved stock. */
    public static final Set<PackageStatus> HOLDS_RESERVATION =
            Collections.unmodifiableSet(EnumSet.of(ALLOCATED, AWAITING_TRACKING, UPLOAD_FAILED, TRACKED, PRINTED));

    /** Statuses after the package left the warehouse. */
    public static final Set<PackageStatus> LEFT_WAREHOUSE =
            Collections.unmodifiableSet(EnumSet.of(SHIPPED, SYNCED, SYNC_FAILED));

    /**
     * Statuses before upload (before awaiting tracking): no carrier holds a shipment for the package, so its ship-to
     * address and its customs declaration may still change (the review queue's edits, issue 14). Held packages (To
     * review) are among them: they are edited, then released.
     */
    public static final Set<PackageStatus> EDITABLE_BEFORE_UPLOAD = Collections.unmodifiableSet(
            EnumSet.of(WAITING, OUT_OF_STOCK, SKU_UNMATCHED, HELD, ALLOCATED, UPLOAD_FAILED));

    /** What an edit before upload changes: the package's contents, by a merge or its undo ({@code Reason} field key). */
    public static final String EDIT_CONTENTS = "contents";
    /** What an edit before upload changes: the ship-to address ({@code Reason} field key). */
    public static final String EDIT_SHIP_TO = "ship_to";
    /** What an edit before upload changes: the customs declaration ({@code Reason} field key). */
    public static final String EDIT_DECLARATION = "declaration";

    private PackageLifecycle() {
    }

    private static void allow(PackageStatus from, PackageStatus... to) {
        NEXT.put(from, to.length == 0 ? Collections.unmodifiableSet(EnumSet.noneOf(PackageStatus.class))
                : Collections.unmodifiableSet(EnumSet.of(to[0], to)));
    }

    public static boolean canMove(PackageStatus from, PackageStatus to) {
        return NEXT.get(from).contains(to);
    }

    /** The statuses a package may move to {@code to} from. */
    public static Set<PackageStatus> sourcesOf(PackageStatus to) {
        Set<PackageStatus> sources = EnumSet.noneOf(PackageStatus.class);
        NEXT.forEach((from, targets) -> {
            if (targets.contains(to)) {
                sources.add(from);
            }
        });
        return sources;
    }

    /**
     * Refuses an illegal transition with a message an operator understands.
     *
     * @throws OperationRefusedException with code {@code already_shipped}, {@code already_voided} or
     *                                   {@code illegal_state}
     */
    public static void check(String packageNo, PackageStatus from, PackageStatus to) {
        if (canMove(from, to)) {
            return;
        }
        // as data (Reason): every language renders the whole sentence
        if (LEFT_WAREHOUSE.contains(from)) {
            throw new OperationRefusedException(Reason.of(Reason.ALREADY_SHIPPED, packageNo, from, to));
        }
        if (from == VOIDED) {
            throw new OperationRefusedException(Reason.of(Reason.ALREADY_VOIDED, packageNo, to));
        }
        if (from == SKU_UNMATCHED) {
            throw new OperationRefusedException(Reason.of(Reason.HELD_SKU_UNMATCHED, packageNo, to));
        }
        if (from == HELD) {
            throw new OperationRefusedException(Reason.of(Reason.HELD_FOR_REVIEW, packageNo, to));
        }
        throw new OperationRefusedException(Reason.of(Reason.ILLEGAL_STATE, packageNo, from, to));
    }

    /**
     * Whether "Undo merge" may bring a merged package back in this status: the merged package's status, one of the
     * statuses before upload (a merge is undone only while the merged package may still change).
     */
    public static boolean canRestore(PackageStatus to) {
        return EDITABLE_BEFORE_UPLOAD.contains(to);
    }

    /** Whether the address and declaration of a package in this status may change (not uploaded yet). */
    public static boolean canEdit(PackageStatus status) {
        return EDITABLE_BEFORE_UPLOAD.contains(status);
    }

    /**
     * Refuses an edit of a package's {@code what} ({@link #EDIT_SHIP_TO}, {@link #EDIT_DECLARATION}) once it was
     * uploaded, or while an upload of it is queued or running, with a reason an operator understands.
     *
     * @param uploadOpen whether a carrier job of the package is queued or running
     * @throws OperationRefusedException {@code edit_locked} [package no., status, what] or
     *                                   {@code upload_in_progress} [package no., what]
     */
    public static void checkEditable(String packageNo, PackageStatus status, boolean uploadOpen, String what) {
        if (!canEdit(status)) {
            throw new OperationRefusedException(Reason.of(Reason.EDIT_LOCKED, packageNo, status, what));
        }
        if (uploadOpen) {
            throw new OperationRefusedException(Reason.of(Reason.UPLOAD_IN_PROGRESS, packageNo, what));
        }
    }

    static String label(PackageStatus s) {
        return s.name().toLowerCase().replace('_', ' ');
    }
}
