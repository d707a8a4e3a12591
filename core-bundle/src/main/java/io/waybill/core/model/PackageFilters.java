package io.waybill.core.model;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The further filters of a package list (issue 13 item 12), beside status, store, country and text. Empty sets and
 * nulls mean "any"; several values of one filter match any of them; different filters all apply. Since 1.9.
 *
 * @param carriers        carrier plugin ids: the carrier the package was uploaded to, or, before its upload, the
 *                        carrier of its store's default shipping method
 * @param shippingMethods shipping method codes: the package's store's default shipping method (the method its upload
 *                        uses)
 * @param createdFrom     created at or after, or null
 * @param createdTo       created before (exclusive), or null
 * @param sku             a SKU the package's order has a line of (whole SKU, ignoring case), or null
 * @param tags            package tags (ignoring case)
 */
public record PackageFilters(Set<String> carriers, Set<String> shippingMethods, Instant createdFrom,
                             Instant createdTo, String sku, Set<String> tags) {

    /** No further filter. */
    public static final PackageFilters NONE = new PackageFilters(Set.of(), Set.of(), null, null, null, Set.of());

    public PackageFilters {
        carriers = clean(carriers, false);
        shippingMethods = clean(shippingMethods, false);
        tags = clean(tags, true);
        sku = sku == null || sku.isBlank() ? null : sku.strip();
    }

    private static Set<String> clean(Set<String> values, boolean upper) {
        if (values == null) {
            return Set.of();
        }
        return values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip)
                .map(v -> upper ? v.toUpperCase(Locale.ROOT) : v).collect(Collectors.toUnmodifiableSet());
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    public PackageFilters withCarriers(Set<String> v) {
        return new PackageFilters(v, shippingMethods, createdFrom, createdTo, sku, tags);
    }

    public PackageFilters withShippingMethods(Set<String> v) {
        return new PackageFilters(carriers, v, createdFrom, createdTo, sku, tags);
    }

    public PackageFilters withCreated(Instant from, Instant to) {
        return new PackageFilters(carriers, shippingMethods, from, to, sku, tags);
    }

    public PackageFilters withSku(String v) {
        return new PackageFilters(carriers, shippingMethods, createdFrom, createdTo, v, tags);
    }

    public PackageFilters withTags(Set<String> v) {
        return new PackageFilters(carriers, shippingMethods, createdFrom, createdTo, sku, v);
    }
}
