package io.waybill.core.internal.service;

import io.waybill.core.internal.Fixtures;
import io.waybill.core.internal.TestDatabase;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.model.PackageQuery;
import io.waybill.core.model.PackageRow;
import io.waybill.core.model.PackageStatus;
import io.waybill.security.AccountStates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A user's warehouse/store scope applied by the package service: lists, counts per status and the detail by id.
 * Store S1 ships from W1 and W2, store S2 from W2 only. Packages: P1 S1 allocated to W1, P2 S1 allocated to W2,
 * P3 S1 waiting (no warehouse), P4 S2 allocated to W2, P5 S2 waiting.
 */
class PackageScopeTest {

    private static DatabaseEngine db;
    private static PackageServiceImpl packages;
    private static final Map<String, AccountStates.State> SCOPES = Map.of(
            "w1", scope("W1", ""), "w2", scope("W2", ""), "s2", scope("", "S2"), "w1s2", scope("W1", "S2"),
            "w1w2", scope("W1,W2", ""));

    private static AccountStates.State scope(String warehouses, String stores) {
        return AccountStates.State.DEFAULT.withScope(codes(warehouses), codes(stores));
    }

    private static Set<String> codes(String text) {
        return Arrays.stream(text.split(",")).filter(s -> !s.isBlank()).collect(Collectors.toSet());
    }

    @BeforeAll
    static void seed() throws Exception {
        db = TestDatabase.inMemory();
        Fixtures.basic(db);
        Fixtures.exec(db, "INSERT INTO WB_STORE (ID, VERSION, CODE, NAME, PLATFORM) VALUES (2, 1, 'S2', 'Two', 'test')");
        Fixtures.exec(db, "INSERT INTO WB_STORE_WAREHOUSE VALUES (2, 12, 1)");
        Object[][] rows = {{1, 1, 11, "ALLOCATED"}, {2, 1, 12, "ALLOCATED"}, {3, 1, null, "WAITING"},
                {4, 2, 12, "ALLOCATED"}, {5, 2, null, "WAITING"}};
        for (Object[] r : rows) {
            int n = (Integer) r[0];
            Fixtures.exec(db, "INSERT INTO WB_ORDER (ID, VERSION, STORE_ID, PLATFORM_ORDER_ID, ORDER_NO, BUYER_NAME, "
                    + "LINE1, CITY, COUNTRY_CODE, CANCELLED, CREATED_AT, CAPTURED_AT, UPDATED_AT) VALUES (" + (100 + n)
                    + ", 1, " + r[1] + ", 'PO" + n + "', 'O" + n + "', 'Buyer', '1 Main St', 'Town', 'US', FALSE, "
                    + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            Fixtures.exec(db, "INSERT INTO WB_PACKAGE (ID, VERSION, PACKAGE_NO, ORDER_ID, STATUS, WAREHOUSE_ID, "
                    + "EXPECTED_WEIGHT_GRAMS, PRINT_COUNT, CREATED_AT, UPDATED_AT) VALUES (" + (200 + n) + ", 1, 'P" + n
                    + "', " + (100 + n) + ", '" + r[3] + "', " + r[2] + ", 100, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        }
        packages = new PackageServiceImpl(db);
        packages.setScopes(user -> SCOPES.getOrDefault(user, AccountStates.State.DEFAULT));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @ParameterizedTest(name = "{0} sees {1}")
    @CsvSource(delimiter = '|', value = {
            "admin  | P1,P2,P3,P4,P5",   // no scope
            "w1     | P1,P3",            // W1's package and S1's waiting one (S1 ships from W1)
            "w2     | P2,P3,P4,P5",      // both stores ship from W2
            "s2     | P4,P5",
            "w1s2   | ''",               // W1 and S2 never meet
            "w1w2   | P1,P2,P3,P4,P5",
    })
    void listsCountsAndDetailsFollowTheScope(String user, String expected) {
        Set<String> want = codes(expected == null ? "" : expected);
        // when
        PackageQuery query = PackageQuery.all().forViewer(user);
        List<PackageRow> rows = packages.find(query, 0, 100, List.of());
        // then
        assertEquals(new TreeSet<>(want), rows.stream().map(PackageRow::packageNo).collect(Collectors.toCollection(TreeSet::new)));
        assertEquals(want.size(), packages.count(query));
        Map<PackageStatus, Long> counts = packages.countByStatus(user);
        assertEquals(want.size(), counts.values().stream().mapToLong(Long::longValue).sum());
        for (int n = 1; n <= 5; n++) {
            assertEquals(want.contains("P" + n), packages.detail(200 + n, user).isPresent(), "detail P" + n);
        }
        // filters of the query still apply inside the scope
        long allocated = packages.count(PackageQuery.status(PackageStatus.ALLOCATED).forViewer(user));
        assertEquals(want.stream().filter(p -> !p.equals("P3") && !p.equals("P5")).count(), allocated);
    }

    @ParameterizedTest
    @CsvSource({"P1", "P5"})
    void withoutAViewerNothingIsFiltered(String no) {
        assertTrue(packages.detail(200 + Integer.parseInt(no.substring(1))).isPresent());
        assertEquals(5, packages.count(PackageQuery.all()));
    }
}
