package io.waybill.core.api;

import io.waybill.core.model.PackageRow;
import io.waybill.core.model.PackageStatus;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The one rule of what may be printed, following the package lifecycle. The print service, the shell's
 * {@code waybill:print} and the UI's print actions all check a request here before anything is rendered, written
 * or marked printed; a request with any refused package is refused whole ({@link NotPrintableException}).
 * <ul>
 *   <li>A <b>carrier label</b> needs a tracking number and a package that is not voided: tracked, printed, and
 *       (reprints) shipped, synced or sync-failed packages. Waiting, out-of-stock, allocated, awaiting-tracking,
 *       upload-failed and voided packages are refused.</li>
 *   <li>A <b>picking list</b> is printed only while the package holds stock: allocated, awaiting tracking, upload
 *       failed, tracked, printed. Not before allocation, not after shipping, never for a voided package.</li>
 *   <li><b>Marking printed</b> (after the operator confirms the labels came out) is for tracked and printed packages;
 *       a shipped package may be reprinted but stays shipped.</li>
 * </ul>
 * Since 1.3.
 */
public final class PrintRules {

    /** What is printed. */
    public enum Document {
        CARRIER_LABEL("a carrier label"), PICKING_LIST("a picking list");

        private final String words;

        Document(String words) {
            this.words = words;
        }

        /** "a carrier label" / "a picking list", for messages. */
        public String words() {
            return words;
        }
    }

    /** Statuses in which a package with a tracking number may have its carrier label printed (or reprinted). */
    public static final Set<PackageStatus> LABEL_STATUSES = Collections.unmodifiableSet(EnumSet.of(
            PackageStatus.TRACKED, PackageStatus.PRINTED, PackageStatus.SHIPPED, PackageStatus.SYNCED,
            PackageStatus.SYNC_FAILED));

    /** Statuses in which a package holds stock, so a picking list may be printed for it. */
    public static final Set<PackageStatus> PICKING_STATUSES = Collections.unmodifiableSet(EnumSet.of(
            PackageStatus.ALLOCATED, PackageStatus.AWAITING_TRACKING, PackageStatus.UPLOAD_FAILED,
            PackageStatus.TRACKED, PackageStatus.PRINTED));

    /** Statuses that may be marked printed. */
    public static final Set<PackageStatus> MARKABLE_STATUSES = Collections.unmodifiableSet(EnumSet.of(
            PackageStatus.TRACKED, PackageStatus.PRINTED));

    private PrintRules() {
    }

    /**
     * Why the document cannot be printed for a package in this status, in words for the operator ("is voided",
     * "has no tracking number yet (waiting for allocation)"), or null when it can.
     */
    public static String refusal(Document document, PackageStatus status, String trackingNo) {
        if (status == null) {
            return "has no known status";
        }
        if (status == PackageStatus.VOIDED) {
            return "is voided";
        }
        if (document == Document.PICKING_LIST) {
            if (PICKING_STATUSES.contains(status)) {
                return null;
            }
            return switch (status) {
                case WAITING -> "holds no stock yet (waiting for allocation)";
                case OUT_OF_STOCK -> "holds no stock (out of stock)";
                case SHIPPED, SYNCED, SYNC_FAILED -> "has already shipped";
                default -> "holds no stock (" + words(status) + ")";
            };
        }
        boolean tracked = trackingNo != null && !trackingNo.isBlank();
        if (LABEL_STATUSES.contains(status) && tracked) {
            return null;
        }
        return switch (status) {
            case WAITING -> "has no tracking number yet (waiting for allocation)";
            case OUT_OF_STOCK -> "has no tracking number yet (out of stock)";
            case ALLOCATED -> "has no tracking number yet (allocated, not uploaded to a carrier)";
            case AWAITING_TRACKING -> "has no tracking number yet (awaiting tracking from the carrier)";
            case UPLOAD_FAILED -> "has no tracking number (the carrier upload failed)";
            default -> "has no tracking number";
        };
    }

    /** Whether the document may be printed for a package in this status with this tracking number. */
    public static boolean canPrint(Document document, PackageStatus status, String trackingNo) {
        return refusal(document, status, trackingNo) == null;
    }

    /** Whether the package may be marked printed. */
    public static boolean canMarkPrinted(PackageStatus status) {
        return MARKABLE_STATUSES.contains(status);
    }

    /**
     * Checks a whole request; returns normally when every package may be printed.
     *
     * @throws NotPrintableException naming every refused package and why; nothing may be printed then
     */
    public static void require(Document document, Collection<PackageRow> packages) {
        Map<String, String> refused = new LinkedHashMap<>();
        for (PackageRow p : packages) {
            String why = refusal(document, p.status(), p.trackingNo());
            if (why != null) {
                refused.put(p.packageNo(), why);
            }
        }
        if (!refused.isEmpty()) {
            throw refuse(document, packages.size(), refused);
        }
    }

    /**
     * Checks that every package may be marked printed (after printing its label).
     *
     * @throws NotPrintableException naming the packages that cannot be marked printed
     */
    public static void requireMarkable(Collection<PackageRow> packages) {
        Map<String, String> refused = new LinkedHashMap<>();
        for (PackageRow p : packages) {
            if (!canMarkPrinted(p.status())) {
                refused.put(p.packageNo(), p.status() == PackageStatus.VOIDED ? "is voided"
                        : "is " + words(p.status()) + " and cannot be marked printed (reprint it without marking)");
            }
        }
        if (!refused.isEmpty()) {
            throw new NotPrintableException("Nothing was printed or marked: " + list(refused) + ".", refused);
        }
    }

    /** The refusal of a request: "Nothing was printed: 2 of 3 packages cannot have a carrier label: P1 is voided; ...". */
    public static NotPrintableException refuse(Document document, int requested, Map<String, String> refused) {
        return new NotPrintableException("Nothing was printed: " + refused.size() + " of " + requested + " package"
                + (requested == 1 ? "" : "s") + " cannot have " + document.words() + ": " + list(refused) + ".",
                refused);
    }

    private static String list(Map<String, String> refused) {
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (Map.Entry<String, String> e : refused.entrySet()) {
            if (shown == 20) {
                out.append("; and ").append(refused.size() - shown).append(" more");
                break;
            }
            out.append(shown == 0 ? "" : "; ").append(e.getKey()).append(' ').append(e.getValue());
            shown++;
        }
        return out.toString();
    }

    private static String words(PackageStatus status) {
        return status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
