package io.waybill.core.api;

import io.waybill.core.model.CarrierLabel;
import io.waybill.core.model.PackageDetail;
import io.waybill.core.model.PackageQuery;
import io.waybill.core.model.PackageRow;
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

    /** Missing SKUs of out-of-stock packages, by package id (packages without shortages are absent). */
    Map<Long, List<Shortage>> shortages(Collection<Long> packageIds);

    /**
     * The carrier's own labels stored for the packages (fetched from the carrier once each was tracked), by package
     * id; packages without one are absent. Since 1.1.
     */
    Map<Long, CarrierLabel> carrierLabels(Collection<Long> packageIds);
}
