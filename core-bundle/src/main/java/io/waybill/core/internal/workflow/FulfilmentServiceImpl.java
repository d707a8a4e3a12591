package io.waybill.core.internal.workflow;

import io.waybill.core.api.FulfilmentService;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.Permission;
import io.waybill.core.internal.db.Database;
import io.waybill.core.internal.lifecycle.StatusGate;
import io.waybill.core.internal.persistence.Jdbc;
import io.waybill.core.internal.plugin.PluginCalls;
import io.waybill.core.internal.plugin.PluginRegistryImpl;
import io.waybill.core.internal.security.Authorizer;
import io.waybill.core.internal.workers.WorkerPool;
import io.waybill.core.internal.workflow.PackageRows.Claimed;
import io.waybill.core.internal.workflow.PackageRows.Refusal;
import io.waybill.core.model.BatchResult;
import io.waybill.core.model.PackageStatus;
import io.waybill.spi.carrier.ShipmentRef;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.Result;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The fulfilment operations of the API: allocation ({@link BatchAllocator}, which asks the {@link AllocationPolicy}),
 * void ({@link PackageVoider}) and mark-printed, each checked here first (permission, batch size, reason).
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
    static final int CHUNK = BatchAllocator.CHUNK;
    /** Packages written together in one transaction when the plan says they all fit. */
    static final int WRITE_CHUNK = BatchAllocator.WRITE_CHUNK;

    /** A printed label: the package moves to PRINTED (again, for a reprint) and its print count goes up. */
    private static final StatusGate PRINTED = StatusGate.to(PackageStatus.PRINTED)
            .set("PRINT_COUNT = PRINT_COUNT + 1, UPDATED_AT = ?");

    /** Cancels a shipment at its carrier (the carrier-side half of a void). */
    @FunctionalInterface
    public interface CarrierCancel {
        Result<Boolean> cancel(String carrierId, ShipmentRef shipment);
    }

    private final DataSource ds;
    private final Clock clock;
    private final BatchAllocator allocator;
    private final PackageVoider voider;

    @Activate
    public FulfilmentServiceImpl(@Reference Database db, @Reference PluginRegistryImpl plugins,
                                 @Reference WorkerPool workers) {
        this(db.dataSource(), Clock.systemUTC(), (carrierId, shipment) -> plugins.carrier(carrierId)
                .map(g -> PluginCalls.guarded("the carrier plugin", () -> g.cancelShipment(shipment)))
                .orElseGet(() -> Result.failure(Message.error("no_carrier", "the carrier plugin '" + carrierId
                        + "' is not installed"))), workers);
    }

    /** Without carrier plugins: packages with a carrier shipment cannot be voided. */
    public FulfilmentServiceImpl(Database db) {
        this(db.dataSource(), Clock.systemUTC(), (carrierId, shipment) -> Result.failure(
                Message.error("no_carrier", "no carrier plugins available")), new WorkerPool());
    }

    FulfilmentServiceImpl(DataSource ds, Clock clock) {
        this(ds, clock, (carrierId, shipment) -> Result.failure(Message.error("no_carrier",
                "no carrier plugins available")), new WorkerPool());
    }

    /**
     * A service on a data source with the given carrier cancellation (tests). A factory, not a public constructor:
     * Felix SCR picks the constructor by its number of parameters, so the component's three-argument constructor
     * must be the only public one with three.
     */
    public static FulfilmentServiceImpl withCarrierCancel(DataSource ds, Clock clock, CarrierCancel carrierCancel) {
        return new FulfilmentServiceImpl(ds, clock, carrierCancel, new WorkerPool());
    }

    FulfilmentServiceImpl(DataSource ds, Clock clock, CarrierCancel carrierCancel, WorkerPool workers) {
        this.ds = ds;
        this.clock = clock;
        this.allocator = new BatchAllocator(ds, clock, new AllocationPolicy(), workers);
        this.voider = new PackageVoider(ds, clock, carrierCancel);
    }

    @Override
    public BatchResult allocate(List<Long> packageIds, String actor) {
        authorizer.require(actor, Permission.ALLOCATE);
        checkBatch(packageIds);
        return allocator.allocate(packageIds, actor(actor));
    }

    @Override
    public BatchResult voidPackages(List<Long> packageIds, String reason, String actor) {
        authorizer.require(actor, Permission.VOID);
        checkBatch(packageIds);
        String why = TextRules.requireReason(reason, MAX_REASON);
        return voider.voidPackages(packageIds, why, actor(actor));
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
                    Claimed p = PackageRows.claim(c, id, PackageStatus.PRINTED);
                    Instant now = clock.instant();
                    try (PreparedStatement ps = PRINTED.prepare(c)) {
                        ps.setTimestamp(1, Timestamp.from(now));
                        if (!PRINTED.apply(ps, id)) {
                            throw PackageRows.concurrentChange(p.packageNo());
                        }
                    }
                    Jdbc.audit(c, id, p.orderId(), who, now, p.status() == PackageStatus.PRINTED ? "REPRINTED"
                            : "PRINTED", p.status().name(), PackageStatus.PRINTED.name(), (String) null);
                    return null;
                });
                done.add(id);
            } catch (Refusal r) {
                failures.add(r.failure(id));
            }
        }
        return new BatchResult(packageIds.size(), done, failures);
    }

    @Deactivate
    void deactivate() {
        allocator.close();
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
