package io.waybill.core.internal.service;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.internal.TestDatabase;
import io.waybill.core.internal.db.DatabaseEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Per-user preferences (migration V20) on embedded Derby, and through {@link #run} on PostgreSQL in
 * PostgresUserPreferenceTest.
 */
class UserPreferenceServiceImplTest {

    private DatabaseEngine db;

    @BeforeEach
    void setUp() throws Exception {
        db = TestDatabase.inMemory();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void preferencesArePerUserReplacedRemovedAndValidated() {
        run(db);
    }

    @Test
    void aSecondServiceOnTheSameDatabaseReadsWhatTheFirstWrote() {
        // like a second session (another browser, another device): only the database is shared
        new UserPreferenceServiceImpl(db.dataSource(), Clock.systemUTC()).putList("op", "grid.delivery.columns",
                List.of("orderNo", "created"));
        assertEquals(Optional.of(List.of("orderNo", "created")),
                new UserPreferenceServiceImpl(db.dataSource(), Clock.systemUTC()).getList("op", "grid.delivery.columns"));
    }

    static void run(DatabaseEngine db) {
        UserPreferenceServiceImpl prefs = new UserPreferenceServiceImpl(db.dataSource(),
                Clock.fixed(Instant.parse("2026-12-07T03:00:00Z"), ZoneOffset.UTC));
        // unset
        assertEquals(Optional.empty(), prefs.get("op", "grid.delivery.columns"));
        assertEquals(Optional.empty(), prefs.getList("op", "grid.delivery.columns"));

        // set, replaced, per user
        prefs.putList("op", "grid.delivery.columns", List.of("packageNo", "orderNo", "created"));
        prefs.putList("sup", "grid.delivery.columns", List.of("store"));
        prefs.putList("op", "grid.delivery.columns", List.of("orderNo", "created"));
        assertEquals(Optional.of(List.of("orderNo", "created")), prefs.getList("op", "grid.delivery.columns"));
        assertEquals(Optional.of(List.of("store")), prefs.getList("sup", "grid.delivery.columns"));
        // the user name is stripped, as at sign-in
        assertEquals(Optional.of("orderNo,created"), prefs.get(" op ", "grid.delivery.columns"));

        // an empty list is a set value, not "never set"
        prefs.putList("op", "grid.sync.columns", List.of());
        assertEquals(Optional.of(List.of()), prefs.getList("op", "grid.sync.columns"));

        // Unicode values round-trip
        prefs.put("op", "view.note", "简体中文 · ok");
        assertEquals(Optional.of("简体中文 · ok"), prefs.get("op", "view.note"));

        // removed (twice is fine), and a null value removes too
        prefs.remove("op", "grid.sync.columns");
        prefs.remove("op", "grid.sync.columns");
        assertEquals(Optional.empty(), prefs.get("op", "grid.sync.columns"));
        prefs.put("op", "view.note", null);
        assertEquals(Optional.empty(), prefs.get("op", "view.note"));

        // bad input: a reason, nothing written
        assertRefused("preference_user", () -> prefs.put(" ", "a.b", "x"));
        assertRefused("preference_user", () -> prefs.get(null, "a.b"));
        assertRefused("preference_user", () -> prefs.put("u".repeat(101), "a.b", "x"));
        assertRefused("preference_key", () -> prefs.put("op", "Grid.Columns", "x"));
        assertRefused("preference_key", () -> prefs.put("op", "", "x"));
        assertRefused("preference_key", () -> prefs.put("op", "a".repeat(101), "x"));
        assertRefused("preference_key", () -> prefs.get("op", "a b"));
        assertRefused("preference_value", () -> prefs.put("op", "grid.delivery.columns", "x".repeat(2001)));
        assertRefused("preference_value", () -> prefs.put("op", "grid.delivery.columns", "a\nb"));
        assertRefused("preference_value", () -> prefs.put("op", "grid.delivery.columns", "\u202Eabc"));
        assertRefused("preference_list", () -> prefs.putList("op", "grid.delivery.columns", List.of("a,b")));
        assertRefused("preference_list", () -> prefs.putList("op", "grid.delivery.columns", List.of(" ")));
        assertEquals(Optional.of(List.of("orderNo", "created")), prefs.getList("op", "grid.delivery.columns"));

        // the longest value fits the column
        String longest = "v".repeat(2000);
        prefs.put("op", "x.long", longest);
        assertEquals(Optional.of(longest), prefs.get("op", "x.long"));
    }

    private static void assertRefused(String code, Runnable call) {
        OperationRefusedException e = assertThrows(OperationRefusedException.class, call::run);
        assertEquals(code, e.code(), e.getMessage());
    }
}
