package io.waybill.core.model;

import java.util.Set;

/**
 * Filter for package lists. Empty sets mean "any".
 *
 * @param statuses   statuses to include
 * @param storeCodes stores to include
 * @param countries  destination countries to include (ISO alpha-2)
 * @param text       the search box (case-insensitive), or null: when it is exactly a package no., tracking no. or
 *                   order no. (as scanned or pasted), the packages with that number; otherwise every package whose
 *                   package no., order no., tracking no., buyer name, buyer / address e-mail, buyer / address phone
 *                   or one of whose SKUs contains it (since 1.9; before: package no., order no., buyer, tracking no.)
 * @param viewer     the user the list is for: the service shows only the packages of that user's warehouse/store
 *                   scope (since 1.2); null for the system's own reads (no user scope)
 * @param filters    carrier, shipping method, created range, SKU, tags (since 1.9); never null
 */
public record PackageQuery(Set<PackageStatus> statuses, Set<String> storeCodes, Set<String> countries, String text,
                           String viewer, PackageFilters filters) {
    public PackageQuery {
        filters = filters == null ? PackageFilters.NONE : filters;
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        storeCodes = storeCodes == null ? Set.of() : Set.copyOf(storeCodes);
        countries = countries == null ? Set.of() : Set.copyOf(countries);
        text = text == null || text.isBlank() ? null : text.strip();
        viewer = viewer == null || viewer.isBlank() ? null : viewer.strip();
    }

    /** A query without further filters (the 1.2 form). */
    public PackageQuery(Set<PackageStatus> statuses, Set<String> storeCodes, Set<String> countries, String text,
                        String viewer) {
        this(statuses, storeCodes, countries, text, viewer, PackageFilters.NONE);
    }

    /** A query without a viewer (the 1.1 form). */
    public PackageQuery(Set<PackageStatus> statuses, Set<String> storeCodes, Set<String> countries, String text) {
        this(statuses, storeCodes, countries, text, null);
    }

    public static PackageQuery status(PackageStatus status) {
        return new PackageQuery(Set.of(status), Set.of(), Set.of(), null);
    }

    public static PackageQuery all() {
        return new PackageQuery(Set.of(), Set.of(), Set.of(), null);
    }

    public PackageQuery withStores(Set<String> stores) {
        return new PackageQuery(statuses, stores, countries, text, viewer, filters);
    }

    public PackageQuery withCountries(Set<String> newCountries) {
        return new PackageQuery(statuses, storeCodes, newCountries, text, viewer, filters);
    }

    public PackageQuery withText(String newText) {
        return new PackageQuery(statuses, storeCodes, countries, newText, viewer, filters);
    }

    /** The same query over other statuses (empty = every status). Since 1.9. */
    public PackageQuery withStatuses(Set<PackageStatus> newStatuses) {
        return new PackageQuery(newStatuses, storeCodes, countries, text, viewer, filters);
    }

    /** The same query with other further filters. Since 1.9. */
    public PackageQuery withFilters(PackageFilters newFilters) {
        return new PackageQuery(statuses, storeCodes, countries, text, viewer, newFilters);
    }

    /** The same query for a user: only packages within that user's scope. Since 1.2. */
    public PackageQuery forViewer(String user) {
        return new PackageQuery(statuses, storeCodes, countries, text, user, filters);
    }
}
