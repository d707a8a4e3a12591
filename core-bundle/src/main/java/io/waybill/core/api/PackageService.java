package io.waybill.core.api;

import io.waybill.core.model.PackageQuery;
import io.waybill.core.model.PackageRow;
import io.waybill.core.model.PackageSort;
import io.waybill.core.model.PackageStatus;

import java.util.List;
import java.util.Map;

/** Reads packages for lists; made for lazy data providers (count + one page at a time). */
public interface PackageService {

    /** Number of packages matching the query. */
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
}
