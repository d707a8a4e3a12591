package io.waybill.core.model;

import java.util.Set;

/**
 * Filter for package lists. Empty sets mean "any".
 *
 * @param statuses   statuses to include
 * @param storeCodes stores to include
 * @param countries  destination countries to include (ISO alpha-2)
 * @param text       free text matched against package no., order no. and buyer (case-insensitive), or null
 */
public record PackageQuery(Set<PackageStatus> statuses, Set<String> storeCodes, Set<String> countries, String text) {
    public PackageQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        storeCodes = storeCodes == null ? Set.of() : Set.copyOf(storeCodes);
        countries = countries == null ? Set.of() : Set.copyOf(countries);
        text = text == null || text.isBlank() ? null : text.strip();
    }

    public static PackageQuery status(PackageStatus status) {
        return new PackageQuery(Set.of(status), Set.of(), Set.of(), null);
    }

    public static PackageQuery all() {
        return new PackageQuery(Set.of(), Set.of(), Set.of(), null);
    }

    public PackageQuery withStores(Set<String> stores) {
        return new PackageQuery(statuses, stores, countries, text);
    }

    public PackageQuery withCountries(Set<String> newCountries) {
        return new PackageQuery(statuses, storeCodes, newCountries, text);
    }

    public PackageQuery withText(String newText) {
        return new PackageQuery(statuses, storeCodes, countries, newText);
    }
}
