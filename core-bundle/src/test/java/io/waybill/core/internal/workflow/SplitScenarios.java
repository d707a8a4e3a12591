package io.waybill.core.internal.workflow;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.internal.Fixtures;
import io.waybill.core.internal.capture.OrderCaptureServiceImpl;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.rules.ProductFlag;
import io.waybill.core.internal.rules.RuleInput;
import io.waybill.core.internal.rulestore.RuleApplier;
import io.waybill.core.internal.plugin.PluginRegistryImpl;
import io.waybill.core.internal.security.TestAuthorizers;
import io.waybill.core.internal.sync.RecordingMarketplace;
import io.waybill.core.internal.sync.SyncJobWorker;
import io.waybill.core.internal.sync.SyncServiceImpl;
import io.waybill.core.model.AuditEntry;
import io.waybill.core.model.PackageDetail;
import io.waybill.core.model.PackageFilters;
import io.waybill.core.model.PackageQuery;
import io.waybill.core.model.PackageRow;
import io.waybill.core.model.PackageStatus;
import io.waybill.core.model.Reason;
import io.waybill.spi.platform.PlatformOrder;
import io.waybill.spi.platform.ShipmentConfirmation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.waybill.core.internal.Fixtures.exec;
import static io.waybill.core.internal.Fixtures.scalar;
import static io.waybill.core.internal.security.TestAuthorizers.authorized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Split and its undo (issue 14, 审单) as scenarios over one database, run on Derby ({@link PackageSplitTest}) and
 * PostgreSQL ({@link PostgresPackageSplitTest}). Each scenario uses its own orders ({@code tag}) and measures stock as
 * differences, so the scenarios can share a database. W1 has plenty of A and B; W2 has C (stock rows 95x).
 */
abstract class SplitScenarios extends WorkflowScenarios {

    static void stock(DatabaseEngine db) throws Exception {
        exec(db, "INSERT INTO WB_STOCK VALUES (951, 1, 11, 21, NULL, 1000, 0)");
        exec(db, "INSERT INTO WB_STOCK VALUES (952, 1, 11, 22, NULL, 1000, 0)");
        exec(db, "INSERT INTO WB_STOCK VALUES (953, 1, 12, 23, NULL, 1000, 0)");
    }

    static PlatformOrder order(String id, Object... skuQty) {
        PlatformOrder o = Fixtures.order(id, skuQty);
        return new PlatformOrder(o.platformOrderId(), o.orderNo(), false, Instant.parse("2026-11-01T10:00:00Z"),
                Fixtures.address("Buyer " + id), o.lines());
    }

    long capture(PlatformOrder o) throws Exception {
        authorized(new OrderCaptureServiceImpl(db(), Fixtures.registry())).capture("S1", List.of(o), "load");
        return scalar(db(), "SELECT MIN(p.ID) FROM WB_PACKAGE p JOIN WB_ORDER o ON o.ID = p.ORDER_ID "
                + "WHERE o.PLATFORM_ORDER_ID = '" + o.platformOrderId() + "'");
    }

    int reserved(long warehouse, String sku) throws Exception {
        return scalar(db(), "SELECT RESERVED FROM WB_STOCK s JOIN WB_SKU k ON k.ID = s.SKU_ID WHERE s.WAREHOUSE_ID = "
                + warehouse + " AND k.CODE = '" + sku + "'");
    }

    int packagesOfOrder(String platformOrderId) throws Exception {
        return scalar(db(), "SELECT COUNT(*) FROM WB_PACKAGE p JOIN WB_ORDER o ON o.ID = p.ORDER_ID "
                + "WHERE o.PLATFORM_ORDER_ID = '" + platformOrderId + "'");
    }

    // ---- scenarios

    /**
     * An allocated package split by lines: both stay allocated in its warehouse, the reservation moves with the lines
     * (WB_STOCK unchanged), weights and the edited declaration follow the lines; each releases exactly its own.
     */
    void splitOfAnAllocatedPackageMovesItsReservationWithTheLines(String tag) throws Exception {
        int a0 = reserved(11, "A");
        int b0 = reserved(11, "B");
        long id = capture(order(tag, "A", 3, "B", 2));
        assertEquals(1, fulfilment().allocate(List.of(id), "op").succeeded().size());
        int w = weight(id);
        assertEquals(40 + 300 + 500, w);
        // an edited declaration (V25): it follows the lines
        exec(db(), "INSERT INTO WB_PACKAGE_CUSTOMS (PACKAGE_ID, CATEGORY, UPDATED_AT, UPDATED_BY) VALUES (" + id
                + ", 'GIFT', CURRENT_TIMESTAMP, 'sup')");
        exec(db(), "INSERT INTO WB_PACKAGE_CUSTOMS_LINE (PACKAGE_ID, POSITION, SKU, DESCRIPTION_EN, HS_CODE, QUANTITY, "
                + "UNIT_VALUE, CURRENCY, ORIGIN_COUNTRY, NET_WEIGHT_GRAMS) VALUES (" + id + ", 1, 'A', 'Mug', "
                + "'691200', 3, 5, 'USD', 'CN', 300)");
        exec(db(), "INSERT INTO WB_PACKAGE_CUSTOMS_LINE (PACKAGE_ID, POSITION, SKU, DESCRIPTION_EN, HS_CODE, QUANTITY, "
                + "UNIT_VALUE, CURRENCY, ORIGIN_COUNTRY, NET_WEIGHT_GRAMS) VALUES (" + id + ", 2, 'B', 'Cap', "
                + "'650500', 2, 7, 'USD', 'CN', 500)");

        long part = splits().splitByLines(id, Map.of("A", 1, "B", 2), "op");

        PackageDetail source = detail(id);
        PackageDetail split = detail(part);
        assertEquals(PackageStatus.ALLOCATED, source.row().status());
        assertEquals(PackageStatus.ALLOCATED, split.row().status());
        assertEquals("W1", split.warehouseCode());
        assertEquals(2, units(source, "A"));
        assertEquals(0, units(source, "B"));
        assertEquals(1, units(split, "A"));
        assertEquals(2, units(split, "B"));
        assertEquals(source.row().orderNo(), split.row().orderNo(), "one order, two packages");
        assertEquals(a0 + 3, reserved(11, "A"), "the reservation moves with the lines: nothing released or doubled");
        assertEquals(b0 + 2, reserved(11, "B"));
        assertEquals(w - 600, weight(id));
        assertEquals(40 + 600, weight(part));
        assertEquals("A x2", source.row().skuSummary());
        assertEquals("A x1, B x2", split.row().skuSummary());
        assertEquals(3, (int) scalar(db(), "SELECT QUANTITY FROM WB_PACKAGE_CUSTOMS_LINE WHERE PACKAGE_ID = " + id
                + " AND SKU = 'A'") + (int) scalar(db(), "SELECT QUANTITY FROM WB_PACKAGE_CUSTOMS_LINE WHERE "
                + "PACKAGE_ID = " + part + " AND SKU = 'A'"), "the declaration follows the lines");
        assertEquals(0, scalar(db(), "SELECT COUNT(*) FROM WB_PACKAGE_CUSTOMS_LINE WHERE PACKAGE_ID = " + id
                + " AND SKU = 'B'"));
        assertEquals(2, scalar(db(), "SELECT QUANTITY FROM WB_PACKAGE_CUSTOMS_LINE WHERE PACKAGE_ID = " + part
                + " AND SKU = 'B'"));
        assertEquals(Reason.SPLIT_OFF, last(source).reasonCode());
        assertEquals(List.of("A x1, B x2", split.row().packageNo()), last(source).reasonParams());
        assertEquals(Reason.SPLIT_FROM, last(split).reasonCode());
        assertEquals("op", last(split).actor());
        assertEquals(List.of(source.row().packageNo(), split.row().packageNo()), splits().group(part));

        // each releases exactly its own lines
        assertEquals(List.of(part), fulfilment().voidPackages(List.of(part), "test", "op").succeeded());
        assertEquals(a0 + 2, reserved(11, "A"));
        assertEquals(b0, reserved(11, "B"));
        fulfilment().voidPackages(List.of(id), "test", "op");
        assertEquals(a0, reserved(11, "A"));
    }

    /** Undo joins the packages back: one package with the whole order, its weight and reservation, the other voided. */
    void undoJoinsTheSplitBack(String tag) throws Exception {
        int a0 = reserved(11, "A");
        int b0 = reserved(11, "B");
        long id = capture(order(tag, "A", 2, "B", 1));
        int w = weight(id);
        long first = splits().splitByLines(id, Map.of("B", 1), "op");
        long second = splits().splitByLines(id, Map.of("A", 1), "op");
        assertEquals(3, packagesOfOrder(tag));
        assertEquals(3, fulfilment().allocate(List.of(id, first, second), "op").succeeded().size(),
                "all three allocate, each its own lines");
        assertEquals(a0 + 2, reserved(11, "A"));
        assertEquals(b0 + 1, reserved(11, "B"));
        assertEquals(w + 80, weight(id) + weight(first) + weight(second), "each weighs its lines and packaging");

        assertEquals(id, splits().undoSplit(second, "op"), "any package of the split undoes it");

        PackageDetail joined = detail(id);
        assertEquals(PackageStatus.ALLOCATED, joined.row().status());
        assertEquals(2, units(joined, "A"));
        assertEquals(1, units(joined, "B"));
        assertEquals(w, joined.row().expectedWeightGrams());
        assertEquals(0, scalar(db(), "SELECT SPLIT_LINES FROM WB_PACKAGE WHERE ID = " + id));
        assertEquals(0, scalar(db(), "SELECT COUNT(*) FROM WB_PACKAGE_LINE WHERE PACKAGE_ID IN (" + id + ", " + first
                + ", " + second + ")"));
        assertEquals(a0 + 2, reserved(11, "A"));
        assertEquals(b0 + 1, reserved(11, "B"));
        assertEquals(PackageStatus.VOIDED, status(first));
        assertEquals(Reason.SPLIT_JOINED, last(detail(first)).reasonCode());
        assertEquals(Reason.SPLIT_UNDONE, last(joined).reasonCode());
        assertEquals(List.of(), splits().group(id));
        assertEquals(Reason.NOT_SPLIT, assertThrows(OperationRefusedException.class,
                () -> splits().undoSplit(id, "op")).code());
        fulfilment().voidPackages(List.of(id), "test", "op");
        assertEquals(a0, reserved(11, "A"), "the joined package releases every unit once");
        assertEquals(b0, reserved(11, "B"));
    }

    /** No warehouse has everything: one package per warehouse, each allocated where its lines are. */
    void splitByWarehouseGivesEachWarehouseItsLines(String tag) throws Exception {
        int a0 = reserved(11, "A");
        int c0 = reserved(12, "C");
        long id = capture(order(tag, "A", 2, "C", 3));
        fulfilment().allocate(List.of(id), "op");
        assertEquals(PackageStatus.OUT_OF_STOCK, status(id), "no warehouse has both A and C");

        List<Long> ids = splits().splitByWarehouse(id, "op");

        assertEquals(2, ids.size());
        assertEquals(id, ids.get(0));
        assertEquals(2, units(detail(id), "A"));
        assertEquals(0, units(detail(id), "C"));
        assertEquals(3, units(detail(ids.get(1)), "C"));
        assertEquals(Reason.SPLIT_FROM_WAREHOUSE, last(detail(ids.get(1))).reasonCode());
        assertEquals("W2", last(detail(ids.get(1))).reasonParams().get(2));
        assertEquals(2, fulfilment().allocate(ids, "op").succeeded().size());
        assertEquals("W1", detail(id).warehouseCode());
        assertEquals("W2", detail(ids.get(1)).warehouseCode());
        assertEquals(a0 + 2, reserved(11, "A"));
        assertEquals(c0 + 3, reserved(12, "C"));
        // allocated in two warehouses: joined back, each releasing its reservation, to be allocated again
        assertEquals(id, splits().undoSplit(ids.get(1), "op"));
        assertEquals(PackageStatus.WAITING, status(id));
        assertEquals(null, detail(id).warehouseCode());
        assertEquals(a0, reserved(11, "A"));
        assertEquals(c0, reserved(12, "C"));
        assertEquals(List.of("A x2", "W1"), released(detail(id)));
        assertEquals(List.of("C x3", "W2"), released(detail(ids.get(1))));
        assertEquals(PackageStatus.VOIDED, status(ids.get(1)));
        assertEquals(2, units(detail(id), "A"));
        assertEquals(3, units(detail(id), "C"));
        fulfilment().voidPackages(List.of(id), "test", "op");
        assertEquals(a0, reserved(11, "A"));
        assertEquals(c0, reserved(12, "C"));
    }

    /** The params of the package's one "stock released to join the split back" history entry. */
    static List<String> released(PackageDetail d) {
        List<AuditEntry> r = d.history().stream().filter(e -> Reason.SPLIT_UNDO_RELEASED.equals(e.reasonCode()))
                .toList();
        assertEquals(1, r.size(), "one release of " + d.row().packageNo());
        assertEquals("STOCK_RELEASED", r.get(0).action());
        return r.get(0).reasonParams();
    }

    /**
     * Undo until upload: packages at different steps are joined back, releasing what they reserved in the same
     * transaction (audited); the joined package is waiting (held when one of them was held) and allocates as a whole.
     * Once one of them is uploaded (or voided after upload) the undo is refused with one reason, writing nothing.
     */
    void undoJoinsPackagesAtDifferentSteps(String tag) throws Exception {
        int a0 = reserved(11, "A");
        int b0 = reserved(11, "B");
        long id = capture(order(tag + "-1", "A", 2, "B", 1));
        int w = weight(id);
        long part = splits().splitByLines(id, Map.of("B", 1), "op");
        assertEquals(1, fulfilment().allocate(List.of(id), "op").succeeded().size());
        assertEquals(PackageStatus.WAITING, status(part));
        assertEquals(a0 + 2, reserved(11, "A"));

        assertEquals(id, splits().undoSplit(part, "op"), "one allocated, one waiting");

        PackageDetail joined = detail(id);
        assertEquals(PackageStatus.WAITING, joined.row().status());
        assertEquals(null, joined.warehouseCode());
        assertEquals(a0, reserved(11, "A"), "released in the same transaction");
        assertEquals(b0, reserved(11, "B"));
        assertEquals(List.of("A x2", "W1"), released(joined));
        assertEquals(Reason.SPLIT_UNDONE, last(joined).reasonCode());
        assertEquals(PackageStatus.WAITING, last(joined).to());
        assertEquals(2, units(joined, "A"));
        assertEquals(1, units(joined, "B"));
        assertEquals(w, joined.row().expectedWeightGrams());
        assertEquals(0, scalar(db(), "SELECT SPLIT_LINES FROM WB_PACKAGE WHERE ID = " + id));
        assertEquals(PackageStatus.VOIDED, status(part));
        assertEquals(Reason.SPLIT_JOINED, last(detail(part)).reasonCode());
        assertEquals(1, fulfilment().allocate(List.of(id), "op").succeeded().size(), "allocates as a whole");
        assertEquals(a0 + 2, reserved(11, "A"));
        assertEquals(b0 + 1, reserved(11, "B"));
        fulfilment().voidPackages(List.of(id), "test", "op");
        assertEquals(a0, reserved(11, "A"));
        assertEquals(b0, reserved(11, "B"));

        // one of them held for review: the joined package stays held
        long held = capture(order(tag + "-2", "A", 1, "B", 1));
        long heldPart = splits().splitByLines(held, Map.of("B", 1), "op");
        exec(db(), "UPDATE WB_PACKAGE SET STATUS = 'HELD' WHERE ID = " + heldPart);
        fulfilment().allocate(List.of(held), "op");
        assertEquals(a0 + 1, reserved(11, "A"));
        splits().undoSplit(held, "op");
        assertEquals(PackageStatus.HELD, status(held));
        assertEquals(a0, reserved(11, "A"));
        fulfilment().voidPackages(List.of(held), "test", "op");

        // uploaded, then voided after upload: refused with one reason, nothing written
        long up = capture(order(tag + "-3", "A", 1, "B", 1));
        long upPart = splits().splitByLines(up, Map.of("B", 1), "op");
        fulfilment().allocate(List.of(up), "op");
        exec(db(), "UPDATE WB_PACKAGE SET STATUS = 'TRACKED', CARRIER_ID = 'pool', TRACKING_NO = 'T-" + tag
                + "' WHERE ID = " + upPart);
        OperationRefusedException tracked = assertThrows(OperationRefusedException.class,
                () -> splits().undoSplit(up, "op"));
        assertEquals(Reason.SPLIT_UNDO_UPLOADED, tracked.code());
        assertEquals(List.of(detail(up).row().packageNo(), detail(upPart).row().packageNo(), "TRACKED"),
                tracked.params());
        exec(db(), "UPDATE WB_PACKAGE SET STATUS = 'VOIDED' WHERE ID = " + upPart);
        OperationRefusedException voided = assertThrows(OperationRefusedException.class,
                () -> splits().undoSplit(up, "op"));
        assertEquals(Reason.SPLIT_UNDO_UPLOADED, voided.code());
        assertEquals("VOIDED", voided.params().get(2));
        assertEquals(PackageStatus.ALLOCATED, status(up), "nothing written");
        assertEquals(a0 + 1, reserved(11, "A"));
        assertEquals(1, scalar(db(), "SELECT SPLIT_LINES FROM WB_PACKAGE WHERE ID = " + up));
        assertEquals(0, detail(up).history().stream().filter(e -> "STOCK_RELEASED".equals(e.action())).count());
        fulfilment().voidPackages(List.of(up), "test", "op");
        assertEquals(a0, reserved(11, "A"));
    }

    /** What a split refuses, with its reason, writing nothing. */
    void refusalsWriteNothing(String tag) throws Exception {
        long id = capture(order(tag + "-1", "A", 2, "B", 1));
        PackageSplitServiceImpl s = splits();
        assertEquals(Reason.SPLIT_EMPTY, assertThrows(OperationRefusedException.class,
                () -> s.splitByLines(id, Map.of(), "op")).code());
        OperationRefusedException bad = assertThrows(OperationRefusedException.class,
                () -> s.splitByLines(id, Map.of("A", 3), "op"));
        assertEquals(Reason.SPLIT_BAD_LINE, bad.code());
        assertEquals(List.of(detail(id).row().packageNo(), "A", "2", "3"), bad.params());
        assertEquals(Reason.SPLIT_BAD_LINE, assertThrows(OperationRefusedException.class,
                () -> s.splitByLines(id, Map.of("C", 1), "op")).code());
        assertEquals(Reason.SPLIT_ALL, assertThrows(OperationRefusedException.class,
                () -> s.splitByLines(id, Map.of("A", 2, "B", 1), "op")).code());
        assertEquals(Reason.SPLIT_NOT_NEEDED, assertThrows(OperationRefusedException.class,
                () -> s.splitByWarehouse(id, "op")).code());
        long nowhere = capture(order(tag + "-2", "A", 1, "C", 5000));
        assertEquals(Reason.SPLIT_NO_STOCK, assertThrows(OperationRefusedException.class,
                () -> s.splitByWarehouse(nowhere, "op")).code());
        assertEquals(Reason.NOT_SPLIT, assertThrows(OperationRefusedException.class,
                () -> s.undoSplit(id, "op")).code());
        PackageSplitServiceImpl nobody = new PackageSplitServiceImpl(db().dataSource(), Clock.systemUTC());
        nobody.setAuthorizer(TestAuthorizers.of(Map.of("viewer", Set.of())));
        assertEquals("not_permitted", assertThrows(OperationRefusedException.class,
                () -> nobody.splitByLines(id, Map.of("A", 1), "viewer")).code());
        assertEquals("not_permitted", assertThrows(OperationRefusedException.class,
                () -> nobody.splitByWarehouse(id, "viewer")).code());
        assertEquals("not_permitted", assertThrows(OperationRefusedException.class,
                () -> nobody.undoSplit(id, "viewer")).code());
        // uploaded: the one rule of edits before upload
        long tracked = capture(order(tag + "-3", "A", 2));
        exec(db(), "UPDATE WB_PACKAGE SET STATUS = 'TRACKED', TRACKING_NO = 'T-" + tag + "' WHERE ID = " + tracked);
        OperationRefusedException late = assertThrows(OperationRefusedException.class,
                () -> s.splitByLines(tracked, Map.of("A", 1), "op"));
        assertEquals(Reason.EDIT_LOCKED, late.code());
        assertEquals("contents", late.params().get(2));
        // a merged parcel: undo the merge first
        long m1 = capture(new PlatformOrder(tag + "-4", tag + "-4", false, Instant.parse("2026-11-01T10:00:00Z"),
                Fixtures.address("Same " + tag), Fixtures.order(tag + "-4", "A", 1, "B", 1).lines()));
        long m2 = capture(new PlatformOrder(tag + "-5", tag + "-5", false, Instant.parse("2026-11-01T10:00:00Z"),
                Fixtures.address("Same " + tag), Fixtures.order(tag + "-5", "A", 1).lines()));
        long merged = merges().merge(List.of(m1, m2), "op");
        assertEquals(Reason.SPLIT_MERGED, assertThrows(OperationRefusedException.class,
                () -> s.splitByLines(merged, Map.of("A", 1), "op")).code());
        // nothing was written by any refusal
        for (String order : List.of(tag + "-1", tag + "-2", tag + "-3", tag + "-4", tag + "-5")) {
            assertEquals(1, packagesOfOrder(order), order);
        }
        assertEquals(0, scalar(db(), "SELECT COUNT(*) FROM WB_PACKAGE_LINE WHERE PACKAGE_ID IN (" + id + ", "
                + nowhere + ", " + tracked + ", " + merged + ")"));
        assertEquals(3, detail(id).lines().stream().mapToInt(PackageDetail.Line::quantity).sum());

        // a package of a split order is not merged (a merge ships whole orders), and its order's lines are not
        // changed by a re-capture until the split is undone
        merges().undoMerge(merged, "op");
        long part = s.splitByLines(m1, Map.of("B", 1), "op");
        assertEquals(Reason.MERGE_SPLIT, assertThrows(OperationRefusedException.class,
                () -> merges().merge(List.of(m1, m2), "op")).code());
        assertTrue(merges().suggestions().stream().noneMatch(g -> g.packageIds().contains(m1)));
        capture(new PlatformOrder(tag + "-4", tag + "-4", false, Instant.parse("2026-11-01T10:00:00Z"),
                Fixtures.address("Same " + tag), Fixtures.order(tag + "-4", "A", 5).lines()));
        assertEquals(1, units(detail(m1), "A"));
        assertEquals(1, units(detail(part), "B"));
        assertEquals("LINES_CHANGE_REFUSED", last(detail(m1)).action());
    }

    /**
     * A package of a split order is what it carries, everywhere: the rules' inputs (its lines, item count, SKUs, flags
     * and value are its share's; its weight its own), the SKU column of the lists, and the SKU filter and search of
     * Delivery Management (a SKU the order has but the package does not carry finds only the package carrying it).
     */
    void aSplitPackageIsWhatItCarries(String tag, int skuId) throws Exception {
        String code = "Q" + tag.toUpperCase(java.util.Locale.ROOT) + "-X";
        exec(db(), "INSERT INTO WB_SKU (ID, VERSION, CODE, NAME, WEIGHT_GRAMS, DG_BATTERY) VALUES (" + skuId + ", 1, '"
                + code + "', 'Split probe', 50, TRUE)");
        long id = capture(order(tag, "A", 2, code, 1, "B", 1));
        long orderId = scalar(db(), "SELECT ORDER_ID FROM WB_PACKAGE WHERE ID = " + id);
        exec(db(), "UPDATE WB_ORDER SET TOTAL = 99, CURRENCY = 'USD' WHERE ID = " + orderId);
        exec(db(), "UPDATE WB_ORDER_LINE SET UNIT_PRICE = 5 WHERE ORDER_ID = " + orderId);
        exec(db(), "UPDATE WB_ORDER_LINE SET UNIT_PRICE = 20 WHERE ORDER_ID = " + orderId + " AND SKU_ID = " + skuId);

        long part = splits().splitByLines(id, Map.of(code, 1, "B", 1), "op");

        RuleApplier.Outcome read;
        try (java.sql.Connection c = db().dataSource().getConnection()) {
            read = new RuleApplier().evaluate(c, List.of(id, part), Instant.now());
        }
        RuleInput kept = read.packages().stream().filter(l -> l.id() == id).findFirst().orElseThrow().input();
        RuleInput moved = read.packages().stream().filter(l -> l.id() == part).findFirst().orElseThrow().input();
        assertEquals(List.of(new RuleInput.Line("A", 2, Set.of())), kept.lines());
        assertEquals(2, kept.itemCount());
        assertEquals(0, new java.math.BigDecimal("10").compareTo(kept.orderValue()), "5 x 2, not the order's 99");
        assertEquals(weight(id), kept.weightGrams());
        assertEquals(List.of(new RuleInput.Line(code, 1, Set.of(ProductFlag.BATTERY)), new RuleInput.Line("B", 1,
                Set.of())), moved.lines());
        assertEquals(2, moved.itemCount());
        assertEquals(0, new java.math.BigDecimal("25").compareTo(moved.orderValue()), "20 + 5");
        assertEquals(weight(part), moved.weightGrams());
        exec(db(), "UPDATE WB_ORDER_LINE SET UNIT_PRICE = NULL WHERE ORDER_ID = " + orderId + " AND SKU_ID = " + skuId);
        try (java.sql.Connection c = db().dataSource().getConnection()) {
            read = new RuleApplier().evaluate(c, List.of(part), Instant.now());
        }
        assertEquals(null, read.packages().get(0).input().orderValue(), "a line without price: no value");

        // the lists: SKU column, SKU filter, SKU search (prefix and part of a code)
        PackageQuery ofOrder = PackageQuery.all().withText("NO-" + tag);
        assertEquals(Map.of(detail(id).row().packageNo(), "A x2", detail(part).row().packageNo(), code + " x1, B x1"),
                packages().find(ofOrder, 0, 10, List.of()).stream().collect(java.util.stream.Collectors.toMap(
                        PackageRow::packageNo, PackageRow::skuSummary)));
        assertEquals(List.of(part), found(ofOrder.withFilters(PackageFilters.NONE.withSku("b"))));
        assertEquals(List.of(id), found(ofOrder.withFilters(PackageFilters.NONE.withSku("A"))));
        assertEquals(List.of(part), found(PackageQuery.all().withText(code.substring(0, 4))), "prefix of the code");
        assertEquals(List.of(part), found(PackageQuery.all().withText(code.substring(1))), "part of the code");
        splits().undoSplit(part, "op");
        assertEquals(List.of(id), found(PackageQuery.all().withText(code.substring(0, 4))), "joined: carries it");
        assertEquals(List.of(id), found(ofOrder.withFilters(PackageFilters.NONE.withSku("b"))));
    }

    /**
     * Undo split applies the rules again by themselves to the joined package (issue 14): it carries the whole order
     * again, so the rule for the whole order decides, and the history row says why the rules ran and which rule; a
     * warehouse assigned by hand since the rules' last run is kept, and the row says so.
     */
    void undoSplitAppliesTheRulesAgainKeepingWhatWasAssignedByHand(String tag, int skuId) throws Exception {
        String code = "U" + tag.toUpperCase(java.util.Locale.ROOT);
        exec(db(), "INSERT INTO WB_SKU (ID, VERSION, CODE, NAME, WEIGHT_GRAMS) VALUES (" + skuId + ", 1, '" + code
                + "', 'Undo probe', 80)");
        var rules = rules();
        List<Long> added = new java.util.ArrayList<>();
        try {
            String whole = "Whole " + tag;
            String piece = "Piece " + tag;
            added.add(rules.add(whole, true, List.of("sku " + code, "items 3.."), List.of("warehouse W2"), "sup").id());
            added.add(rules.add(piece, true, List.of("sku " + code), List.of("warehouse W1", "tag piece" + tag), "sup")
                    .id());
            long id = capture(order(tag, code, 2, "A", 1));
            assertEquals(List.of(Reason.of(Reason.RULE_WAREHOUSE, "W2", "1", whole), Reason.of(Reason.RULE_TAG, "piece"
                    + tag, "2", piece)), ruleItems(id));
            long part = splits().splitByLines(id, Map.of("A", 1), "op");
            rules.apply(List.of(id), "op");
            assertEquals(Reason.of(Reason.RULE_WAREHOUSE, "W1", "2", piece), ruleItems(id).get(0), "a part: 2 units");

            splits().undoSplit(part, "op");

            assertEquals(List.of(Reason.of(Reason.RULES_SPLIT_UNDONE), Reason.of(Reason.RULE_WAREHOUSE, "W2", "1",
                    whole), Reason.of(Reason.RULE_TAG, "piece" + tag, "2", piece)), ruleItems(id));
            assertEquals(12L, (long) scalar(db(), "SELECT RULE_WAREHOUSE_ID FROM WB_PACKAGE WHERE ID = " + id));
            assertEquals(PackageStatus.WAITING, status(id));
            assertEquals(PackageStatus.VOIDED, status(part));

            // split again; someone assigns W1 by hand; the undo keeps it and says why
            long again = splits().splitByLines(id, Map.of("A", 1), "op");
            exec(db(), "UPDATE WB_PACKAGE SET RULE_WAREHOUSE_ID = 11 WHERE ID = " + id);
            splits().undoSplit(again, "op");
            assertEquals(List.of(Reason.of(Reason.RULES_SPLIT_UNDONE), Reason.of(Reason.RULE_TAG, "piece" + tag, "2",
                    piece), Reason.of(Reason.RULE_KEPT_WAREHOUSE, "W1")), ruleItems(id));
            assertEquals(11L, (long) scalar(db(), "SELECT RULE_WAREHOUSE_ID FROM WB_PACKAGE WHERE ID = " + id));
            AuditEntry row = detail(id).history().stream().filter(h -> Reason.RULE_DECISIONS.equals(h.reasonCode()))
                    .reduce((x, y) -> y).orElseThrow();
            assertTrue(row.reason().endsWith("Warehouse W1 kept: it was assigned by hand, not by a rule"),
                    row.reason());
        } finally {
            for (long r : added) {
                rules.delete(r, "sup"); // the rules are every capture's: on PostgreSQL the scenarios share them
            }
        }
    }

    /** The items of the package's last rules history row. */
    List<Reason> ruleItems(long id) {
        AuditEntry row = detail(id).history().stream().filter(h -> Reason.RULE_DECISIONS.equals(h.reasonCode()))
                .reduce((x, y) -> y).orElseThrow(() -> new AssertionError("no rules row for " + id));
        return Reason.decode(row.reasonParams().get(0));
    }

    List<Long> found(PackageQuery q) {
        return packages().find(q, 0, 100, List.of()).stream().map(PackageRow::id).sorted().toList();
    }

    /** Each package of a split order confirms its own items with its own tracking number. */
    void syncConfirmsEachPackagesItems(String tag) throws Exception {
        long id = capture(order(tag, "A", 2, "B", 1));
        long part = splits().splitByLines(id, Map.of("B", 1), "op");
        List<ShipmentConfirmation> mine = shipAndSync(tag, id, part);
        ShipmentConfirmation a = confirmation(mine, tag, id);
        // an order captured without the marketplace's line ids: its items by SKU, without ids
        assertEquals(List.of(new ShipmentConfirmation.Item("A", 2)), a.items());
        assertEquals(List.of(new ShipmentConfirmation.Item("B", 1)), confirmation(mine, tag, part).items());
        assertTrue(a.partial());
    }

    /**
     * An order captured with the marketplace's line ids (SPI 1.6, V39), one of its lines under an aliased marketplace
     * SKU: each package of the split order confirms its lines by their ids (the connector finds the aliased line by id,
     * not by SKU).
     */
    void syncConfirmsEachPackagesLinesByTheirMarketplaceIds(String tag) throws Exception {
        io.waybill.core.internal.catalogue.ProductServiceImpl products =
                new io.waybill.core.internal.catalogue.ProductServiceImpl(db().dataSource(), Clock.systemUTC());
        products.setAuthorizer(TestAuthorizers.everyoneAdmin());
        products.setAlias("S1", "MKT-B-" + tag, "B", "sup");
        PlatformOrder o = order(tag, "A", 2);
        long id = capture(new PlatformOrder(o.platformOrderId(), o.orderNo(), false, o.createdAt(), o.shipTo(),
                List.of(o.lines().get(0).withLineId("LA-" + tag), new PlatformOrder.Line("MKT-B-" + tag, 1)
                        .withLineId("LB-" + tag))));
        long part = splits().splitByLines(id, Map.of("B", 1), "op");
        List<ShipmentConfirmation> mine = shipAndSync(tag, id, part);
        assertEquals(List.of(new ShipmentConfirmation.Item("A", 2, "LA-" + tag)), confirmation(mine, tag, id).items());
        assertEquals(List.of(new ShipmentConfirmation.Item("B", 1, "LB-" + tag)), confirmation(mine, tag, part)
                .items());
    }

    private static ShipmentConfirmation confirmation(List<ShipmentConfirmation> mine, String tag, long pkg) {
        return mine.stream().filter(c -> c.trackingNumber().equals("RR" + tag + pkg)).findFirst().orElseThrow();
    }

    /** Ships the packages, syncs them to a recording marketplace and returns the confirmations of order {@code tag}. */
    private List<ShipmentConfirmation> shipAndSync(String tag, long... pkgs) throws Exception {
        for (long p : pkgs) {
            exec(db(), "UPDATE WB_PACKAGE SET STATUS = 'SHIPPED', CARRIER_ID = 'pool', TRACKING_NO = 'RR" + tag + p
                    + "', SHIPPED_AT = CURRENT_TIMESTAMP WHERE ID = " + p);
        }
        exec(db(), "UPDATE WB_STORE SET PLATFORM = 'test'");
        SyncServiceImpl sync = authorized(new SyncServiceImpl(db().dataSource(), Clock.systemUTC()));
        RecordingMarketplace marketplace = new RecordingMarketplace("test");
        PluginRegistryImpl registry = Fixtures.registry();
        registry.bindPlatform(Fixtures.reference(), marketplace);
        SyncJobWorker worker = SyncJobWorker.standalone(sync, registry, false);
        List<Long> ids = java.util.Arrays.stream(pkgs).boxed().toList();
        try {
            assertEquals(pkgs.length, sync.startSync(ids, "op").succeeded().size());
            worker.start(10);
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (!ids.stream().allMatch(p -> status(p) == PackageStatus.SYNCED)) {
                if (System.nanoTime() > deadline) {
                    fail("the packages were not synced");
                }
                Thread.sleep(20);
            }
        } finally {
            worker.stop();
        }
        List<ShipmentConfirmation> mine = marketplace.confirmed.stream()
                .filter(c -> c.platformOrderId().equals(tag)).toList();
        assertEquals(pkgs.length, mine.size(), "one confirmation per package of the order");
        return mine;
    }

    /**
     * A package of a split order the marketplace cannot take as a partial shipment (plugin code
     * partial_not_splittable): SYNC_FAILED with a structured reason naming the store, the tracking number and the
     * plugin's text, so the history reads in the user's language; nothing is retried.
     */
    void syncRefusalOfAPartialShipmentIsAStructuredReason(String tag) throws Exception {
        long id = capture(order(tag, "A", 2, "B", 1));
        long part = splits().splitByLines(id, Map.of("B", 1), "op");
        exec(db(), "UPDATE WB_PACKAGE SET STATUS = 'SHIPPED', CARRIER_ID = 'pool', TRACKING_NO = 'RR" + tag
                + "', SHIPPED_AT = CURRENT_TIMESTAMP WHERE ID = " + part);
        exec(db(), "UPDATE WB_STORE SET PLATFORM = 'test'");
        SyncServiceImpl sync = authorized(new SyncServiceImpl(db().dataSource(), Clock.systemUTC()));
        List<ShipmentConfirmation> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        io.waybill.spi.platform.MarketplaceConnector refusing = new io.waybill.spi.platform.MarketplaceConnector() {
            @Override
            public io.waybill.spi.common.PluginDescriptor descriptor() {
                return new io.waybill.spi.common.PluginDescriptor("test", "test double", "refuses partial shipments");
            }

            @Override
            public io.waybill.spi.common.Result<Boolean> confirmShipment(io.waybill.spi.platform.StoreContext store,
                                                                          ShipmentConfirmation c) {
                if (c.platformOrderId().equals(tag)) {
                    received.add(c); // on PostgreSQL the scenarios share the database (and its sync queue)
                }
                return io.waybill.spi.common.Result.failure(io.waybill.spi.common.Message.error(
                        io.waybill.spi.common.MessageCodes.PARTIAL_NOT_SPLITTABLE, "cannot split " + tag));
            }
        };
        PluginRegistryImpl registry = Fixtures.registry();
        registry.bindPlatform(Fixtures.reference(), refusing);
        SyncJobWorker worker = SyncJobWorker.standalone(sync, registry, false);
        try {
            assertEquals(1, sync.startSync(List.of(part), "op").succeeded().size());
            worker.start(10);
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (status(part) != PackageStatus.SYNC_FAILED) {
                if (System.nanoTime() > deadline) {
                    fail("the refusal was not recorded");
                }
                Thread.sleep(20);
            }
        } finally {
            worker.stop();
        }
        assertEquals(1, received.size(), "a permanent refusal is not retried");
        assertEquals(List.of(new ShipmentConfirmation.Item("B", 1)), received.get(0).items());
        AuditEntry failed = last(detail(part));
        assertEquals(Reason.SYNC_PARTIAL_NOT_SPLITTABLE, failed.reasonCode());
        assertEquals(List.of(detail(part).row().storeCode(), "RR" + tag, "cannot split " + tag),
                failed.reasonParams());
    }
}
