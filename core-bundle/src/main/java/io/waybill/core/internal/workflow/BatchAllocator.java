package io.waybill.core.internal.workflow;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.internal.lifecycle.PackageLifecycle;
import io.waybill.core.internal.lifecycle.StatusGate;
import io.waybill.core.internal.persistence.PackageContents;
import io.waybill.core.internal.persistence.Jdbc;
import io.waybill.core.internal.workers.WorkerPool;
import io.waybill.core.model.BatchResult;
import io.waybill.core.model.Reason;
import io.waybill.core.model.PackageStatus;
import io.waybill.core.model.Shortage;
import io.waybill.core.internal.workflow.PackageRows.Claimed;
import io.waybill.core.internal.workflow.PackageRows.Refusal;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

/**
 * Allocates a batch of packages: loads each package, its order lines, its store's warehouses and the stock, asks the
 * {@link AllocationPolicy} and writes its answer in short JDBC transactions. Stock is reserved with conditional
 * updates ({@code ... WHERE ON_HAND - RESERVED >= qty}), which the database serialises per stock row: no oversell
 * under concurrency, on Derby and PostgreSQL alike, without JVM locks.
 *
 * <p>Large batches run in three steps:
 * <ol>
 * <li><b>read</b> every package and its order lines, in chunks, on the calling thread and the helper threads;</li>
 * <li><b>plan</b>: the stock available now in each package's preferred warehouse is read once per (warehouse, SKU);
 * the longest run of the selection, from its start, whose demand fits that stock is the <i>fitting prefix</i>
 * ({@link AllocationPolicy#fittingPrefix});</li>
 * <li><b>write</b> the fitting prefix in chunks, in parallel (one transaction per chunk, see {@link #writeChunk});
 * then, on the calling thread and in selection order, the packages a chunk could not take (changed since read, or
 * stock taken meanwhile by another batch) one by one, and the rest of the selection chunk by chunk with the same
 * fallback.</li>
 * </ol>
 * So when stock is scarce it goes to the packages selected first, exactly as if they were allocated one by one;
 * parallelism is used only where the plan says every package fits.
 */
final class BatchAllocator {
    /** Packages read together, and allocated together in one transaction when taken in selection order. */
    static final int CHUNK = 50;
    /**
     * Packages written together in one transaction when the plan says they all fit: one reservation per (warehouse,
     * SKU) serves the whole chunk, so larger chunks mean fewer stock updates and commits per package.
     */
    static final int WRITE_CHUNK = 200;
    /** Threads that help the calling thread with a large allocation batch (the caller works too). */
    static final int HELPERS = Math.max(1, Math.min(3, Runtime.getRuntime().availableProcessors() - 1));
    /** A package decided again when the stock it was decided on changed before its reservation: at most this often. */
    static final int ATTEMPTS = 10;

    /** The fast path's claim of a package read earlier: guarded by the status and the version read. */
    private static final StatusGate CLAIM = StatusGate.to(PackageStatus.ALLOCATED)
            .set("WAREHOUSE_ID = ?, UPDATED_AT = ?").where("STATUS = ? AND VERSION = ?");

    private final DataSource ds;
    private final Clock clock;
    private final AllocationPolicy policy;
    private final WorkerPool workers;
    /** Opened on the first large batch; its threads end after 30 s idle. */
    private ExecutorService helpers;

    BatchAllocator(DataSource ds, Clock clock, AllocationPolicy policy, WorkerPool workers) {
        this.ds = ds;
        this.clock = clock;
        this.policy = policy;
        this.workers = workers;
    }

    /** Allocates the packages (each once, in selection order); the failures by package id. */
    BatchResult allocate(List<Long> packageIds, String who) {
        // a package selected twice is allocated once and reported once
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(packageIds));
        Run run = new Run(who);
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

    /** Closes the helper threads. */
    void close() {
        ExecutorService h;
        synchronized (this) {
            h = helpers;
            helpers = null;
        }
        if (h != null) {
            workers.close(h, Duration.ofSeconds(30));
        }
    }

    /** One allocation batch. */
    private final class Run {
        final String who;
        final Map<Long, List<Long>> warehousesByStore = new ConcurrentHashMap<>();
        final Map<Long, String> warehouseCodes = new ConcurrentHashMap<>();
        final Map<Long, BatchResult.Failure> failed = new ConcurrentHashMap<>();
        /** The bundles' components as stored when the batch starts (packages record what they reserved). */
        final Kits kits;
        /** The enabled warehouses when the batch starts (a rule-assigned warehouse is tried only when enabled). */
        final Set<Long> enabled;

        Run(String who) {
            this.who = who;
            this.kits = Jdbc.inTransaction(ds, Kits::load);
            this.enabled = Jdbc.inTransaction(ds, BatchAllocator::enabledWarehouses);
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
                        read[i] = reader.read(ids.get(i));
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
            Set<Long> again = ConcurrentHashMap.newKeySet();
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
                                Candidate p = reader.read(id);
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

        /** The packages selected first whose demand fits the stock available now in their preferred warehouse. */
        int fittingPrefix(Candidate[] read) {
            List<AllocationPolicy.Planned> selection = new ArrayList<>(read.length);
            for (Candidate p : read) {
                selection.add(p == null ? null : p.plan());
            }
            Map<List<Long>, Integer> available = new HashMap<>();
            List<List<Long>> keys = policy.stockKeys(selection);
            Jdbc.inTransaction(ds, c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT ON_HAND - RESERVED FROM WB_STOCK WHERE WAREHOUSE_ID = ? AND SKU_ID = ?")) {
                    for (List<Long> key : keys) {
                        ps.setLong(1, key.get(0));
                        ps.setLong(2, key.get(1));
                        try (ResultSet rs = ps.executeQuery()) {
                            available.put(key, rs.next() ? rs.getInt(1) : 0);
                        }
                    }
                }
                return null;
            });
            return policy.fittingPrefix(selection, (warehouse, sku) ->
                    available.getOrDefault(List.of(warehouse, sku), 0));
        }

        void alone(long id) {
            try {
                List<Shortage> shortages = Jdbc.inTransaction(ds, c -> allocateOne(c, id));
                if (shortages.isEmpty()) {
                    failed.remove(id);
                } else {
                    failed.put(id, BatchResult.Failure.of(id, packageNo(id),
                            AllocationPolicy.reason(Reason.OUT_OF_STOCK, shortages)));
                }
            } catch (Refusal r) {
                failed.put(id, r.failure(id));
            }
        }

        /** One package in its own transaction: claim, ask the policy, reserve or record the shortages. */
        private List<Shortage> allocateOne(Connection c, long id) throws SQLException {
            Claimed p = PackageRows.claim(c, id, PackageStatus.ALLOCATED);
            AllocationPolicy.Planning planning = policy.plan(p.packageNo(), PackageRows.lines(c, p.id()), kits,
                    warehouses(c, p.storeId()), p.ruleWarehouseId(), enabled);
            if (planning instanceof AllocationPolicy.Refused r) {
                throw new Refusal(r.code(), p.packageNo(), r.message(), r.params());
            }
            AllocationPolicy.Planned plan = (AllocationPolicy.Planned) planning;
            Instant now = clock.instant();
            for (int attempt = 1; ; attempt++) {
                AllocationPolicy.Decision decision;
                try {
                    decision = policy.decide(plan, stockOf(c));
                } catch (StockReadFailed e) {
                    throw e.getCause(); // a deadlock victim is retried by Jdbc.inTransaction
                }
                if (decision instanceof AllocationPolicy.Allocate a) {
                    if (!tryReserve(c, a.warehouseId(), a.demand().lines())) {
                        // taken by another transaction since read: decide again on the stock as it is now
                        if (attempt == ATTEMPTS) {
                            throw PackageRows.concurrentChange(p.packageNo());
                        }
                        continue;
                    }
                    PackageRows.move(c, p, PackageStatus.ALLOCATED, a.warehouseId(), now);
                    PackageRows.deleteShortages(c, id);
                    if (!a.demand().components().isEmpty()) {
                        Kits.record(c, id, a.demand().components());
                    }
                    Jdbc.audit(c, id, p.orderId(), who, now, "ALLOCATED", p.status().name(),
                            PackageStatus.ALLOCATED.name(), Reason.of(Reason.WAREHOUSE, warehouseCode(c, a.warehouseId())));
                    return List.of();
                }
                AllocationPolicy.OutOfStock oos = (AllocationPolicy.OutOfStock) decision;
                List<Shortage> shortages = oos.shortages();
                PackageRows.move(c, p, PackageStatus.OUT_OF_STOCK, null, now);
                PackageRows.deleteShortages(c, id);
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO WB_PACKAGE_SHORTAGE (PACKAGE_ID, SKU_ID, REQUIRED, AVAILABLE) VALUES (?, ?, ?, ?)")) {
                    Map<String, Long> skuIds = oos.demand().lines().stream()
                            .collect(Collectors.toMap(AllocationPolicy.Line::skuCode, AllocationPolicy.Line::skuId));
                    for (Shortage s : shortages) {
                        ps.setLong(1, id);
                        ps.setLong(2, skuIds.get(s.skuCode()));
                        ps.setInt(3, s.required());
                        ps.setInt(4, s.available());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                Jdbc.audit(c, id, p.orderId(), who, now, "OUT_OF_STOCK", p.status().name(),
                        PackageStatus.OUT_OF_STOCK.name(), AllocationPolicy.reason(Reason.SHORTAGES, shortages));
                return shortages;
            }
        }

        /** The store's enabled warehouses by priority, read once per batch. */
        private List<Long> warehouses(Connection c, long storeId) throws SQLException {
            List<Long> warehouses = warehousesByStore.get(storeId);
            if (warehouses == null) {
                warehouses = warehousesOf(c, storeId);
                warehousesByStore.put(storeId, warehouses);
            }
            return warehouses;
        }

        private String warehouseCode(Connection c, long warehouse) throws SQLException {
            String code = warehouseCodes.get(warehouse);
            if (code == null) {
                code = BatchAllocator.warehouseCode(c, warehouse);
                warehouseCodes.put(warehouse, code);
            }
            return code;
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
            sorted.sort(Comparator.comparingLong(Candidate::id));
            Instant now = clock.instant();
            List<Long> again = new ArrayList<>();
            List<Candidate> claimed = new ArrayList<>();
            Map<Long, Map<Long, Integer>> demand = new TreeMap<>();
            try (PreparedStatement claim = CLAIM.prepare(c)) {
                for (Candidate p : sorted) {
                    claim.setLong(1, p.warehouse());
                    claim.setTimestamp(2, Timestamp.from(now));
                    claim.setString(3, p.status().name());
                    claim.setLong(4, p.version());
                    if (!CLAIM.apply(claim, p.id())) {
                        again.add(p.id());
                        continue;
                    }
                    Map<Long, Integer> perSku = demand.computeIfAbsent(p.warehouse(), w -> new TreeMap<>());
                    for (AllocationPolicy.Line n : p.demand().lines()) {
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
                         + "ACTOR, OCCURRED_AT, ACTION, FROM_STATUS, TO_STATUS, REASON, REASON_CODE, REASON_PARAMS) "
                         + "VALUES (?, ?, ?, ?, 'ALLOCATED', ?, 'ALLOCATED', ?, ?, ?)")) {
                boolean deletes = false;
                for (Candidate p : claimed) {
                    if (p.status() == PackageStatus.OUT_OF_STOCK) {
                        shortages.setLong(1, p.id());
                        shortages.addBatch();
                        deletes = true;
                    }
                    audit.setLong(1, p.id());
                    audit.setLong(2, p.orderId());
                    audit.setString(3, who);
                    audit.setTimestamp(4, Timestamp.from(now));
                    audit.setString(5, p.status().name());
                    Reason reason = Reason.of(Reason.WAREHOUSE, warehouseCode(c, p.warehouse()));
                    audit.setString(6, reason.english());
                    audit.setString(7, reason.code());
                    audit.setString(8, reason.encodedParams());
                    audit.addBatch();
                }
                if (deletes) {
                    shortages.executeBatch();
                }
                audit.executeBatch();
            }
            for (Candidate p : claimed) {
                if (!p.demand().components().isEmpty()) {
                    Kits.record(c, p.id(), p.demand().components());
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
                this.read = c.prepareStatement("SELECT p.PACKAGE_NO, p.ORDER_ID, o.STORE_ID, p.STATUS, p.VERSION, "
                        + "p.RULE_WAREHOUSE_ID, p.MERGE_SIZE, p.SPLIT_LINES FROM WB_PACKAGE p JOIN WB_ORDER o ON o.ID = p.ORDER_ID "
                        + "WHERE p.ID = ?");
                this.lines = c.prepareStatement("SELECT SKU_ID, QUANTITY FROM WB_ORDER_LINE WHERE ORDER_ID = ?");
            }

            /** The package read (version first, then its lines), or null when it cannot be allocated. */
            Candidate read(long id) throws SQLException {
                String packageNo;
                long orderId;
                long storeId;
                PackageStatus status;
                long version;
                Long ruleWarehouse;
                boolean merged;
                boolean split;
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
                    long rw = rs.getLong(6);
                    ruleWarehouse = rs.wasNull() ? null : rw;
                    merged = rs.getInt(7) > 0;
                    split = rs.getInt(8) > 0;
                }
                try {
                    PackageLifecycle.check(packageNo, status, PackageStatus.ALLOCATED);
                } catch (OperationRefusedException e) {
                    failed.put(id, new BatchResult.Failure(id, packageNo, e.code(), e.getMessage(), e.params()));
                    return null;
                }
                List<AllocationPolicy.Line> orderLines = new ArrayList<>();
                if (merged || split) {
                    // a merge (MERGE_SIZE > 0) contains the lines of the orders merged into it too, a package of a
                    // split order (SPLIT_LINES, V33) only its share of its order's lines (PackageContents)
                    for (PackageContents.Line l : PackageContents.lines(c, id)) {
                        orderLines.add(new AllocationPolicy.Line(l.skuId(), null, l.quantity()));
                    }
                } else {
                    lines.setLong(1, orderId);
                    try (ResultSet rs = lines.executeQuery()) {
                        while (rs.next()) {
                            orderLines.add(new AllocationPolicy.Line(rs.getLong(1), null, rs.getInt(2)));
                        }
                    }
                }
                AllocationPolicy.Planning planning = policy.plan(packageNo, orderLines, kits, warehouses(c, storeId),
                        ruleWarehouse, enabled);
                if (planning instanceof AllocationPolicy.Refused r) {
                    failed.put(id, new BatchResult.Failure(id, packageNo, r.code(), r.message(), r.params()));
                    return null;
                }
                return new Candidate(id, packageNo, orderId, status, version, (AllocationPolicy.Planned) planning);
            }

            @Override
            public void close() throws SQLException {
                try (read; lines) {
                    // closes both statements
                }
            }
        }
    }

    /** Stock available now, read from the database on demand (once per warehouse and SKU). */
    static AllocationPolicy.Stock stockOf(Connection c) {
        Map<List<Long>, Integer> read = new HashMap<>();
        return (warehouse, sku) -> read.computeIfAbsent(List.of(warehouse, sku), k -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT ON_HAND - RESERVED FROM WB_STOCK WHERE WAREHOUSE_ID = ? AND SKU_ID = ?")) {
                ps.setLong(1, warehouse);
                ps.setLong(2, sku);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            } catch (SQLException e) {
                throw new StockReadFailed(e);
            }
        });
    }

    /** Carries a stock read's SQLException out of the policy's callback (unwrapped around the call). */
    private static final class StockReadFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StockReadFailed(SQLException e) {
            super(e);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }

    static Set<Long> enabledWarehouses(Connection c) throws SQLException {
        Set<Long> ids = new java.util.HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ID FROM WB_WAREHOUSE WHERE ENABLED = TRUE");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    static List<Long> warehousesOf(Connection c, long storeId) throws SQLException {
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
    private static boolean tryReserve(Connection c, long warehouse, List<AllocationPolicy.Line> needs)
            throws SQLException {
        Savepoint sp = c.setSavepoint();
        try (PreparedStatement ps = c.prepareStatement("UPDATE WB_STOCK SET RESERVED = RESERVED + ?, "
                + "VERSION = VERSION + 1 WHERE WAREHOUSE_ID = ? AND SKU_ID = ? AND ON_HAND - RESERVED >= ?")) {
            for (AllocationPolicy.Line n : needs) {
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

    /**
     * Runs {@code work} for every index in [0, tasks), each once, on the calling thread and up to {@link #HELPERS}
     * helper threads, and returns when all have run. After the first failure the remaining indexes are skipped and
     * the failure is thrown.
     */
    private void inParallel(int tasks, IntConsumer work) {
        if (tasks == 0) {
            return;
        }
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(tasks);
        AtomicReference<Throwable> error = new AtomicReference<>();
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
            } catch (RejectedExecutionException | IllegalStateException e) {
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

    private ExecutorService helpers() {
        synchronized (this) {
            if (helpers == null) {
                helpers = workers.elastic("allocate", HELPERS, Duration.ofSeconds(30));
            }
            return helpers;
        }
    }

    /** Rolls a chunk's transaction back: its packages are allocated again one package per transaction. */
    private static final class SlowPath extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SlowPath() {
            super(null, null, false, false);
        }
    }

    /** A package read for the fast path, planned in its preferred warehouse. */
    private record Candidate(long id, String packageNo, long orderId, PackageStatus status, long version,
                             AllocationPolicy.Planned plan) {
        long warehouse() {
            return plan.preferred();
        }

        AllocationPolicy.Demand demand() {
            return plan.demand();
        }
    }
}
