package io.waybill.core.internal.capture;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.internal.Fixtures;
import io.waybill.core.internal.TestDatabase;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.plugin.PluginRegistryImpl;
import io.waybill.core.model.CaptureResult;
import io.waybill.core.model.ImportPreview;
import io.waybill.core.model.RowError;
import io.waybill.spi.common.PluginDescriptor;
import io.waybill.spi.common.Result;
import io.waybill.spi.platform.OrderFileParser;
import io.waybill.spi.platform.ParsedOrderFile;
import io.waybill.spi.platform.ParsedOrderFile.ParsedOrder;
import io.waybill.spi.platform.PlatformOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.waybill.core.internal.security.TestAuthorizers.authorized;
import static io.waybill.core.internal.Fixtures.address;
import static io.waybill.core.internal.Fixtures.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every way the orders of a file can collapse into one another (or into a stored order) when written: each such
 * order is reported at its row and left out, and confirming writes exactly as many orders as the preview counted.
 * Derby-backed, through {@link OrderCaptureServiceImpl#previewImport} and {@link OrderCaptureServiceImpl#confirmImport}.
 */
class ImportConflictTest {
    private DatabaseEngine db;
    private PluginRegistryImpl registry;
    private OrderCaptureServiceImpl capture;

    @BeforeEach
    void open() throws Exception {
        db = TestDatabase.inMemory();
        Fixtures.basic(db);
        Fixtures.exec(db, "INSERT INTO WB_STORE (ID, VERSION, CODE, NAME, PLATFORM) VALUES (2, 1, 'S2', 'Two', 'test')");
        registry = Fixtures.registry();
        capture = authorized(new OrderCaptureServiceImpl(db, registry));
    }

    @AfterEach
    void close() {
        db.close();
    }

    /**
     * Reads "platform id,order no,sku,quantity" lines (data row = line number). {@code grouping}: rows with the same
     * order number are one order (as the CSV plugin does; the platform id of its first row); otherwise every row is
     * an order of its own (a parser that does not group lines).
     */
    private record RowsParser(boolean grouping) implements OrderFileParser {
        @Override
        public PluginDescriptor descriptor() {
            return new PluginDescriptor("rows", "Test rows", "test");
        }

        @Override
        public boolean accepts(String fileName) {
            return fileName.endsWith(".txt");
        }

        @Override
        public Result<ParsedOrderFile> parse(String fileName, byte[] content) {
            String[] lines = new String(content, StandardCharsets.UTF_8).split("\n");
            Map<String, List<Integer>> rows = new LinkedHashMap<>();
            Map<String, List<String[]>> fields = new LinkedHashMap<>();
            for (int i = 0; i < lines.length; i++) {
                String[] f = lines[i].split(",", -1);
                String key = grouping ? f[1].strip() : String.valueOf(i);
                rows.computeIfAbsent(key, k -> new ArrayList<>()).add(i + 1);
                fields.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
            }
            List<ParsedOrder> orders = new ArrayList<>();
            for (String key : rows.keySet()) {
                List<String[]> f = fields.get(key);
                List<PlatformOrder.Line> orderLines = f.stream()
                        .map(x -> new PlatformOrder.Line(x[2], Integer.parseInt(x[3]))).toList();
                String platformId = f.get(0)[0].isEmpty() ? f.get(0)[1] : f.get(0)[0];
                orders.add(new ParsedOrder(new PlatformOrder(platformId, f.get(0)[1], false,
                        Instant.parse("2026-11-01T10:00:00Z"), address("Buyer " + f.get(0)[1]), orderLines),
                        rows.get(key)));
            }
            return Result.ok(new ParsedOrderFile(lines.length, orders, List.of()));
        }
    }

    private ImportPreview preview(boolean grouping, String file) {
        registry.bindFileParser(Fixtures.reference(), new RowsParser(grouping));
        return capture.previewImport("S1", "orders.txt", file.getBytes(StandardCharsets.UTF_8));
    }

    private static String errors(ImportPreview p) {
        StringBuilder b = new StringBuilder();
        for (RowError e : p.errors()) {
            b.append(e.row()).append(' ').append(e.column()).append(": ").append(e.reason()).append('\n');
        }
        return b.toString();
    }

    private static PlatformOrder stored(String platformId, String orderNo) {
        return new PlatformOrder(platformId, orderNo, false, Instant.parse("2026-10-01T10:00:00Z"),
                address("Buyer " + orderNo), List.of(new PlatformOrder.Line("A", 1)));
    }

    @Test
    void twoOrderNumbersSharingOnePlatformIdAreBothReportedAndOnlyTheOtherOrdersAreImported() throws Exception {
        // given: the file (3 orders by number, two of them with one platform order id)
        // when
        ImportPreview p = preview(true, "AMZ-1,1001,A,1\nAMZ-1,1002,B,1\nAMZ-3,1003,A,1");

        // then
        assertEquals(1, p.validOrders(), errors(p));
        assertEquals(List.of(1, 2), p.errors().stream().map(RowError::row).toList(), errors(p));
        assertTrue(p.errors().stream().allMatch(e -> e.column().equals("platform_order_id")), errors(p));
        assertTrue(p.errors().get(0).reason().startsWith("platform_order_id 'AMZ-1' of order 1001 is also the "
                + "platform_order_id of order 1002 (row 2)"), errors(p));
        // the conflict is a reason as data (read in the user's language) whose English is the text
        RowError first = p.errors().get(0);
        assertEquals(io.waybill.core.model.Reason.CONFLICT_PLATFORM_ID, first.structured().code());
        assertEquals(first.reason(), first.structured().english());
        CaptureResult r = capture.confirmImport(p.previewId(), "importer");
        assertEquals(1, r.created());
        assertEquals(1, scalar(db, "SELECT COUNT(*) FROM WB_ORDER"));
        assertEquals(1, scalar(db, "SELECT COUNT(*) FROM WB_ORDER WHERE ORDER_NO = '1003'"));
    }

    @Test
    void anOrderWithoutPlatformIdClashesWithAnotherOrderWhosePlatformIdIsThatNumber() {
        // given: order 1002 has no platform id (its number stands in), order 1001 names 1002 as its platform id
        ImportPreview p = preview(true, "1002,1001,A,1\n,1002,B,1");

        // then
        assertEquals(0, p.validOrders(), errors(p));
        assertEquals(List.of(1, 2), p.errors().stream().map(RowError::row).toList(), errors(p));
    }

    @Test
    void theLinesOfOneOrderSpreadOverRowsAreOneOrderAndKeepEveryLine() throws Exception {
        // given: a multi-line order (same SKU twice, rows not next to each other) is legitimate
        ImportPreview p = preview(true, "P1,1001,A,1\nP2,1002,B,1\nP1,1001,A,2\nP1,1001,C,1");

        // when
        CaptureResult r = capture.confirmImport(p.previewId(), "importer");

        // then
        assertEquals(2, p.validOrders(), errors(p));
        assertEquals(List.of(), p.errors());
        assertEquals(2, r.created());
        assertEquals(3, scalar(db, "SELECT COUNT(*) FROM WB_ORDER_LINE l JOIN WB_ORDER o ON o.ID = l.ORDER_ID "
                + "WHERE o.ORDER_NO = '1001'"));
        assertEquals(4, scalar(db, "SELECT SUM(l.QUANTITY) FROM WB_ORDER_LINE l JOIN WB_ORDER o "
                + "ON o.ID = l.ORDER_ID WHERE o.ORDER_NO = '1001'"));
    }

    @Test
    void oneOrderGivenAsSeparateOrdersByAParserIsRefusedInsteadOfKeepingOnlyItsLastPart() throws Exception {
        // given: a parser that makes an order of every row (the writer would keep only the last of them)
        ImportPreview p = preview(false, "P1,1001,A,1\nP1,1001,B,2\nP3,1003,A,1");

        // then
        assertEquals(1, p.validOrders(), errors(p));
        assertEquals(List.of(1, 2), p.errors().stream().map(RowError::row).toList(), errors(p));
        assertTrue(p.errors().get(0).reason().startsWith("order 1001 (platform_order_id 'P1') appears again as a "
                + "separate order: order 1001 (row 2)"), errors(p));
        assertEquals(1, capture.confirmImport(p.previewId(), "importer").created());
        assertEquals(0, scalar(db, "SELECT COUNT(*) FROM WB_ORDER WHERE ORDER_NO = '1001'"));
    }

    @Test
    void oneOrderNumberWithTwoPlatformIdsInAFileIsRefused() {
        // given
        ImportPreview p = preview(false, "P1,1001,A,1\nP2,1001,B,1");

        // then
        assertEquals(0, p.validOrders(), errors(p));
        assertEquals(List.of("order_no", "order_no"), p.errors().stream().map(RowError::column).toList());
        assertTrue(p.errors().get(1).reason().contains("is also the order number of order 1001 (row 1) with "
                + "platform_order_id 'P1'"), errors(p));
    }

    @Test
    void aPlatformIdStoredUnderAnotherOrderNumberIsReportedNotSilentlyUpdated() throws Exception {
        // given
        capture.capture("S1", List.of(stored("AMZ-7", "7001")), "sys");
        String packageNo = Fixtures.string(db, "SELECT PACKAGE_NO FROM WB_PACKAGE");

        // when: the platform id with surrounding spaces, as a spreadsheet might keep it
        ImportPreview p = preview(true, " AMZ-7 ,7002,A,1\nP2,7003,B,1");

        // then
        assertEquals(1, p.validOrders(), errors(p));
        assertEquals(0, p.duplicates());
        assertEquals(1, p.errors().size(), errors(p));
        RowError e = p.errors().get(0);
        assertEquals(1, e.row());
        assertEquals("platform_order_id", e.column());
        assertEquals("platform_order_id 'AMZ-7' is already stored in store S1 as order 7001, package " + packageNo
                + "; this file gives it the order number 7002. An order number cannot change, so this order is not "
                + "imported (row 1)", e.reason());
        CaptureResult r = capture.confirmImport(p.previewId(), "importer");
        assertEquals(1, r.created());
        assertEquals(0, r.updated() + r.unchanged());
        assertEquals(1, scalar(db, "SELECT COUNT(*) FROM WB_ORDER WHERE PLATFORM_ORDER_ID = 'AMZ-7' "
                + "AND ORDER_NO = '7001'"));
    }

    @Test
    void anOrderNumberStoredUnderAnotherPlatformIdIsReportedInsteadOfCapturingTheOrderTwice() throws Exception {
        // given: captured from the marketplace, then exported to a file without the platform id
        capture.capture("S1", List.of(stored("gid://shopify/Order/77", "#1001")), "sys");

        // when
        ImportPreview p = preview(true, ",#1001,A,1");

        // then
        assertEquals(0, p.validOrders(), errors(p));
        assertEquals("order_no", p.errors().get(0).column());
        assertTrue(p.errors().get(0).reason().startsWith("order number #1001 is already stored in store S1 for "
                + "platform_order_id 'gid://shopify/Order/77'"), errors(p));
    }

    @Test
    void theSameOrderAgainIsAnUpdateAndCountsAsOneValidOrder() throws Exception {
        // given
        capture.capture("S1", List.of(stored("P1", "1001")), "sys");

        // when
        ImportPreview p = preview(true, "P1,1001,A,3\nP2,1002,B,1");
        CaptureResult r = capture.confirmImport(p.previewId(), "importer");

        // then
        assertEquals(2, p.validOrders(), errors(p));
        assertEquals(1, p.duplicates());
        assertEquals(1, r.created());
        assertEquals(1, r.updated());
        assertEquals(2, scalar(db, "SELECT COUNT(*) FROM WB_ORDER"));
    }

    @Test
    void theSameIdsInAnotherStoreAreAnotherOrder() throws Exception {
        // given: capture is idempotent per (store, platform order id)
        capture.capture("S2", List.of(stored("P1", "1001")), "sys");

        // when
        ImportPreview p = preview(true, "P1,1001,A,1");
        CaptureResult r = capture.confirmImport(p.previewId(), "importer");

        // then
        assertEquals(List.of(), p.errors());
        assertEquals(1, r.created());
        assertEquals(2, scalar(db, "SELECT COUNT(*) FROM WB_ORDER"));
    }

    @Test
    void aClashThatAppearsAfterThePreviewRefusesTheWholeImport() throws Exception {
        // given
        ImportPreview p = preview(true, "P8,1008,A,1\nP9,1009,B,1");
        capture.capture("S1", List.of(stored("P9", "9999")), "marketplace");

        // when
        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> capture.confirmImport(p.previewId(), "importer"));

        // then
        assertEquals("import_conflict", e.code());
        assertTrue(e.getMessage().contains("row 2, platform_order_id: platform_order_id 'P9' is already stored in "
                + "store S1 as order 9999"), e.getMessage());
        assertEquals(0, scalar(db, "SELECT COUNT(*) FROM WB_ORDER WHERE ORDER_NO IN ('1008', '1009')"));
    }

    @Test
    void everyValidOrderOfALargeFileIsWrittenAcrossWriteChunks() throws Exception {
        // given: 1,200 orders (the writer works in chunks of 500), one clash far apart in the file
        StringBuilder file = new StringBuilder();
        for (int i = 1; i <= 1200; i++) {
            file.append("P").append(i == 1100 ? 3 : i).append(',').append(1000 + i).append(",A,1\n");
        }

        // when
        ImportPreview p = preview(true, file.toString().strip());
        CaptureResult r = capture.confirmImport(p.previewId(), "importer");

        // then
        assertEquals(List.of(3, 1100), p.errors().stream().map(RowError::row).toList(), errors(p));
        assertEquals(1198, p.validOrders());
        assertEquals(1198, r.created());
        assertEquals(1198, scalar(db, "SELECT COUNT(*) FROM WB_ORDER"));
    }
}
