package io.waybill.core.internal.capture;

import io.waybill.core.internal.Fixtures;
import io.waybill.core.internal.TestDatabase;
import io.waybill.core.internal.catalogue.ProductServiceImpl;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.security.TestAuthorizers;
import io.waybill.core.internal.service.PackageServiceImpl;
import io.waybill.core.internal.plugin.PluginRegistryImpl;
import io.waybill.core.internal.shell.PackageShowLines;
import io.waybill.core.internal.workflow.FulfilmentServiceImpl;
import io.waybill.core.model.BatchResult;
import io.waybill.core.model.CaptureResult;
import io.waybill.core.model.ImportPreview;
import io.waybill.core.model.PackageDetail;
import io.waybill.core.model.PackageStatus;
import io.waybill.core.model.Reason;
import io.waybill.core.model.SkuAlias;
import io.waybill.platform.csv.internal.CsvOrderFileParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import static io.waybill.core.internal.Fixtures.order;
import static io.waybill.core.internal.Fixtures.scalar;
import static io.waybill.core.internal.Fixtures.string;
import static io.waybill.core.internal.security.TestAuthorizers.authorized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 12 item 5: an order line with an unknown SKU is captured and held, and mapping the SKU releases it. */
class SkuUnmatchedTest {
    private DatabaseEngine db;
    private PluginRegistryImpl registry;
    private OrderCaptureServiceImpl capture;
    private ProductServiceImpl products;
    private PackageServiceImpl packages;

    @BeforeEach
    void open() throws Exception {
        db = TestDatabase.inMemory();
        Fixtures.basic(db);
        registry = Fixtures.registry();
        capture = authorized(new OrderCaptureServiceImpl(db, registry));
        products = new ProductServiceImpl(db.dataSource(), Clock.systemUTC());
        products.setAuthorizer(TestAuthorizers.everyoneAdmin());
        packages = new PackageServiceImpl(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private long packageId(String platformOrderId) throws Exception {
        return scalar(db, "SELECT p.ID FROM WB_PACKAGE p JOIN WB_ORDER o ON o.ID = p.ORDER_ID "
                + "WHERE o.PLATFORM_ORDER_ID = '" + platformOrderId + "'");
    }

    private PackageDetail detail(String platformOrderId) throws Exception {
        return packages.detail(packageId(platformOrderId)).orElseThrow();
    }

    @Test
    void anUnknownSkuIsCapturedAndHeldNotRefused() throws Exception {
        // when
        CaptureResult r = capture.capture("S1", List.of(order("u1", "A", 1, "EBAY-MUG", 2)), "sys");

        // then
        assertEquals(1, r.created(), r.rejected().toString());
        assertEquals(List.of(), r.rejected());
        PackageDetail d = detail("u1");
        assertEquals(PackageStatus.SKU_UNMATCHED, d.row().status());
        assertEquals("A x1, EBAY-MUG x2 (SKU not matched)", d.row().skuSummary());
        assertEquals(List.of(true, false), d.lines().stream().map(PackageDetail.Line::matched).toList());
        assertEquals("EBAY-MUG", d.lines().get(1).skuCode());
        assertEquals(40 + 100, d.row().expectedWeightGrams(), "an unmatched line weighs nothing yet");
        assertEquals("SKU not matched: EBAY-MUG (map each to a product for this store)",
                string(db, "SELECT REASON FROM WB_AUDIT_EVENT WHERE ACTION = 'CAPTURED'"));
        assertTrue(PackageShowLines.of(d).contains("  EBAY-MUG x2  ** SKU not matched: map it with waybill:sku-alias **"),
                PackageShowLines.of(d).toString());
        assertEquals(1L, packages.countByStatus().get(PackageStatus.SKU_UNMATCHED));
    }

    @Test
    void theStatusGateRefusesToAllocateAHeldPackage() throws Exception {
        capture.capture("S1", List.of(order("u1", "EBAY-MUG", 1)), "sys");
        FulfilmentServiceImpl fulfilment = authorized(new FulfilmentServiceImpl(db));

        BatchResult r = fulfilment.allocate(List.of(packageId("u1")), "ann");

        assertEquals(List.of(), r.succeeded());
        assertEquals(1, r.failures().size());
        assertEquals(Reason.HELD_SKU_UNMATCHED, r.failures().get(0).code());
        assertEquals(List.of(r.failures().get(0).packageNo(), "ALLOCATED"), r.failures().get(0).params());
        assertTrue(r.failures().get(0).message().contains("is held: an order line's SKU is not matched"),
                r.failures().get(0).message());
        assertEquals(PackageStatus.SKU_UNMATCHED, detail("u1").row().status());
    }

    @Test
    void mappingThePlatformSkuReleasesTheHeldOrdersOfThatStoreAndLaterOrdersUseTheAlias() throws Exception {
        // given: two held orders of S1 with the platform SKU, one of another store
        Fixtures.exec(db, "INSERT INTO WB_STORE (ID, VERSION, CODE, NAME, PLATFORM) VALUES (2, 1, 'S2', 'Two', 'test')");
        capture.capture("S1", List.of(order("u1", "A", 1, "EBAY-MUG", 2), order("u2", "EBAY-MUG", 1)), "sys");
        capture.capture("S2", List.of(order("x1", "EBAY-MUG", 1)), "sys");

        // when
        SkuAlias a = products.setAlias("S1", "EBAY-MUG", "B", "sup");

        // then
        assertEquals(2, a.released().size(), a.toString());
        assertEquals(List.of(), a.stillHeld());
        PackageDetail d = detail("u1");
        assertEquals(PackageStatus.WAITING, d.row().status());
        assertEquals("A x1, B x2", d.row().skuSummary());
        assertEquals(40 + 100 + 2 * 250, d.row().expectedWeightGrams());
        assertTrue(d.history().stream().anyMatch(h -> h.action().equals("SKU_MATCHED")
                && h.from() == PackageStatus.SKU_UNMATCHED && h.to() == PackageStatus.WAITING
                && h.reason().startsWith("Platform SKU EBAY-MUG mapped to B")), d.history().toString());
        assertEquals(PackageStatus.SKU_UNMATCHED, detail("x1").row().status(), "another store's alias differs");
        assertEquals(0, scalar(db, "SELECT COUNT(*) FROM WB_UNMATCHED_LINE u JOIN WB_ORDER o ON o.ID = u.ORDER_ID "
                + "WHERE o.STORE_ID = 1"));

        // and: a later order of S1 with that platform SKU goes straight to waiting, as SKU B
        capture.capture("S1", List.of(order("u3", "EBAY-MUG", 3)), "sys");
        assertEquals(PackageStatus.WAITING, detail("u3").row().status());
        assertEquals("B x3", detail("u3").row().skuSummary());
        // and: the released package can be allocated now
        Fixtures.exec(db, "INSERT INTO WB_STOCK VALUES (101, 1, 11, 21, NULL, 10, 0)");
        Fixtures.exec(db, "INSERT INTO WB_STOCK VALUES (102, 1, 11, 22, NULL, 10, 0)");
        BatchResult r = authorized(new FulfilmentServiceImpl(db)).allocate(List.of(packageId("u1")), "ann");
        assertEquals(1, r.succeeded().size(), r.failures().toString());
    }

    @Test
    void aPartialMappingKeepsTheOrderHeld() throws Exception {
        capture.capture("S1", List.of(order("u1", "P-ONE", 1, "P-TWO", 1)), "sys");

        SkuAlias first = products.setAlias("S1", "P-ONE", "A", "sup");
        assertEquals(List.of(), first.released());
        assertEquals(1, first.stillHeld().size());
        PackageDetail d = detail("u1");
        assertEquals(PackageStatus.SKU_UNMATCHED, d.row().status());
        assertEquals("A x1, P-TWO x1 (SKU not matched)", d.row().skuSummary());
        assertTrue(d.history().get(d.history().size() - 1).reason().contains("still held: SKU not matched: P-TWO"),
                d.history().toString());

        SkuAlias second = products.setAlias("S1", "P-TWO", "C", "sup");
        assertEquals(1, second.released().size());
        assertEquals(PackageStatus.WAITING, detail("u1").row().status());
    }

    @Test
    void aRecaptureThatFixesTheSkuReleasesTheOrderAndOneThatBreaksItHoldsIt() throws Exception {
        capture.capture("S1", List.of(order("u1", "TYPO", 1)), "sys");
        assertEquals(1, capture.capture("S1", List.of(order("u1", "A", 1)), "sys").updated());
        assertEquals(PackageStatus.WAITING, detail("u1").row().status());
        assertEquals(1, capture.capture("S1", List.of(order("u1", "A", 1, "NEW-ONE", 1)), "sys").updated());
        assertEquals(PackageStatus.SKU_UNMATCHED, detail("u1").row().status());
    }

    @Test
    void anOrderFilePreviewReportsUnmatchedLinesAsHeldNotAsProblems() throws Exception {
        registry.bindFileParser(Fixtures.reference(), new CsvOrderFileParser());
        String file = "order_no,order_date,buyer_name,address1,city,state,postal_code,country,sku,quantity\n"
                + "F1,2026-11-01,Ann,1 Main St,Springfield,IL,62704,US,A,1\n"
                + "F2,2026-11-01,Bob,2 Main St,Springfield,IL,62704,US,SHOPEE-42,1\n";

        ImportPreview p = capture.previewImport("S1", "orders.csv", file.getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of(), p.errors());
        assertEquals(2, p.validOrders());
        assertEquals(1, p.held().size());
        assertEquals(2, p.held().get(0).row());
        assertTrue(p.held().get(0).reason().startsWith("will be held: SKU not matched 'SHOPEE-42'"),
                p.held().get(0).reason());
        assertEquals(2, capture.confirmImport(p.previewId(), "importer").created());
        assertEquals(PackageStatus.SKU_UNMATCHED, detail("F2").row().status());
        assertFalse(detail("F1").row().status() == PackageStatus.SKU_UNMATCHED);
    }
}
