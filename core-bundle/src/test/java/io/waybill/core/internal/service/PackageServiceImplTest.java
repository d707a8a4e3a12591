package io.waybill.core.internal.service;

import io.waybill.core.internal.TestDatabase;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.demo.DemoData;
import io.waybill.core.model.OrderSummary;
import io.waybill.core.model.PackageQuery;
import io.waybill.core.model.PackageRow;
import io.waybill.core.model.PackageSort;
import io.waybill.core.model.PackageStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PackageServiceImplTest {

    private static DatabaseEngine db;
    private static PackageServiceImpl packages;

    @BeforeAll
    static void seed() throws Exception {
        db = TestDatabase.inMemory();
        assertTrue(DemoData.seedIfEmpty(db));
        packages = new PackageServiceImpl(db);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void demoDataIsSeededOnlyOnce() {
        assertFalse(DemoData.seedIfEmpty(db));
        assertEquals(DemoData.ORDERS, new OrderServiceImpl(db).count());
    }

    @Test
    void waitingPackagesArePagedWithoutGapsOrDuplicates() {
        PackageQuery waiting = PackageQuery.status(PackageStatus.WAITING);
        assertEquals(DemoData.ORDERS, packages.count(waiting));
        Set<String> seen = new HashSet<>();
        for (int offset = 0; offset < 60; offset += 7) {
            for (PackageRow r : packages.find(waiting, offset, 7, List.of(new PackageSort(PackageSort.Field.COUNTRY, true)))) {
                assertTrue(seen.add(r.packageNo()), "duplicate " + r.packageNo());
            }
        }
        assertEquals(DemoData.ORDERS, seen.size());
    }

    @Test
    void sortsByWeightDescending() {
        List<PackageRow> rows = packages.find(PackageQuery.all(), 0, 100,
                List.of(new PackageSort(PackageSort.Field.WEIGHT, false)));
        List<PackageRow> sorted = rows.stream()
                .sorted(Comparator.comparingInt(PackageRow::expectedWeightGrams).reversed()).toList();
        assertEquals(sorted.stream().map(PackageRow::expectedWeightGrams).toList(),
                rows.stream().map(PackageRow::expectedWeightGrams).toList());
    }

    @Test
    void filtersByStoreAndCountry() {
        PackageQuery q = PackageQuery.all().withStores(Set.of("ACME-SHOP")).withCountries(Set.of("CN"));
        List<PackageRow> rows = packages.find(q, 0, 100, List.of());
        assertFalse(rows.isEmpty());
        assertEquals(rows.size(), packages.count(q));
        assertTrue(rows.stream().allMatch(r -> r.storeCode().equals("ACME-SHOP") && r.countryCode().equals("CN")));
        assertTrue(rows.stream().allMatch(r -> r.skuSummary().matches("[A-Z0-9-]+ x\\d+(, [A-Z0-9-]+ x\\d+)*")),
                "SKU summaries look like 'SKU xN'");
    }

    @Test
    void unicodeAddressesRoundTripExactly() {
        List<String> buyers = new OrderServiceImpl(db).list(0, 100).stream().map(OrderSummary::buyerName).toList();
        assertTrue(buyers.contains("张伟"));
        assertTrue(buyers.contains("Иван Петров"));
        assertTrue(buyers.contains("محمد العتيبي"));
        List<PackageRow> found = packages.find(PackageQuery.all().withText("王芳"), 0, 10, List.of());
        assertFalse(found.isEmpty());
        assertTrue(found.stream().allMatch(r -> r.buyerName().equals("王芳")));
    }

    @Test
    void countsByStatusIncludeEveryStatus() {
        var counts = packages.countByStatus();
        assertEquals(PackageStatus.values().length, counts.size());
        assertEquals(DemoData.ORDERS, counts.get(PackageStatus.WAITING));
        assertEquals(0L, counts.get(PackageStatus.SHIPPED));
    }

    @Test
    void dataSurvivesReopeningAnOnDiskDatabase(@TempDir Path dir) throws Exception {
        try (DatabaseEngine disk = TestDatabase.onDisk(dir.resolve("db"))) {
            DemoData.seedIfEmpty(disk);
        }
        try (DatabaseEngine again = TestDatabase.onDisk(dir.resolve("db"))) {
            assertEquals(DemoData.ORDERS, new OrderServiceImpl(again).count());
            assertFalse(DemoData.seedIfEmpty(again));
        }
    }
}
