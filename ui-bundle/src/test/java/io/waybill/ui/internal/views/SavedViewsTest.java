package io.waybill.ui.internal.views;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.UserPreferenceService;
import io.waybill.core.model.PackageSort;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SavedViewsTest {

    /** The core's contract in memory: per user, values up to the length limit. */
    private static final class Preferences implements UserPreferenceService {
        final Map<String, String> values = new HashMap<>();
        String failOnPutOf;

        @Override
        public Optional<String> get(String user, String key) {
            return Optional.ofNullable(values.get(user + "/" + key));
        }

        @Override
        public void put(String user, String key, String value) {
            if (key.equals(failOnPutOf)) {
                throw new OperationRefusedException("test", "refused");
            }
            if (value != null && value.length() > MAX_VALUE_LENGTH) {
                throw new OperationRefusedException("preference_value", "too long");
            }
            if (value == null) {
                values.remove(user + "/" + key);
            } else {
                values.put(user + "/" + key, value);
            }
        }

        @Override
        public void remove(String user, String key) {
            values.remove(user + "/" + key);
        }
    }

    private final Preferences prefs = new Preferences();
    private final SavedViews ann = new SavedViews(prefs, "ann");

    private static final DeliveryUrlState RICH = new DeliveryUrlState("ann lee, & co=1", true, Set.of("ACME", "B"),
            Set.of("DE"), Set.of("pool"), Set.of("STANDARD"), LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 7),
            "MUG-1", Set.of("fragile", "vip"), List.of(new PackageSort(PackageSort.Field.CREATED, false)));

    @Test
    void aSavedViewComesBackWithItsTabAndEveryFilter() {
        SavedViews.View saved = ann.save("  德国 · tracked, fragile & co  ", DeliveryTab.TRACKED, RICH);

        assertEquals("德国 · tracked, fragile & co", saved.name());
        List<SavedViews.View> views = ann.list();
        assertEquals(List.of(saved), views);
        assertEquals(RICH, views.get(0).state());
        assertEquals(DeliveryTab.TRACKED, views.get(0).tab());
        assertEquals("delivery/tracked", views.get(0).route());
    }

    @Test
    void viewsArePerUser() {
        ann.save("mine", DeliveryTab.WAITING, DeliveryUrlState.EMPTY);
        assertEquals(List.of(), new SavedViews(prefs, "bob").list());
        assertEquals(1, ann.list().size());
    }

    @Test
    void theSameNameReplacesInPlaceAndDeleteRemoves() {
        SavedViews.View a = ann.save("A", DeliveryTab.WAITING, DeliveryUrlState.EMPTY);
        SavedViews.View b = ann.save("B", DeliveryTab.VOIDED, DeliveryUrlState.EMPTY);
        SavedViews.View a2 = ann.save("a", DeliveryTab.SHIPPED, RICH);

        assertEquals(a.id(), a2.id());
        assertEquals(List.of("a", "B"), ann.list().stream().map(SavedViews.View::name).toList());
        assertEquals(DeliveryTab.SHIPPED, ann.list().get(0).tab());

        ann.delete(a.id());
        assertEquals(List.of(b), ann.list());
        assertTrue(prefs.get("ann", SavedViews.VIEW_KEY_PREFIX + a.id()).isEmpty(), "the entry is removed");
        ann.delete("999");
        assertEquals(List.of(b), ann.list());
        // a new view after a delete gets a fresh id
        SavedViews.View c = ann.save("C", DeliveryTab.WAITING, DeliveryUrlState.EMPTY);
        assertTrue(!c.id().equals(b.id()));
    }

    @Test
    void badNamesAreRefusedAndNothingIsWritten() {
        for (Map.Entry<String, String> bad : Map.of("   ", "name_blank", "x".repeat(SavedViews.MAX_NAME + 1),
                "name_long", "tab\there", "name_invalid", "rtl\u202Eoverride", "name_invalid").entrySet()) {
            SavedViews.Refused e = assertThrows(SavedViews.Refused.class,
                    () -> ann.save(bad.getKey(), DeliveryTab.WAITING, DeliveryUrlState.EMPTY));
            assertEquals(bad.getValue(), e.code(), bad.getKey());
        }
        assertTrue(prefs.values.isEmpty(), () -> "written: " + prefs.values);
        // exactly the longest name, counted in characters (not UTF-16 units)
        assertEquals(SavedViews.MAX_NAME, ann.save("视".repeat(SavedViews.MAX_NAME), DeliveryTab.WAITING,
                DeliveryUrlState.EMPTY).name().length());
    }

    @Test
    void atMostTwentyViewsButAnExistingNameCanStillBeReplaced() {
        for (int i = 1; i <= SavedViews.MAX_VIEWS; i++) {
            ann.save("view " + i, DeliveryTab.WAITING, DeliveryUrlState.EMPTY);
        }
        Map<String, String> before = Map.copyOf(prefs.values);
        SavedViews.Refused e = assertThrows(SavedViews.Refused.class,
                () -> ann.save("one more", DeliveryTab.WAITING, DeliveryUrlState.EMPTY));
        assertEquals("full", e.code());
        assertEquals(before, prefs.values);
        ann.save("VIEW 3", DeliveryTab.TRACKED, RICH);
        assertEquals(SavedViews.MAX_VIEWS, ann.list().size());
    }

    @Test
    void aViewTooLargeForOnePreferenceIsRefusedWhole() {
        Set<String> tags = new java.util.LinkedHashSet<>();
        for (int i = 0; i < DeliveryUrlState.MAX_VALUES; i++) {
            tags.add("标签-" + "x".repeat(20) + i);
        }
        DeliveryUrlState huge = new DeliveryUrlState("", false, Set.of(), Set.of(), Set.of(), Set.of(), null, null, "",
                tags, List.of());
        SavedViews.Refused e = assertThrows(SavedViews.Refused.class,
                () -> ann.save("huge", DeliveryTab.WAITING, huge));
        assertEquals("too_large", e.code());
        assertTrue(prefs.values.isEmpty());
    }

    @Test
    void aFailedIndexWriteLeavesNoListedViewWithoutData() {
        prefs.failOnPutOf = SavedViews.INDEX_KEY;
        assertThrows(OperationRefusedException.class, () -> ann.save("x", DeliveryTab.WAITING, RICH));
        assertEquals(List.of(), ann.list());
    }

    @Test
    void unreadableEntriesAreSkippedAndAnUnknownTabFallsBackToTheDefault() {
        prefs.put("ann", SavedViews.INDEX_KEY, "1,2,3,nonsense");
        prefs.put("ann", SavedViews.VIEW_KEY_PREFIX + "1", "tab=tracked");
        prefs.put("ann", SavedViews.VIEW_KEY_PREFIX + "2", "name=%ZZ&tab=tracked");
        prefs.put("ann", SavedViews.VIEW_KEY_PREFIX + "3", "name=Old&tab=gone&q=x&sort=bogus.up");
        List<SavedViews.View> views = ann.list();
        assertEquals(1, views.size());
        assertEquals("Old", views.get(0).name());
        assertEquals(DeliveryTab.DEFAULT, views.get(0).tab());
        assertEquals("x", views.get(0).state().text());
        assertEquals(List.of(), views.get(0).state().sort());
    }
}
