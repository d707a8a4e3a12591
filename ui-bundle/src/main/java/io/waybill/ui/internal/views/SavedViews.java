package io.waybill.ui.internal.views;

import io.waybill.core.api.UserPreferenceService;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A user's saved views of Delivery Management (issue 13 item 12): a name for a tab with its search, filters and sort
 * (the URL state, {@link DeliveryUrlState}), kept per user in the core's {@link UserPreferenceService}, so they follow
 * the user to every session and device.
 * <p>
 * Stored as one preference per view, {@code delivery.view.<id>} = {@code name=<name>&tab=<slug>&<URL parameters>}
 * (URL-encoded, so any name and filter value fits), and the index {@code delivery.views} = the ids in the order
 * saved. A save writes the view before the index and a delete removes it from the index first: a failure between
 * the two leaves at most an unlisted entry, never a listed view without its data. A view that can no longer be read
 * is not listed.
 * <p>
 * Refusals (nothing written) carry a code the UI translates ({@code views.refused.<code>}): {@code name_blank},
 * {@code name_long} (over {@value #MAX_NAME} characters), {@code name_invalid} (a control or formatting character),
 * {@code full} ({@value #MAX_VIEWS} views; a save under an existing name replaces that view and is always possible)
 * and {@code too_large} (the filters do not fit into one preference).
 */
final class SavedViews {

    static final String INDEX_KEY = "delivery.views";
    static final String VIEW_KEY_PREFIX = "delivery.view.";
    static final int MAX_VIEWS = 20;
    static final int MAX_NAME = 60;

    /** A saved view: its id (the preference key's suffix), name, tab and list state. */
    record View(String id, String name, DeliveryTab tab, DeliveryUrlState state) {
        /** The route and query parameters that open it. */
        String route() {
            return "delivery/" + tab.slug();
        }
    }

    /** A refused save, with the code of its translated reason. */
    static final class Refused extends RuntimeException {
        private final String code;

        Refused(String code) {
            super(code);
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    private final UserPreferenceService preferences;
    private final String user;

    SavedViews(UserPreferenceService preferences, String user) {
        this.preferences = preferences;
        this.user = user;
    }

    /** The user's views in the order saved (replacing one keeps its place). */
    List<View> list() {
        List<View> views = new ArrayList<>();
        for (String id : ids()) {
            preferences.get(user, VIEW_KEY_PREFIX + id).flatMap(v -> decode(id, v)).ifPresent(views::add);
        }
        return views;
    }

    /**
     * Saves the tab and state under the name (stripped); a view of the same name (case ignored) is replaced.
     *
     * @return the saved view
     * @throws Refused with the reason's code; nothing is written
     */
    View save(String name, DeliveryTab tab, DeliveryUrlState state) {
        String clean = checkName(name);
        List<View> views = list();
        Optional<View> same = views.stream().filter(v -> v.name().equalsIgnoreCase(clean)).findFirst();
        if (same.isEmpty() && views.size() >= MAX_VIEWS) {
            throw new Refused("full");
        }
        String value = encode(clean, tab, state);
        if (value.length() > UserPreferenceService.MAX_VALUE_LENGTH) {
            throw new Refused("too_large");
        }
        List<String> ids = new ArrayList<>(ids());
        String id = same.map(View::id).orElseGet(() -> nextId(ids));
        preferences.put(user, VIEW_KEY_PREFIX + id, value);
        if (!ids.contains(id)) {
            ids.add(id);
            preferences.putList(user, INDEX_KEY, ids);
        }
        return new View(id, clean, tab, state);
    }

    /** Deletes the view; nothing happens when it does not exist (any more). */
    void delete(String id) {
        List<String> ids = new ArrayList<>(ids());
        if (ids.remove(id)) {
            preferences.putList(user, INDEX_KEY, ids);
        }
        preferences.remove(user, VIEW_KEY_PREFIX + id);
    }

    /** The name as saved: stripped, not blank, at most {@value #MAX_NAME} characters, no control characters. */
    static String checkName(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new Refused("name_blank");
        }
        if (clean.codePointCount(0, clean.length()) > MAX_NAME) {
            throw new Refused("name_long");
        }
        if (clean.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            throw new Refused("name_invalid");
        }
        return clean;
    }

    private List<String> ids() {
        return preferences.getList(user, INDEX_KEY).orElse(List.of()).stream()
                .filter(id -> id.matches("[0-9]{1,9}")).distinct().toList();
    }

    private static String nextId(List<String> ids) {
        return String.valueOf(ids.stream().mapToInt(Integer::parseInt).max().orElse(0) + 1);
    }

    static String encode(String name, DeliveryTab tab, DeliveryUrlState state) {
        StringBuilder s = new StringBuilder("name=").append(enc(name)).append("&tab=").append(tab.slug());
        for (Map.Entry<String, List<String>> p : state.toParameters().entrySet()) {
            for (String v : p.getValue()) {
                s.append('&').append(enc(p.getKey())).append('=').append(enc(v));
            }
        }
        return s.toString();
    }

    /** The view of a stored value; empty when it has no name (a tab no longer known falls back to the default). */
    static Optional<View> decode(String id, String value) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : value.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            try {
                params.computeIfAbsent(dec(kv[0]), k -> new ArrayList<>()).add(kv.length > 1 ? dec(kv[1]) : "");
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        List<String> names = params.remove("name");
        List<String> tabs = params.remove("tab");
        if (names == null || names.isEmpty() || names.get(0).isBlank()) {
            return Optional.empty();
        }
        DeliveryTab tab = tabs == null || tabs.isEmpty() ? DeliveryTab.DEFAULT
                : DeliveryTab.fromSlug(tabs.get(0).toLowerCase(Locale.ROOT)).orElse(DeliveryTab.DEFAULT);
        return Optional.of(new View(id, names.get(0).strip(), tab, DeliveryUrlState.parse(params)));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String dec(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
