package io.waybill.ui.internal.views;

import io.waybill.core.model.PackageSort;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a Delivery Management list shows besides its tab (issue 13 item 11), as URL query parameters, so a refresh
 * and a shared link keep it: {@code /delivery/tracked?q=ann&scope=all&store=ACME&country=DE&carrier=pool
 * &method=STANDARD&from=2026-12-01&to=2026-12-07&sku=MUG-1&tag=fragile&sort=created.desc,package_no.asc}.
 * Several values of one filter are repeated or comma-separated. Parsing never fails: an unknown parameter, a bad
 * date, an unknown sort field or direction, a reversed date range is left out (the default applies). Store,
 * country, carrier and method values the list does not offer are dropped by the view when it selects them.
 *
 * @param text     the search box, or "" (at most {@value #MAX_TEXT} characters are kept)
 * @param allStatuses search every status instead of the tab's
 * @param stores   store codes
 * @param countries destination countries (ISO alpha-2, upper case)
 * @param carriers carrier ids
 * @param methods  shipping method codes
 * @param from     created on or after this day, or null
 * @param to       created on or before this day, or null
 * @param sku      one SKU, or ""
 * @param tags     package tags
 * @param sort     the grid's sort, empty = the list's default
 */
public record DeliveryUrlState(String text, boolean allStatuses, Set<String> stores, Set<String> countries,
                               Set<String> carriers, Set<String> methods, LocalDate from, LocalDate to, String sku,
                               Set<String> tags, List<PackageSort> sort) {

    static final int MAX_TEXT = 200;
    static final int MAX_VALUES = 50;

    public static final DeliveryUrlState EMPTY = new DeliveryUrlState("", false, Set.of(), Set.of(), Set.of(),
            Set.of(), null, null, "", Set.of(), List.of());

    public DeliveryUrlState {
        text = clip(text);
        sku = clip(sku);
        stores = copy(stores);
        countries = copy(countries);
        carriers = copy(carriers);
        methods = copy(methods);
        tags = copy(tags);
        sort = sort == null ? List.of() : List.copyOf(sort);
        if (from != null && to != null && to.isBefore(from)) {
            to = null;
        }
    }

    private static String clip(String s) {
        if (s == null) {
            return "";
        }
        String t = s.strip();
        return t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT) : t;
    }

    private static Set<String> copy(Set<String> values) {
        return values == null ? Set.of() : java.util.Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }

    /** The state of the query parameters; whatever cannot be read is left at its default. */
    public static DeliveryUrlState parse(Map<String, List<String>> params) {
        if (params == null) {
            return EMPTY;
        }
        Set<String> countries = new LinkedHashSet<>();
        for (String c : values(params, "country")) {
            if (c.matches("[A-Za-z]{2}")) {
                countries.add(c.toUpperCase(Locale.ROOT));
            }
        }
        return new DeliveryUrlState(first(params, "q"), "all".equalsIgnoreCase(first(params, "scope")),
                values(params, "store"), countries, values(params, "carrier"), values(params, "method"),
                date(first(params, "from")), date(first(params, "to")), first(params, "sku"), values(params, "tag"),
                sort(first(params, "sort")));
    }

    /** The query parameters of this state, defaults left out, in a fixed order. */
    public Map<String, List<String>> toParameters() {
        Map<String, List<String>> p = new LinkedHashMap<>();
        put(p, "q", text);
        if (allStatuses) {
            p.put("scope", List.of("all"));
        }
        putAll(p, "store", stores);
        putAll(p, "country", countries);
        putAll(p, "carrier", carriers);
        putAll(p, "method", methods);
        if (from != null) {
            p.put("from", List.of(from.toString()));
        }
        if (to != null) {
            p.put("to", List.of(to.toString()));
        }
        put(p, "sku", sku);
        putAll(p, "tag", tags);
        if (!sort.isEmpty()) {
            List<String> keys = new ArrayList<>();
            for (PackageSort s : sort) {
                keys.add(s.field().name().toLowerCase(Locale.ROOT) + (s.ascending() ? ".asc" : ".desc"));
            }
            p.put("sort", List.of(String.join(",", keys)));
        }
        return p;
    }

    public DeliveryUrlState withSort(List<PackageSort> newSort) {
        return new DeliveryUrlState(text, allStatuses, stores, countries, carriers, methods, from, to, sku, tags,
                newSort);
    }

    private static void put(Map<String, List<String>> p, String name, String value) {
        if (!value.isEmpty()) {
            p.put(name, List.of(value));
        }
    }

    private static void putAll(Map<String, List<String>> p, String name, Set<String> values) {
        if (!values.isEmpty()) {
            p.put(name, List.copyOf(values));
        }
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() || v.get(0) == null ? "" : v.get(0);
    }

    /** Repeated and comma-separated values, stripped, blanks and overlong ones dropped, at most 50. */
    private static Set<String> values(Map<String, List<String>> params, String name) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : params.getOrDefault(name, List.of())) {
            if (v == null) {
                continue;
            }
            for (String part : v.split(",")) {
                String s = part.strip();
                if (!s.isEmpty() && s.length() <= 100 && out.size() < MAX_VALUES) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    private static LocalDate date(String s) {
        if (s.isEmpty()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(s.strip());
            return d.getYear() < 1970 || d.getYear() > 9999 ? null : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** {@code created.desc,package_no.asc}: unknown fields and directions are skipped, each field once. */
    static List<PackageSort> sort(String s) {
        List<PackageSort> sorts = new ArrayList<>();
        for (String part : s.split(",")) {
            String[] fd = part.strip().split("\\.", -1);
            if (fd.length != 2) {
                continue;
            }
            PackageSort.Field field = Arrays.stream(PackageSort.Field.values())
                    .filter(f -> f.name().equalsIgnoreCase(fd[0].strip())).findFirst().orElse(null);
            String dir = fd[1].strip().toLowerCase(Locale.ROOT);
            if (field == null || !(dir.equals("asc") || dir.equals("desc"))
                    || sorts.stream().anyMatch(x -> x.field() == field)) {
                continue;
            }
            sorts.add(new PackageSort(field, dir.equals("asc")));
        }
        return sorts;
    }
}
