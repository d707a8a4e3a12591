package io.waybill.core.internal.workflow;

import io.waybill.core.api.Permission;
import io.waybill.core.internal.plugin.PluginCalls;
import io.waybill.core.internal.security.Authorizer;
import io.waybill.core.api.FulfilmentService;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.internal.db.Database;
import io.waybill.core.model.BatchResult;
import io.waybill.core.model.PackageStatus;
import io.waybill.core.model.Shortage;
import io.waybill.core.internal.plugin.PluginRegistryImpl;
import io.waybill.spi.carrier.ShipmentRef;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.Result;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Allocation and voiding in short JDBC transactions (voids one package per transaction; allocation in chunks, see
 * {@code Allocation}). Stock is reserved with conditional updates ({@code ... WHERE ON_HAND - RESERVED >= qty}),
 * which the database serialises per stock row: no oversell under concurrency, on Derby and PostgreSQL alike, without
 * JVM locks.
 */
@Component(service = FulfilmentService.class)
public class FulfilmentServiceImpl implements FulfilmentService {
    /** Who may call what: checked first in every method that changes data. */
    private volatile Authorizer authorizer;

    @Reference
    public void setAuthorizer(Authorizer authorizer) {
        this.authorizer = authorizer;
    }

    static final int MAX_BATCH = 10_000;
    static final int MAX_REASON = 500;
    /** Packages read together, and allocated together in one transaction when taken in selection order. */
    static final int CHUNK = 50;
    /**
     * Packages written together in one transaction when the plan says they all fit: one reservation per (warehouse,
     * SKU) serves the whole chunk, so larger chunks mean fewer stock updates and commits per package.
     */
    static final int WRITE_CHUNK = 200;
    /** Threads that help the calling thread with a large allocation batch (the caller works too). */
    static final int HELPERS = Math.max(1, Math.min(3, Runtime.getRuntime().availableProcessors() - 1));

    /** Cancels a shipment at its carrier (the carrier-side half of a void). */
    @FunctionalInterface
    public interface CarrierCancel {
        Result<Boolean> cancel(String carrierId, ShipmentRef shipment);
    }

    private final DataSource ds;
    private final Clock clock;
    private final CarrierCancel carrierCancel;
    /** Created on the first large batch; its threads end after 30 s idle. */
    private java.util.concurrent.ThreadPoolExecutor helpers;

    @Activate
    public FulfilmentServiceImpl(@Reference Database db, @Reference PluginRegistryImpl plugins) {
        this(db.dataSource(), Clock.systemUTC(), (carrierId, shipment) -> plugins.carrier(carrierId)
                .map(g -> PluginCalls.guarded("the carrier plugin", () -> g.cancelShipment(shipment)))
                .orElseGet(() -> Result.failure(Message.error("no_carrier", "the carrier plugin '" + carrierId
                        + "' is not installed"))));
    }

    /** Without carrier plugins: packages with a carrier shipment cannot be voided. */
    public FulfilmentServiceImpl(Database db) {
        this(db.dataSource(), Clock.systemUTC(), (carrierId, shipment) -> Result.failure(
                Message.error("no_carrier", "no carrier plugins available")));
    }

    FulfilmentServiceImpl(DataSource ds, Clock clock) {
        this(ds, clock, (carrierId, shipment) -> Result.failure(Message.error("no_carrier",
                "no carrier plugins available")));
    }

    public FulfilmentServiceImpl(DataSource ds, Clock clock, CarrierCancel carrierCancel) {
        this.ds = ds;
        this.clock = clock;
        this.carrierCancel = carrierCancel;
    }

    private record Claimed(long id, String packageNo, long orderId, long storeId, PackageStatus status,
                           Long warehouseId) {
    }

    private record Need(long skuId, String skuCode, int quantity) {
    }

    /** Thrown inside a package transaction to roll it back and report a per-package failure. */
    private static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String code;
        final String packageNo;

        Refusal(String code, String packageNo, String message) {
            super(message, null, false, false);
            this.code = code;
            this.packageNo = packageNo;
        }
    }

    @Override
    public BatchResult allocate(List<Long> packageIds, String actor) {
        authorizer.require(actor, Permission.ALLOCATE);
        checkBatch(packageIds);
        String who = actor(actor);
        // a package selected twice is allocated once and reported once
        List<Long> ids = new ArrayList<>(new java.util.LinkedHashSet<>(packageIds));
        Allocation run = new Allocation(who);
        if (ids.size() <= CHUNK) {
            run.inSelectionOrder(ids);
        } else {
            run.planned(ids);
        }
        List<Long> done = new ArrayList<>();
        List<BatchResult.Failure> failures = new ArrayList<>();
        for (Long id : ids) {
            BatchResult.Failure f = run.failed.get(id);
            if (f == null) {
                done.add(id);
            } else {
                failures.add(f);
            }
        }
        return new BatchResult(ids.size(), done, failures);
    }

    /**
     * One allocation batch. Large batches run in three steps:
     * <ol>
     * <li><b>read</b> every package and its order lines, in chunks, on the calling thread and the helper threads;</li>
     * <li><b>plan</b>: the stock available now in each package's first warehouse is read once per (warehouse, SKU);
     * the longest run of the selection, from its start, whose demand fits that stock is the <i>fitting prefix</i>;
     * </li>
     * <li><b>write</b> the fitting prefix in chunks, in parallel (one transaction per chunk, see
     * {@link #writeChunk}); then, on the calling thread and in selection order, the packages a chunk could not take
     * (changed since read, or stock taken meanwhile by another batch) one by one, and the rest of the selection chunk
     * by chunk with the same fallback.</li>
     * </ol>
     * So when stock is scarce it goes to the packages selected first, exactly as if they were allocated one by one;
     * parallelism is used only where the plan says every package fits.
     */
    private final class Allocation {
        final String who;
        final Map<Long, List<Long>> warehousesByStore = new ConcurrentHashMap<>();
        final Map<Long, String> warehouseCodes = new ConcurrentHashMap<>();
        final Map<Long, BatchResult.Failure> failed = new ConcurrentHashMap<>();
        /** The bundles' components as stored when the batch starts (packages record what they reserved). */
        final Kits kits;

        Allocation(String who) {
            this.who = who;
            this.kits = Jdbc.inTransaction(ds, Kits::load);
        }

        void planned(List<Long> ids) {
            int n = ids.size();
            Candidate[] read = new Candidate[n];
            int readChunks = (n + CHUNK - 1) / CHUNK;
            inParallel(readChunks, k -> Jdbc.inTransaction(ds, c -> {
                int from = k * CHUNK;
                int to = Math.min(n, from + CHUNK);
                try (Reader reader = new Reader(c)) {
                    for (int i = from; i < to; i++) {
                        read[i] = reader.read(ids.get(i), failed);
                    }
                }
                return null;
            }));
            int prefix = fittingPrefix(read);
            List<List<Candidate>> chunks = new ArrayList<>();
            List<Candidate> current = new ArrayList<>();
            for (int i = 0; i < prefix; i++) {
                if (read[i] != null) {
                    current.add(read[i]);
                    if (current.size() == WRITE_CHUNK) {
                        chunks.add(current);
                        current = new ArrayList<>();
                    }
                }
            }
            if (!current.isEmpty()) {
                chunks.add(current);
            }
            java.util.Set<Long> again = ConcurrentHashMap.newKeySet();
            inParallel(chunks.size(), k -> {
                List<Candidate> chunk = chunks.get(k);
                try {
                    again.addAll(Jdbc.inTransaction(ds, c -> writeChunk(c, chunk)));
                } catch (SlowPath slow) {
                    chunk.forEach(p -> again.add(p.id()));
                }
            });
            for (int i = 0; i < prefix; i++) {
                if (again.contains(ids.get(i))) {
                    alone(ids.get(i));
                }
            }
            List<Long> rest = new ArrayList<>();
            for (int i = prefix; i < n; i++) {
                if (read[i] != null) {
                    rest.add(ids.get(i));
                }
            }
            inSelectionOrder(rest);
        }

        /** Chunk by chunk on the calling thread, each chunk read and written in one transaction. */
        void inSelectionOrder(List<Long> ids) {
            for (int from = 0; from < ids.size(); from += CHUNK) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
                List<Long> again;
                try {
                    again = Jdbc.inTransaction(ds, c -> {
                        List<Candidate> candidates = new ArrayList<>();
                        try (Reader reader = new Reader(c)) {
                            for (long id : chunk) {
                                Candidate p = reader.read(id, failed);
                                if (p != null) {
                                    candidates.add(p);
                                }
                            }
                        }
                        return writeChunk(c, candidates);
                    });
                } catch (SlowPath slow) {
                    again = chunk;
                }
                for (long id : chunk) {
                    if (again.contains(id)) {
                        failed.remove(id);
                        alone(id);
                    }
                }
            }
        }

        /** The packages selected first whose demand fits the stock available now in their first warehouse. */
        int fittingPrefix(Candidate[] read) {
            Map<List<Long>, Integer> available = new java.util.HashMap<>();
            for (Candidate p : read) {
                if (p != null) {
                    for (Need need : p.needs()) {
                        available.put(List.of(p.warehouse(), need.skuId()), 0);
                    }
                }
            }
            Jdbc.inTransaction(ds, c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT ON_HAND - RESERVED FROM WB_STOCK WHERE WAREHOUSE_ID = ? AND SKU_ID = ?")) {
                    for (Map.Entry<List<Long>, Integer> e : available.entrySet()) {
                        ps.setLong(1, e.getKey().get(0));
                        ps.setLong(2, e.getKey().get(1));
                        try (ResultSet rs = ps.executeQuery()) {
                            e.setValue(rs.next() ? rs.getInt(1) : 0);
                        }
                    }
                }
                return null;
            });
            for (int i = 0; i < read.length; i++) {
                Candidate p = read[i];
                if (p == null) {
                    continue;
                }
                for (Need need : p.needs()) {
                    if (available.merge(List.of(p.warehouse(), need.skuId()), -need.quantity(), Integer::sum) < 0) {
                        return i;
                    }
                }
            }
            return read.length;
        }

        void alone(long id) {
            try {
                List<Shortage> shortages = Jdbc.inTransaction(ds, c -> allocateOne(c, id, who, warehousesByStore,
                        kits));
                if (shortages.isEmpty()) {
                    failed.remove(id);
                } else {
                    failed.put(id, new BatchResult.Failure(id, packageNo(id), "out_of_stock",
                            "Out of stock: " + describe(shortages)));
                }
            } catch (Refusal r) {
                failed.put(id, new BatchResult.Failure(id, r.packageNo, r.code, r.getMessage()));
            }
        }

        /**
         * Claims, audits and reserves a chunk in one transaction. Locks are taken in a fixed order (packages by id,
         * then stock rows by warehouse and SKU id), so chunks running at the same time cannot deadlock each other;
         * the chunk's demand is reserved with one conditional update per (warehouse, SKU), last, so the stock rows
         * that other chunks wait for are held for the shortest time.
         *
         * @return the packages changed since they were read (the claim's version guard), to be allocated alone
         * @throws SlowPath when a stock row cannot cover the chunk: the transaction rolls back
         */
        List<Long> writeChunk(Connection c, List<Candidate> chunk) throws SQLException {
            List<Candidate> sorted = new ArrayList<>(chunk);
            sorted.sort(java.util.Comparator.comparingLong(Candidate::id));
            Instant now = clock.instant();
            List<Long> again = new ArrayList<>();
            List<Candidate> claimed = new ArrayList<>();
            Map<Long, Map<Long, Integer>> demand = new java.util.TreeMap<>();
            try (PreparedStatement claim = c.prepareStatement("UPDATE WB_PACKAGE SET STATUS = 'ALLOCATED', "
                    + "WAREHOUSE_ID = ?, UPDATED_AT = ?, VERSION = VERSION + 1 WHERE ID = ? AND STATUS = ? "
                    + "AND VERSION = ?")) {
                for (Candidate p : sorted) {
                    claim.setLong(1, p.warehouse());
                    claim.setTimestamp(2, Timestamp.from(now));
                    claim.setLong(3, p.id());
                    claim.setString(4, p.status().name());
                    claim.setLong(5, p.version());
                    if (claim.executeUpdate() != 1) {
                        again.add(p.id());
                        continue;
                    }
                    Map<Long, Integer> perSku = demand.computeIfAbsent(p.warehouse(), w -> new java.util.TreeMap<>());
                    for (Need n : p.needs()) {
                        perSku.merge(n.skuId(), n.quantity(), Integer::sum);
                    }
                    claimed.add(p);
                }
            }
            if (claimed.isEmpty()) {
                return again;
            }
            try (PreparedStatement shortages = c.prepareStatement(
                    "DELETE FROM WB_PACKAGE_SHORTAGE WHERE PACKAGE_ID = ?");
                 PreparedStatement audit = c.prepareStatement("INSERT INTO WB_AUDIT_EVENT (PACKAGE_ID, ORDER_ID, "
                         + "ACTOR, OCCURRED_AT, ACTION, FROM_STATUS, TO_STATUS, REASON) VALUES (?, ?, ?, ?, "
                         + "'ALLOCATED', ?, 'ALLOCATED', ?)")) {
                boolean deletes = false;
                for (Candidate p : claimed) {
                    if (p.status() == PackageStatus.OUT_OF_STOCK) {
                        shortages.setLong(1, p.id());
                        shortages.addBatch();
                        deletes = true;
                    }
                    String code = warehouseCodes.get(p.warehouse());
                    if (code == null) {
                        code = warehouseCode(c, p.warehouse());
                        warehouseCodes.put(p.warehouse(), code);
                    }
                    audit.setLong(1, p.id());
                    audit.setLong(2, p.orderId());
                    audit.setString(3, who);
                    audit.setTimestamp(4, Timestamp.from(now));
                    audit.setString(5, p.status().name());
                    audit.setString(6, "Warehouse " + code);
                    audit.addBatch();
                }
                if (deletes) {
                    shortages.executeBatch();
                }
                audit.executeBatch();
            }
            for (Candidate p : claimed) {
                if (!p.reserved().isEmpty()) {
                    Kits.record(c, p.id(), p.reserved());
                }
            }
            try (PreparedStatement reserve = c.prepareStatement("UPDATE WB_STOCK SET RESERVED = RESERVED + ?, "
                    + "VERSION = VERSION + 1 WHERE WAREHOUSE_ID = ? AND SKU_ID = ? AND ON_HAND - RESERVED >= ?")) {
                for (Map.Entry<Long, Map<Long, Integer>> w : demand.entrySet()) {
                    for (Map.Entry<Long, Integer> sku : w.getValue().entrySet()) {
                        reserve.setInt(1, sku.getValue());
                        reserve.setLong(2, w.getKey());
                        reserve.setLong(3, sku.getKey());
                        reserve.setInt(4, sku.getValue());
                        if (reserve.executeUpdate() != 1) {
                            throw new SlowPath();
                        }
                    }
                }
            }
            return again;
        }

        /** Reads packages for the fast path; a package that cannot be allocated is recorded as failed. */
        final class Reader implements AutoCloseable {
            // two plain index lookups: a join of package, order and lines is planned by Derby as a hash join that
            // scans the lines table on every execution
            private final Connection c;
            private final PreparedStatement read;
            private final PreparedStatement lines;

            Reader(Connection c) throws SQLException {
                this.c = c;
                this.read = c.prepareStatement("SELECT p.PACKAGE_NO, p.ORDER_ID, o.STORE_ID, p.STATUS, p.VERSION "
                        + "FROM WB_PACKAGE p JOIN WB_ORDER o ON o.ID = p.ORDER_ID WHERE p.ID = ?");
                this.lines = c.prepareStatement("SELECT SKU_ID, QUANTITY FROM WB_ORDER_LINE WHERE ORDER_ID = ?");
            }

            /** The package read (version first, then its lines), or null when it cannot be allocated. */
            Candidate read(long id, Map<Long, BatchResult.Failure> failed) throws SQLException {
                String packageNo;
                long orderId;
                long storeId;
                PackageStatus status;
                long version;
                read.setLong(1, id);
                try (ResultSet rs = read.executeQuery()) {
                    if (!rs.next()) {
                        failed.put(id, new BatchResult.Failure(id, String.valueOf(id), "unknown_package",
                                "No package with id " + id + "."));
                        return null;
                    }
                    packageNo = rs.getString(1);
                    orderId = rs.getLong(2);
                    storeId = rs.getLong(3);
                    status = PackageStatus.valueOf(rs.getString(4));
                    version = rs.getLong(5);
                }
                try {
                    PackageLifecycle.check(packageNo, status, PackageStatus.ALLOCATED);
                } catch (OperationRefusedException e) {
                    failed.put(id, new BatchResult.Failure(id, packageNo, e.code(), e.getMessage()));
                    return null;
                }
                Map<Long, Need> needs = new java.util.TreeMap<>();
                lines.setLong(1, orderId);
                try (ResultSet rs = lines.executeQuery()) {
                    while (rs.next()) {
                        long sku = rs.getLong(1);
                        needs.merge(sku, new Need(sku, null, rs.getInt(2)),
                                (a, b) -> new Need(a.skuId(), null, a.quantity() + b.quantity()));
                    }
                }
                if (needs.isEmpty()) {
                    failed.put(id, new BatchResult.Failure(id, packageNo, "no_lines",
                            "Package " + packageNo + " has no order lines."));
                    return null;
                }
                List<Long> warehouses = warehousesByStore.get(storeId);
                if (warehouses == null) {
                    warehouses = warehousesOf(c, storeId);
                    warehousesByStore.put(storeId, warehouses);
                }
                if (warehouses.isEmpty()) {
                    failed.put(id, new BatchResult.Failure(id, packageNo, "no_warehouse",
                            "The store of package " + packageNo + " has no warehouse assigned."));
                    return null;
                }
                List<Need> demand = List.copyOf(needs.values());
                List<Kits.Reserved> reserved = List.of();
                if (!kits.isEmpty() && needs.keySet().stream().anyMatch(kits::isBundle)) {
                    Kits.Expanded e = kits.expand(units(demand));
                    if (e == null) {
                        failed.put(id, new BatchResult.Failure(id, packageNo, "invalid_bundle", cycle(packageNo)));
                        return null;
                    }
                    demand = needs(e.units());
                    reserved = e.reserved();
                }
                return new Candidate(id, packageNo, orderId, status, version, warehouses.get(0), demand, reserved);
            }

            @Override
            public void close() throws SQLException {
                try (read; lines) {
                    // closes both statements
                }
            }
        }
    }

    /**
     * Runs {@code work} for every index in [0, tasks), each once, on the calling thread and up to {@link #HELPERS}
     * helper threads, and returns when all have run. After the first failure the remaining indexes are skipped and
     * the failure is thrown.
     */
    private void inParallel(int tasks, java.util.function.IntConsumer work) {
        if (tasks == 0) {
            return;
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(tasks);
        java.util.concurrent.atomic.AtomicReference<Throwable> error = new java.util.concurrent.atomic.AtomicReference<>();
        Runnable loop = () -> {
            for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
                try {
                    if (error.get() == null) {
                        work.accept(i);
                    }
                } catch (Throwable t) {
                    error.compareAndSet(null, t);
                } finally {
                    done.countDown();
                }
            }
        };
        for (int h = 0; h < Math.min(HELPERS, tasks - 1); h++) {
            try {
                helpers().execute(loop);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                break; // shutting down: the calling thread does it all
            }
        }
        loop.run();
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable t = error.get();
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }

    private java.util.concurrent.ThreadPoolExecutor helpers() {
        synchronized (this) {
            if (helpers == null) {
                java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
                helpers = new java.util.concurrent.ThreadPoolExecutor(HELPERS, HELPERS, 30,
                        java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.LinkedBlockingQueue<>(), r -> {
                            Thread t = new Thread(r, "waybill-allocate-" + n.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
                helpers.allowCoreThreadTimeOut(true);
            }
            return helpers;
        }
    }

    @org.osgi.service.component.annotations.Deactivate
    void deactivate() {
        synchronized (this) {
            if (helpers != null) {
                helpers.shutdown();
            }
        }
    }

    /** Rolls a chunk's transaction back: its packages are allocated again one package per transaction. */
    private static final class SlowPath extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SlowPath() {
            super(null, null, false, false);
        }
    }

    /** A package read for the fast path: its demand in plain SKUs and what its bundle lines will reserve. */
    private record Candidate(long id, String packageNo, long orderId, PackageStatus status, long version,
                             long warehouse, List<Need> needs, List<Kits.Reserved> reserved) {
    }

    private static List<Kits.Units> units(List<Need> needs) {
        return needs.stream().map(n -> new Kits.Units(n.skuId(), n.skuCode(), n.quantity())).toList();
    }

    private static List<Need> needs(List<Kits.Units> units) {
        return units.stream().map(u -> new Need(u.skuId(), u.code(), u.quantity())).toList();
    }

    private static String cycle(String packageNo) {
        return "A bundle of package " + packageNo + " contains itself (through other bundles); fix its components "
                + "in the catalogue.";
    }

    @Override
    public BatchResult voidPackages(List<Long> packageIds, String reason, String actor) {
        authorizer.require(actor, Permission.VOID);
        checkBatch(packageIds);
        String why = TextRules.requireReason(reason, MAX_REASON);
        String who = actor(actor);
        List<Long> done = new ArrayList<>();
        List<BatchResult.Failure> failures = new ArrayList<>();
        for (Long id : packageIds) {
            try {
                String carrierNote = cancelAtCarrier(id);
                Jdbc.inTransaction(ds, c -> {
                    voidOne(c, id, carrierNote == null ? why : why + " (" + carrierNote + ")", who);
                    return null;
                });
                done.add(id);
            } catch (Refusal r) {
                failures.add(new BatchResult.Failure(id, r.packageNo, r.code, r.getMessage()));
            }
        }
        return new BatchResult(packageIds.size(), done, failures);
    }

    @Override
    public BatchResult markPrinted(List<Long> packageIds, String actor) {
        authorizer.require(actor, Permission.MARK_PRINTED);
        checkBatch(packageIds);
        String who = actor(actor);
        List<Long> done = new ArrayList<>();
        List<BatchResult.Failure> failures = new ArrayList<>();
        for (Long id : packageIds) {
            try {
                Jdbc.inTransaction(ds, c -> {
                    Claimed p = claim(c, id, PackageStatus.PRINTED);
                    Instant now = clock.instant();
                    try (PreparedStatement ps = c.prepareStatement("UPDATE WB_PACKAGE SET STATUS = 'PRINTED', "
                            + "PRINT_COUNT = PRINT_COUNT + 1, UPDATED_AT = ? WHERE ID = ?")) {
                        ps.setTimestamp(1, Timestamp.from(now));
                        ps.setLong(2, id);
                        ps.executeUpdate();
                    }
                    Jdbc.audit(c, id, p.orderId(), who, now, p.status() == PackageStatus.PRINTED ? "REPRINTED"
                            : "PRINTED", p.status().name(), PackageStatus.PRINTED.name(), null);
                    return null;
                });
                done.add(id);
            } catch (Refusal r) {
                failures.add(new BatchResult.Failure(id, r.packageNo, r.code, r.getMessage()));
            }
        }
        return new BatchResult(packageIds.size(), done, failures);
    }

    private List<Shortage> allocateOne(Connection c, long id, String actor, Map<Long, List<Long>> warehousesByStore,
                                       Kits kits) throws SQLException {
        Claimed p = claim(c, id, PackageStatus.ALLOCATED);
        List<Need> needs = needs(c, p.orderId());
        if (needs.isEmpty()) {
            throw new Refusal("no_lines", p.packageNo(), "Package " + p.packageNo() + " has no order lines.");
        }
        List<Kits.Reserved> reserved = List.of();
        if (!kits.isEmpty() && needs.stream().anyMatch(n -> kits.isBundle(n.skuId()))) {
            // a bundle line needs its components: the warehouse chosen below is one that has all of them
            Kits.Expanded e = kits.expand(units(needs));
            if (e == null) {
                throw new Refusal("invalid_bundle", p.packageNo(), cycle(p.packageNo()));
            }
            needs = needs(e.units());
            reserved = e.reserved();
        }
        List<Long> warehouses = warehousesByStore.get(p.storeId());
        if (warehouses == null) {
            warehouses = warehousesOf(c, p.storeId());
            warehousesByStore.put(p.storeId(), warehouses);
        }
        if (warehouses.isEmpty()) {
            throw new Refusal("no_warehouse", p.packageNo(),
                    "The store of package " + p.packageNo() + " has no warehouse assigned.");
        }
        Instant now = clock.instant();
        for (long warehouse : warehouses) {
            if (tryReserve(c, warehouse, needs)) {
                setStatus(c, p, PackageStatus.ALLOCATED, warehouse, now);
                deleteShortages(c, id);
                if (!reserved.isEmpty()) {
                    Kits.record(c, id, reserved);
                }
                Jdbc.audit(c, id, p.orderId(), actor, now, "ALLOCATED", p.status().name(),
                        PackageStatus.ALLOCATED.name(), "Warehouse " + warehouseCode(c, warehouse));
                return List.of();
            }
        }
        List<Shortage> shortages = bestShortages(c, warehouses, needs);
        setStatus(c, p, PackageStatus.OUT_OF_STOCK, null, now);
        deleteShortages(c, id);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO WB_PACKAGE_SHORTAGE (PACKAGE_ID, SKU_ID, REQUIRED, AVAILABLE) VALUES (?, ?, ?, ?)")) {
            Map<String, Long> skuIds = needs.stream().collect(Collectors.toMap(Need::skuCode, Need::skuId));
            for (Shortage s : shortages) {
                ps.setLong(1, id);
                ps.setLong(2, skuIds.get(s.skuCode()));
                ps.setInt(3, s.required());
                ps.setInt(4, s.available());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        Jdbc.audit(c, id, p.orderId(), actor, now, "OUT_OF_STOCK", p.status().name(),
                PackageStatus.OUT_OF_STOCK.name(), describe(shortages));
        return shortages;
    }

    /**
     * Cancels the package's shipment at its carrier before voiding, when one exists and has not shipped.
     * Returns a note for the audit log, or null when there was nothing to cancel.
     *
     * @throws Refusal when the carrier refuses (the package is not voided)
     */
    private String cancelAtCarrier(long id) {
        String[] shipment = Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT PACKAGE_NO, STATUS, CARRIER_ID, "
                    + "CARRIER_SHIPMENT_ID, TRACKING_NO FROM WB_PACKAGE WHERE ID = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new String[] {rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5)} : null;
                }
            }
        });
        if (shipment == null || shipment[2] == null || (shipment[3] == null && shipment[4] == null)
                || PackageLifecycle.LEFT_WAREHOUSE.contains(PackageStatus.valueOf(shipment[1]))
                || PackageStatus.valueOf(shipment[1]) == PackageStatus.VOIDED) {
            return null;
        }
        Result<Boolean> r = carrierCancel.cancel(shipment[2], new ShipmentRef(shipment[3], shipment[4]));
        if (!r.isOk()) {
            String why = r.messages().stream().map(m -> m.text().isBlank() ? m.code() : m.text())
                    .collect(Collectors.joining("; "));
            throw new Refusal("carrier_refused", shipment[0], "The carrier " + shipment[2] + " refused to cancel "
                    + "the shipment of package " + shipment[0] + ": " + why + ". The package was not voided.");
        }
        return "shipment " + (shipment[4] != null ? shipment[4] : shipment[3]) + " cancelled at " + shipment[2];
    }

    private void voidOne(Connection c, long id, String reason, String actor) throws SQLException {
        Claimed p = claim(c, id, PackageStatus.VOIDED);
        Instant now = clock.instant();
        if (PackageLifecycle.HOLDS_RESERVATION.contains(p.status()) && p.warehouseId() != null) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE WB_STOCK SET RESERVED = RESERVED - ?, "
                    + "VERSION = VERSION + 1 WHERE WAREHOUSE_ID = ? AND SKU_ID = ? AND RESERVED >= ?")) {
                // what the package holds: bundle lines as the components they reserved at allocation
                for (Need n : needs(Kits.held(c, id, p.orderId()))) {
                    ps.setInt(1, n.quantity());
                    ps.setLong(2, p.warehouseId());
                    ps.setLong(3, n.skuId());
                    ps.setInt(4, n.quantity());
                    if (ps.executeUpdate() != 1) {
                        throw new IllegalStateException("Reserved stock of " + n.skuCode() + " is lower than package "
                                + p.packageNo() + " holds; stock data is inconsistent");
                    }
                }
            }
        }
        setStatus(c, p, PackageStatus.VOIDED, p.warehouseId(), now);
        deleteShortages(c, id);
        // the shipment is cancelled: its carrier label must never print again
        io.waybill.core.internal.persistence.CarrierLabels.delete(c, id);
        try (PreparedStatement ps = c.prepareStatement("UPDATE WB_CARRIER_JOB SET STATE = 'CANCELLED', "
                + "UPDATED_AT = ? WHERE PACKAGE_ID = ? AND STATE = 'QUEUED'")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setLong(2, id);
            ps.executeUpdate();
        }
        Jdbc.audit(c, id, p.orderId(), actor, now, "VOIDED", p.status().name(), PackageStatus.VOIDED.name(), reason);
    }

    /** Reads the package and takes its row lock, refusing illegal transitions. */
    private Claimed claim(Connection c, long id, PackageStatus target) throws SQLException {
        Claimed p;
        try (PreparedStatement ps = c.prepareStatement("SELECT p.PACKAGE_NO, p.ORDER_ID, o.STORE_ID, p.STATUS, "
                + "p.WAREHOUSE_ID FROM WB_PACKAGE p JOIN WB_ORDER o ON o.ID = p.ORDER_ID WHERE p.ID = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new Refusal("unknown_package", String.valueOf(id), "No package with id " + id + ".");
                }
                long wh = rs.getLong(5);
                Long warehouse = rs.wasNull() ? null : wh;
                p = new Claimed(id, rs.getString(1), rs.getLong(2), rs.getLong(3),
                        PackageStatus.valueOf(rs.getString(4)), warehouse);
            }
        }
        try {
            PackageLifecycle.check(p.packageNo(), p.status(), target);
        } catch (OperationRefusedException e) {
            throw new Refusal(e.code(), p.packageNo(), e.getMessage());
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE WB_PACKAGE SET VERSION = VERSION + 1 WHERE ID = ? AND STATUS = ?")) {
            ps.setLong(1, id);
            ps.setString(2, p.status().name());
            if (ps.executeUpdate() != 1) {
                throw new Refusal("concurrent_change", p.packageNo(), "Package " + p.packageNo()
                        + " was changed by someone else at the same time; refresh and try again.");
            }
        }
        return p;
    }

    private static void setStatus(Connection c, Claimed p, PackageStatus status, Long warehouse, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE WB_PACKAGE SET STATUS = ?, WAREHOUSE_ID = ?, UPDATED_AT = ? WHERE ID = ?")) {
            ps.setString(1, status.name());
            if (warehouse == null) {
                ps.setNull(2, java.sql.Types.BIGINT);
            } else {
                ps.setLong(2, warehouse);
            }
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setLong(4, p.id());
            ps.executeUpdate();
        }
    }

    private static List<Need> needs(Connection c, long orderId) throws SQLException {
        List<Need> needs = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT l.SKU_ID, s.CODE, SUM(l.QUANTITY) FROM WB_ORDER_LINE l "
                + "JOIN WB_SKU s ON s.ID = l.SKU_ID WHERE l.ORDER_ID = ? GROUP BY l.SKU_ID, s.CODE ORDER BY l.SKU_ID")) {
            ps.setLong(1, orderId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    needs.add(new Need(rs.getLong(1), rs.getString(2), rs.getInt(3)));
                }
            }
        }
        return needs;
    }

    private static List<Long> warehousesOf(Connection c, long storeId) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT sw.WAREHOUSE_ID FROM WB_STORE_WAREHOUSE sw JOIN WB_WAREHOUSE w ON w.ID = sw.WAREHOUSE_ID "
                        + "WHERE sw.STORE_ID = ? AND w.ENABLED = TRUE ORDER BY sw.PRIORITY, sw.WAREHOUSE_ID")) {
            ps.setLong(1, storeId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /** Reserves every need in one warehouse, or nothing (savepoint). Lines are locked in SKU id order. */
    private static boolean tryReserve(Connection c, long warehouse, List<Need> needs) throws SQLException {
        Savepoint sp = c.setSavepoint();
        try (PreparedStatement ps = c.prepareStatement("UPDATE WB_STOCK SET RESERVED = RESERVED + ?, "
                + "VERSION = VERSION + 1 WHERE WAREHOUSE_ID = ? AND SKU_ID = ? AND ON_HAND - RESERVED >= ?")) {
            for (Need n : needs) {
                ps.setInt(1, n.quantity());
                ps.setLong(2, warehouse);
                ps.setLong(3, n.skuId());
                ps.setInt(4, n.quantity());
                if (ps.executeUpdate() != 1) {
                    c.rollback(sp);
                    return false;
                }
            }
        }
        c.releaseSavepoint(sp);
        return true;
    }

    /** Shortages in the warehouse that misses the fewest units (ties: store priority). */
    private static List<Shortage> bestShortages(Connection c, List<Long> warehouses, List<Need> needs)
            throws SQLException {
        List<Shortage> best = null;
        int bestMissing = Integer.MAX_VALUE;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT ON_HAND - RESERVED FROM WB_STOCK WHERE WAREHOUSE_ID = ? AND SKU_ID = ?")) {
            for (long warehouse : warehouses) {
                List<Shortage> shortages = new ArrayList<>();
                int missing = 0;
                for (Need n : needs) {
                    ps.setLong(1, warehouse);
                    ps.setLong(2, n.skuId());
                    int available = 0;
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            available = Math.max(0, rs.getInt(1));
                        }
                    }
                    if (available < n.quantity()) {
                        shortages.add(new Shortage(n.skuCode(), n.quantity(), available));
                        missing += n.quantity() - available;
                    }
                }
                if (missing < bestMissing) {
                    best = shortages;
                    bestMissing = missing;
                }
            }
        }
        return best == null ? List.of() : best;
    }

    private static void deleteShortages(Connection c, long packageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM WB_PACKAGE_SHORTAGE WHERE PACKAGE_ID = ?")) {
            ps.setLong(1, packageId);
            ps.executeUpdate();
        }
    }

    private static String warehouseCode(Connection c, long warehouse) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT CODE FROM WB_WAREHOUSE WHERE ID = ?")) {
            ps.setLong(1, warehouse);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : String.valueOf(warehouse);
            }
        }
    }

    private String packageNo(long id) {
        return Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT PACKAGE_NO FROM WB_PACKAGE WHERE ID = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : String.valueOf(id);
                }
            }
        });
    }

    static String describe(List<Shortage> shortages) {
        Map<String, Integer> missing = new LinkedHashMap<>();
        shortages.forEach(s -> missing.put(s.skuCode(), s.missing()));
        return missing.entrySet().stream().map(e -> e.getKey() + " missing " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static void checkBatch(List<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            throw new OperationRefusedException("empty_selection", "Select at least one package.");
        }
        if (ids.size() > MAX_BATCH) {
            throw new OperationRefusedException("batch_too_large",
                    "At most " + MAX_BATCH + " packages per batch (" + ids.size() + " selected).");
        }
    }

    private static String actor(String actor) {
        return actor == null || actor.isBlank() ? "system" : actor.strip();
    }
}
