package io.waybill.core.api;

import io.waybill.core.model.CarrierLabel;
import io.waybill.core.model.PackageDetail;
import io.waybill.core.model.PackageQuery;
import io.waybill.core.model.PackageRow;
import io.waybill.core.model.PackageSelection;
import io.waybill.core.model.PackageSort;
import io.waybill.core.model.PackageStatus;
import io.waybill.core.model.Shortage;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads packages for lists; made for lazy data providers (count + one page at a time). */
public interface PackageService {

    /** Number of packages matching the query (within the scope of {@link PackageQuery#viewer()}). */
    long count(PackageQuery query);

    /**
     * The number for a list's badge and size (issue 15): exact for a filtered list (store, country, search, further
     * filters, a user's scope) and for any list below {@link io.waybill.core.model.ListCount#ESTIMATE_FROM}; for a
     * large unfiltered list the count of up to {@link io.waybill.core.model.ListCount#MAX_AGE_SECONDS} ago, marked
     * as an estimate (counting a million packages again at every refresh is the slow part of such a list). Since 1.12.
     */
    default io.waybill.core.model.ListCount countForList(PackageQuery query) {
        return new io.waybill.core.model.ListCount(count(query), false);
    }

    /**
     * Resolves a "select all" selection to the packages it means now: every package matching the query within the
     * viewer's scope, minus the excluded ids, as package id -> package no. in id order, read in one query. Batch
     * actions then run on these ids; each action's status rule still decides per package. Since 1.9.
     *
     * @param max the most packages the caller accepts (at most {@link PackageSelection#MAX_PACKAGES})
     * @throws OperationRefusedException code {@code selection_too_large} when more than {@code max} match
     */
    default Map<Long, String> resolve(PackageSelection selection, int max) {
        // implementations without a query of their own page through find(); the core's reads it in one query
        int bound = Math.min(max, PackageSelection.MAX_PACKAGES);
        java.util.TreeMap<Long, String> ids = new java.util.TreeMap<>();
        int offset = 0;
        while (true) {
            List<PackageRow> page = find(selection.query(), offset, 1000, List.of());
            for (PackageRow row : page) {
                if (!selection.excluded().contains(row.id())) {
                    ids.put(row.id(), row.packageNo());
                }
            }
            if (ids.size() > bound) {
                throw tooLarge(bound);
            }
            if (page.size() < 1000) {
                return new java.util.LinkedHashMap<>(ids);
            }
            offset += page.size();
        }
    }

    /**
     * A keyset page of a filter (issue 15 item 2): the ids of up to {@code limit} packages matching the query within
     * the viewer's scope whose id is greater than {@code afterId}, in id order. Walking a filter with it (the next
     * page starts after the last id of the previous one) reads each package once, however many match, and a
     * package that leaves the filter meanwhile (allocated, voided) does not shift the pages as an offset would.
     * Since 1.17; the default pages through {@link #find} (for implementations without a query of their own).
     *
     * @param limit at most 1,000
     */
    default List<Long> idsAfter(PackageQuery query, long afterId, int limit) {
        java.util.TreeSet<Long> ids = new java.util.TreeSet<>();
        for (int offset = 0; ; offset += 1000) {
            List<PackageRow> page = find(query, offset, 1000, List.of());
            page.stream().map(PackageRow::id).filter(id -> id > afterId).forEach(ids::add);
            while (ids.size() > limit) {
                ids.pollLast();
            }
            if (page.size() < 1000) {
                return List.copyOf(ids);
            }
        }
    }

    /** The refusal of a selection of more than {@code max} packages. Since 1.9. */
    static OperationRefusedException tooLarge(int max) {
        return new OperationRefusedException("selection_too_large", "More than " + max + " packages are selected; "
                + "narrow the filter (store, country, search) and run the action in parts");
    }

    /**
     * One page of packages matching the query, in the given order (then by id, so pages are stable).
     *
     * @param offset first row, 0-based
     * @param limit  maximum rows, at most 1,000
     */
    List<PackageRow> find(PackageQuery query, int offset, int limit, List<PackageSort> sort);

    /** Live count per status, for status tabs. Statuses without packages are present with 0. */
    Map<PackageStatus, Long> countByStatus();

    /**
     * Live count per status of the packages a user may see (its warehouse/store scope), for status tabs. Since 1.3;
     * the default counts all packages (implementations without user scopes).
     */
    default Map<PackageStatus, Long> countByStatus(String viewer) {
        return countByStatus();
    }

    /** Everything the package detail page shows, or empty for an unknown id. */
    Optional<PackageDetail> detail(long packageId);

    /**
     * The counts of the status tabs' labels for a user (issue 15): per status, exact when the user has a warehouse or
     * store scope (a filtered list) and for a status below {@link io.waybill.core.model.ListCount#ESTIMATE_FROM};
     * a larger status's count of up to {@link io.waybill.core.model.ListCount#MAX_AGE_SECONDS} ago, marked as an
     * estimate, as {@link #countForList} gives it for an unfiltered list. Every status is present. Since 1.16; the
     * default is the exact {@link #countByStatus(String)}.
     */
    default Map<PackageStatus, io.waybill.core.model.ListCount> countsForTabs(String viewer) {
        Map<PackageStatus, io.waybill.core.model.ListCount> out = new java.util.EnumMap<>(PackageStatus.class);
        Map<PackageStatus, Long> exact = countByStatus(viewer);
        for (PackageStatus s : PackageStatus.values()) {
            out.put(s, io.waybill.core.model.ListCount.exact(exact.getOrDefault(s, 0L)));
        }
        return out;
    }

    /**
     * The package detail for a user: empty for an unknown id and for a package outside the user's warehouse/store
     * scope (so a scoped user cannot open another warehouse's package by URL or number). Since 1.3; the default
     * applies no scope (implementations without user scopes).
     */
    default Optional<PackageDetail> detail(long packageId, String viewer) {
        return detail(packageId);
    }

    /**
     * Resolves package numbers or tracking numbers (as scanned or typed) to package ids. Unknown numbers are
     * absent from the result.
     */
    Map<String, Long> idsByNumber(Collection<String> numbers);

    /**
     * Whether the package exists and lies in the user's store / warehouse scope (what {@link #detail(long, String)}
     * shows); a null viewer sees every package (the system). Since 1.15.
     */
    default boolean visible(long packageId, String viewer) {
        return detail(packageId, viewer).isPresent();
    }

    /** Missing SKUs of out-of-stock packages, by package id (packages without shortages are absent). */
    Map<Long, List<Shortage>> shortages(Collection<Long> packageIds);

    /**
     * The carrier's own labels stored for the packages (fetched from the carrier once each was tracked), by package
     * id; packages without one are absent. Since 1.1.
     */
    Map<Long, CarrierLabel> carrierLabels(Collection<Long> packageIds);
}
