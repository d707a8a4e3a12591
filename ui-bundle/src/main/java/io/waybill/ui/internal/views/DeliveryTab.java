package io.waybill.ui.internal.views;

import io.waybill.core.model.PackageStatus;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The status tabs of Delivery Management, in workflow order: which statuses each lists (its URL segment is
 * {@code delivery/<slug>}) and which batch actions it offers.
 */
public enum DeliveryTab {
    WAITING(EnumSet.of(PackageStatus.WAITING), List.of(BatchAction.ALLOCATE, BatchAction.APPLY_RULES,
            BatchAction.DRY_RUN_RULES, BatchAction.VOID)),
    OUT_OF_STOCK(EnumSet.of(PackageStatus.OUT_OF_STOCK), List.of(BatchAction.ALLOCATE, BatchAction.APPLY_RULES,
            BatchAction.DRY_RUN_RULES, BatchAction.VOID)),
    /** Held: a line's platform SKU is not matched to a product; "Map SKU" creates the store's alias. */
    SKU_UNMATCHED(EnumSet.of(PackageStatus.SKU_UNMATCHED), List.of(BatchAction.MAP_SKU, BatchAction.VOID)),
    /**
     * To review (待审核): held by a logistics rule, listed with the rule's reason; release, correct the address or the
     * declaration of one ({@link ReviewEdits}), or void.
     */
    HELD(EnumSet.of(PackageStatus.HELD), List.of(BatchAction.RELEASE, BatchAction.EDIT_ADDRESS,
            BatchAction.EDIT_DECLARATION, BatchAction.APPLY_RULES, BatchAction.DRY_RUN_RULES, BatchAction.VOID)),
    ALLOCATED(EnumSet.of(PackageStatus.ALLOCATED), List.of(BatchAction.UPLOAD, BatchAction.VOID)),
    AWAITING_TRACKING(EnumSet.of(PackageStatus.AWAITING_TRACKING),
            List.of(BatchAction.REFRESH_TRACKING, BatchAction.VOID)),
    UPLOAD_FAILED(EnumSet.of(PackageStatus.UPLOAD_FAILED), List.of(BatchAction.UPLOAD, BatchAction.VOID)),
    TRACKED(EnumSet.of(PackageStatus.TRACKED),
            List.of(BatchAction.PRINT_PICKING, BatchAction.PRINT_LABELS, BatchAction.VOID)),
    PRINTED(EnumSet.of(PackageStatus.PRINTED),
            List.of(BatchAction.PRINT_PICKING, BatchAction.PRINT_LABELS, BatchAction.VOID)),
    /** Left the warehouse, whether or not the store has confirmed the shipment yet. */
    SHIPPED(EnumSet.of(PackageStatus.SHIPPED, PackageStatus.SYNCED, PackageStatus.SYNC_FAILED), List.of()),
    VOIDED(EnumSet.of(PackageStatus.VOIDED), List.of()),
    /** Merged into another package that ships for them (issue 14, 审单); the merged package's page undoes it. */
    MERGED(EnumSet.of(PackageStatus.MERGED), List.of());

    /** The landing tab. */
    public static final DeliveryTab DEFAULT = WAITING;

    private final Set<PackageStatus> statuses;
    private final List<BatchAction> actions;

    DeliveryTab(Set<PackageStatus> statuses, List<BatchAction> actions) {
        this.statuses = statuses;
        this.actions = actions;
    }

    /** URL segment and element id suffix: {@code waiting}, {@code out_of_stock}, ... */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public Set<PackageStatus> statuses() {
        return EnumSet.copyOf(statuses);
    }

    public List<BatchAction> actions() {
        return actions;
    }

    /** Whether the list shows the tracking number and the carrier upload state (from Allocated on). */
    public boolean showsCarrierColumns() {
        return compareTo(ALLOCATED) >= 0;
    }

    /** Whether the list shows why each package is held (To review). */
    public boolean showsHolds() {
        return this == HELD;
    }

    /** Whether the list shows the missing SKUs. */
    public boolean showsShortages() {
        return this == OUT_OF_STOCK;
    }

    /**
     * The tab's count from {@code PackageService.countsForTabs} (absent statuses count 0): an estimate when one of
     * its statuses' counts is.
     */
    public io.waybill.core.model.ListCount listCount(Map<PackageStatus, io.waybill.core.model.ListCount> counts) {
        io.waybill.core.model.ListCount total = io.waybill.core.model.ListCount.exact(0);
        for (PackageStatus s : statuses) {
            total = total.plus(counts.getOrDefault(s, io.waybill.core.model.ListCount.exact(0)));
        }
        return total;
    }

    /** The tab of a URL segment; empty for unknown segments (the view then shows the default tab). */
    public static Optional<DeliveryTab> fromSlug(String slug) {
        if (slug == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(t -> t.slug().equalsIgnoreCase(slug.strip())).findFirst();
    }

    /** Batch actions of the package lists. */
    public enum BatchAction {
        ALLOCATE, RELEASE, APPLY_RULES, DRY_RUN_RULES, VOID, UPLOAD, REFRESH_TRACKING, PRINT_PICKING, PRINT_LABELS,
        MAP_SKU, EDIT_ADDRESS, EDIT_DECLARATION;

        /** Element id of the action's button, e.g. {@code action-refresh-tracking}. */
        public String buttonId() {
            return switch (this) {
                case ALLOCATE -> "action-allocate";
                case VOID -> "action-void";
                case UPLOAD -> "action-upload";
                case REFRESH_TRACKING -> "action-refresh-tracking";
                case PRINT_PICKING -> "action-print-picking";
                case PRINT_LABELS -> "action-print-labels";
                case MAP_SKU -> "action-map-sku";
                case RELEASE -> "action-release";
                case APPLY_RULES -> "action-apply-rules";
                case DRY_RUN_RULES -> "action-dry-run-rules";
                case EDIT_ADDRESS -> "action-edit-address";
                case EDIT_DECLARATION -> "action-edit-declaration";
            };
        }

        public boolean needsPrintService() {
            return this == PRINT_PICKING || this == PRINT_LABELS;
        }
    }
}
