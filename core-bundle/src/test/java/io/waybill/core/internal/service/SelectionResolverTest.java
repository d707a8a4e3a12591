package io.waybill.core.internal.service;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.internal.Fixtures;
import io.waybill.core.internal.TestDatabase;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.model.PackageQuery;
import io.waybill.core.model.PackageSelection;
import io.waybill.core.model.PackageStatus;
import io.waybill.security.AccountStates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * "Select all" resolved by the package service: the query's filter, the viewer's scope, the unticked ids and the
 * bound. Store S1 (Leeds buyers, GB) ships from W1 and W2, store S2 (US) from W2 only. Packages: P1 S1 allocated
 * to W1, P2 S1 allocated to W2, P3 S1 waiting, P4 S2 allocated to W2, P5 S2 waiting, P6 S1 waiting, P7 S2 waiting.
 */
class SelectionResolverTest {

    private static DatabaseEngine db;
    private static PackageServiceImpl packages;

    @BeforeAll
    static void seed() throws Exception {
        db = TestDatabase.inMemory();
        Fixtures.basic(db);
        Fixtures.exec(db, "INSERT INTO WB_STORE (ID, VERSION, CODE, NAME, PLATFORM) VALUES (2, 1, 'S2', 'Two', 'test')");
        Fixtures.exec(db, "INSERT INTO WB_STORE_WAREHOUSE VALUES (2, 12, 1)");
        Object[][] rows = {{1, 1, 11, "ALLOCATED", "GB"}, {2, 1, 12, "ALLOCATED", "GB"}, {3, 1, null, "WAITING", "GB"},
                {4, 2, 12, "ALLOCATED", "US"}, {5, 2, null, "WAITING", "US"}, {6, 1, null, "WAITING", "GB"},
                {7, 2, null, "WAITING", "US"}};
        for (Object[] r : rows) {
            int n = (Integer) r[0];
            Fixtures.exec(db, "INSERT INTO WB_ORDER (ID, VERSION, STORE_ID, PLATFORM_ORDER_ID, ORDER_NO, BUYER_NAME, "
                    + "LINE1, CITY, COUNTRY_CODE, CANCELLED, CREATED_AT, CAPTURED_AT, UPDATED_AT) VALUES (" + (100 + n)
                    + ", 1, " + r[1] + ", 'PO" + n + "', 'O" + n + "', 'Buyer " + n + "', '1 Main St', 'Town', '"
                    + r[4] + "', FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            Fixtures.exec(db, "INSERT INTO WB_PACKAGE (ID, VERSION, PACKAGE_NO, ORDER_ID, STATUS, WAREHOUSE_ID, "
                    + "EXPECTED_WEIGHT_GRAMS, PRINT_COUNT, CREATED_AT, UPDATED_AT) VALUES (" + (200 + n) + ", 1, 'P" + n
                    + "', " + (100 + n) + ", '" + r[3] + "', " + r[2] + ", 100, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        }
        packages = new PackageServiceImpl(db);
        Map<String, AccountStates.State> scopes = Map.of(
                "w1", AccountStates.State.DEFAULT.withScope(Set.of("W1"), Set.of()),
                "s2", AccountStates.State.DEFAULT.withScope(Set.of(), Set.of("S2")));
        packages.setScopes(user -> scopes.getOrDefault(user, AccountStates.State.DEFAULT));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static Set<Long> ids(String numbers) {
        return Arrays.stream(numbers.split(",")).filter(s -> !s.isBlank())
                .map(s -> 200L + Integer.parseInt(s.strip().substring(1))).collect(Collectors.toSet());
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} minus [{4}] -> {5}")
    @CsvSource(delimiter = '|', value = {
            // viewer | status    | store | text     | excluded | expected, in id order
            "admin    | WAITING   | ''    | ''       | ''       | P3,P5,P6,P7",
            "admin    | WAITING   | ''    | ''       | P5,P6    | P3,P7",
            "admin    | WAITING   | S2    | ''       | ''       | P5,P7",
            "admin    | ''        | ''    | buyer 4  | ''       | P4",
            "w1       | ''        | ''    | ''       | ''       | P1,P3,P6",       // W1's package and S1's waiting ones
            "w1       | WAITING   | ''    | ''       | P3       | P6",
            "s2       | WAITING   | ''    | ''       | ''       | P5,P7",
            "s2       | WAITING   | S1    | ''       | ''       | ''",             // a filter never widens the scope
            "admin    | VOIDED    | ''    | ''       | ''       | ''",
    })
    void resolvesTheFilterInTheViewersScopeMinusTheUntickedIds(String viewer, String status, String store,
                                                               String text, String excluded, String expected) {
        // given
        PackageQuery query = new PackageQuery(
                status.isBlank() ? Set.of() : Set.of(PackageStatus.valueOf(status)),
                store.isBlank() ? Set.of() : Set.of(store), Set.of(), text, viewer);

        // when
        Map<Long, String> resolved = packages.resolve(new PackageSelection(query, ids(excluded)), 100);

        // then
        List<String> want = Arrays.stream(expected.split(",")).filter(s -> !s.isBlank()).map(String::strip).toList();
        assertEquals(want, List.copyOf(resolved.values()), "package numbers in id order");
        resolved.forEach((id, no) -> assertEquals("P" + (id - 200), no, "id " + id));
        // every unticked id above matches its query: the resolved set is the counted one without them
        assertEquals(packages.count(query) - ids(excluded).size(), resolved.size(), "resolved = counted - unticked");
    }

    @Test
    void moreThanTheBoundIsRefusedWithAReason() {
        PackageSelection waiting = PackageSelection.all(PackageQuery.status(PackageStatus.WAITING));

        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> packages.resolve(waiting, 3));

        assertEquals("selection_too_large", e.code());
        assertEquals("More than 3 packages are selected; narrow the filter (store, country, search) and run the "
                + "action in parts", e.getMessage());
    }

    @Test
    void untickedIdsDoNotCountTowardsTheBound() {
        // 4 waiting, 2 unticked: 2 remain, within a bound of 2
        PackageSelection selection = new PackageSelection(PackageQuery.status(PackageStatus.WAITING), ids("P3,P7"));

        Map<Long, String> resolved = packages.resolve(selection, 2);

        assertEquals(List.of("P5", "P6"), List.copyOf(resolved.values()));
    }

    @Test
    void theBoundNeverExceedsTheLargestSelection() {
        assertEquals(4, packages.resolve(PackageSelection.all(PackageQuery.status(PackageStatus.WAITING)),
                Integer.MAX_VALUE).size());
        assertThrows(IllegalArgumentException.class, () -> packages.resolve(
                PackageSelection.all(PackageQuery.all()), -1));
    }
}
