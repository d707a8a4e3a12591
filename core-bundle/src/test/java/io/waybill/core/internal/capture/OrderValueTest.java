package io.waybill.core.internal.capture;

import io.waybill.core.internal.Fixtures;
import io.waybill.core.internal.TestDatabase;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.service.PackageServiceImpl;
import io.waybill.core.internal.plugin.PluginRegistryImpl;
import io.waybill.core.internal.shell.PackageShowLines;
import io.waybill.core.model.CaptureResult;
import io.waybill.core.model.ImportPreview;
import io.waybill.core.model.OrderValue;
import io.waybill.core.model.PackageDetail;
import io.waybill.platform.csv.internal.CsvOrderFileParser;
import io.waybill.spi.platform.PlatformOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static io.waybill.core.internal.Fixtures.scalar;
import static io.waybill.core.internal.security.TestAuthorizers.authorized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The order value (issue 12 item 6) from capture and file import to the package detail and package-show. */
class OrderValueTest {
    private DatabaseEngine db;
    private PluginRegistryImpl registry;
    private OrderCaptureServiceImpl capture;

    @BeforeEach
    void open() throws Exception {
        db = TestDatabase.inMemory();
        Fixtures.basic(db);
        registry = Fixtures.registry();
        capture = authorized(new OrderCaptureServiceImpl(db, registry));
    }

    @AfterEach
    void close() {
        db.close();
    }

    static PlatformOrder valued(String total, String shipping, String price) {
        return Fixtures.order("v1", "A", 2, "B", 1).withValue(new PlatformOrder.Value(new BigDecimal(total),
                new BigDecimal(shipping), "USD", "+1 217 555 0100", "ann@example.com",
                Instant.parse("2026-11-03T23:59:59Z")));
    }

    static PlatformOrder withPrices(PlatformOrder o, String priceA, String priceB) {
        return new PlatformOrder(o.platformOrderId(), o.orderNo(), o.cancelled(), o.createdAt(), o.shipTo(),
                List.of(o.lines().get(0).withPrice(new BigDecimal(priceA), "USD"),
                        o.lines().get(1).withPrice(new BigDecimal(priceB), null)), o.value());
    }

    private PackageDetail detail(DatabaseEngine db) throws Exception {
        long id = scalar(db, "SELECT p.ID FROM WB_PACKAGE p JOIN WB_ORDER o ON o.ID = p.ORDER_ID "
                + "WHERE o.PLATFORM_ORDER_ID = 'v1'");
        return new PackageServiceImpl(db).detail(id).orElseThrow();
    }

    /** Capture stores the value; a re-capture with other values updates them and says so in the history. */
    static void captureThenRecapture(DatabaseEngine db, OrderCaptureServiceImpl capture) throws Exception {
        CaptureResult first = capture.capture("S1", List.of(withPrices(valued("30.98", "4.00", null), "12.99",
                "1.00")), "sys");
        assertEquals(1, first.created(), first.rejected().toString());
        PackageDetail d = new PackageServiceImpl(db).detail(scalar(db, "SELECT ID FROM WB_PACKAGE")).orElseThrow();
        assertEquals(new OrderValue(new BigDecimal("30.98"), new BigDecimal("4.00"), "USD", "+1 217 555 0100",
                "ann@example.com", Instant.parse("2026-11-03T23:59:59Z")), d.value());
        assertEquals(List.of(new PackageDetail.Line("A", "Sku A", 2, 100, new BigDecimal("12.99"), "USD"),
                new PackageDetail.Line("B", "Sku B", 1, 250, new BigDecimal("1.00"), "USD")), d.lines(),
                "a line without its own currency is in the order's");

        // the same order again: unchanged
        assertEquals(1, capture.capture("S1", List.of(withPrices(valued("30.980", "4", null), "12.990", "1")),
                "sys").unchanged());
        // other prices and total: updated, audited
        CaptureResult again = capture.capture("S1", List.of(withPrices(valued("28.98", "2.00", null), "12.99",
                "0.50")), "sys");
        assertEquals(1, again.updated(), again.toString());
        d = new PackageServiceImpl(db).detail(scalar(db, "SELECT ID FROM WB_PACKAGE")).orElseThrow();
        assertEquals(new BigDecimal("28.98"), d.value().total());
        assertEquals(new BigDecimal("2.00"), d.value().shippingPaid());
        assertEquals(new BigDecimal("0.50"), d.lines().get(1).unitPrice());
        assertEquals(1, scalar(db, "SELECT COUNT(*) FROM WB_AUDIT_EVENT WHERE ACTION = 'VALUE_CHANGED'"));
        assertEquals(1, scalar(db, "SELECT COUNT(*) FROM WB_ORDER"));
    }

    @Test
    void captureStoresTheValueAndARecaptureUpdatesIt() throws Exception {
        captureThenRecapture(db, capture);
    }

    @Test
    void theBuyerNoteIsStoredAndARuleOnItDecidesAtCapture() throws Exception {
        // given: a rule "buyer note present -> tag NOTE", an order with a note (padded) and one without
        new io.waybill.core.internal.rulestore.RuleStore(db.dataSource(), java.time.Clock.systemUTC())
                .add("Notes", true, "note yes", "tag NOTE", "t");
        PlatformOrder noted = Fixtures.order("n1", "A", 1).withValue(PlatformOrder.Value.NONE
                .withBuyerNote("  Gift wrap, please  "));
        PlatformOrder plain = Fixtures.order("n2", "A", 1).withValue(PlatformOrder.Value.NONE.withBuyerNote("  "));
        // when
        CaptureResult r = capture.capture("S1", List.of(noted, plain), "sys");
        // then
        assertEquals(2, r.created(), r.rejected().toString());
        assertEquals("Gift wrap, please", Fixtures.string(db, "SELECT BUYER_NOTE FROM WB_ORDER "
                + "WHERE PLATFORM_ORDER_ID = 'n1'"));
        assertEquals(null, Fixtures.string(db, "SELECT BUYER_NOTE FROM WB_ORDER WHERE PLATFORM_ORDER_ID = 'n2'"));
        // the package page shows it (PackageDetail.value().buyerNote())
        assertEquals("Gift wrap, please", new PackageServiceImpl(db).detail(scalar(db, "SELECT p.ID FROM WB_PACKAGE p "
                + "JOIN WB_ORDER o ON o.ID = p.ORDER_ID WHERE o.PLATFORM_ORDER_ID = 'n1'")).orElseThrow().value()
                .buyerNote());
        assertEquals(null, new PackageServiceImpl(db).detail(scalar(db, "SELECT p.ID FROM WB_PACKAGE p "
                + "JOIN WB_ORDER o ON o.ID = p.ORDER_ID WHERE o.PLATFORM_ORDER_ID = 'n2'")).orElseThrow().value()
                .buyerNote());
        assertEquals("n1", Fixtures.string(db, "SELECT o.PLATFORM_ORDER_ID FROM WB_PACKAGE_TAG t JOIN WB_PACKAGE p "
                + "ON p.ID = t.PACKAGE_ID JOIN WB_ORDER o ON o.ID = p.ORDER_ID WHERE t.TAG = 'NOTE'"));
        assertEquals(1, scalar(db, "SELECT COUNT(*) FROM WB_PACKAGE_TAG"));

        // a changed note is an updated order; an over-long one keeps its first 2000 characters
        CaptureResult again = capture.capture("S1", List.of(Fixtures.order("n2", "A", 1).withValue(
                PlatformOrder.Value.NONE.withBuyerNote("x".repeat(2500)))), "sys");
        assertEquals(1, again.updated(), again.toString());
        assertEquals(2000, scalar(db, "SELECT LENGTH(BUYER_NOTE) FROM WB_ORDER WHERE PLATFORM_ORDER_ID = 'n2'"));
        assertEquals(1, capture.capture("S1", List.of(Fixtures.order("n2", "A", 1).withValue(
                PlatformOrder.Value.NONE.withBuyerNote("x".repeat(2500)))), "sys").unchanged());
    }

    /**
     * The marketplace's IOSS number (V32): stored stripped (blank as none), shown in the package detail, updated by a
     * re-capture; an over-long one refuses the order with the reason and writes nothing.
     */
    static void marketplaceIossIsStoredAndUpdated(DatabaseEngine db, OrderCaptureServiceImpl capture)
            throws Exception {
        PlatformOrder amazon = Fixtures.order("m1", "A", 1).withValue(PlatformOrder.Value.NONE
                .withMarketplaceIoss("  IM4420000001 "));
        PlatformOrder blank = Fixtures.order("m2", "A", 1).withValue(PlatformOrder.Value.NONE
                .withMarketplaceIoss("   "));
        CaptureResult r = capture.capture("S1", List.of(amazon, blank), "sys");
        assertEquals(2, r.created(), r.rejected().toString());
        assertEquals("IM4420000001", Fixtures.string(db, "SELECT MARKETPLACE_IOSS FROM WB_ORDER "
                + "WHERE PLATFORM_ORDER_ID = 'm1'"));
        assertEquals(null, Fixtures.string(db, "SELECT MARKETPLACE_IOSS FROM WB_ORDER WHERE PLATFORM_ORDER_ID = 'm2'"));
        long m1 = scalar(db, "SELECT p.ID FROM WB_PACKAGE p JOIN WB_ORDER o ON o.ID = p.ORDER_ID "
                + "WHERE o.PLATFORM_ORDER_ID = 'm1'");
        assertEquals("IM4420000001", new PackageServiceImpl(db).detail(m1).orElseThrow().value().marketplaceIoss());

        // the same number again: unchanged; another one: updated
        assertEquals(1, capture.capture("S1", List.of(amazon), "sys").unchanged());
        CaptureResult again = capture.capture("S1", List.of(Fixtures.order("m2", "A", 1).withValue(
                PlatformOrder.Value.NONE.withMarketplaceIoss("IM4420000002"))), "sys");
        assertEquals(1, again.updated(), again.toString());
        assertEquals("IM4420000002", Fixtures.string(db, "SELECT MARKETPLACE_IOSS FROM WB_ORDER "
                + "WHERE PLATFORM_ORDER_ID = 'm2'"));

        // longer than the column: refused with the reason, nothing written
        CaptureResult tooLong = capture.capture("S1", List.of(Fixtures.order("m3", "A", 1).withValue(
                PlatformOrder.Value.NONE.withMarketplaceIoss("IM" + "1".repeat(39)))), "sys");
        assertEquals(0, tooLong.created());
        assertEquals(List.of("order NO-m3 / marketplace_ioss: is too long (41 characters, at most 40)"),
                tooLong.rejected().stream().map(e -> e.column() + ": " + e.reason()).toList());
        assertEquals(0, scalar(db, "SELECT COUNT(*) FROM WB_ORDER WHERE PLATFORM_ORDER_ID = 'm3'"));
    }

    @Test
    void theMarketplacesIossIsStoredAndUpdated() throws Exception {
        marketplaceIossIsStoredAndUpdated(db, capture);
    }

    @Test
    void anOrderWithABadValueIsRefusedWithTheReasonAndNothingIsWritten() throws Exception {
        PlatformOrder bad = Fixtures.order("bad", "A", 1).withValue(new PlatformOrder.Value(new BigDecimal("10.001"),
                null, "USD", null, "not-an-email", null));
        CaptureResult r = capture.capture("S1", List.of(bad), "sys");
        assertEquals(0, r.created());
        List<String> reasons = r.rejected().stream().map(e -> e.column() + ": " + e.reason()).toList();
        assertEquals(List.of("order NO-bad / order_total: 10.001 has more decimals than USD has (2)",
                "order NO-bad / buyer_email: 'not-an-email' is not an e-mail address (name@domain.tld)"), reasons);
        assertEquals(0, scalar(db, "SELECT COUNT(*) FROM WB_ORDER"));
    }

    @Test
    void anOrderFileWithValuesImportedThroughTheCsvPluginShowsThemInPackageShow() throws Exception {
        // given: the real CSV plugin, a file with the value columns (one line priced in JPY, 0 decimals)
        registry.bindFileParser(Fixtures.reference(), new CsvOrderFileParser());
        String file = "order_no,order_date,buyer_name,address1,city,state,postal_code,country,phone,email,sku,"
                + "quantity,unit_price,currency,order_total,shipping_paid,ship_by\n"
                + "v1,2026-11-01 10:00,Ann,1 Main St,Springfield,IL,62704,US,+1 217 555 0100,ann@example.com,A,2,"
                + "1200,JPY,3000,600,2026-11-03T18:00:00Z\n"
                + "v1,2026-11-01 10:00,Ann,1 Main St,Springfield,IL,62704,US,+1 217 555 0100,ann@example.com,B,1,"
                + "0,JPY,3000,600,2026-11-03T18:00:00Z\n"
                + "v2,2026-11-01 10:00,Bob,2 Main St,Springfield,IL,62704,US,,,A,1,12.5,JPY,,,\n";

        // when
        ImportPreview preview = capture.previewImport("S1", "orders.csv", file.getBytes(StandardCharsets.UTF_8));

        // then: the JPY amount with decimals is refused at its row, the other order imports with its value
        assertEquals(1, preview.validOrders(), preview.errors().toString());
        assertEquals(1, preview.errors().size(), preview.errors().toString());
        assertEquals(3, preview.errors().get(0).row());
        assertEquals("unit_price", preview.errors().get(0).column());
        assertEquals("12.5 of SKU A has more decimals than JPY has (0)", preview.errors().get(0).reason());
        assertEquals(1, capture.confirmImport(preview.previewId(), "importer").created());

        List<String> shown = PackageShowLines.of(detail(db));
        assertTrue(shown.contains("  A x2  Sku A   1200 JPY x 2 = 2400 JPY"), String.join("\n", shown));
        assertTrue(shown.contains("  B x1  Sku B   0 JPY x 1 = 0 JPY"), String.join("\n", shown));
        assertTrue(shown.contains("Value     total 3000 JPY   shipping paid 600 JPY   currency JPY"),
                String.join("\n", shown));
        assertTrue(shown.stream().anyMatch(l -> l.startsWith("Buyer     phone +1 217 555 0100   e-mail "
                + "ann@example.com   ship by 2026-11-0")), String.join("\n", shown));
    }
}
