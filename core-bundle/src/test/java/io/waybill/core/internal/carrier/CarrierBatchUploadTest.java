package io.waybill.core.internal.carrier;

import io.waybill.core.internal.Fixtures;
import io.waybill.core.internal.TestDatabase;
import io.waybill.core.internal.capture.OrderCaptureServiceImpl;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.plugin.PluginRegistryImpl;
import io.waybill.core.internal.service.PackageServiceImpl;
import io.waybill.core.internal.workflow.FulfilmentServiceImpl;
import io.waybill.core.model.PackageStatus;
import io.waybill.core.model.ShippingMethodInfo;
import io.waybill.spi.carrier.CarrierGateway;
import io.waybill.spi.carrier.ShipmentRequest;
import io.waybill.spi.carrier.ShipmentResponse;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.PluginDescriptor;
import io.waybill.spi.common.Result;
import io.waybill.spi.platform.PlatformOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import static io.waybill.core.internal.Fixtures.exec;
import static io.waybill.core.internal.Fixtures.order;
import static io.waybill.core.internal.Fixtures.scalar;
import static io.waybill.core.internal.security.TestAuthorizers.authorized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The carrier worker's batch upload (SPI 1.3 {@code createShipments}): fewer calls, one result per package. */
class CarrierBatchUploadTest {

    /** A carrier taking up to 10 shipments per call; counts calls and answers each request by a script. */
    static class BatchingCarrier implements CarrierGateway {
        final AtomicInteger batchCalls = new AtomicInteger();
        final AtomicInteger singleCalls = new AtomicInteger();
        final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        final Map<String, AtomicInteger> sentPerKey = new ConcurrentHashMap<>();
        volatile Function<ShipmentRequest, Result<ShipmentResponse>> script = BatchingCarrier::tracked;
        volatile boolean idempotent;

        static Result<ShipmentResponse> tracked(ShipmentRequest r) {
            return Result.ok(new ShipmentResponse(ShipmentResponse.State.TRACKED, "SHP-" + r.idempotencyKey(),
                    "TRK" + r.packageNo()));
        }

        @Override
        public PluginDescriptor descriptor() {
            return new PluginDescriptor("batching", "Batching carrier", "test double");
        }

        @Override
        public boolean honoursIdempotencyKey() {
            return idempotent;
        }

        @Override
        public int maxShipmentsPerCall() {
            return 10;
        }

        @Override
        public Result<ShipmentResponse> createShipment(ShipmentRequest r) {
            singleCalls.incrementAndGet();
            sentPerKey.computeIfAbsent(r.idempotencyKey(), k -> new AtomicInteger()).incrementAndGet();
            return script.apply(r);
        }

        @Override
        public List<Result<ShipmentResponse>> createShipments(List<ShipmentRequest> requests) {
            batchCalls.incrementAndGet();
            batchSizes.add(requests.size());
            List<Result<ShipmentResponse>> out = new ArrayList<>();
            for (ShipmentRequest r : requests) {
                sentPerKey.computeIfAbsent(r.idempotencyKey(), k -> new AtomicInteger()).incrementAndGet();
                out.add(script.apply(r));
            }
            return out;
        }
    }

    private DatabaseEngine db;
    private PluginRegistryImpl registry;
    private CarrierJobs jobs;
    private CarrierJobWorker worker;
    private PackageServiceImpl packages;
    private OrderCaptureServiceImpl capture;
    private FulfilmentServiceImpl fulfilment;
    private BatchingCarrier carrier;
    private final org.osgi.framework.ServiceReference<CarrierGateway> carrierRef = Fixtures.reference();

    @BeforeEach
    void open() throws Exception {
        db = TestDatabase.inMemory();
        Fixtures.basic(db);
        exec(db, "INSERT INTO WB_STOCK VALUES (101, 1, 11, 21, 'A01-01', 100000, 0)");
        registry = Fixtures.registry();
        carrier = new BatchingCarrier();
        registry.bindCarrier(carrierRef, carrier);
        jobs = authorized(new CarrierJobs(db.dataSource(), Clock.systemUTC()));
        packages = new PackageServiceImpl(db);
        capture = authorized(new OrderCaptureServiceImpl(db, registry));
        fulfilment = authorized(FulfilmentServiceImpl.withCarrierCancel(db.dataSource(), Clock.systemUTC(),
                (id, s) -> registry.carrier(id).orElseThrow().cancelShipment(s)));
        jobs.saveShippingMethod(new ShippingMethodInfo("S1", "STD", "batching", "RR", true), "admin");
        worker = new CarrierJobWorker(jobs, registry, packages);
    }

    @AfterEach
    void close() {
        worker.stop();
        db.close();
    }

    /** n allocated packages, queued for upload before the worker starts; their ids in package order. */
    private List<Long> queued(int n) throws Exception {
        List<PlatformOrder> orders = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            orders.add(order("o" + i, "A", 1));
        }
        capture.capture("S1", orders, "t");
        List<Long> ids = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT ID FROM WB_PACKAGE ORDER BY ID");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        assertEquals(n, ids.size());
        assertEquals(ids, fulfilment.allocate(ids, "t").succeeded());
        assertEquals(ids, jobs.upload(ids, "op").succeeded());
        return ids;
    }

    private PackageStatus status(long id) {
        return packages.detail(id).orElseThrow().row().status();
    }

    private static void await(String what, long seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for: " + what);
            }
            Thread.sleep(50);
        }
    }

    private long count(String sql) {
        try {
            return scalar(db, sql);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void thousandPackagesAreUploadedInAHundredCallsAndEachGetsItsOwnTrackingNumber() throws Exception {
        // given: 1,000 packages queued for a carrier that takes 10 shipments per call
        List<Long> ids = queued(1000);

        // when
        long started = System.nanoTime();
        worker.start(2, 20);
        await("all tracked", 300, () -> count("SELECT COUNT(*) FROM WB_PACKAGE WHERE STATUS = 'TRACKED'") == 1000);
        long millis = (System.nanoTime() - started) / 1_000_000;

        // then: 100 calls of 10, none one by one; every package tracked under its own number and key, once
        System.out.printf("batch upload: %d packages, %d createShipments calls (%d single calls), %d ms%n",
                ids.size(), carrier.batchCalls.get(), carrier.singleCalls.get(), millis);
        assertEquals(100, carrier.batchCalls.get(), "calls for 1,000 packages; sizes " + carrier.batchSizes);
        assertEquals(0, carrier.singleCalls.get());
        assertTrue(carrier.batchSizes.stream().allMatch(s -> s == 10), "sizes " + carrier.batchSizes);
        assertEquals(1000, carrier.sentPerKey.size());
        assertTrue(carrier.sentPerKey.values().stream().allMatch(a -> a.get() == 1), "each key sent once");
        for (long id : ids) {
            var row = packages.detail(id).orElseThrow().row();
            assertEquals("TRK" + row.packageNo(), row.trackingNo());
        }
        assertEquals(1000, count("SELECT COUNT(*) FROM WB_CARRIER_JOB WHERE KIND = 'UPLOAD' AND STATE = 'DONE'"));
        assertEquals(1000, count("SELECT COUNT(*) FROM WB_AUDIT_EVENT WHERE ACTION = 'TRACKED'"));
    }

    @Test
    void eachPackageOfABatchGetsItsOwnResultByTheSingleUploadRules() throws Exception {
        // given: a batch where the carrier rejects one package, rate-limits one once and loses the answer of one
        List<Long> ids = queued(5);
        String rejected = packages.detail(ids.get(1)).orElseThrow().row().packageNo();
        String limited = packages.detail(ids.get(2)).orElseThrow().row().packageNo();
        String lost = packages.detail(ids.get(3)).orElseThrow().row().packageNo();
        AtomicInteger limitedOnce = new AtomicInteger();
        carrier.script = r -> {
            if (r.packageNo().equals(rejected)) {
                return Result.failure(Message.error("rejected", "address_line2 is required by this service"));
            }
            if (r.packageNo().equals(limited) && limitedOnce.getAndIncrement() == 0) {
                return Result.failure(Message.error("rate_limited", "slow down, retry_after=0"));
            }
            if (r.packageNo().equals(lost)) {
                return Result.failure(Message.error("transient", "read timed out"));
            }
            return BatchingCarrier.tracked(r);
        };

        // when
        worker.start(2, 20);
        await("all decided", 60, () -> ids.stream().allMatch(id -> status(id) == PackageStatus.TRACKED
                || status(id) == PackageStatus.UPLOAD_FAILED));

        // then: the others tracked; the rejection recorded with its reason and not repeated; the rate-limited one
        // retried; the unknown outcome not repeated (this carrier cannot deduplicate) and the operator told so
        assertEquals(PackageStatus.TRACKED, status(ids.get(0)));
        assertEquals(PackageStatus.TRACKED, status(ids.get(4)));
        assertEquals(PackageStatus.UPLOAD_FAILED, status(ids.get(1)));
        assertTrue(jobs.uploadStates(List.of(ids.get(1))).get(ids.get(1)).lastError()
                .contains("address_line2 is required"));
        assertEquals(PackageStatus.TRACKED, status(ids.get(2)));
        assertEquals(PackageStatus.UPLOAD_FAILED, status(ids.get(3)));
        assertTrue(jobs.uploadStates(List.of(ids.get(3))).get(ids.get(3)).lastError().contains("check the carrier"));
        assertEquals(1, carrier.sentPerKey.get(rejected + "-1").get());
        assertEquals(2, carrier.sentPerKey.get(limited + "-1").get());
        assertEquals(1, carrier.sentPerKey.get(lost + "-1").get());
    }

    @Test
    void aPluginThatAnswersTheWrongNumberOfResultsLeavesEveryOutcomeUnknown() throws Exception {
        // given: a carrier whose batch answer drops a result, and which cannot deduplicate
        BatchingCarrier broken = new BatchingCarrier() {
            @Override
            public List<Result<ShipmentResponse>> createShipments(List<ShipmentRequest> requests) {
                List<Result<ShipmentResponse>> all = super.createShipments(requests);
                return all.subList(0, all.size() - 1);
            }
        };
        registry.unbindCarrier(carrierRef);
        registry.bindCarrier(Fixtures.reference(), broken);
        List<Long> ids = queued(3);

        // when
        worker.start(2, 20);
        await("all failed", 60, () -> ids.stream().allMatch(id -> status(id) == PackageStatus.UPLOAD_FAILED));

        // then: none guessed as tracked, none repeated, each told why
        assertEquals(1, broken.batchCalls.get());
        for (long id : ids) {
            String error = jobs.uploadStates(List.of(id)).get(id).lastError();
            assertTrue(error.contains("answered 2 results for 3 requests") && error.contains("check the carrier"),
                    error);
        }
    }
}
