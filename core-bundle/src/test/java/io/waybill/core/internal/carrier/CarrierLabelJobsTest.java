package io.waybill.core.internal.carrier;

import io.waybill.core.internal.Fixtures;
import io.waybill.core.internal.TestDatabase;
import io.waybill.core.internal.capture.OrderCaptureServiceImpl;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.service.PackageServiceImpl;
import io.waybill.core.internal.plugin.PluginRegistryImpl;
import io.waybill.core.internal.workflow.FulfilmentServiceImpl;
import io.waybill.core.model.AuditEntry;
import io.waybill.core.model.BatchResult;
import io.waybill.core.model.CarrierLabel;
import io.waybill.core.model.PackageDetail;
import io.waybill.core.model.PackageStatus;
import io.waybill.core.model.ShippingMethodInfo;
import io.waybill.spi.carrier.CarrierGateway;
import io.waybill.spi.carrier.LabelDocument;
import io.waybill.spi.carrier.ShipmentRef;
import io.waybill.spi.carrier.ShipmentRequest;
import io.waybill.spi.carrier.ShipmentResponse;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.PluginDescriptor;
import io.waybill.spi.common.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static io.waybill.core.internal.security.TestAuthorizers.authorized;
import static io.waybill.core.internal.Fixtures.exec;
import static io.waybill.core.internal.Fixtures.order;
import static io.waybill.core.internal.Fixtures.scalar;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The carrier's own label: fetched by a durable job once a package is tracked, stored, replaced, deleted. */
class CarrierLabelJobsTest {

    /** A carrier that tracks at once (or later) and answers fetchLabel as scripted. */
    static final class LabelCarrier implements CarrierGateway {
        volatile String labelMode = "pdf";
        volatile boolean async;
        final AtomicInteger labelCalls = new AtomicInteger();

        @Override
        public PluginDescriptor descriptor() {
            return new PluginDescriptor("labelled", "Labelled carrier", "test double");
        }

        @Override
        public Result<ShipmentResponse> createShipment(ShipmentRequest r) {
            return Result.ok(async ? new ShipmentResponse(ShipmentResponse.State.PENDING, "SHP-" + r.idempotencyKey(),
                    null) : new ShipmentResponse(ShipmentResponse.State.TRACKED, "SHP-" + r.idempotencyKey(),
                    "TRK" + r.packageNo()));
        }

        @Override
        public Result<ShipmentResponse> fetchTrackingNumber(ShipmentRef s) {
            return Result.ok(new ShipmentResponse(ShipmentResponse.State.TRACKED, s.carrierShipmentId(), "LATE-"
                    + s.carrierShipmentId()));
        }

        @Override
        public Result<LabelDocument> fetchLabel(ShipmentRef s) {
            labelCalls.incrementAndGet();
            return switch (labelMode) {
                case "none" -> CarrierGateway.super.fetchLabel(s);
                case "refused" -> Result.failure(Message.error("not_found", "no label for " + s.carrierShipmentId()));
                case "transient-once" -> {
                    labelMode = "pdf";
                    yield Result.failure(Message.error("transient", "HTTP 503"));
                }
                case "zpl" -> Result.ok(new LabelDocument(LabelDocument.Format.ZPL,
                        ("^XA^FD" + s.trackingNumber() + "^FS^XZ").getBytes(StandardCharsets.US_ASCII)));
                default -> Result.ok(new LabelDocument(LabelDocument.Format.PDF, pdf(s)));
            };
        }

        @Override
        public Result<Boolean> cancelShipment(ShipmentRef s) {
            return Result.ok(true);
        }

        /** Distinct bytes per shipment, larger than a page of a database, with every byte value. */
        static byte[] pdf(ShipmentRef s) {
            byte[] head = ("%PDF-1.4 label of " + s.carrierShipmentId() + " / " + s.trackingNumber() + "\n")
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] b = new byte[head.length + 200_000];
            System.arraycopy(head, 0, b, 0, head.length);
            for (int i = head.length; i < b.length; i++) {
                b[i] = (byte) (i * 31);
            }
            return b;
        }
    }

    /** Everything a scenario needs, over one database (Derby here, PostgreSQL in PostgresCarrierLabelTest). */
    static final class Setup implements AutoCloseable {
        final DatabaseEngine db;
        final PluginRegistryImpl registry = Fixtures.registry();
        final LabelCarrier carrier = new LabelCarrier();
        final CarrierJobs jobs;
        final PackageServiceImpl packages;
        final OrderCaptureServiceImpl capture;
        final FulfilmentServiceImpl fulfilment;
        final CarrierJobWorker worker;

        Setup(DatabaseEngine db) throws Exception {
            this.db = db;
            Fixtures.basic(db);
            exec(db, "INSERT INTO WB_STOCK VALUES (101, 1, 11, 21, 'A01-01', 100, 0)");
            registry.bindCarrier(Fixtures.reference(), carrier);
            jobs = authorized(new CarrierJobs(db.dataSource(), Clock.systemUTC()));
            packages = new PackageServiceImpl(db);
            capture = authorized(new OrderCaptureServiceImpl(db, registry));
            fulfilment = authorized(FulfilmentServiceImpl.withCarrierCancel(db.dataSource(), Clock.systemUTC(),
                    (id, s) -> registry.carrier(id).orElseThrow().cancelShipment(s)));
            jobs.saveShippingMethod(new ShippingMethodInfo("S1", "STD", "labelled", null, true), "admin");
            worker = new CarrierJobWorker(jobs, registry, packages);
        }

        long allocated(String orderId) throws Exception {
            capture.capture("S1", List.of(order(orderId, "A", 1)), "t");
            long id = scalar(db, "SELECT p.ID FROM WB_PACKAGE p JOIN WB_ORDER o ON o.ID = p.ORDER_ID "
                    + "WHERE o.PLATFORM_ORDER_ID = '" + orderId + "'");
            assertEquals(List.of(id), fulfilment.allocate(List.of(id), "t").succeeded());
            return id;
        }

        long tracked(String orderId) throws Exception {
            long id = allocated(orderId);
            assertEquals(List.of(id), jobs.upload(List.of(id), "op").succeeded());
            await("tracked", () -> detail(id).row().status() == PackageStatus.TRACKED);
            return id;
        }

        PackageDetail detail(long id) {
            return packages.detail(id).orElseThrow();
        }

        boolean labelJobEnded(long id) {
            try {
                return scalar(db, "SELECT COUNT(*) FROM WB_CARRIER_JOB WHERE PACKAGE_ID = " + id
                        + " AND KIND = 'LABEL' AND STATE IN ('QUEUED', 'RUNNING')") == 0
                        && scalar(db, "SELECT COUNT(*) FROM WB_CARRIER_JOB WHERE PACKAGE_ID = " + id
                        + " AND KIND = 'LABEL'") > 0;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        List<String> actions(long id) {
            return detail(id).history().stream().map(AuditEntry::action).toList();
        }

        @Override
        public void close() {
            worker.stop();
            db.close();
        }
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Tracked -> the label is stored byte for byte, shown on the detail, and deleted when the package is voided. */
    static void storedShownAndDeletedOnVoid(Setup s) throws Exception {
        s.worker.start(2, 20);
        long id = s.tracked("o1");
        await("label stored", () -> s.detail(id).carrierLabel() != null);
        PackageDetail d = s.detail(id);
        assertEquals("labelled", d.carrierId());
        assertEquals(LabelDocument.Format.PDF, d.carrierLabel());
        String shipment = "SHP-" + d.row().packageNo() + "-1";
        Map<Long, CarrierLabel> labels = s.packages.carrierLabels(List.of(id, 999L));
        assertEquals(1, labels.size());
        assertArrayEquals(LabelCarrier.pdf(new ShipmentRef(shipment, d.row().trackingNo())), labels.get(id).content());
        assertEquals("labelled", labels.get(id).carrierId());
        assertTrue(s.actions(id).contains("LABEL_STORED"), s.actions(id).toString());
        assertEquals("DONE", s.jobs.uploadStates(List.of(id)).get(id).state(), "the upload's state, not the label's");

        BatchResult voided = s.fulfilment.voidPackages(List.of(id), "Buyer cancelled", "op");
        assertEquals(List.of(id), voided.succeeded());
        assertTrue(s.packages.carrierLabels(List.of(id)).isEmpty(), "a cancelled shipment's label never prints");
        assertNull(s.detail(id).carrierLabel());
    }

    private Setup s;

    @BeforeEach
    void open() throws Exception {
        s = new Setup(TestDatabase.inMemory());
    }

    @AfterEach
    void close() {
        s.close();
    }

    @Test
    void aTrackedPackagesCarrierLabelIsStoredAndDeletedWhenVoided() throws Exception {
        storedShownAndDeletedOnVoid(s);
    }

    @Test
    void aLabelIsAlsoFetchedWhenTheTrackingNumberCameLater() throws Exception {
        s.carrier.async = true;
        s.carrier.labelMode = "zpl";
        s.worker.start(2, 20);
        long id = s.allocated("o1");
        s.jobs.upload(List.of(id), "op");
        await("label stored", () -> s.detail(id).carrierLabel() != null);
        String tracking = s.detail(id).row().trackingNo();
        assertTrue(tracking.startsWith("LATE-"), tracking);
        assertEquals("^XA^FD" + tracking + "^FS^XZ", new String(s.packages.carrierLabels(List.of(id)).get(id)
                .content(), StandardCharsets.US_ASCII));
    }

    @Test
    void aCarrierWithoutLabelsLeavesNoLabelAndNoNoise() throws Exception {
        s.carrier.labelMode = "none";
        s.worker.start(2, 20);
        long id = s.tracked("o1");
        await("label job ended", () -> s.labelJobEnded(id));
        assertNull(s.detail(id).carrierLabel());
        assertEquals("labelled", s.detail(id).carrierId());
        assertEquals(1, s.carrier.labelCalls.get());
        assertTrue(s.actions(id).stream().noneMatch(a -> a.startsWith("LABEL_")), s.actions(id).toString());
        assertEquals(0, scalar(s.db, "SELECT COUNT(*) FROM WB_CARRIER_JOB WHERE KIND = 'LABEL' AND STATE <> 'DONE'"));
    }

    @Test
    void aTransientFailureIsRetried() throws Exception {
        s.carrier.labelMode = "transient-once";
        s.worker.start(2, 20);
        long id = s.tracked("o1");
        await("label stored", () -> s.detail(id).carrierLabel() != null);
        assertEquals(2, s.carrier.labelCalls.get());
    }

    @Test
    void aRefusedFetchKeepsThePackageTrackedIsRecordedAndCanBeRetried() throws Exception {
        // given a carrier that has no label for the shipment
        s.carrier.labelMode = "refused";
        s.worker.start(2, 20);
        long id = s.tracked("o1");
        await("label job ended", () -> s.labelJobEnded(id));

        // then the package stays tracked, without a label, and its history says why
        assertEquals(PackageStatus.TRACKED, s.detail(id).row().status());
        assertNull(s.detail(id).carrierLabel());
        AuditEntry failed = s.detail(id).history().stream().filter(a -> a.action().equals("LABEL_FAILED"))
                .findFirst().orElseThrow(() -> new AssertionError(s.actions(id)));
        assertTrue(failed.reason().contains("no label for SHP-"), failed.reason());
        assertEquals(1, s.carrier.labelCalls.get(), "a refusal is not retried by itself");

        // when the operator asks again ("update logistics provider info") after the carrier fixed it
        s.carrier.labelMode = "pdf";
        BatchResult again = s.jobs.refreshTracking(List.of(id), "op");

        // then the label is fetched and stored
        assertEquals(List.of(id), again.succeeded());
        await("label stored", () -> s.detail(id).carrierLabel() == LabelDocument.Format.PDF);
        assertTrue(s.actions(id).contains("LABEL_REQUESTED"), s.actions(id).toString());
        // and a package whose label is stored has nothing to update
        assertEquals("not_pending", s.jobs.refreshTracking(List.of(id), "op").failures().get(0).code());
    }

    @Test
    void aLabelFetchedForAnOlderShipmentIsNotStored() throws Exception {
        // given a tracked package whose label job is still queued when the package is voided
        s.carrier.labelMode = "pdf";
        long id = s.allocated("o1");
        s.jobs.upload(List.of(id), "op");
        s.worker.start(1, 20);
        await("tracked", () -> s.detail(id).row().status() == PackageStatus.TRACKED);
        s.worker.stop();
        exec(s.db, "DELETE FROM WB_LABEL");
        exec(s.db, "UPDATE WB_CARRIER_JOB SET STATE = 'QUEUED' WHERE KIND = 'LABEL'");
        exec(s.db, "UPDATE WB_PACKAGE SET STATUS = 'VOIDED' WHERE ID = " + id);

        // when the worker runs the job
        CarrierJobWorker again = new CarrierJobWorker(s.jobs, s.registry, s.packages);
        again.start(1, 20);
        try {
            await("label job ended", () -> s.labelJobEnded(id));
        } finally {
            again.stop();
        }

        // then nothing is stored
        assertEquals(0, scalar(s.db, "SELECT COUNT(*) FROM WB_LABEL"));
        assertEquals(1, scalar(s.db, "SELECT COUNT(*) FROM WB_CARRIER_JOB WHERE KIND = 'LABEL' AND STATE = 'CANCELLED'"));
    }
}
