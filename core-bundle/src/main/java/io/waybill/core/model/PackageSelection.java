package io.waybill.core.model;

import java.util.Set;

/**
 * "Every package matching this filter, except these": what an operator selects with "select all" on a package list.
 * The selection is a query, not a list of ids: the core resolves it when an action runs (within the scope of
 * {@link PackageQuery#viewer()}), so a list of 10,000 packages never travels to the browser. Since 1.7.
 *
 * @param query    the list's filter (status tab, stores, countries, text, viewer)
 * @param excluded ids the operator unticked after selecting all
 */
public record PackageSelection(PackageQuery query, Set<Long> excluded) {

    /** The most packages one selection may resolve to; a larger one is refused with a reason. */
    public static final int MAX_PACKAGES = 20_000;

    public PackageSelection {
        if (query == null) {
            throw new IllegalArgumentException("a selection needs a query");
        }
        excluded = excluded == null ? Set.of() : Set.copyOf(excluded);
    }

    /** All packages matching the query. */
    public static PackageSelection all(PackageQuery query) {
        return new PackageSelection(query, Set.of());
    }
}
