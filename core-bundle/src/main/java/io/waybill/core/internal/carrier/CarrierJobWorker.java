package io.waybill.core.internal.carrier;

import io.waybill.core.internal.workers.WorkerPool;
import io.waybill.core.internal.lifecycle.PackageLifecycle;
import io.waybill.core.internal.lifecycle.StatusGate;
import io.waybill.core.api.PackageService;
import io.waybill.core.internal.customs.CustomsServiceImpl;
import io.waybill.core.model.PackageDeclaration;
import io.waybill.core.internal.plugin.PluginCalls;
import io.waybill.core.internal.plugin.PluginFailure;
import io.waybill.core.internal.plugin.PluginRegistryImpl;
import io.waybill.core.internal.persistence.CarrierLabels;
import io.waybill.core.internal.persistence.Jdbc;
import io.waybill.core.internal.workflow.WarehouseRows;
import io.waybill.core.model.PackageDetail;
import io.waybill.core.model.PackageStatus;
import io.waybill.core.model.Reason;
import io.waybill.core.model.Warehouse;
import io.waybill.spi.carrier.CarrierGateway;
import io.waybill.spi.carrier.LabelDocument;
import io.waybill.spi.carrier.ShipmentRef;
import io.waybill.spi.carrier.ShipmentRequest;
import io.waybill.spi.carrier.ShipmentResponse;
import io.waybill.spi.common.Address;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.MessageCodes;
import io.waybill.spi.common.Result;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Executes carrier jobs from the database queue on core-owned threads: uploads (createShipment) and tracking
 * polls (fetchTrackingNumber) and, once a package is tracked, fetching the carrier's own label (fetchLabel) into
 * WB_LABEL. Every plugin call is wrapped, so a stray exception becomes a message. Retries use
 * exponential backoff with jitter and happen only where repeating is safe: polls always, rate-limited calls
 * (the carrier did not process them), and uploads with an unknown outcome only when the carrier honours the
 * idempotency key. At start, jobs left running by a previous process are recovered by the same rule.
 */
@Component(immediate = true, configurationPid = "io.waybill.carrier.worker", service = CarrierJobWorker.class)
@Designate(ocd = CarrierJobWorker.Config.class)
public class CarrierJobWorker {
    private static final Logger LOG = LoggerFactory.getLogger(CarrierJobWorker.class);
    static final int MAX_UPLOAD_ATTEMPTS = 6;
    static final int MAX_POLL_ATTEMPTS = 60;
    static final int MAX_LABEL_ATTEMPTS = 8;
    /** The most uploads the worker hands to one {@code createShipments} call, whatever a carrier declares. */
    static final int MAX_BATCH = 100;
    static final Duration LEASE = Duration.ofMinutes(5);
    /** How long an interrupted upload waits at start for its carrier plugin before it is failed safely. */
    static final Duration RECOVERY_GRACE = Duration.ofMinutes(2);

    /** Worker settings. */
    @ObjectClassDefinition(name = "Waybill carrier job worker")
    public @interface Config {
        @AttributeDefinition(name = "Concurrent carrier calls")
        int threads() default 8;

        @AttributeDefinition(name = "Queue poll interval (ms)")
        int pollMillis() default 200;
    }

    private final CarrierJobs jobs;
    private final PluginRegistryImpl plugins;
    private final PackageService packages;
    private final DataSource ds;
    private final Clock clock;
    /** Owns the threads; the worker opens its dispatcher and its call pool there and closes them in stop(). */
    private final WorkerPool workers;
    private ScheduledExecutorService scheduler;
    private ExecutorService pool;
    private Semaphore capacity;
    /** Interrupted jobs (still RUNNING) waiting for their carrier plugin to decide whether to repeat them. */
    private final java.util.Map<Long, Orphan> awaitingCarrier = new java.util.concurrent.ConcurrentHashMap<>();

    private record Orphan(Job job, Instant since) {
    }

    /** When the worker started: right after a start, carrier plugins may not be registered yet. */
    private volatile Instant startedAt = Instant.EPOCH;

    @Activate
    public CarrierJobWorker(@Reference CarrierJobs jobs, @Reference PluginRegistryImpl plugins,
                            @Reference PackageService packages, @Reference WorkerPool workers, Config config) {
        this(jobs, plugins, packages, workers);
        start(config.threads(), config.pollMillis());
    }

    /** A worker that is not started yet (tests, benchmarks): call {@link #start}. */
    public CarrierJobWorker(CarrierJobs jobs, PluginRegistryImpl plugins, PackageService packages) {
        this(jobs, plugins, packages, new WorkerPool());
    }

    CarrierJobWorker(CarrierJobs jobs, PluginRegistryImpl plugins, PackageService packages, WorkerPool workers) {
        this.workers = workers;
        this.jobs = jobs;
        this.plugins = plugins;
        this.packages = packages;
        this.ds = jobs.dataSource();
        this.clock = jobs.clock();
    }

    /** Starts the worker threads (also used by tests and benchmarks outside OSGi). */
    public void start(int threads, int pollMillis) {
        int n = Math.max(1, Math.min(64, threads));
        capacity = new Semaphore(n);
        pool = workers.pool("carrier", n);
        scheduler = workers.scheduler("carrier-queue");
        startedAt = clock.instant();
        recoverInterrupted();
        scheduler.scheduleWithFixedDelay(this::dispatch, pollMillis, Math.max(20, pollMillis), TimeUnit.MILLISECONDS);
    }

    @Deactivate
    public void stop() {
        if (scheduler != null) {
            // no interrupt at first: the dispatcher may be inside a Derby call
            workers.close(scheduler, java.time.Duration.ofSeconds(10));
        }
        if (pool != null) {
            // let running carrier calls finish: interrupting a thread inside Derby closes its connection
            workers.close(pool, java.time.Duration.ofSeconds(30));
        }
    }

    private record Job(long id, long packageId, String kind, String carrierId, String serviceCode, String key,
                       int attempts) {
    }

    /**
     * Jobs RUNNING when the previous process stopped: polls are re-queued, uploads by the idempotency rule. The rule
     * needs the carrier plugin, which may start after the core: an upload whose carrier is not registered yet stays
     * RUNNING (nothing else claims it) and is decided once the plugin appears, or failed safely after
     * {@link #RECOVERY_GRACE}.
     */
    void recoverInterrupted() {
        List<Job> orphans = Jdbc.inTransaction(ds, c -> select(c, "STATE = 'RUNNING'", Integer.MAX_VALUE));
        Instant now = clock.instant();
        for (Job j : orphans) {
            awaitingCarrier.put(j.id(), new Orphan(j, now));
        }
        recoverOrphans();
    }

    /** Decides the interrupted jobs whose carrier is known now (or has been missing too long). */
    void recoverOrphans() {
        for (Orphan o : List.copyOf(awaitingCarrier.values())) {
            Job j = o.job();
            Optional<CarrierGateway> gateway = plugins.carrier(j.carrierId());
            // a tracking poll or a label fetch only reads, so repeating it is always safe
            boolean poll = !j.kind().equals(CarrierJobs.UPLOAD);
            if (!poll && gateway.isEmpty() && clock.instant().isBefore(o.since().plus(RECOVERY_GRACE))) {
                continue;
            }
            awaitingCarrier.remove(j.id());
            if (poll || gateway.map(CarrierJobWorker::idempotent).orElse(false)) {
                Jdbc.inTransaction(ds, c -> reschedule(c, j, clock.instant(), "resumed after a restart"));
                LOG.info("Carrier job {} of package {} resumed after a restart", j.id(), j.packageId());
            } else {
                Jdbc.inTransaction(ds, c -> {
                    failUpload(c, j, io.waybill.core.model.Reason.of(io.waybill.core.model.Reason.UPLOAD_INTERRUPTED)
                            .english());
                    return null;
                });
                LOG.info("Carrier job {} of package {} was interrupted by a restart; its carrier {} cannot "
                        + "deduplicate, so it is not repeated", j.id(), j.packageId(), j.carrierId());
            }
        }
    }

    private static boolean idempotent(CarrierGateway g) {
        try {
            return g.honoursIdempotencyKey();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Claims due jobs up to the free capacity and hands them to the pool. */
    void dispatch() {
        try {
            if (!awaitingCarrier.isEmpty()) {
                recoverOrphans();
            }
            int free = capacity.availablePermits();
            if (free == 0) {
                return;
            }
            Instant now = clock.instant();
            List<List<Job>> due = Jdbc.inTransaction(ds, c -> {
                int lookahead = free * batchLimit();
                List<List<Job>> claimed = new ArrayList<>();
                for (List<Job> task : tasks(select(c, "STATE = 'QUEUED' AND NEXT_RUN_AT <= ?", lookahead,
                        Timestamp.from(now)), free)) {
                    List<Job> mine = new ArrayList<>();
                    for (Job j : task) {
                        try (PreparedStatement ps = c.prepareStatement("UPDATE WB_CARRIER_JOB SET STATE = "
                                + "'RUNNING', ATTEMPTS = ATTEMPTS + 1, LEASE_UNTIL = ?, UPDATED_AT = ? WHERE ID = ? "
                                + "AND STATE = 'QUEUED'")) {
                            ps.setTimestamp(1, Timestamp.from(now.plus(LEASE)));
                            ps.setTimestamp(2, Timestamp.from(now));
                            ps.setLong(3, j.id());
                            if (ps.executeUpdate() == 1) {
                                mine.add(new Job(j.id(), j.packageId(), j.kind(), j.carrierId(), j.serviceCode(),
                                        j.key(), j.attempts() + 1));
                            }
                        }
                    }
                    if (!mine.isEmpty()) {
                        claimed.add(mine);
                    }
                }
                return claimed;
            });
            for (List<Job> task : due) {
                capacity.acquireUninterruptibly();
                pool.execute(() -> {
                    try {
                        if (task.size() == 1) {
                            Job j = task.get(0);
                            guardedRun(j, () -> run(j));
                        } else {
                            uploadBatch(task);
                        }
                    } finally {
                        capacity.release();
                    }
                });
            }
        } catch (RuntimeException e) {
            LOG.warn("Carrier queue dispatch failed: {}", e.getMessage());
        }
    }

    /** Runs one job's step; an unexpected failure inside the core reschedules that job with a backoff. */
    private void guardedRun(Job j, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.warn("Carrier job {} failed unexpectedly: {}", j.id(), e.toString());
            Jdbc.inTransaction(ds, c -> reschedule(c, j, backoff(j.attempts()), "internal error: " + e));
        }
    }

    /** The largest batch a registered carrier takes, capped at {@link #MAX_BATCH}: how far the dispatcher looks ahead. */
    private int batchLimit() {
        int limit = 1;
        for (io.waybill.core.model.PluginInfo p : plugins.plugins()) {
            if (p.kind() == io.waybill.core.model.PluginInfo.Kind.CARRIER) {
                limit = Math.max(limit, plugins.carrier(p.id()).map(CarrierJobWorker::perCall).orElse(1));
            }
        }
        return limit;
    }

    /** A carrier's {@link CarrierGateway#maxShipmentsPerCall()}, between 1 and {@link #MAX_BATCH}. */
    private static int perCall(CarrierGateway g) {
        try {
            return Math.max(1, Math.min(MAX_BATCH, g.maxShipmentsPerCall()));
        } catch (RuntimeException e) {
            return 1;
        }
    }

    /**
     * Groups due jobs (in queue order) into at most {@code max} tasks, one carrier call each: UPLOAD jobs of a carrier
     * that takes several shipments per call join that carrier's open task until it is full; every other job is a
     * task of its own. With {@code maxShipmentsPerCall() == 1} everywhere this is the first {@code max} jobs, one per
     * task, as before batching existed.
     */
    private List<List<Job>> tasks(List<Job> due, int max) {
        List<List<Job>> tasks = new ArrayList<>();
        java.util.Map<String, List<Job>> open = new java.util.HashMap<>();
        java.util.Map<String, Integer> limits = new java.util.HashMap<>();
        for (Job j : due) {
            int limit = !j.kind().equals(CarrierJobs.UPLOAD) ? 1 : limits.computeIfAbsent(j.carrierId(),
                    id -> plugins.carrier(id).map(CarrierJobWorker::perCall).orElse(1));
            List<Job> task = limit > 1 ? open.get(j.carrierId()) : null;
            if (task != null && task.size() < limit) {
                task.add(j);
                continue;
            }
            if (tasks.size() == max) {
                continue;
            }
            task = new ArrayList<>();
            task.add(j);
            tasks.add(task);
            if (limit > 1) {
                open.put(j.carrierId(), task);
            }
        }
        return tasks;
    }

    void run(Job j) {
        Optional<CarrierGateway> gateway = plugins.carrier(j.carrierId());
        if (gateway.isEmpty()) {
            String why = "The carrier plugin '" + j.carrierId() + "' is not installed.";
            // nothing was sent, so waiting is safe; and right after a start the plugin may simply not be up yet:
            // a batch queued before a restart must not fail because the core came up first
            boolean graceOver = !clock.instant().isBefore(startedAt.plus(RECOVERY_GRACE));
            if (j.kind().equals(CarrierJobs.LABEL) && j.attempts() >= MAX_LABEL_ATTEMPTS && graceOver) {
                Jdbc.inTransaction(ds, c -> labelFailed(c, j, why));
            } else if (j.attempts() >= MAX_UPLOAD_ATTEMPTS && !j.kind().equals(CarrierJobs.LABEL) && graceOver) {
                Jdbc.inTransaction(ds, c -> {
                    failUpload(c, j, why);
                    return null;
                });
            } else {
                Jdbc.inTransaction(ds, c -> reschedule(c, j, backoff(j.attempts()), why));
            }
            return;
        }
        switch (j.kind()) {
            case CarrierJobs.UPLOAD -> upload(j, gateway.get());
            case CarrierJobs.LABEL -> label(j, gateway.get());
            default -> poll(j, gateway.get());
        }
    }

    private void upload(Job j, CarrierGateway g) {
        ShipmentRequest request = uploadRequest(j);
        if (request == null) {
            return;
        }
        Result<ShipmentResponse> result = call(() -> g.createShipment(request));
        recordUpload(j, g, result);
    }

    /**
     * Uploads up to {@link CarrierGateway#maxShipmentsPerCall()} jobs of one carrier in one
     * {@link CarrierGateway#createShipments} call. Each job is prepared and its result recorded exactly as a single
     * upload ({@link #uploadRequest}, {@link #recordUpload}), each in its own transaction: one package's failure
     * never touches another's. A job that fails inside the core is rescheduled alone, as in {@link #dispatch}.
     */
    private void uploadBatch(List<Job> batch) {
        Optional<CarrierGateway> gateway = plugins.carrier(batch.get(0).carrierId());
        if (gateway.isEmpty() || batch.size() == 1) {
            batch.forEach(j -> guardedRun(j, () -> run(j)));
            return;
        }
        CarrierGateway g = gateway.get();
        List<Job> sent = new ArrayList<>();
        List<ShipmentRequest> requests = new ArrayList<>();
        for (Job j : batch) {
            guardedRun(j, () -> {
                ShipmentRequest request = uploadRequest(j);
                if (request != null) {
                    sent.add(j);
                    requests.add(request);
                }
            });
        }
        if (sent.isEmpty()) {
            return;
        }
        List<Result<ShipmentResponse>> answers = callBatch(g, requests);
        for (int i = 0; i < sent.size(); i++) {
            Job j = sent.get(i);
            Result<ShipmentResponse> result = answers.get(i);
            guardedRun(j, () -> recordUpload(j, g, result));
        }
    }

    /**
     * One guarded {@link CarrierGateway#createShipments} call: one result per request, in order. A plugin that
     * throws, or answers a list of the wrong size, leaves every outcome unknown: each request then gets the
     * {@link PluginCalls guarded} failure, which {@link #recordUpload} treats as any failed single call.
     */
    private static List<Result<ShipmentResponse>> callBatch(CarrierGateway g, List<ShipmentRequest> requests) {
        List<Result<ShipmentResponse>> answers;
        RuntimeException thrown = null;
        try {
            answers = g.createShipments(List.copyOf(requests));
        } catch (RuntimeException e) {
            answers = null;
            thrown = e;
        }
        List<Result<ShipmentResponse>> out = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            List<Result<ShipmentResponse>> a = answers;
            RuntimeException t = thrown;
            int index = i;
            out.add(call(() -> {
                if (t != null) {
                    throw t;
                }
                if (a == null || a.size() != requests.size()) {
                    throw new IllegalStateException("createShipments answered " + (a == null ? "nothing"
                            : a.size() + " results") + " for " + requests.size() + " requests");
                }
                return a.get(index);
            }));
        }
        return out;
    }

    /** The request of an upload job, or null when the package is no longer allocated (the job is then cancelled). */
    private ShipmentRequest uploadRequest(Job j) {
        Optional<PackageDetail> detail = packages.detail(j.packageId());
        if (detail.isEmpty() || !(detail.get().row().status() == PackageStatus.ALLOCATED
                || detail.get().row().status() == PackageStatus.UPLOAD_FAILED)) {
            Jdbc.inTransaction(ds, c -> finish(c, j, CarrierJobs.CANCELLED, "package is no longer allocated"));
            return null;
        }
        return request(j, detail.get());
    }

    /**
     * Records the carrier's answer to one upload in its own transaction: tracked, accepted (a poll is queued), or
     * failed; a failure is retried only when the carrier did not process the call, or when its outcome is unknown
     * and the carrier honours the idempotency key.
     */
    private void recordUpload(Job j, CarrierGateway g, Result<ShipmentResponse> result) {
        if (result.isOk()) {
            ShipmentResponse r = result.value();
            Jdbc.inTransaction(ds, c -> {
                if (r.state() == ShipmentResponse.State.TRACKED && r.trackingNumber() != null) {
                    tracked(c, j, r.carrierShipmentId(), r.trackingNumber(), warnings(result));
                } else {
                    setPackage(c, j, PackageStatus.AWAITING_TRACKING, null, r.carrierShipmentId(), null,
                            "CARRIER_PENDING", Reason.of(Reason.CARRIER_ACCEPTED, j.carrierId()));
                    finish(c, j, CarrierJobs.DONE, null);
                    CarrierJobs.insertJob(c, j.packageId(), CarrierJobs.POLL, j.carrierId(), j.serviceCode(), j.key(),
                            clock.instant().plusSeconds(3));
                }
                return null;
            });
            return;
        }
        Failure f = classify(result);
        boolean retry = j.attempts() < MAX_UPLOAD_ATTEMPTS
                && (f.notProcessed() || (f.transientError() && idempotent(g)));
        Jdbc.inTransaction(ds, c -> {
            if (retry) {
                return reschedule(c, j, f.retryAt() != null ? f.retryAt() : backoff(j.attempts()), f.text());
            }
            failUpload(c, j, f.transientError() && !idempotent(g)
                    ? f.text() + " (the outcome is unknown and this carrier cannot guarantee that a repeat does not "
                    + "create a second shipment: check the carrier before uploading again)" : f.text());
            return null;
        });
    }

    private void poll(Job j, CarrierGateway g) {
        String shipmentId = Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT CARRIER_SHIPMENT_ID, STATUS FROM WB_PACKAGE WHERE ID = ?")) {
                ps.setLong(1, j.packageId());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && PackageStatus.AWAITING_TRACKING.name().equals(rs.getString(2))
                            ? rs.getString(1) : null;
                }
            }
        });
        if (shipmentId == null) {
            Jdbc.inTransaction(ds, c -> finish(c, j, CarrierJobs.CANCELLED, "package no longer awaits tracking"));
            return;
        }
        Result<ShipmentResponse> result = call(() -> g.fetchTrackingNumber(new ShipmentRef(shipmentId, null)));
        Jdbc.inTransaction(ds, c -> {
            if (result.isOk() && result.value().state() == ShipmentResponse.State.TRACKED
                    && result.value().trackingNumber() != null) {
                tracked(c, j, shipmentId, result.value().trackingNumber(), warnings(result));
                return null;
            }
            Failure f = result.isOk() ? null : classify(result);
            if (j.attempts() >= MAX_POLL_ATTEMPTS || (f != null && !f.transientError() && !f.notProcessed())) {
                failUpload(c, j, f == null ? "The carrier issued no tracking number after " + j.attempts()
                        + " checks." : f.text());
                return null;
            }
            return reschedule(c, j, f != null && f.retryAt() != null ? f.retryAt() : pollDelay(j.attempts()),
                    f == null ? null : f.text());
        });
    }

    /**
     * Fetches the carrier's label of a tracked package and stores it. A carrier that supplies no labels
     * ({@code unsupported}) ends the job quietly: Waybill's generated label is the label. A read is always safe to
     * repeat, so transient failures are retried; when the label cannot be had the package stays tracked, the
     * failure is written to its history and labels print with the generated design until a later fetch succeeds.
     */
    private void label(Job j, CarrierGateway g) {
        String[] current = Jdbc.inTransaction(ds, c -> labelTarget(c, j));
        if (current == null) {
            Jdbc.inTransaction(ds, c -> finish(c, j, CarrierJobs.CANCELLED, "package no longer has this shipment"));
            return;
        }
        Result<LabelDocument> result = call(() -> g.fetchLabel(new ShipmentRef(current[0], current[1])));
        LabelDocument label = result.isOk() ? result.value() : null;
        String invalid = label == null ? null : label.format() == null ? "the label has no format"
                : label.content() == null || label.content().length == 0 ? "the label is empty" : null;
        Jdbc.inTransaction(ds, c -> {
            if (label != null && invalid == null) {
                String[] still = labelTarget(c, j);
                if (still == null) {
                    return finish(c, j, CarrierJobs.CANCELLED, "package no longer has this shipment");
                }
                CarrierLabels.store(c, j.packageId(), j.carrierId(), still[0], label, clock.instant());
                Jdbc.audit(c, j.packageId(), null, "carrier:" + j.carrierId(), clock.instant(), "LABEL_STORED",
                        null, null, Reason.of(Reason.LABEL_STORED, label.format(), j.carrierId(),
                                label.content().length));
                return finish(c, j, CarrierJobs.DONE, null);
            }
            if (invalid != null) {
                return labelFailed(c, j, invalid);
            }
            if (result.messages().stream().anyMatch(m -> m.code().equals(MessageCodes.UNSUPPORTED))) {
                return finish(c, j, CarrierJobs.DONE, null);
            }
            Failure f = classify(result);
            boolean retry = j.attempts() < MAX_LABEL_ATTEMPTS && (f.notProcessed() || f.transientError()
                    || result.messages().stream().anyMatch(m -> m.code().equals(MessageCodes.LABEL_NOT_READY)));
            if (retry) {
                return reschedule(c, j, f.retryAt() != null ? f.retryAt() : backoff(j.attempts()), f.text());
            }
            return labelFailed(c, j, f.text());
        });
    }

    /** Shipment id and tracking number of the package when it is still tracked under this job's upload, else null. */
    private static String[] labelTarget(Connection c, Job j) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT CARRIER_SHIPMENT_ID, TRACKING_NO, STATUS, PACKAGE_NO, "
                + "UPLOAD_GENERATION, CARRIER_ID FROM WB_PACKAGE WHERE ID = ?")) {
            ps.setLong(1, j.packageId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                PackageStatus status = PackageStatus.valueOf(rs.getString(3));
                boolean sameUpload = j.key().equals(rs.getString(4) + "-" + rs.getInt(5))
                        && j.carrierId().equals(rs.getString(6));
                return sameUpload && (status == PackageStatus.TRACKED || status == PackageStatus.PRINTED)
                        && rs.getString(1) != null ? new String[] {rs.getString(1), rs.getString(2)} : null;
            }
        }
    }

    private Void labelFailed(Connection c, Job j, String reason) throws SQLException {
        Jdbc.audit(c, j.packageId(), null, "carrier:" + j.carrierId(), clock.instant(), "LABEL_FAILED", null, null,
                Reason.of(Reason.LABEL_FAILED, reason));
        return finish(c, j, CarrierJobs.FAILED, reason);
    }

    private ShipmentRequest request(Job j, PackageDetail d) {
        Warehouse from = d.warehouseCode() == null ? null
                : Jdbc.inTransaction(ds, c -> WarehouseRows.byCode(c, d.warehouseCode()));
        CustomsServiceImpl declarations = customs;
        return declarations == null ? request(j.key(), j.serviceCode(), d, from)
                : request(j.key(), j.serviceCode(), d, from, declarations.declarationOf(d));
    }

    /**
     * The carrier request of a package with its customs declaration: the declaration's lines are the items (HS
     * code, descriptions, value, origin, net weight) and its category and tax ids the request's customs.
     */
    static ShipmentRequest request(String key, String serviceCode, PackageDetail d, Warehouse from,
                                   PackageDeclaration declaration) {
        Address sender = from == null ? null : from.senderAddress();
        return new ShipmentRequest(key, d.row().packageNo(), d.row().orderNo(), serviceCode, sender,
                d.shipTo(), d.row().expectedWeightGrams(), declaration.items(), declaration.spi());
    }

    /** Declarations of the packages it uploads; null outside OSGi when a test sets none (then items only). */
    private volatile CustomsServiceImpl customs;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    public void setCustoms(CustomsServiceImpl customs) {
        this.customs = customs;
    }

    public void unsetCustoms(CustomsServiceImpl customs) {
        if (this.customs == customs) {
            this.customs = null;
        }
    }

    /** The carrier request of a package shipping from {@code from}: the warehouse's address is the sender. */
    static ShipmentRequest request(String key, String serviceCode, PackageDetail d, Warehouse from) {
        Address sender = from == null ? null : from.senderAddress();
        List<ShipmentRequest.Item> items = d.lines().stream()
                .map(l -> new ShipmentRequest.Item(l.skuCode(), l.skuName(), l.quantity(), l.weightGrams()))
                .toList();
        return new ShipmentRequest(key, d.row().packageNo(), d.row().orderNo(), serviceCode, sender,
                d.shipTo(), d.row().expectedWeightGrams(), items);
    }

    /** Records the tracking number and queues fetching the carrier's label of the new shipment. */
    private void tracked(Connection c, Job j, String shipmentId, String trackingNo, String warnings)
            throws SQLException {
        boolean applied = setPackage(c, j, PackageStatus.TRACKED, trackingNo, shipmentId, null, "TRACKED",
                warnings.isEmpty() ? Reason.of(Reason.TRACKING_NUMBER, trackingNo, j.carrierId())
                        : Reason.of(Reason.TRACKING_NUMBER_WARNINGS, trackingNo, j.carrierId(), warnings));
        finish(c, j, CarrierJobs.DONE, null);
        if (applied) {
            CarrierLabels.delete(c, j.packageId());
            CarrierJobs.insertJob(c, j.packageId(), CarrierJobs.LABEL, j.carrierId(), j.serviceCode(), j.key(),
                    clock.instant());
        }
    }

    private void failUpload(Connection c, Job j, String reason) throws SQLException {
        setPackage(c, j, PackageStatus.UPLOAD_FAILED, null, null, reason, "UPLOAD_FAILED", reason);
        finish(c, j, CarrierJobs.FAILED, reason);
    }

    /**
     * The carrier's results: an upload accepted (awaiting its tracking number), tracked, or failed. A result may
     * also repeat the package's status (a new tracking number, a new error); the status read is part of the guard.
     */
    private static final java.util.Map<PackageStatus, StatusGate> GATES = java.util.Map.of(
            PackageStatus.AWAITING_TRACKING, carrierGate(PackageStatus.AWAITING_TRACKING),
            PackageStatus.TRACKED, carrierGate(PackageStatus.TRACKED),
            PackageStatus.UPLOAD_FAILED, carrierGate(PackageStatus.UPLOAD_FAILED));

    private static StatusGate carrierGate(PackageStatus to) {
        return StatusGate.to(to).orStaying().set("TRACKING_NO = COALESCE(?, TRACKING_NO), CARRIER_ID = ?, "
                + "CARRIER_SHIPMENT_ID = COALESCE(?, CARRIER_SHIPMENT_ID), LAST_ERROR = ?, UPDATED_AT = ?")
                .where("STATUS = ?");
    }

    private boolean setPackage(Connection c, Job j, PackageStatus to, String trackingNo, String shipmentId,
                               String error, String action, String reason) throws SQLException {
        return setPackage(c, j, to, trackingNo, shipmentId, error, action, reason, null);
    }

    private boolean setPackage(Connection c, Job j, PackageStatus to, String trackingNo, String shipmentId,
                               String error, String action, Reason reason) throws SQLException {
        return setPackage(c, j, to, trackingNo, shipmentId, error, action, null, reason);
    }

    /**
     * Moves the package to {@code to}; returns false when its current status does not allow that. The history
     * line's reason is {@code structured} when given, else the free {@code text}.
     */
    private boolean setPackage(Connection c, Job j, PackageStatus to, String trackingNo, String shipmentId,
                               String error, String action, String text, Reason structured) throws SQLException {
        String from;
        try (PreparedStatement ps = c.prepareStatement("SELECT STATUS, ORDER_ID FROM WB_PACKAGE WHERE ID = ?")) {
            ps.setLong(1, j.packageId());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                from = rs.getString(1);
            }
        }
        PackageStatus current = PackageStatus.valueOf(from);
        if (current != to && !PackageLifecycle.canMove(current, to)) {
            LOG.info("Package {} is {} now; carrier result {} not applied", j.packageId(), current, to);
            return false;
        }
        StatusGate gate = GATES.get(to);
        try (PreparedStatement ps = gate.prepare(c)) {
            ps.setString(1, trackingNo);
            ps.setString(2, j.carrierId());
            ps.setString(3, shipmentId);
            ps.setString(4, error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error);
            ps.setTimestamp(5, Timestamp.from(clock.instant()));
            ps.setString(6, from);
            if (!gate.apply(ps, j.packageId())) {
                LOG.info("Package {} changed meanwhile; carrier result {} not applied", j.packageId(), to);
                return false;
            }
        }
        if (structured != null) {
            Jdbc.audit(c, j.packageId(), null, "carrier:" + j.carrierId(), clock.instant(), action, from, to.name(),
                    structured);
        } else {
            Jdbc.audit(c, j.packageId(), null, "carrier:" + j.carrierId(), clock.instant(), action, from, to.name(),
                    text);
        }
        return true;
    }

    private Void finish(Connection c, Job j, String state, String error) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE WB_CARRIER_JOB SET STATE = ?, LAST_ERROR = ?, "
                + "LEASE_UNTIL = NULL, UPDATED_AT = ? WHERE ID = ?")) {
            ps.setString(1, state);
            ps.setString(2, error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error);
            ps.setTimestamp(3, Timestamp.from(clock.instant()));
            ps.setLong(4, j.id());
            ps.executeUpdate();
        }
        return null;
    }

    private Void reschedule(Connection c, Job j, Instant at, String error) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE WB_CARRIER_JOB SET STATE = 'QUEUED', NEXT_RUN_AT = ?, "
                + "LAST_ERROR = ?, LEASE_UNTIL = NULL, UPDATED_AT = ? WHERE ID = ?")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error);
            ps.setTimestamp(3, Timestamp.from(clock.instant()));
            ps.setLong(4, j.id());
            ps.executeUpdate();
        }
        return null;
    }

    private List<Job> select(Connection c, String where, int limit, Timestamp... params) throws SQLException {
        List<Job> list = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ID, PACKAGE_ID, KIND, CARRIER_ID, SERVICE_CODE, "
                + "IDEMPOTENCY_KEY, ATTEMPTS FROM WB_CARRIER_JOB WHERE " + where + " ORDER BY NEXT_RUN_AT, ID")) {
            for (int i = 0; i < params.length; i++) {
                ps.setTimestamp(i + 1, params[i]);
            }
            ps.setMaxRows(limit == Integer.MAX_VALUE ? 0 : limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new Job(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getInt(7)));
                }
            }
        }
        return list;
    }

    private record Failure(String text, boolean transientError, boolean notProcessed, Instant retryAt) {
    }

    /** The core's one {@link PluginFailure classification}, with the carrier's wording and the retry time. */
    private Failure classify(Result<?> result) {
        PluginFailure f = PluginFailure.of(result);
        return new Failure(f.text("the carrier returned no result"), f.transientError(), f.rateLimited(),
                f.retryAfter().map(d -> clock.instant().plus(d)).orElse(null));
    }

    private static String warnings(Result<?> result) {
        return result.messages().stream().filter(m -> m.severity() == Message.Severity.WARNING)
                .map(Message::text).collect(Collectors.joining("; "));
    }

    private static <T> Result<T> call(Supplier<Result<T>> plugin) {
        return PluginCalls.guarded("the carrier plugin", plugin);
    }

    private Instant backoff(int attempts) {
        long base = (long) Math.min(300_000, 1000 * Math.pow(2, Math.max(0, attempts - 1)));
        return clock.instant().plusMillis(base + (long) (Math.random() * base / 4));
    }

    private Instant pollDelay(int attempts) {
        long base = (long) Math.min(600_000, 3000 * Math.pow(1.5, Math.max(0, attempts - 1)));
        return clock.instant().plusMillis(base + (long) (Math.random() * base / 4));
    }
}
