package io.waybill.core.internal.carrier;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.internal.Fixtures;
import io.waybill.core.internal.TestDatabase;
import io.waybill.core.internal.capture.OrderCaptureServiceImpl;

import io.waybill.core.internal.customs.CustomsServiceImpl;
import io.waybill.core.internal.catalogue.ProductServiceImpl;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.plugin.PluginRegistryImpl;
import io.waybill.core.internal.service.PackageServiceImpl;
import io.waybill.core.internal.workflow.FulfilmentServiceImpl;
import io.waybill.core.model.BatchResult;
import io.waybill.core.model.PackageDeclaration;
import io.waybill.core.model.PackageStatus;
import io.waybill.core.model.Reason;
import io.waybill.core.model.ShippingMethodInfo;
import io.waybill.core.model.StoreCustoms;
import io.waybill.spi.carrier.CarrierGateway;
import io.waybill.spi.carrier.CarrierService;
import io.waybill.spi.carrier.CustomsDeclaration;
import io.waybill.spi.carrier.ShipmentRequest;
import io.waybill.spi.carrier.ShipmentResponse;
import io.waybill.spi.common.PluginDescriptor;
import io.waybill.spi.common.Result;
import io.waybill.spi.platform.PlatformOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.waybill.core.internal.Fixtures.exec;
import static io.waybill.core.internal.Fixtures.order;
import static io.waybill.core.internal.Fixtures.scalar;
import static io.waybill.core.internal.security.TestAuthorizers.authorized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Declarations on Derby: built from the catalogue, refused at upload queue time with the reason, edited until
 * upload, and sent to the carrier with the request.
 */
class CustomsUploadTest {

    /** A carrier that declares one service (EUR/USD, at most 2 lines) and records what it is sent. */
    static final class RecordingCarrier implements CarrierGateway {
        final List<ShipmentRequest> requests = new CopyOnWriteArrayList<>();

        @Override
        public PluginDescriptor descriptor() {
            return new PluginDescriptor("rec", "Recording", "test double");
        }

        @Override
        public List<CarrierService> services() {
            return List.of(new CarrierService("RA", "Registered Air", Set.of(), null, null, null, Set.of(), false,
                    Set.of("EUR", "USD"), 2));
        }

        @Override
        public Result<ShipmentResponse> createShipment(ShipmentRequest r) {
            requests.add(r);
            return Result.ok(new ShipmentResponse(ShipmentResponse.State.TRACKED, "S-" + r.packageNo(),
                    "T" + r.packageNo()));
        }
    }

    private DatabaseEngine db;
    private CarrierJobs jobs;
    private CarrierJobWorker worker;
    private PackageServiceImpl packages;
    private OrderCaptureServiceImpl capture;
    private FulfilmentServiceImpl fulfilment;
    private CustomsServiceImpl customs;
    private RecordingCarrier carrier;

    @BeforeEach
    void open() throws Exception {
        db = TestDatabase.inMemory();
        Fixtures.basic(db);
        exec(db, "INSERT INTO WB_STOCK VALUES (101, 1, 11, 21, 'A01-01', 100, 0)");
        exec(db, "INSERT INTO WB_STOCK VALUES (102, 1, 11, 22, 'A01-02', 100, 0)");
        exec(db, "INSERT INTO WB_STOCK VALUES (103, 1, 11, 23, 'A01-03', 100, 0)");
        PluginRegistryImpl registry = Fixtures.registry();
        carrier = new RecordingCarrier();
        registry.bindCarrier(Fixtures.reference(), carrier);
        jobs = authorized(new CarrierJobs(db.dataSource(), Clock.systemUTC()));
        jobs.setPlugins(registry);
        packages = new PackageServiceImpl(db);
        capture = authorized(new OrderCaptureServiceImpl(db, registry));
        fulfilment = authorized(FulfilmentServiceImpl.withCarrierCancel(db.dataSource(), Clock.systemUTC(),
                (id, s) -> registry.carrier(id).orElseThrow().cancelShipment(s)));
        customs = authorized(new CustomsServiceImpl(db.dataSource(), packages,
                new ProductServiceImpl(db.dataSource(), Clock.systemUTC()), Clock.systemUTC()));
        customs.setPlugins(registry);
        jobs.setCustoms(customs);
        jobs.setPackageService(packages);
        jobs.saveShippingMethod(new ShippingMethodInfo("S1", "AIR", "rec", "RA", true), "admin");
        worker = new CarrierJobWorker(jobs, registry, packages);
        worker.setCustoms(customs);
        // the warehouse W1 is in CN, the buyers in the US (Fixtures)
    }

    @AfterEach
    void close() {
        worker.stop();
        db.close();
    }

    private long allocated(String orderId, Object... skuQty) throws Exception {
        capture.capture("S1", List.of(order(orderId, skuQty)), "t");
        long id = scalar(db, "SELECT p.ID FROM WB_PACKAGE p JOIN WB_ORDER o ON o.ID = p.ORDER_ID "
                + "WHERE o.PLATFORM_ORDER_ID = '" + orderId + "'");
        assertEquals(List.of((Long) id), fulfilment.allocate(List.of(id), "t").succeeded());
        return id;
    }

    private void checking() {
        customs.setStoreCustoms("S1", new StoreCustoms(null, CustomsDeclaration.Category.MERCHANDISE, true), "admin");
    }

    @Test
    void withoutTheStoresCheck_anUploadGoesAsBefore_withTheCatalogueDeclaration() throws Exception {
        long id = allocated("o1", "A", 1);
        assertEquals(List.of(), customs.problems(id, null));
        assertEquals(List.of(id), jobs.upload(List.of(id), "op").succeeded());
    }

    @Test
    void aMissingHsCodeIsRefusedAtQueueTime_withTheReason_thenFixedInTheCatalogue() throws Exception {
        checking();
        exec(db, "UPDATE WB_SKU SET DECLARED_VALUE = 4.50, CURRENCY = 'USD', ORIGIN_COUNTRY = 'CN' WHERE CODE = 'A'");
        long id = allocated("o1", "A", 2);
        assertEquals(List.of(Reason.of(Reason.CUSTOMS_HS_MISSING, "A")), customs.problems(id, null));

        BatchResult r = jobs.upload(List.of(id), "op");

        assertEquals(List.of(), r.succeeded());
        BatchResult.Failure f = r.failures().get(0);
        // one refusal whose params are the package and every problem, each a reason of its own
        assertEquals(Reason.CUSTOMS_NOT_READY, f.code());
        assertEquals(List.of(f.packageNo(), Reason.encode(List.of(Reason.of(Reason.CUSTOMS_HS_MISSING, "A")))),
                f.params());
        assertTrue(f.message().contains("A: HS code missing") && f.message().contains(f.packageNo()), f.message());
        assertEquals(0, scalar(db, "SELECT COUNT(*) FROM WB_CARRIER_JOB WHERE PACKAGE_ID = " + id));
        assertEquals(PackageStatus.ALLOCATED, packages.detail(id).orElseThrow().row().status());

        exec(db, "UPDATE WB_SKU SET HS_CODE = '392690', CUSTOMS_NAME_EN = 'Plastic case', CUSTOMS_NAME_ZH = '塑料壳' "
                + "WHERE CODE = 'A'");
        assertEquals(List.of(), customs.problems(id, null));
        assertEquals(List.of(id), jobs.upload(List.of(id), "op").succeeded());
        worker.start(1, 20);
        await(() -> !carrier.requests.isEmpty());

        // the carrier got the declaration
        ShipmentRequest sent = carrier.requests.get(0);
        assertEquals(List.of(new ShipmentRequest.Item("A", "Plastic case", 2, 100, "392690", "塑料壳",
                new BigDecimal("4.50"), "USD", "CN", 100)), sent.items());
        assertEquals(new CustomsDeclaration(CustomsDeclaration.Category.MERCHANDISE, CustomsDeclaration.TaxIds.NONE),
                sent.customs());
    }

    @Test
    void theServicesLimitsRefuse_currencyAndLines() throws Exception {
        checking();
        exec(db, "UPDATE WB_SKU SET HS_CODE = '392690', DECLARED_VALUE = 10, CURRENCY = 'CNY', ORIGIN_COUNTRY = 'CN'");
        long id = allocated("o1", "A", 1, "B", 1, "C", 1);
        assertEquals(List.of(new Reason(Reason.SERVICE_CURRENCY, List.of("RA", "CNY", "EUR,USD")),
                new Reason(Reason.SERVICE_CUSTOMS_LINES, List.of("RA", "3", "2"))), customs.problems(id, null));
        BatchResult.Failure f = jobs.upload(List.of(id), "op").failures().get(0);
        assertEquals(Reason.CUSTOMS_NOT_READY, f.code());
        assertEquals(List.of(new Reason(Reason.SERVICE_CURRENCY, List.of("RA", "CNY", "EUR,USD")),
                new Reason(Reason.SERVICE_CUSTOMS_LINES, List.of("RA", "3", "2"))), Reason.decode(f.params().get(1)));
        assertTrue(f.message().contains("does not accept declarations in CNY (accepted: EUR,USD); Service RA takes at "
                + "most 2 declaration lines"), f.message());
    }

    @Test
    void anEditedDeclarationIsWhatGoes_untilUpload_andAResetFollowsTheCatalogueAgain() throws Exception {
        checking();
        long id = allocated("o1", "A", 1);
        PackageDeclaration built = customs.declaration(id, null).orElseThrow();
        assertEquals(false, built.edited());
        PackageDeclaration edited = new PackageDeclaration(CustomsDeclaration.Category.GIFT, null, List.of(
                new PackageDeclaration.Line("A", "Cotton T-shirt", "棉T恤", "6109.10", 1, new BigDecimal("12.5"),
                        "usd", "cn", 180)), true);

        PackageDeclaration saved = customs.save(id, edited, "op");

        assertTrue(saved.edited());
        assertEquals(CustomsDeclaration.Category.GIFT, saved.category());
        assertEquals(new PackageDeclaration.Line("A", "Cotton T-shirt", "棉T恤", "610910", 1,
                new BigDecimal("12.5000"), "USD", "CN", 180), saved.lines().get(0));
        assertEquals(List.of(), customs.problems(id, null));
        assertEquals(1, scalar(db, "SELECT COUNT(*) FROM WB_AUDIT_EVENT WHERE PACKAGE_ID = " + id
                + " AND ACTION = 'CUSTOMS_EDITED'"));

        assertEquals(false, customs.reset(id, "op").edited());
        assertEquals(List.of(Reason.of(Reason.CUSTOMS_HS_MISSING, "A"), Reason.of(Reason.CUSTOMS_TOTAL_ZERO, "")),
                customs.problems(id, null));

        customs.save(id, edited, "op");
        assertEquals(List.of(id), jobs.upload(List.of(id), "op").succeeded());
        OperationRefusedException late = assertThrows(OperationRefusedException.class,
                () -> customs.save(id, edited, "op"));
        assertEquals(Reason.UPLOAD_IN_PROGRESS, late.code()); // queued: still allocated, its job not run yet
        assertTrue(late.getMessage().contains("change its customs declaration when the upload has finished"),
                late.getMessage());
    }

    private long held(String orderId, Object... skuQty) throws Exception {
        capture.capture("S1", List.of(order(orderId, skuQty)), "t");
        long id = scalar(db, "SELECT p.ID FROM WB_PACKAGE p JOIN WB_ORDER o ON o.ID = p.ORDER_ID "
                + "WHERE o.PLATFORM_ORDER_ID = '" + orderId + "'");
        exec(db, "UPDATE WB_PACKAGE SET STATUS = 'HELD' WHERE ID = " + id);
        return id;
    }

    private static PackageDeclaration.Line line(String sku, String hs, String value, int qty) {
        return new PackageDeclaration.Line(sku, "Cotton T-shirt", "棉T恤", hs, qty, new BigDecimal(value), "USD", "CN",
                180);
    }

    @Test
    void aHeldPackagesDeclarationIsEdited_andTheHistorySaysWhoChangedWhatFromWhatToWhat() throws Exception {
        long id = held("h1", "A", 1);
        PackageDeclaration first = new PackageDeclaration(CustomsDeclaration.Category.MERCHANDISE, null,
                List.of(line("A", "610910", "12.50", 1)), true);
        customs.save(id, first, "sam");
        String no = packages.detail(id).orElseThrow().row().packageNo();

        // when: the category and the HS code change, the rest stays
        customs.save(id, new PackageDeclaration(CustomsDeclaration.Category.GIFT, null,
                List.of(line("A", "6109.90", "12.5", 1)), true), "sam");

        // then: still held, one history line per save, the second listing exactly the two changes
        assertEquals(PackageStatus.HELD, packages.detail(id).orElseThrow().row().status());
        assertEquals(2, scalar(db, "SELECT COUNT(*) FROM WB_AUDIT_EVENT WHERE PACKAGE_ID = " + id
                + " AND ACTION = 'CUSTOMS_EDITED' AND ACTOR = 'sam' AND FROM_STATUS = 'HELD' AND REASON_CODE = '"
                + Reason.CUSTOMS_CHANGED + "'"));
        String params = Fixtures.string(db, "SELECT REASON_PARAMS FROM WB_AUDIT_EVENT WHERE PACKAGE_ID = " + id
                + " AND ACTION = 'CUSTOMS_EDITED' ORDER BY ID DESC FETCH FIRST 1 ROWS ONLY");
        assertEquals(List.of(no, "category", "merchandise", "gift", "A", "hs_code", "610910", "610990"),
                Reason.decodeParams(params));
        assertEquals("Customs declaration edited: " + no + ": category merchandise → gift, A: HS code 610910 → "
                + "610990", new Reason(Reason.CUSTOMS_CHANGED, Reason.decodeParams(params)).english());
    }

    @Test
    void savingTheSameDeclarationAgainWritesNothing() throws Exception {
        long id = held("h1", "A", 1);
        PackageDeclaration d = new PackageDeclaration(CustomsDeclaration.Category.GIFT, null,
                List.of(line("A", "610910", "12.50", 1)), true);
        customs.save(id, d, "sam");
        long events = scalar(db, "SELECT COUNT(*) FROM WB_AUDIT_EVENT WHERE PACKAGE_ID = " + id);

        customs.save(id, d, "sam");

        assertEquals(events, scalar(db, "SELECT COUNT(*) FROM WB_AUDIT_EVENT WHERE PACKAGE_ID = " + id));
        // and the catalogue's declaration saved unchanged does not pin it
        long other = held("h2", "A", 1);
        customs.save(other, customs.declaration(other, null).orElseThrow(), "sam");
        assertEquals(false, customs.declaration(other, null).orElseThrow().edited());
        assertEquals(0, scalar(db, "SELECT COUNT(*) FROM WB_AUDIT_EVENT WHERE PACKAGE_ID = " + other
                + " AND ACTION = 'CUSTOMS_EDITED'"));
    }

    @Test
    void afterUploadOrWhileAnUploadIsQueued_anEditIsRefusedWithTheReason_andNothingIsWritten() throws Exception {
        long id = allocated("o1", "A", 1);
        PackageDeclaration before = new PackageDeclaration(CustomsDeclaration.Category.GIFT, null,
                List.of(line("A", "610910", "12.50", 1)), true);
        customs.save(id, before, "sam");
        PackageDeclaration after = new PackageDeclaration(CustomsDeclaration.Category.SAMPLE, null,
                List.of(line("A", "610990", "3", 2)), true);
        exec(db, "INSERT INTO WB_CARRIER_JOB (PACKAGE_ID, KIND, CARRIER_ID, IDEMPOTENCY_KEY, STATE, "
                + "ATTEMPTS, NEXT_RUN_AT, CREATED_AT, UPDATED_AT) VALUES (" + id + ", 'UPLOAD', 'rec', 'k-1', "
                + "'QUEUED', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        long events = scalar(db, "SELECT COUNT(*) FROM WB_AUDIT_EVENT WHERE PACKAGE_ID = " + id);

        OperationRefusedException queued = assertThrows(OperationRefusedException.class,
                () -> customs.save(id, after, "sam"));
        exec(db, "DELETE FROM WB_CARRIER_JOB");
        exec(db, "UPDATE WB_PACKAGE SET STATUS = 'AWAITING_TRACKING' WHERE ID = " + id);
        OperationRefusedException uploaded = assertThrows(OperationRefusedException.class,
                () -> customs.save(id, after, "sam"));
        OperationRefusedException reset = assertThrows(OperationRefusedException.class,
                () -> customs.reset(id, "sam"));

        assertEquals(Reason.UPLOAD_IN_PROGRESS, queued.code());
        assertEquals(Reason.EDIT_LOCKED, uploaded.code());
        assertEquals(List.of("AWAITING_TRACKING", "declaration"), uploaded.params().subList(1, 3));
        assertEquals(Reason.EDIT_LOCKED, reset.code());
        // nothing written: the saved declaration and the history are as before
        assertEquals(CustomsDeclaration.Category.GIFT, customs.declaration(id, null).orElseThrow().category());
        assertEquals(1, scalar(db, "SELECT COUNT(*) FROM WB_PACKAGE_CUSTOMS_LINE WHERE PACKAGE_ID = " + id
                + " AND HS_CODE = '610910' AND QUANTITY = 1"));
        assertEquals(events, scalar(db, "SELECT COUNT(*) FROM WB_AUDIT_EVENT WHERE PACKAGE_ID = " + id));
    }

    @Test
    void editingADeclarationNeedsASupervisor() throws Exception {
        long id = held("h1", "A", 1);
        customs.setAuthorizer(io.waybill.core.internal.security.TestAuthorizers.of(java.util.Map.of(
                "olga", Set.of("operator"), "sam", Set.of("supervisor"))));
        PackageDeclaration d = new PackageDeclaration(CustomsDeclaration.Category.GIFT, null,
                List.of(line("A", "610910", "12.50", 1)), true);

        OperationRefusedException e = assertThrows(OperationRefusedException.class, () -> customs.save(id, d, "olga"));

        assertEquals(io.waybill.core.api.Permission.NOT_PERMITTED, e.code());
        assertEquals(0, scalar(db, "SELECT COUNT(*) FROM WB_PACKAGE_CUSTOMS"));
        assertTrue(customs.save(id, d, "sam").edited());
    }

    @Test
    void badInputIsRefusedWithReasons_andNothingIsWritten() throws Exception {
        long id = allocated("o1", "A", 1);
        PackageDeclaration bad = new PackageDeclaration(null, null, List.of(new PackageDeclaration.Line(" ", null,
                null, "12345678901", 0, new BigDecimal("-1"), "dollars", "XX", -1)), true);
        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> customs.save(id, bad, "op"));
        assertEquals(CustomsServiceImpl.INVALID_DECLARATION, e.code());
        for (String part : List.of("the SKU is required", "longer than 10 digits", "at least 1", "must be 0 or more",
                "DOLLARS is not an ISO 4217", "XX is not an ISO 3166", "cannot be negative")) {
            assertTrue(e.getMessage().contains(part), part + " in " + e.getMessage());
        }
        assertEquals(0, scalar(db, "SELECT COUNT(*) FROM WB_PACKAGE_CUSTOMS"));
    }

    @Test
    void storeTaxIds_areCheckedAndKept() {
        OperationRefusedException e = assertThrows(OperationRefusedException.class, () -> customs.setStoreCustoms(
                "S1", new StoreCustoms(new CustomsDeclaration.TaxIds("IM123", "12", "D", "1"), null, true), "admin"));
        assertEquals(CustomsServiceImpl.INVALID_TAX_ID, e.code());
        for (String part : List.of("IOSS number IM123", "VOEC number 12", "EORI number D", "VAT number 1")) {
            assertTrue(e.getMessage().contains(part), part + " in " + e.getMessage());
        }
        assertEquals(new StoreCustoms(null, null, false), customs.storeCustoms("S1", null));

        StoreCustoms set = customs.setStoreCustoms("S1", new StoreCustoms(new CustomsDeclaration.TaxIds(
                "im 2760000123", "2024123", "de123456789012345", "DE123456789"), CustomsDeclaration.Category.SAMPLE,
                true), "admin");
        assertEquals(new StoreCustoms(new CustomsDeclaration.TaxIds("IM2760000123", "2024123", "DE123456789012345",
                "DE123456789"), CustomsDeclaration.Category.SAMPLE, true), set);
        assertEquals(set, customs.storeCustoms("S1", null));
        assertEquals("unknown_store", assertThrows(OperationRefusedException.class,
                () -> customs.storeCustoms("NOPE", null)).code());
    }

    @Test
    void euWithoutIoss_isRefused_andTheIossNumberReleasesIt() throws Exception {
        checking();
        exec(db, "UPDATE WB_SKU SET HS_CODE = '392690', DECLARED_VALUE = 20, CURRENCY = 'EUR', ORIGIN_COUNTRY = 'CN'");
        capture.capture("S1", List.of(Fixtures.order("eu1", "A", 1)), "t");
        long id = scalar(db, "SELECT p.ID FROM WB_PACKAGE p JOIN WB_ORDER o ON o.ID = p.ORDER_ID "
                + "WHERE o.PLATFORM_ORDER_ID = 'eu1'");
        exec(db, "UPDATE WB_ORDER SET COUNTRY_CODE = 'DE' WHERE PLATFORM_ORDER_ID = 'eu1'");
        fulfilment.allocate(List.of(id), "t");
        assertEquals(List.of(Reason.of(Reason.CUSTOMS_IOSS_MISSING, "DE", "20", "EUR")), customs.problems(id, null));
        assertEquals(List.of(Reason.of(Reason.CUSTOMS_IOSS_MISSING, "DE", "20", "EUR")), Reason.decode(
                jobs.upload(List.of(id), "op").failures().get(0).params().get(1)));

        customs.setStoreCustoms("S1", new StoreCustoms(new CustomsDeclaration.TaxIds("IM2760000123", null, null,
                null), null, true), "admin");
        assertEquals(List.of(id), jobs.upload(List.of(id), "op").succeeded());
    }

    /** A DE order of one A (declared 20 EUR) with the marketplace's IOSS number (null: none), allocated. */
    private long euOrder(String orderId, String marketplaceIoss) throws Exception {
        exec(db, "UPDATE WB_SKU SET HS_CODE = '392690', DECLARED_VALUE = 20, CURRENCY = 'EUR', ORIGIN_COUNTRY = 'CN'");
        PlatformOrder o = Fixtures.order(orderId, "A", 1);
        if (marketplaceIoss != null) {
            o = o.withValue(PlatformOrder.Value.NONE.withMarketplaceIoss(marketplaceIoss));
        }
        assertEquals(1, capture.capture("S1", List.of(o), "t").created());
        long id = scalar(db, "SELECT p.ID FROM WB_PACKAGE p JOIN WB_ORDER o ON o.ID = p.ORDER_ID "
                + "WHERE o.PLATFORM_ORDER_ID = '" + orderId + "'");
        exec(db, "UPDATE WB_ORDER SET COUNTRY_CODE = 'DE' WHERE PLATFORM_ORDER_ID = '" + orderId + "'");
        assertEquals(List.of((Long) id), fulfilment.allocate(List.of(id), "t").succeeded());
        return id;
    }

    @Test
    void euWithTheMarketplacesIoss_passesWithoutAStoreIoss_andTheCarrierGetsTheMarketplacesNumber() throws Exception {
        // given: a checking store without an IOSS number; an Amazon-like order whose marketplace collected the VAT
        checking();
        long id = euOrder("eu-amz", "  IM4420000001 ");

        // then: the declaration carries the marketplace's number, the EU <= 150 EUR check passes
        assertEquals("IM4420000001", Fixtures.string(db, "SELECT MARKETPLACE_IOSS FROM WB_ORDER "
                + "WHERE PLATFORM_ORDER_ID = 'eu-amz'"));
        assertEquals("IM4420000001", customs.declaration(id, null).orElseThrow().taxIds().ioss());
        assertEquals(List.of(), customs.problems(id, null));

        // when: uploaded
        assertEquals(List.of(id), jobs.upload(List.of(id), "op").succeeded());
        worker.start(1, 20);
        await(() -> !carrier.requests.isEmpty());

        // then: the carrier gets the marketplace's IOSS number
        ShipmentRequest sent = carrier.requests.get(0);
        assertEquals(new CustomsDeclaration(CustomsDeclaration.Category.MERCHANDISE, new CustomsDeclaration.TaxIds(
                "IM4420000001", "", "", "")), sent.customs());
    }

    @Test
    void theMarketplacesIossReplacesTheStores_evenInAnEditedDeclaration_otherOrdersKeepTheStores() throws Exception {
        // given: a store with its own IOSS and EORI; one order with the marketplace's IOSS, one without
        customs.setStoreCustoms("S1", new StoreCustoms(new CustomsDeclaration.TaxIds("IM2760000123", null,
                "DE123456789012345", null), CustomsDeclaration.Category.MERCHANDISE, true), "admin");
        long marketplace = euOrder("eu-mkt", "IM4420000001");
        long own = euOrder("eu-own", null);

        // then: the marketplace's IOSS in place of the store's, the store's other ids stay
        assertEquals(new CustomsDeclaration.TaxIds("IM4420000001", null, "DE123456789012345", null),
                customs.declaration(marketplace, null).orElseThrow().taxIds());
        assertEquals(new CustomsDeclaration.TaxIds("IM2760000123", null, "DE123456789012345", null),
                customs.declaration(own, null).orElseThrow().taxIds());
        assertEquals(List.of(), customs.problems(own, null));

        // an edited (saved) declaration takes the tax ids the same way
        PackageDeclaration edited = customs.save(marketplace, new PackageDeclaration(CustomsDeclaration.Category.GIFT,
                null, List.of(line("A", "392690", "15", 1)), true), "op");
        assertTrue(edited.edited());
        assertEquals("IM4420000001", edited.taxIds().ioss());
        assertEquals(List.of(), customs.problems(marketplace, null));

        // a re-capture without the marketplace's number: the store's IOSS again
        assertEquals(1, capture.capture("S1", List.of(Fixtures.order("eu-mkt", "A", 1)), "t").updated());
        assertEquals(null, Fixtures.string(db, "SELECT MARKETPLACE_IOSS FROM WB_ORDER "
                + "WHERE PLATFORM_ORDER_ID = 'eu-mkt'"));
        assertEquals("IM2760000123", customs.declaration(marketplace, null).orElseThrow().taxIds().ioss());
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out");
            }
            Thread.sleep(20);
        }
    }
}
