package io.waybill.core.internal.workflow;

import io.waybill.core.api.BulkActionService;
import io.waybill.core.api.CarrierUploadService;
import io.waybill.core.api.FulfilmentService;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.PackageService;
import io.waybill.core.api.Permission;
import io.waybill.core.internal.db.Database;
import io.waybill.core.internal.persistence.Jdbc;
import io.waybill.core.internal.security.Authorizer;
import io.waybill.core.internal.workers.WorkerPool;
import io.waybill.core.model.BatchResult;
import io.waybill.core.model.BulkRun;
import io.waybill.core.model.PackageSelection;
import io.waybill.core.model.Reason;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The runs of batch actions over whole selections ({@link BulkActionService}): checks a run before it starts
 * (permission, reason, one run per action), then runs it on its own worker thread ({@code waybill-bulk-<n>}) as a
 * {@link SelectionRun} over the package service's keyset pages, in chunks of {@link #CHUNK} (a page; the action's
 * own transactions inside it). Runs are kept in memory: the latest of each action until the next one starts (a
 * restart of the core forgets them; what they did is in each package's history).
 */
@Component(service = BulkActionService.class)
public class BulkRuns implements BulkActionService {

    /** Packages per chunk: one keyset page, handed to the action as one batch. */
    static final int CHUNK = 1000;

    /** The action's call for one chunk. */
    @FunctionalInterface
    interface Action {
        BatchResult apply(List<Long> ids, String reason, String actor);
    }

    private final PackageService packages;
    private final Map<BulkRun.Kind, Action> actions;
    private final Function<List<Long>, Map<Long, String>> numbers;
    private final Executor executor;
    private final Runnable close;
    private final Clock clock;
    private final int chunk;
    private final AtomicLong ids = new AtomicLong();
    /** The latest run of each action. */
    private final Map<BulkRun.Kind, SelectionRun> latest = new EnumMap<>(BulkRun.Kind.class);
    private volatile Authorizer authorizer;

    @Reference
    public void setAuthorizer(Authorizer authorizer) {
        this.authorizer = authorizer;
    }

    @Activate
    public BulkRuns(@Reference Database db, @Reference PackageService packages,
                    @Reference FulfilmentService fulfilment, @Reference CarrierUploadService carriers,
                    @Reference WorkerPool workers) {
        this(packages, actions(fulfilment, carriers), numbers(db.dataSource()), workers,
                workers.elastic("bulk", BulkRun.Kind.values().length, Duration.ofMinutes(1)), Clock.systemUTC(), CHUNK);
    }

    private BulkRuns(PackageService packages, Map<BulkRun.Kind, Action> actions,
                     Function<List<Long>, Map<Long, String>> numbers, WorkerPool workers, ExecutorService executor,
                     Clock clock, int chunk) {
        this(packages, actions, numbers, executor, () -> workers.close(executor, Duration.ofSeconds(30)), clock, chunk);
    }

    /** Tests: the actions, where runs run and the chunk size. */
    BulkRuns(PackageService packages, Map<BulkRun.Kind, Action> actions,
             Function<List<Long>, Map<Long, String>> numbers, Executor executor, Runnable close, Clock clock,
             int chunk) {
        this.packages = packages;
        this.actions = Map.copyOf(actions);
        this.numbers = numbers;
        this.executor = executor;
        this.close = close;
        this.clock = clock;
        this.chunk = chunk;
    }

    /** The core's services as the actions of runs (each checks its permission and batch again per chunk). */
    static Map<BulkRun.Kind, Action> actions(FulfilmentService fulfilment, CarrierUploadService carriers) {
        Map<BulkRun.Kind, Action> out = new EnumMap<>(BulkRun.Kind.class);
        out.put(BulkRun.Kind.ALLOCATE, (ids, reason, actor) -> fulfilment.allocate(ids, actor));
        out.put(BulkRun.Kind.VOID, (ids, reason, actor) -> fulfilment.voidPackages(ids, reason, actor));
        out.put(BulkRun.Kind.MARK_PRINTED, (ids, reason, actor) -> fulfilment.markPrinted(ids, actor));
        if (carriers != null) {
            out.put(BulkRun.Kind.UPLOAD, (ids, reason, actor) -> carriers.upload(ids, actor));
        }
        return out;
    }

    /** Package numbers by id, one short read. */
    static Function<List<Long>, Map<Long, String>> numbers(DataSource ds) {
        return ids -> Jdbc.inTransaction(ds, c -> {
            Map<Long, String> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT PACKAGE_NO FROM WB_PACKAGE WHERE ID = ?")) {
                for (Long id : ids) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            out.put(id, rs.getString(1));
                        }
                    }
                }
            }
            return out;
        });
    }

    static Permission permission(BulkRun.Kind kind) {
        return switch (kind) {
            case ALLOCATE -> Permission.ALLOCATE;
            case UPLOAD -> Permission.UPLOAD_TO_CARRIER;
            case VOID -> Permission.VOID;
            case MARK_PRINTED -> Permission.MARK_PRINTED;
        };
    }

    @Override
    public BulkRun start(BulkRun.Kind kind, PackageSelection selection, String reason, String actor) {
        if (kind == null || selection == null) {
            throw new IllegalArgumentException("a run needs an action and a selection");
        }
        String who = actor == null || actor.isBlank() ? "system" : actor.strip();
        authorizer.require(actor, permission(kind));
        Action action = actions.get(kind);
        if (action == null) {
            throw new OperationRefusedException(kind.name().toLowerCase(java.util.Locale.ROOT) + "_unavailable",
                    "This action is not available now.");
        }
        String why = kind == BulkRun.Kind.VOID ? TextRules.requireReason(reason, FulfilmentServiceImpl.MAX_REASON)
                : null;
        SelectionRun run;
        synchronized (latest) {
            SelectionRun before = latest.get(kind);
            if (before != null && before.snapshot().running()) {
                BulkRun b = before.snapshot();
                throw new OperationRefusedException(Reason.of(Reason.BULK_RUNNING, b.id(), b.actor()));
            }
            long matching = packages.count(selection.query());
            long total = Math.max(0, matching - selection.excluded().size());
            if (total == 0) {
                throw new OperationRefusedException("empty_selection", "Select at least one package.");
            }
            run = new SelectionRun(ids.incrementAndGet(), kind, who, total,
                    (after, limit) -> packages.idsAfter(selection.query(), after, limit), selection.excluded(), chunk,
                    chunkIds -> action.apply(chunkIds, why, who), numbers, clock);
            latest.put(kind, run);
        }
        executor.execute(run);
        return run.snapshot();
    }

    @Override
    public Optional<BulkRun> run(long id) {
        synchronized (latest) {
            return latest.values().stream().filter(r -> r.id() == id).findFirst().map(SelectionRun::snapshot);
        }
    }

    @Override
    public List<BulkRun> latest() {
        synchronized (latest) {
            return latest.values().stream().map(SelectionRun::snapshot)
                    .sorted(Comparator.comparingLong(BulkRun::id).reversed()).toList();
        }
    }

    @Override
    public Optional<BulkRun> stop(long id, String actor) {
        SelectionRun run;
        synchronized (latest) {
            run = latest.values().stream().filter(r -> r.id() == id).findFirst().orElse(null);
        }
        if (run == null) {
            return Optional.empty();
        }
        authorizer.require(actor, permission(run.kind()));
        run.stop();
        return Optional.of(run.snapshot());
    }

    @Deactivate
    void deactivate() {
        synchronized (latest) {
            latest.values().forEach(SelectionRun::stop);
        }
        close.run();
    }
}
