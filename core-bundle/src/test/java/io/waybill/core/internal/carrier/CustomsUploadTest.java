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
        fulfilment = authorized(new FulfilmentServiceImpl(db.dataSource(), Clock.systemUTC(),
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
        assertEquals(Reason.CUSTOMS_LOCKED_QUEUED, late.code()); // allocated, its upload queued
        assertEquals(List.of(late.params().get(0)), late.params());
        assertTrue(late.getMessage().contains("before it is uploaded"), late.getMessage());
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
