package io.waybill.core.internal.capture;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.internal.Fixtures;
import io.waybill.core.internal.TestDatabase;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.plugin.PluginRegistryImpl;
import io.waybill.core.model.CaptureResult;
import io.waybill.core.model.ImportPreview;
import io.waybill.core.model.RowError;
import io.waybill.spi.common.Address;
import io.waybill.spi.common.PluginDescriptor;
import io.waybill.spi.common.Result;
import io.waybill.spi.platform.MarketplaceConnector;
import io.waybill.spi.platform.OrderFileParser;
import io.waybill.spi.platform.OrderPage;
import io.waybill.spi.platform.ParsedOrderFile;
import io.waybill.spi.platform.PlatformOrder;
import io.waybill.spi.platform.StoreContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.waybill.core.internal.security.TestAuthorizers.authorized;
import static io.waybill.core.internal.Fixtures.order;
import static io.waybill.core.internal.Fixtures.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderCaptureServiceImplTest {
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

    @Test
    void capturingTheSameOrderTwiceKeepsOneOrderAndOnePackage() throws Exception {
        CaptureResult first = capture.capture("S1", List.of(order("o1", "A", 2, "B", 1)), "sys");
        CaptureResult again = capture.capture("S1", List.of(order("o1", "A", 2, "B", 1)), "sys");
        assertEquals(1, first.created());
        assertEquals(0, again.created());
        assertEquals(1, again.unchanged());
        assertEquals(1, scalar(db, "SELECT COUNT(*) FROM WB_ORDER"));
        assertEquals(1, scalar(db, "SELECT COUNT(*) FROM WB_PACKAGE WHERE STATUS = 'WAITING'"));
        assertEquals(40 + 2 * 100 + 250, scalar(db, "SELECT EXPECTED_WEIGHT_GRAMS FROM WB_PACKAGE"));
    }

    @Test
    void aLaterAddressEditUpdatesAndAPlatformCancellationFlags() throws Exception {
        capture.capture("S1", List.of(order("o1", "A", 1)), "sys");
        PlatformOrder edited = new PlatformOrder("o1", "NO-o1", false, Instant.now(),
                new Address("Buyer o1", null, "2 Other Road", null, "Springfield", "IL", "62704", "US", null, null),
                List.of(new PlatformOrder.Line("A", 1)));
        assertEquals(1, capture.capture("S1", List.of(edited), "sys").updated());
        PlatformOrder cancelled = new PlatformOrder("o1", "NO-o1", true, Instant.now(), edited.shipTo(),
                edited.lines());
        assertEquals(1, capture.capture("S1", List.of(cancelled), "sys").flagged());
        assertEquals(1, scalar(db, "SELECT COUNT(*) FROM WB_ORDER WHERE CANCELLED = TRUE AND LINE1 = '2 Other Road'"));
        assertEquals(1, scalar(db, "SELECT COUNT(*) FROM WB_AUDIT_EVENT WHERE ACTION = 'PLATFORM_CANCELLED'"));
        assertEquals(1, scalar(db, "SELECT COUNT(*) FROM WB_PACKAGE"));
    }

    @Test
    void invalidOrdersAreRejectedWithReasonsAndNothingOfThemIsWritten() throws Exception {
        PlatformOrder noPostal = new PlatformOrder("bad1", "B1", false, Instant.now(),
                new Address("X", null, "1 Road", null, "Berlin", null, null, "DE", null, null),
                List.of(new PlatformOrder.Line("A", 1)));
        PlatformOrder unknownSku = order("bad2", "ZZZ", 1);
        PlatformOrder zeroQty = order("bad3", "A", 0);
        PlatformOrder control = new PlatformOrder("bad4", "B4", false, Instant.now(),
                new Address("Eve\u0000", null, "1 Road", null, "Springfield", "IL", "62704", "US", null, null),
                List.of(new PlatformOrder.Line("A", 1)));
        PlatformOrder tooLong = new PlatformOrder("bad5", "B5", false, Instant.now(),
                new Address("N".repeat(201), null, "1 Road", null, "Springfield", "IL", "62704", "US", null, null),
                List.of(new PlatformOrder.Line("A", 1)));
        CaptureResult r = capture.capture("S1", List.of(noPostal, unknownSku, zeroQty, control, tooLong,
                order("good", "A", 1)), "sys");
        assertEquals(2, r.created(), "the unknown SKU's order is held, not refused");
        List<String> reasons = r.rejected().stream().map(e -> e.column() + ": " + e.reason()).toList();
        assertTrue(reasons.stream().anyMatch(s -> s.contains("postal_code: is required for destination DE")), reasons.toString());
        assertTrue(reasons.stream().noneMatch(s -> s.contains("ZZZ")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(s -> s.contains("quantity: must be greater than 0")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(s -> s.contains("control character (U+0000)")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(s -> s.contains("buyer_name: is too long")), reasons.toString());
        assertEquals(2, scalar(db, "SELECT COUNT(*) FROM WB_ORDER"));
        assertEquals(1, scalar(db, "SELECT COUNT(*) FROM WB_PACKAGE WHERE STATUS = 'SKU_UNMATCHED'"));
    }

    @Test
    void namesAndAddressesInAnyScriptRoundTripExactly() throws Exception {
        String[] names = {"张伟", "Иван Петров", "محمد العتيبي", "Zoë 🚚 O'Brien"};
        List<PlatformOrder> orders = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            orders.add(new PlatformOrder("u" + i, "U" + i, false, Instant.now(),
                    new Address(names[i], null, names[i] + " 街道 7", null, "北京", "北京市", "100022", "CN", null, null),
                    List.of(new PlatformOrder.Line("A", 1))));
        }
        assertEquals(4, capture.capture("S1", orders, "sys").created());
        try (var c = db.dataSource().getConnection();
             var rs = c.createStatement().executeQuery("SELECT BUYER_NAME, LINE1 FROM WB_ORDER ORDER BY ORDER_NO")) {
            for (String name : names) {
                assertTrue(rs.next());
                assertEquals(name, rs.getString(1));
                assertEquals(name + " 街道 7", rs.getString(2));
            }
        }
    }

    /** A parser that turns each "id,sku,qty" line into an order, reporting lines with a bad quantity. */
    private static final class LineParser implements OrderFileParser {
        @Override
        public PluginDescriptor descriptor() {
            return new PluginDescriptor("lines", "Test lines", "test");
        }

        @Override
        public boolean accepts(String fileName) {
            return fileName.endsWith(".txt");
        }

        @Override
        public Result<ParsedOrderFile> parse(String fileName, byte[] content) {
            List<ParsedOrderFile.ParsedOrder> orders = new ArrayList<>();
            List<ParsedOrderFile.Problem> problems = new ArrayList<>();
            String[] rows = new String(content, java.nio.charset.StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < rows.length; i++) {
                String[] f = rows[i].split(",");
                try {
                    orders.add(new ParsedOrderFile.ParsedOrder(order(f[0], f[1], Integer.parseInt(f[2])), List.of(i + 1)));
                } catch (NumberFormatException e) {
                    problems.add(new ParsedOrderFile.Problem(i + 1, "quantity", "not a number: " + f[2]));
                }
            }
            return Result.ok(new ParsedOrderFile(rows.length, orders, problems));
        }
    }

    @Test
    void fileImportReportsEveryBadRowAndImportsOnlyOnConfirmation() throws Exception {
        registry.bindFileParser(Fixtures.reference(), new LineParser());
        byte[] file = "f1,A,1\nf2,ZZZ,1\nf3,B,x\nf4,B,2".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        ImportPreview preview = capture.previewImport("S1", "orders.txt", file);

        assertEquals(4, preview.dataRows());
        assertEquals(3, preview.validOrders(), "an unknown SKU is held, not refused (issue 12 item 5)");
        assertEquals(List.of(3), preview.errors().stream().map(RowError::row).toList());
        assertEquals(List.of(2), preview.held().stream().map(RowError::row).toList());
        assertEquals(0, scalar(db, "SELECT COUNT(*) FROM WB_ORDER"), "preview writes nothing");

        CaptureResult r = capture.confirmImport(preview.previewId(), "importer");
        assertEquals(3, r.created());
        assertEquals(3, scalar(db, "SELECT COUNT(*) FROM WB_ORDER"));
        assertEquals(1, scalar(db, "SELECT COUNT(*) FROM WB_PACKAGE WHERE STATUS = 'SKU_UNMATCHED'"));
        assertThrows(OperationRefusedException.class, () -> capture.confirmImport(preview.previewId(), "importer"),
                "a preview is used once");
    }

    @Test
    void anOrderWhoseSkuDisappearedAfterThePreviewIsImportedHeldNotLost() throws Exception {
        registry.bindFileParser(Fixtures.reference(), new LineParser());
        ImportPreview preview = capture.previewImport("S1", "orders.txt", "g1,A,1\ng2,C,1".getBytes());
        assertEquals(List.of(), preview.held());
        Fixtures.exec(db, "UPDATE WB_SKU SET CODE = 'C-OLD' WHERE CODE = 'C'");
        assertEquals(2, capture.confirmImport(preview.previewId(), "importer").created());
        assertEquals(1, scalar(db, "SELECT COUNT(*) FROM WB_PACKAGE WHERE STATUS = 'SKU_UNMATCHED'"));
        assertEquals("C", Fixtures.string(db, "SELECT PLATFORM_SKU FROM WB_UNMATCHED_LINE"));
    }

    @Test
    void captureNowPagesThroughTheConnectorAndRemembersTheCursor() throws Exception {
        List<String> cursorsSeen = new ArrayList<>();
        registry.bindPlatform(Fixtures.reference(), new MarketplaceConnector() {
            @Override
            public PluginDescriptor descriptor() {
                return new PluginDescriptor("test", "Test marketplace", "pages of two orders");
            }

            @Override
            public Result<OrderPage> fetchOrders(StoreContext store, String cursor) {
                cursorsSeen.add(String.valueOf(cursor));
                if (cursor == null) {
                    return Result.ok(new OrderPage(List.of(order("m1", "A", 1), order("m2", "B", 1)), "c1", true));
                }
                if (cursor.equals("c1")) {
                    return Result.ok(new OrderPage(List.of(order("m3", "A", 1), order("m1", "A", 1)), "c2", false));
                }
                return Result.ok(new OrderPage(List.of(), cursor, false));
            }
        });
        CaptureResult r = capture.captureNow("S1", "alice");
        assertEquals(3, r.created());
        assertEquals(1, r.unchanged());
        assertEquals(List.of("null", "c1"), cursorsSeen);
        CaptureResult again = capture.captureNow("S1", "alice");
        assertEquals(0, again.created());
        assertEquals(List.of("null", "c1", "c2"), cursorsSeen, "the stored cursor is used next time");
        assertEquals(3, scalar(db, "SELECT COUNT(*) FROM WB_ORDER"));
    }

    @Test
    void captureNowWithoutAConnectorIsRefused() {
        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> capture.captureNow("S1", "alice"));
        assertEquals("no_connector", e.code());
    }
    @Test
    void anOperatorsAddressCorrectionIsSavedAuditedWithTheChangedFieldsAndIsWhatTheNextReadSees() throws Exception {
        // given: a package whose upload failed (the carrier refused the address)
        capture.capture("S1", List.of(order("o1", "A", 1)), "sys");
        Fixtures.exec(db, "UPDATE WB_PACKAGE SET STATUS = 'UPLOAD_FAILED'");
        long pkg = scalar(db, "SELECT ID FROM WB_PACKAGE");
        Address fixed = new Address("Buyer o1", null, "215 Clayton St.", null, "San Francisco", "CA", "94117", "US",
                null, null);

        // when
        capture.updateAddress(pkg, fixed, "alice");

        // then
        assertEquals(1, scalar(db, "SELECT COUNT(*) FROM WB_ORDER WHERE LINE1 = '215 Clayton St.' "
                + "AND CITY = 'San Francisco' AND STATE = 'CA' AND POSTAL_CODE = '94117'"));
        assertEquals(1, scalar(db, "SELECT COUNT(*) FROM WB_AUDIT_EVENT WHERE ACTION = 'ADDRESS_CHANGED' "
                + "AND ACTOR = 'alice' AND FROM_STATUS = 'UPLOAD_FAILED' AND TO_STATUS = 'UPLOAD_FAILED' "
                + "AND REASON = 'Ship-to address corrected (address1, city, state, postal_code)'"));
        assertEquals(1, scalar(db, "SELECT COUNT(*) FROM WB_PACKAGE WHERE STATUS = 'UPLOAD_FAILED'"));
    }

    @Test
    void anInvalidAddressIsRefusedWithTheReasonPerFieldAndNothingChanges() throws Exception {
        // given
        capture.capture("S1", List.of(order("o1", "A", 1)), "sys");
        long pkg = scalar(db, "SELECT ID FROM WB_PACKAGE");
        Address bad = new Address("Buyer o1", null, " ", null, "Springfield", "IL", "6270", "US", null, null);

        // when
        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> capture.updateAddress(pkg, bad, "alice"));

        // then
        assertEquals("invalid_address", e.code());
        assertEquals("address1 is required; postal_code '6270' is not a valid postal code for US", e.getMessage());
        assertEquals(1, scalar(db, "SELECT COUNT(*) FROM WB_ORDER WHERE LINE1 = '1 Main Street' "
                + "AND POSTAL_CODE = '62704'"));
        assertEquals(0, scalar(db, "SELECT COUNT(*) FROM WB_AUDIT_EVENT WHERE ACTION = 'ADDRESS_CHANGED'"));
    }

    @Test
    void theAddressOfATrackedPackageOrOneBeingUploadedCannotChange() throws Exception {
        // given
        capture.capture("S1", List.of(order("o1", "A", 1)), "sys");
        long pkg = scalar(db, "SELECT ID FROM WB_PACKAGE");
        Address fixed = new Address("Buyer o1", null, "2 Other Road", null, "Springfield", "IL", "62704", "US",
                null, null);
        Fixtures.exec(db, "UPDATE WB_PACKAGE SET STATUS = 'TRACKED'");

        // when
        OperationRefusedException tracked = assertThrows(OperationRefusedException.class,
                () -> capture.updateAddress(pkg, fixed, "alice"));
        Fixtures.exec(db, "UPDATE WB_PACKAGE SET STATUS = 'ALLOCATED'");
        Fixtures.exec(db, "INSERT INTO WB_CARRIER_JOB (PACKAGE_ID, KIND, CARRIER_ID, IDEMPOTENCY_KEY, STATE, "
                + "ATTEMPTS, NEXT_RUN_AT, CREATED_AT, UPDATED_AT) VALUES (" + pkg + ", 'UPLOAD', 'pool', 'k-1', "
                + "'QUEUED', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        OperationRefusedException queued = assertThrows(OperationRefusedException.class,
                () -> capture.updateAddress(pkg, fixed, "alice"));

        // then
        assertEquals("edit_locked", tracked.code());
        assertTrue(tracked.getMessage().startsWith("Package ") && tracked.getMessage().contains(" is tracked: its "
                + "ship-to address can change only before it is uploaded to a carrier."), tracked.getMessage());
        assertEquals(List.of("TRACKED", "ship_to"), tracked.params().subList(1, 3));
        assertEquals("upload_in_progress", queued.code());
        assertEquals(0, scalar(db, "SELECT COUNT(*) FROM WB_ORDER WHERE LINE1 = '2 Other Road'"));
        assertEquals(0, scalar(db, "SELECT COUNT(*) FROM WB_AUDIT_EVENT WHERE ACTION = 'ADDRESS_CHANGED'"));
    }

    @Test
    void theAddressOfAHeldPackageIsCorrected_auditedWithWhoAndTheFieldsAsAStructuredReason() throws Exception {
        // given: a package a logistics rule held for review (To review)
        capture.capture("S1", List.of(order("o1", "A", 1)), "sys");
        Fixtures.exec(db, "UPDATE WB_PACKAGE SET STATUS = 'HELD'");
        long pkg = scalar(db, "SELECT ID FROM WB_PACKAGE");
        Address fixed = new Address("Buyer o1", null, "2 Other Road", null, "Springfield", "IL", "62704", "US",
                null, null);

        // when
        capture.updateAddress(pkg, fixed, "sam");
        capture.updateAddress(pkg, fixed, "sam"); // unchanged: nothing written

        // then: saved, still held, one history line with who and which fields (not their values)
        assertEquals(1, scalar(db, "SELECT COUNT(*) FROM WB_ORDER WHERE LINE1 = '2 Other Road'"));
        assertEquals(1, scalar(db, "SELECT COUNT(*) FROM WB_PACKAGE WHERE STATUS = 'HELD'"));
        assertEquals(1, scalar(db, "SELECT COUNT(*) FROM WB_AUDIT_EVENT WHERE ACTION = 'ADDRESS_CHANGED' "
                + "AND ACTOR = 'sam' AND FROM_STATUS = 'HELD' AND REASON_CODE = 'address_corrected' "
                + "AND REASON = 'Ship-to address corrected (address1)'"));
        assertEquals(1, scalar(db, "SELECT COUNT(*) FROM WB_AUDIT_EVENT WHERE REASON_CODE = 'address_corrected'"));
    }

    @Test
    void aFileRowProblemIsDataWhenThePluginSaysWhyAndTextWhenItDoesNot() {
        // SPI platform 1.5: a code, its params and what was left out
        ParsedOrderFile.Problem coded = new ParsedOrderFile.Problem(2, "数量", "quantity must be a whole number "
                + "greater than 0, got 'two'; order 7 is left out (rows 1, 2)", "quantity", "two")
                .withLeftOut(ParsedOrderFile.LeftOut.order("7", List.of(1, 2)));
        RowError e = OrderCaptureServiceImpl.rowError(coded);
        assertEquals(2, e.row());
        assertEquals("数量", e.column());
        assertEquals(coded.reason(), e.reason(), "the plugin's own English words stay the text");
        assertEquals(io.waybill.core.model.Reason.ROW_ORDER_LEFT_OUT, e.structured().code());
        assertEquals(coded.reason(), e.structured().english());
        // a 1.4 plugin, or a code of the plugin's own: its words only
        assertEquals(null, OrderCaptureServiceImpl.rowError(new ParsedOrderFile.Problem(3, "x", "bad x"))
                .structured());
        assertEquals("bad x", OrderCaptureServiceImpl.rowError(new ParsedOrderFile.Problem(3, "x", "bad x",
                "own_code", "v")).reason());
        assertEquals(null, OrderCaptureServiceImpl.rowError(new ParsedOrderFile.Problem(3, "x", "bad x",
                "own_code", "v")).structured());
    }

    /** A file parser that refuses every file with this one ERROR message. */
    private static OrderFileParser refusing(io.waybill.spi.common.Message error) {
        return new OrderFileParser() {
            @Override
            public PluginDescriptor descriptor() {
                return new PluginDescriptor("refusing", "Refusing", "refuses every file");
            }

            @Override
            public boolean accepts(String fileName) {
                return fileName.endsWith(".csv");
            }

            @Override
            public Result<ParsedOrderFile> parse(String fileName, byte[] content) {
                return Result.failure(error);
            }
        };
    }

    private io.waybill.core.model.Reason refusal(String name, byte[] content) {
        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> capture.previewImport("S1", name, content));
        assertEquals(io.waybill.core.model.Reason.UNREADABLE_FILE, e.code());
        assertEquals(e.reason().english(), e.getMessage(), "the shell prints the reason's English");
        List<io.waybill.core.model.Reason> why = io.waybill.core.model.Reason.decode(e.reason().params().get(0));
        assertEquals(1, why.size());
        return why.get(0);
    }

    @Test
    void aFileThePluginCannotReadIsRefusedWithWhyAsDataAndNothingIsWritten() throws Exception {
        // SPI platform 1.7: the plugin's code and params become a file_* reason
        registry.bindFileParser(Fixtures.reference(), refusing(io.waybill.spi.common.Message.error("missing_columns",
                "the header row lacks required column city (or town). Found: 'Stadt'", "'Stadt'", "city", "town")));
        io.waybill.core.model.Reason why = refusal("orders.csv", "Stadt\nLeeds\n".getBytes());
        assertEquals(io.waybill.core.model.Reason.FILE_COLUMNS_MISSING, why.code());
        assertEquals("The header row lacks required columns: city (or town). Found: 'Stadt'.", why.english());
        assertEquals(0, scalar(db, "SELECT COUNT(*) FROM WB_ORDER"));
    }

    @Test
    void aFileProblemWithoutACodeTheCoreKnowsIsThePluginsWords() throws Exception {
        // a 1.5 plugin (no params), or params that do not fit the code: the plugin's text
        registry.bindFileParser(Fixtures.reference(), refusing(io.waybill.spi.common.Message.error("bad_encoding",
                "file is not UTF-8 text")));
        io.waybill.core.model.Reason why = refusal("orders.csv", "x".getBytes());
        assertEquals(io.waybill.core.model.Reason.FILE_PLUGIN, why.code());
        assertEquals("The file cannot be read: file is not UTF-8 text", why.english());
    }

    @Test
    void theCoresOwnFileRefusalsAreDataToo() throws Exception {
        // no parser for the name, nothing in the file, over 20 MB: before any plugin is asked
        assertEquals(io.waybill.core.model.Reason.of(io.waybill.core.model.Reason.FILE_NO_PARSER, "orders.xlsx"),
                refusal("orders.xlsx", "x".getBytes()));
        assertEquals(io.waybill.core.model.Reason.of(io.waybill.core.model.Reason.FILE_EMPTY),
                refusal("orders.csv", new byte[0]));
        assertEquals(io.waybill.core.model.Reason.of(io.waybill.core.model.Reason.FILE_SIZE, "21.0", "20"),
                refusal("orders.csv", new byte[21 * 1024 * 1024]));
        // a plugin that throws (it must not): an internal error of the plugin, with the file's name
        registry.bindFileParser(Fixtures.reference(), new OrderFileParser() {
            @Override
            public PluginDescriptor descriptor() {
                return new PluginDescriptor("throwing", "Throwing", "throws");
            }

            @Override
            public boolean accepts(String fileName) {
                return true;
            }

            @Override
            public Result<ParsedOrderFile> parse(String fileName, byte[] content) {
                throw new IllegalStateException("boom");
            }
        });
        assertEquals(io.waybill.core.model.Reason.of(io.waybill.core.model.Reason.FILE_PLUGIN_ERROR, "orders.csv",
                "IllegalStateException: boom"), refusal("orders.csv", "x".getBytes()));
    }
}
