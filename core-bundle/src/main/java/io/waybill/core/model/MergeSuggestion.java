package io.waybill.core.model;

import java.util.List;

/**
 * Packages that can ship together (the To review tab's merge suggestions, issue 14, 审单): of one store, buyer and
 * ship-to address, none uploaded yet, at the same step (and in the same warehouse once allocated). Since 1.14.
 *
 * @param storeCode   the store
 * @param buyerName   the buyer, as captured
 * @param countryCode the ship-to country
 * @param status      the packages' common status
 * @param packageIds  the packages, by id
 * @param packageNos  their numbers, in the same order
 */
public record MergeSuggestion(String storeCode, String buyerName, String countryCode, PackageStatus status,
                              List<Long> packageIds, List<String> packageNos) {
    public MergeSuggestion {
        packageIds = List.copyOf(packageIds);
        packageNos = List.copyOf(packageNos);
    }
}
