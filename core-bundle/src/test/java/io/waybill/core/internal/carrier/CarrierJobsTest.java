package io.waybill.core.internal.carrier;

import io.waybill.core.internal.Fixtures;
import io.waybill.core.internal.TestDatabase;
import io.waybill.core.internal.capture.OrderCaptureServiceImpl;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.service.PackageServiceImpl;
import io.waybill.core.internal.plugin.PluginRegistryImpl;
import io.waybill.core.internal.workflow.FulfilmentServiceImpl;
import io.waybill.core.model.BatchResult;
import io.waybill.core.model.PackageStatus;
import io.waybill.core.model.ShippingMethodInfo;
import io.waybill.spi.carrier.CarrierGateway;
import io.waybill.spi.carrier.ShipmentRef;
import io.waybill.spi.carrier.ShipmentRequest;
import io.waybill.spi.carrier.ShipmentResponse;
import io.waybill.spi.common.Address;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.PluginDescriptor;
import io.waybill.spi.common.Result;
import io.waybill.spi.platform.PlatformOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static io.waybill.core.internal.security.TestAuthorizers.authorized;
import static io.waybill.core.internal.Fixtures.exec;
import static io.waybill.core.internal.Fixtures.order;
import static io.waybill.core.internal.Fixtures.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class CarrierJobsTest {

    /** A carrier double with scripted behaviour; counts the shipments it "created" per idempotency key. */
    static final class ScriptedCarrier implements CarrierGateway {
        final String id;
        final boolean idempotent;
        volatile String mode = "sync";
        final Map<String, String> shipmentsByKey = new ConcurrentHashMap<>();
        final AtomicInteger creates = new AtomicInteger();
        final AtomicInteger polls = new AtomicInteger();
        final Set<String> cancelled = ConcurrentHashMap.newKeySet();
        volatile boolean refuseCancel;

        ScriptedCarrier(String id, boolean idempotent) {
            this.id = id;
            this.idempotent = idempotent;
        }

        @Override
        public PluginDescriptor descriptor() {
            return new PluginDescriptor(id, "Scripted " + id, "test double");
        }

        @Override
        public boolean honoursIdempotencyKey() {
            return idempotent;
        }

        @Override
        public Result<ShipmentResponse> createShipment(ShipmentRequest r) {
            creates.incrementAndGet();
            switch (mode) {
                case "reject-missing-line2":
                    if (r.recipient().line2() == null) {
                        return Result.failure(Message.error("rejected", "address_line2 is required by this service"));
                    }
                    break;
                case "rate-limited-once":
                    mode = "sync";
                    return Result.failure(Message.error("rate_limited", "slow down, retry_after=0"));
                case "boom":
                    throw new IllegalStateException("network down");
                default:
                    break;
            }
            String shipment = shipmentsByKey.computeIfAbsent(r.idempotencyKey(), k -> "SHP-" + k);
            if (mode.equals("async")) {
                return Result.ok(new ShipmentResponse(ShipmentResponse.State.PENDING, shipment, null));
            }
            return Result.ok(new ShipmentResponse(ShipmentResponse.State.TRACKED, shipment, "TRK" + r.packageNo()));
        }

        @Override
        public Result<ShipmentResponse> fetchTrackingNumber(ShipmentRef s) {
            if (polls.incrementAndGet() < 2) {
                return Result.ok(new ShipmentResponse(ShipmentResponse.State.PENDING, s.carrierShipmentId(), null));
            }
            return Result.ok(new ShipmentResponse(ShipmentResponse.State.TRACKED, s.carrierShipmentId(),
                    "LATE" + s.carrierShipmentId()));
        }

        @Override
        public Result<Boolean> cancelShipment(ShipmentRef s) {
            if (refuseCancel) {
                return Result.failure(Message.error("rejected", "label already scanned by the carrier"));
            }
            cancelled.add(s.carrierShipmentId());
            return Result.ok(true);
        }
    }

    private DatabaseEngine db;
    private PluginRegistryImpl registry;
    private CarrierJobs jobs;
    private CarrierJobWorker worker;
    private PackageServiceImpl packages;
    private OrderCaptureServiceImpl capture;
    private FulfilmentServiceImpl fulfilment;
    private ScriptedCarrier carrier;

    @BeforeEach
    void open() throws Exception {
        db = TestDatabase.inMemory();
        Fixtures.basic(db);
        exec(db, "INSERT INTO WB_STOCK VALUES (101, 1, 11, 21, 'A01-01', 100, 0)");
        registry = Fixtures.registry();
        carrier = new ScriptedCarrier("scripted", false);
        registry.bindCarrier(Fixtures.reference(), carrier);
        jobs = authorized(new CarrierJobs(db.dataSource(), Clock.systemUTC()));
        packages = new PackageServiceImpl(db);
        capture = authorized(new OrderCaptureServiceImpl(db, registry));
        fulfilment = authorized(FulfilmentServiceImpl.withCarrierCancel(db.dataSource(), Clock.systemUTC(),
                (id, s) -> registry.carrier(id).orElseThrow().cancelShipment(s)));
        jobs.saveShippingMethod(new ShippingMethodInfo("S1", "STD", "scripted", "RR", true), "admin");
        worker = new CarrierJobWorker(jobs, registry, packages);
    }

    @AfterEach
    void close() {
        worker.stop();
        db.close();
    }

    private long allocated(String orderId) {
        capture.capture("S1", List.of(order(orderId, "A", 1)), "t");
        long id = packages.idsByNumber(List.of(String.format("WB%08d", packageId(orderId)))).values().iterator().next();
        assertEquals(List.of(id), fulfilment.allocate(List.of(id), "t").succeeded());
        return id;
    }

    private long packageId(String orderId) {
        try {
            return scalar(db, "SELECT p.ID FROM WB_PACKAGE p JOIN WB_ORDER o ON o.ID = p.ORDER_ID "
                    + "WHERE o.PLATFORM_ORDER_ID = '" + orderId + "'");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private PackageStatus status(long id) {
        return packages.detail(id).orElseThrow().row().status();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void syncCarrierIssuesATrackingNumber() throws Exception {
        long id = allocated("o1");
        BatchResult r = jobs.upload(List.of(id), "op");
        assertEquals(List.of(id), r.succeeded());
        assertEquals("QUEUED", jobs.uploadStates(List.of(id)).get(id).state());
        worker.start(2, 20);
        await("tracked", () -> status(id) == PackageStatus.TRACKED);
        assertEquals("TRK" + packages.detail(id).orElseThrow().row().packageNo(),
                packages.detail(id).orElseThrow().row().trackingNo());
        assertEquals("DONE", jobs.uploadStates(List.of(id)).get(id).state());
    }

    @Test
    void asyncCarrierIsPolledUntilTheNumberArrives() throws Exception {
        carrier.mode = "async";
        long id = allocated("o1");
        jobs.upload(List.of(id), "op");
        worker.start(2, 20);
        await("awaiting tracking", () -> status(id) == PackageStatus.AWAITING_TRACKING);
        jobs.refreshTracking(List.of(id), "op");
        await("tracked after polling", () -> status(id) == PackageStatus.TRACKED);
        assertTrue(packages.detail(id).orElseThrow().row().trackingNo().startsWith("LATE"));
        assertTrue(carrier.polls.get() >= 2);
    }

    @Test
    void anUploadToACarrierWhosePluginIsNotInstalledIsRefusedAtOnceWithTheReason() throws Exception {
        // given: the store's default shipping method names a carrier whose plugin is not registered
        jobs.setPlugins(registry);
        jobs.saveShippingMethod(new ShippingMethodInfo("S1", "GONE", "gone", null, true), "admin");
        long id = allocated("o1");

        // when
        BatchResult r = jobs.upload(List.of(id), "op");

        // then: refused with its code and the plugin named; nothing queued, the package stays allocated
        assertEquals(List.of(), r.succeeded());
        assertEquals(1, r.failures().size());
        BatchResult.Failure f = r.failures().get(0);
        assertEquals(CarrierJobs.CARRIER_MISSING, f.code());
        assertTrue(f.message().contains("'gone' is not installed") && f.message().contains(f.packageNo()),
                f.message());
        assertEquals(0, scalar(db, "SELECT COUNT(*) FROM WB_CARRIER_JOB WHERE PACKAGE_ID = " + id));
        assertEquals(PackageStatus.ALLOCATED, status(id));
        assertTrue(jobs.uploadStates(List.of(id)).isEmpty());

        // and once the plugin is installed the same package is queued
        registry.bindCarrier(Fixtures.reference(), new ScriptedCarrier("gone", false));
        assertEquals(List.of(id), jobs.upload(List.of(id), "op").succeeded());
        assertEquals("QUEUED", jobs.uploadStates(List.of(id)).get(id).state());
    }

    @Test
    void aRejectedUploadFailsWithTheReasonAndAFixedAddressIsResent() throws Exception {
        carrier.mode = "reject-missing-line2";
        long id = allocated("o1");
        jobs.upload(List.of(id), "op");
        worker.start(2, 20);
        await("upload failed", () -> status(id) == PackageStatus.UPLOAD_FAILED);
        assertTrue(jobs.uploadStates(List.of(id)).get(id).lastError().contains("address_line2 is required"));
        assertEquals(1, carrier.creates.get(), "a rejected request is not retried");

        // the operator fixes the address (the marketplace re-sends it) and uploads again
        PlatformOrder fixed = new PlatformOrder("o1", "NO-o1", false, Instant.now(), new Address("Buyer o1", null,
                "1 Main Street", "Apt 2", "Springfield", "IL", "62704", "US", null, null),
                List.of(new PlatformOrder.Line("A", 1)));
        assertEquals(1, capture.capture("S1", List.of(fixed), "op").updated());
        jobs.upload(List.of(id), "op");
        await("tracked after fix", () -> status(id) == PackageStatus.TRACKED);
        assertEquals(2, carrier.creates.get());
        assertEquals(Set.of(String.format("WB%08d-2", id)), carrier.shipmentsByKey.keySet(),
                "the corrected data went out under a new idempotency key");
    }

    @Test
    void rateLimitedCallsAreRetried() throws Exception {
        carrier.mode = "rate-limited-once";
        long id = allocated("o1");
        jobs.upload(List.of(id), "op");
        worker.start(2, 20);
        await("tracked", () -> status(id) == PackageStatus.TRACKED);
        assertEquals(2, carrier.creates.get());
    }

    @Test
    void anUnknownOutcomeIsNotRetriedWhenTheCarrierCannotDeduplicate() throws Exception {
        carrier.mode = "boom";
        long id = allocated("o1");
        jobs.upload(List.of(id), "op");
        worker.start(2, 20);
        await("upload failed", () -> status(id) == PackageStatus.UPLOAD_FAILED);
        assertEquals(1, carrier.creates.get());
        assertTrue(jobs.uploadStates(List.of(id)).get(id).lastError().contains("check the carrier"));
    }

    @Test
    void aRestartMidUploadNeverCreatesASecondShipment() throws Exception {
        long a = allocated("o1");
        jobs.upload(List.of(a), "op");
        // simulate a crash after the job was claimed: RUNNING, no result recorded
        exec(db, "UPDATE WB_CARRIER_JOB SET STATE = 'RUNNING', ATTEMPTS = 1");
        worker.start(2, 20);
        await("failed safely", () -> status(a) == PackageStatus.UPLOAD_FAILED);
        assertEquals(0, carrier.creates.get(), "not re-sent: this carrier cannot deduplicate");

        // an idempotent carrier: the same key is sent again and the carrier returns the same shipment
        worker.stop();
        ScriptedCarrier idem = new ScriptedCarrier("idem", true);
        registry.bindCarrier(Fixtures.reference(), idem);
        jobs.saveShippingMethod(new ShippingMethodInfo("S1", "IDEM", "idem", null, true), "admin");
        long b = allocated("o2");
        jobs.upload(List.of(b), "op");
        String key = "WB" + String.format("%08d", b) + "-1";
        idem.shipmentsByKey.put(key, "SHP-already-created-before-the-crash");
        exec(db, "UPDATE WB_CARRIER_JOB SET STATE = 'RUNNING', ATTEMPTS = 1 WHERE CARRIER_ID = 'idem'");
        worker = new CarrierJobWorker(jobs, registry, packages);
        worker.start(2, 20);
        await("tracked", () -> status(b) == PackageStatus.TRACKED);
        assertEquals(1, idem.shipmentsByKey.size(), "one shipment at the carrier");
    }

    @Test
    void anUploadInterruptedByARestartWaitsForItsCarrierPluginInsteadOfFailing() throws Exception {
        // given: an idempotent carrier whose plugin starts after the core, and an upload it had already received
        ScriptedCarrier late = new ScriptedCarrier("late", true);
        jobs.saveShippingMethod(new ShippingMethodInfo("S1", "LATE", "late", null, true), "admin");
        long a = allocated("o1");
        jobs.upload(List.of(a), "op");
        String key = "WB" + String.format("%08d", a) + "-1";
        late.shipmentsByKey.put(key, "SHP-created-before-the-crash");
        exec(db, "UPDATE WB_CARRIER_JOB SET STATE = 'RUNNING', ATTEMPTS = 1");

        // when: the worker starts without the plugin, which registers a moment later
        worker.start(2, 20);
        Thread.sleep(300);
        PackageStatus whileMissing = status(a);
        registry.bindCarrier(Fixtures.reference(), late);

        // then: not failed while the plugin was missing; resumed with the same key, one shipment at the carrier
        assertEquals(PackageStatus.ALLOCATED, whileMissing, "kept while the carrier plugin was not there yet");
        await("tracked", () -> status(a) == PackageStatus.TRACKED);
        assertEquals(1, late.creates.get(), "sent again once, under the same key");
        assertEquals(1, late.shipmentsByKey.size(), "one shipment at the carrier");
    }

    @Test
    void aQueuedUploadWhoseCarrierPluginStartsLateAfterARestartIsNotFailed() throws Exception {
        // given: a clock the test moves forward, so the backoff of a missing plugin passes at once
        java.util.concurrent.atomic.AtomicLong offset = new java.util.concurrent.atomic.AtomicLong();
        Clock fast = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.now().plusMillis(offset.get());
            }
        };
        CarrierJobs fastJobs = authorized(new CarrierJobs(db.dataSource(), fast));
        ScriptedCarrier late = new ScriptedCarrier("late", true);
        fastJobs.saveShippingMethod(new ShippingMethodInfo("S1", "LATE", "late", null, true), "admin");
        long a = allocated("o1");
        fastJobs.upload(List.of(a), "op");
        CarrierJobWorker fresh = new CarrierJobWorker(fastJobs, registry, packages);

        // when: more attempts than an upload may take pass without the plugin (within the grace after start:
        // the backoffs 1 + 2 + 4 + 8 + 16 + 32 s, plus jitter, stay under two minutes)
        fresh.start(2, 20);
        try {
            while (scalar(db, "SELECT ATTEMPTS FROM WB_CARRIER_JOB") <= CarrierJobWorker.MAX_UPLOAD_ATTEMPTS) {
                assertTrue(offset.get() < CarrierJobWorker.RECOVERY_GRACE.toMillis(), "attempts within the grace");
                offset.addAndGet(2_000);
                Thread.sleep(60);
            }
            PackageStatus whileMissing = status(a);
            registry.bindCarrier(Fixtures.reference(), late);
            offset.addAndGet(130_000);

            // then: kept queued, and uploaded once the plugin is there
            assertEquals(PackageStatus.ALLOCATED, whileMissing, "not failed while the plugin was starting");
            await("tracked", () -> status(a) == PackageStatus.TRACKED);
            assertEquals(1, late.creates.get());
        } finally {
            fresh.stop();
        }
    }

    @Test
    void voidCancelsTheShipmentAtTheCarrierOrExplainsTheRefusal() throws Exception {
        long a = allocated("o1");
        long b = allocated("o2");
        jobs.upload(List.of(a, b), "op");
        worker.start(2, 20);
        await("tracked", () -> status(a) == PackageStatus.TRACKED && status(b) == PackageStatus.TRACKED);

        BatchResult ok = fulfilment.voidPackages(List.of(a), "Buyer cancelled", "op");
        assertEquals(List.of(a), ok.succeeded());
        assertEquals(1, carrier.cancelled.size());

        carrier.refuseCancel = true;
        BatchResult refused = fulfilment.voidPackages(List.of(b), "Buyer cancelled", "op");
        assertEquals("carrier_refused", refused.failures().get(0).code());
        assertTrue(refused.failures().get(0).message().contains("label already scanned"));
        assertEquals(PackageStatus.TRACKED, status(b));
    }
}
