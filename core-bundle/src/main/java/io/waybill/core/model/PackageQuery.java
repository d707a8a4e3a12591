package io.waybill.core.model;

import java.util.Set;

/**
 * Filter for package lists. Empty sets mean "any".
 *
 * @param statuses   statuses to include
 * @param storeCodes stores to include
 * @param countries  destination countries to include (ISO alpha-2)
 * @param text       free text matched against package no., order no. and buyer (case-insensitive), or null
 * @param viewer     the user the list is for: the service shows only the packages of that user's warehouse/store
 *                   scope (since 1.2); null for the system's own reads (no user scope)
 */
public record PackageQuery(Set<PackageStatus> statuses, Set<String> storeCodes, Set<String> countries, String text,
                           String viewer) {
    public PackageQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        storeCodes = storeCodes == null ? Set.of() : Set.copyOf(storeCodes);
        countries = countries == null ? Set.of() : Set.copyOf(countries);
        text = text == null || text.isBlank() ? null : text.strip();
        viewer = viewer == null || viewer.isBlank() ? null : viewer.strip();
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
        return new PackageQuery(statuses, stores, countries, text, viewer);
    }

    public PackageQuery withCountries(Set<String> newCountries) {
        return new PackageQuery(statuses, storeCodes, newCountries, text, viewer);
    }

    public PackageQuery withText(String newText) {
        return new PackageQuery(statuses, storeCodes, countries, newText, viewer);
    }

    /** The same query for a user: only packages within that user's scope. Since 1.2. */
    public PackageQuery forViewer(String user) {
        return new PackageQuery(statuses, storeCodes, countries, text, user);
    }
}
