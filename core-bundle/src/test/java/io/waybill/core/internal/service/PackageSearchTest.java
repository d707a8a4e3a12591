package io.waybill.core.internal.service;

import io.waybill.core.internal.Fixtures;
import io.waybill.core.internal.TestDatabase;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.model.PackageFilters;
import io.waybill.core.model.PackageQuery;
import io.waybill.core.model.PackageRow;
import io.waybill.core.model.PackageStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The search box and the further filters (issue 13 item 12) on embedded Derby. Packages: P1 (order ORD-1, SKU A,
 * buyer Ann Lee ann@example.com +1 555 0101, waiting, created 2026-01-05, tag FRAGILE), P2 (ORD-10, SKU B, Bob
 * Stone, tracked with TN-2 at carrier pool, created 2026-02-10), P3 (ORD-100, SKUs A and ZQ-SKU, Chen Wei, waiting,
 * store S2 whose default method is EXPRESS on carrier fast, created 2026-03-15, tags fragile and VIP).
 */
class PackageSearchTest {

    private static DatabaseEngine db;
    private static PackageServiceImpl packages;

    @BeforeAll
    static void seed() throws Exception {
        db = TestDatabase.inMemory();
        Fixtures.basic(db);
        Fixtures.exec(db, "INSERT INTO WB_STORE (ID, VERSION, CODE, NAME, PLATFORM) VALUES (2, 1, 'S2', 'Store two', 'test')");
        Fixtures.exec(db, "INSERT INTO WB_SHIPPING_METHOD (STORE_ID, CODE, CARRIER_ID, SERVICE_CODE, IS_DEFAULT) "
                + "VALUES (1, 'STANDARD', 'pool', NULL, TRUE)");
        Fixtures.exec(db, "INSERT INTO WB_SHIPPING_METHOD (STORE_ID, CODE, CARRIER_ID, SERVICE_CODE, IS_DEFAULT) "
                + "VALUES (2, 'EXPRESS', 'fast', NULL, TRUE)");
        order(1, 1, "ORD-1", "Ann Lee", "'ann@example.com'", "'+1 555 0101'", "WAITING", null, null, "2026-01-05");
        order(2, 1, "ORD-10", "Bob Stone", "NULL", "NULL", "TRACKED", "'TN-2'", "'pool'", "2026-02-10");
        order(3, 2, "ORD-100", "Chen Wei", "'chen@example.cn'", "NULL", "WAITING", null, null, "2026-03-15");
        line(1, 1, 21);
        line(2, 2, 22);
        line(3, 3, 21);
        Fixtures.exec(db, "INSERT INTO WB_SKU (ID, VERSION, CODE, NAME, WEIGHT_GRAMS) VALUES (24, 1, 'ZQ-SKU', 'Zq', 5)");
        line(4, 3, 24);
        tag(1, "FRAGILE", 0);
        tag(3, "fragile", 0);
        tag(3, "VIP", 1);
        packages = new PackageServiceImpl(db);
    }

    private static void order(int n, int store, String orderNo, String buyer, String email, String phone,
                              String status, String tracking, String carrier, String day) throws Exception {
        Fixtures.exec(db, "INSERT INTO WB_ORDER (ID, VERSION, STORE_ID, PLATFORM_ORDER_ID, ORDER_NO, BUYER_NAME, LINE1, "
                + "CITY, COUNTRY_CODE, CANCELLED, CREATED_AT, CAPTURED_AT, UPDATED_AT, BUYER_EMAIL, BUYER_PHONE) VALUES ("
                + (100 + n) + ", 1, " + store + ", 'PO" + n + "', '" + orderNo + "', '" + buyer + "', '1 Main St', "
                + "'Town', 'US', FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, " + email + ", "
                + phone + ")");
        Fixtures.exec(db, "INSERT INTO WB_PACKAGE (ID, VERSION, PACKAGE_NO, ORDER_ID, STATUS, TRACKING_NO, CARRIER_ID, "
                + "EXPECTED_WEIGHT_GRAMS, PRINT_COUNT, CREATED_AT, UPDATED_AT) VALUES (" + (200 + n) + ", 1, 'P" + n
                + "', " + (100 + n) + ", '" + status + "', " + tracking + ", " + carrier + ", 100, 0, TIMESTAMP('"
                + day + " 12:00:00'), CURRENT_TIMESTAMP)");
    }

    private static void line(int id, int order, int sku) throws Exception {
        Fixtures.exec(db, "INSERT INTO WB_ORDER_LINE (ID, VERSION, ORDER_ID, LINE_NO, SKU_ID, QUANTITY) VALUES ("
                + (300 + id) + ", 1, " + (100 + order) + ", " + id + ", " + sku + ", 1)");
    }

    private static void tag(int pkg, String tag, int pos) throws Exception {
        Fixtures.exec(db, "INSERT INTO WB_PACKAGE_TAG (PACKAGE_ID, TAG, POS, ADDED_AT) VALUES (" + (200 + pkg) + ", '"
                + tag + "', " + pos + ", CURRENT_TIMESTAMP)");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static List<String> found(PackageQuery q) {
        List<String> nos = packages.find(q, 0, 100, List.of()).stream().map(PackageRow::packageNo).sorted().toList();
        assertEquals(nos.size(), packages.count(q), "count = rows of " + q);
        return nos;
    }

    private static List<String> search(String text) {
        return found(PackageQuery.all().withText(text));
    }

    @Test
    void anExactNumberFindsOnlyItsPackages() {
        assertEquals(List.of("P1"), search("ORD-1"), "order no. exactly: not ORD-10, ORD-100");
        assertEquals(List.of("P1"), search("ord-1"), "as typed in lower case");
        assertEquals(List.of("P2"), search("TN-2"), "tracking no.");
        assertEquals(List.of("P2"), search("tn-2"));
        assertEquals(List.of("P3"), search(" P3 "), "package no.");
    }

    @Test
    void otherTextMatchesAPartOfEverySearchedField() {
        assertEquals(List.of("P1", "P2", "P3"), search("ORD-"), "order no. part");
        assertEquals(List.of("P1"), search("ann@example"), "buyer e-mail");
        assertEquals(List.of("P1"), search("555 01"), "buyer phone");
        assertEquals(List.of("P3"), search("chen w"), "buyer name, ignoring case");
        assertEquals(List.of("P2"), search("TN-"), "tracking no. part");
        assertEquals(List.of("P3"), search("zq-s"), "a part of SKU ZQ-SKU");
        assertEquals(List.of(), search("nothing-like-this"));
    }

    @Test
    void theStartOfAFieldIsFoundThroughItsIndexAndAPartInTheMiddleStillByScan() {
        // issue 15: prefixes of package no., tracking no., order no., buyer name and e-mail, SKU code (V26 indexes)
        assertEquals(List.of(202L), db.read(em -> PackageSearch.prefix(em, "bob s")), "buyer name, ignoring case");
        assertEquals(List.of(203L), db.read(em -> PackageSearch.prefix(em, "CHEN@")), "buyer e-mail");
        assertEquals(List.of(203L), db.read(em -> PackageSearch.prefix(em, "zq")), "SKU code");
        assertEquals(List.of(202L), db.read(em -> PackageSearch.prefix(em, "tn")), "tracking no.");
        assertEquals(Set.of(201L, 202L, 203L), Set.copyOf(db.read(em -> PackageSearch.prefix(em, "ord-1"))));
        org.junit.jupiter.api.Assertions.assertNull(db.read(em -> PackageSearch.prefix(em, "stone")), "no field starts with it");
        assertEquals(List.of("P2"), search("stone"), "then a part of the name, found by the scan");
        assertEquals(List.of("P1"), search("ann l"));
    }

    @Test
    void largeUnfilteredListsOnlyAreEstimated() {
        // below ListCount.ESTIMATE_FROM every count is exact, also for an unfiltered list
        var listed = packages.countForList(PackageQuery.status(PackageStatus.WAITING));
        assertEquals(2, listed.value());
        assertEquals(false, listed.estimate());
        assertEquals(false, packages.countForList(PackageQuery.all().withText("ORD-")).estimate());
    }

    @Test
    void aPageOverSeveralStatusesIsMergedInTheListsOrder() {
        // the Shipped-tab case: each status's first rows, merged newest first (issue 15)
        PackageQuery both = PackageQuery.all().withStatuses(Set.of(PackageStatus.WAITING, PackageStatus.TRACKED));
        var newest = List.of(new io.waybill.core.model.PackageSort(io.waybill.core.model.PackageSort.Field.CREATED,
                false));
        assertEquals(List.of("P3", "P2", "P1"), packages.find(both, 0, 10, newest).stream()
                .map(PackageRow::packageNo).toList());
        assertEquals(List.of("P2"), packages.find(both, 1, 1, newest).stream().map(PackageRow::packageNo).toList());
        var oldest = List.of(new io.waybill.core.model.PackageSort(io.waybill.core.model.PackageSort.Field.CREATED,
                true));
        assertEquals(List.of("P1", "P2"), packages.find(both, 0, 2, oldest).stream().map(PackageRow::packageNo)
                .toList());
    }

    @Test
    void searchRespectsTheStatusesAndOtherFilters() {
        assertEquals(List.of("P1", "P3"), found(PackageQuery.all().withText("ORD-")
                .withStatuses(Set.of(PackageStatus.WAITING))));
        assertEquals(List.of(), found(PackageQuery.all().withText("TN-2")
                .withStatuses(Set.of(PackageStatus.WAITING))), "an exact hit outside the tab's statuses");
    }

    @Test
    void eachFilterNarrowsTheList() {
        PackageQuery all = PackageQuery.all();
        assertEquals(List.of("P1", "P2", "P3"), found(all));
        assertEquals(List.of("P1", "P3"), found(all.withFilters(PackageFilters.NONE.withSku("a"))), "SKU A");
        assertEquals(List.of(), found(all.withFilters(PackageFilters.NONE.withSku("KIT"))), "whole SKU only");
        assertEquals(List.of("P1", "P3"), found(all.withFilters(PackageFilters.NONE.withTags(Set.of("fragile")))),
                "tags ignoring case");
        assertEquals(List.of("P3"), found(all.withFilters(PackageFilters.NONE.withTags(Set.of("vip", "other")))));
        assertEquals(List.of("P1", "P2"), found(all.withFilters(PackageFilters.NONE.withCarriers(Set.of("pool")))),
                "uploaded to pool, or not uploaded in a store whose default carrier is pool");
        assertEquals(List.of("P3"), found(all.withFilters(PackageFilters.NONE.withCarriers(Set.of("fast", "x")))));
        assertEquals(List.of("P3"), found(all.withFilters(PackageFilters.NONE
                .withShippingMethods(Set.of("EXPRESS")))));
        assertEquals(List.of("P2"), found(all.withFilters(PackageFilters.NONE.withCreated(
                Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-03-01T00:00:00Z")))));
        assertEquals(List.of("P2", "P3"), found(all.withFilters(PackageFilters.NONE.withCreated(
                Instant.parse("2026-02-01T00:00:00Z"), null))));
        assertEquals(List.of("P3"), found(all.withFilters(PackageFilters.NONE.withSku("A")
                .withTags(Set.of("VIP")).withCarriers(Set.of("fast")))), "filters combine");
    }
}
