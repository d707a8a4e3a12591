package io.waybill.core.internal.workflow;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.internal.Fixtures;
import io.waybill.core.internal.TestDatabase;
import io.waybill.core.internal.capture.OrderCaptureServiceImpl;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.persistence.Jdbc;
import io.waybill.core.internal.service.PackageServiceImpl;
import io.waybill.core.model.BatchResult;
import io.waybill.core.model.BulkRun;
import io.waybill.core.model.PackageQuery;
import io.waybill.core.model.PackageRow;
import io.waybill.core.model.PackageSelection;
import io.waybill.core.model.PackageStatus;
import io.waybill.core.model.Reason;
import io.waybill.spi.platform.PlatformOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static io.waybill.core.internal.Fixtures.exec;
import static io.waybill.core.internal.Fixtures.order;
import static io.waybill.core.internal.Fixtures.scalar;
import static io.waybill.core.internal.security.TestAuthorizers.authorized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15 item 2: a batch action over a whole "select all" selection, walked by key page by page and run in chunks,
 * on a real Derby database with the real allocation and void.
 */
class BulkRunsTest {
    private static final int PACKAGES = 230;
    private static final int CHUNK = 50;
    private static final PackageQuery WAITING = PackageQuery.status(PackageStatus.WAITING);

    private DatabaseEngine db;
    private FulfilmentServiceImpl fulfilment;
    private PackageServiceImpl packages;

    @BeforeEach
    void open() throws Exception {
        db = TestDatabase.inMemory();
        Fixtures.basic(db);
        fulfilment = authorized(new FulfilmentServiceImpl(db));
        packages = new PackageServiceImpl(db);
        OrderCaptureServiceImpl capture = authorized(new OrderCaptureServiceImpl(db, Fixtures.registry()));
        List<PlatformOrder> orders = new ArrayList<>();
        for (int i = 1; i <= PACKAGES; i++) {
            orders.add(order("b" + i, "A", 1));
        }
        capture.capture("S1", orders, "alice");
        // every seventh package is elsewhere (out of stock): not part of the Waiting filter
        exec(db, "UPDATE WB_PACKAGE SET STATUS = 'OUT_OF_STOCK' WHERE MOD(ID, 7) = 0");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private BulkRuns runs(Map<BulkRun.Kind, BulkRuns.Action> actions, java.util.concurrent.Executor executor) {
        lastService = authorized(new BulkRuns(packages, actions, BulkRuns.numbers(db.dataSource()), executor,
                () -> { }, Clock.systemUTC(), CHUNK));
        return lastService;
    }

    private BulkRuns runs() {
        return runs(BulkRuns.actions(fulfilment, null), Runnable::run);
    }

    /** The filtered list as the grid reads it, in id order. */
    private List<Long> listed(PackageQuery query) {
        List<Long> ids = new ArrayList<>();
        for (int offset = 0; ; offset += 1000) {
            List<PackageRow> page = packages.find(query, offset, 1000, List.of());
            page.forEach(r -> ids.add(r.id()));
            if (page.size() < 1000) {
                return ids.stream().sorted().toList();
            }
        }
    }

    private List<Long> walked(PackageQuery query, int pageSize) {
        List<Long> ids = new ArrayList<>();
        long last = 0;
        while (true) {
            List<Long> page = packages.idsAfter(query, last, pageSize);
            assertTrue(page.size() <= pageSize, "a page holds at most its size");
            ids.addAll(page);
            if (page.size() < pageSize) {
                return ids;
            }
            last = page.get(page.size() - 1);
        }
    }

    private int waiting() throws Exception {
        return scalar(db, "SELECT COUNT(*) FROM WB_PACKAGE WHERE STATUS = 'WAITING'");
    }

    @Test
    void keysetPagesWalkExactlyTheFilteredList() {
        // given
        PackageQuery both = new PackageQuery(Set.of(PackageStatus.WAITING, PackageStatus.OUT_OF_STOCK), Set.of(),
                Set.of(), null);
        PackageQuery store = WAITING.withStores(Set.of("S1"));
        PackageQuery text = WAITING.withText("NO-b1");

        // when / then: pages of 7 and of 1,000 give the list's packages, each once, in id order
        for (PackageQuery q : List.of(WAITING, both, store, text, PackageQuery.all())) {
            List<Long> expected = listed(q);
            assertTrue(!expected.isEmpty(), () -> "packages of " + q);
            assertEquals(expected, walked(q, 7), () -> "pages of 7 of " + q);
            assertEquals(expected, walked(q, 1000), () -> "pages of 1,000 of " + q);
        }
        assertEquals(List.of(), packages.idsAfter(WAITING, Long.MAX_VALUE - 1, 10));
        assertEquals(List.of(), packages.idsAfter(WAITING.withStores(Set.of("NOPE")), 0, 10));
    }

    @Test
    void allocatesEveryPackageOfTheSelectionChunkByChunk() throws Exception {
        // given: stock for 150 of the 198 waiting packages; three unticked
        int matching = waiting();
        exec(db, "INSERT INTO WB_STOCK VALUES (101, 1, 11, 21, NULL, 150, 0)");
        List<Long> unticked = listed(WAITING).subList(0, 3);

        // when
        BulkRun started = runs().start(BulkRun.Kind.ALLOCATE, new PackageSelection(WAITING, Set.copyOf(unticked)),
                null, "alice");
        BulkRun run = runs.get(started);

        // then: every selected package handled once; the stock reserved is exactly the allocated packages'
        assertEquals(BulkRun.State.DONE, run.state());
        assertEquals(matching - 3, run.total());
        assertEquals(matching - 3, run.processed());
        assertEquals(150, run.succeeded());
        assertEquals(matching - 3 - 150, run.failed());
        assertTrue(run.failures().stream().allMatch(f -> f.code().equals(Reason.OUT_OF_STOCK)), run::toString);
        assertEquals(150, scalar(db, "SELECT COUNT(*) FROM WB_PACKAGE WHERE STATUS = 'ALLOCATED'"));
        assertEquals(150, scalar(db, "SELECT RESERVED FROM WB_STOCK WHERE ID = 101"));
        assertEquals(3, waiting(), "only the unticked packages are still waiting");
        for (Long id : unticked) {
            assertEquals(PackageStatus.WAITING, packages.detail(id).orElseThrow().row().status());
        }
        assertTrue(run.finished() != null && !run.running());
    }

    /** The runs of {@link #runs()} as seen after {@code start} returned (a direct executor runs them inside). */
    private final Runs runs = new Runs();

    private final class Runs {
        BulkRun get(BulkRun started) {
            return lastService.run(started.id()).orElseThrow();
        }
    }

    private BulkRuns lastService;

    /** Readability: the service a test started its runs on. */
    private static BulkRuns remember(BulkRuns s) {
        return s;
    }

    @Test
    void stopEndsTheRunAfterTheChunkInHand() throws Exception {
        // given: an action that asks for the stop while its second chunk runs
        exec(db, "INSERT INTO WB_STOCK VALUES (101, 1, 11, 21, NULL, 1000, 0)");
        AtomicInteger calls = new AtomicInteger();
        AtomicLong runId = new AtomicLong();
        BulkRuns[] service = new BulkRuns[1];
        Map<BulkRun.Kind, BulkRuns.Action> actions = new EnumMap<>(BulkRun.Kind.class);
        actions.put(BulkRun.Kind.ALLOCATE, (ids, reason, actor) -> {
            if (calls.incrementAndGet() == 2) {
                BulkRun now = service[0].stop(runId.get(), actor).orElseThrow();
                assertEquals(BulkRun.State.STOPPING, now.state());
            }
            return fulfilment.allocate(ids, actor);
        });
        List<Runnable> queued = new ArrayList<>();
        service[0] = remember(runs(actions, queued::add));
        BulkRun started = service[0].start(BulkRun.Kind.ALLOCATE, PackageSelection.all(WAITING), null, "alice");
        runId.set(started.id());
        int before = waiting();

        // when
        queued.forEach(Runnable::run);

        // then: two chunks done, the rest untouched
        BulkRun run = runs.get(started);
        assertEquals(BulkRun.State.STOPPED, run.state());
        assertEquals(2, calls.get());
        assertEquals(2L * CHUNK, run.succeeded());
        assertEquals(before - 2 * CHUNK, waiting());
        assertEquals(2 * CHUNK, scalar(db, "SELECT RESERVED FROM WB_STOCK WHERE ID = 101"));
    }

    @Test
    void aChunkThatFailsWritesNothingOfItselfAndTheOthersGoOn() throws Exception {
        // given: the second chunk's transaction writes half of its packages, then fails
        exec(db, "INSERT INTO WB_STOCK VALUES (101, 1, 11, 21, NULL, 1000, 0)");
        int matching = waiting();
        AtomicInteger calls = new AtomicInteger();
        List<Long> failedChunk = new ArrayList<>();
        Map<BulkRun.Kind, BulkRuns.Action> actions = new EnumMap<>(BulkRun.Kind.class);
        actions.put(BulkRun.Kind.ALLOCATE, (ids, reason, actor) -> {
            if (calls.incrementAndGet() != 2) {
                return fulfilment.allocate(ids, actor);
            }
            failedChunk.addAll(ids);
            return Jdbc.inTransaction(db.dataSource(), c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE WB_PACKAGE SET STATUS = 'ALLOCATED' "
                        + "WHERE ID = ?")) {
                    for (Long id : ids.subList(0, ids.size() / 2)) {
                        ps.setLong(1, id);
                        ps.executeUpdate();
                    }
                }
                throw new IllegalStateException("the database went away in the middle of a chunk");
            });
        });
        BulkRuns service = remember(runs(actions, Runnable::run));

        // when
        BulkRun run = runs.get(service.start(BulkRun.Kind.ALLOCATE, PackageSelection.all(WAITING), null, "alice"));

        // then: the run went on; the failed chunk's packages are all still waiting, the others all allocated
        assertEquals(BulkRun.State.DONE, run.state());
        assertEquals(matching, run.processed());
        assertEquals(CHUNK, failedChunk.size());
        assertEquals(matching - CHUNK, run.succeeded());
        assertEquals(CHUNK, run.failed());
        assertEquals(CHUNK, waiting());
        for (Long id : failedChunk) {
            assertEquals(PackageStatus.WAITING, packages.detail(id).orElseThrow().row().status());
        }
        BatchResult.Failure first = run.failures().get(0);
        assertEquals(Reason.BULK_CHUNK_FAILED, first.code());
        assertEquals(failedChunk.get(0), first.packageId());
        assertEquals(String.format("WB%08d", failedChunk.get(0)), first.packageNo());
        assertEquals(List.of(first.packageNo()), first.params());
        assertEquals(matching - CHUNK, scalar(db, "SELECT RESERVED FROM WB_STOCK WHERE ID = 101"));
    }

    @Test
    void keepsTheFirstTwoHundredFailuresAndCountsTheRest() throws Exception {
        // given: 480 waiting packages, no stock at all
        OrderCaptureServiceImpl capture = authorized(new OrderCaptureServiceImpl(db, Fixtures.registry()));
        List<PlatformOrder> more = new ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            more.add(order("m" + i, "A", 1));
        }
        capture.capture("S1", more, "alice");
        int matching = waiting();
        assertTrue(matching > BulkRun.MAX_FAILURES + CHUNK);

        // when
        BulkRuns service = remember(runs());
        BulkRun run = runs.get(service.start(BulkRun.Kind.ALLOCATE, PackageSelection.all(WAITING), null, "bob"));

        // then
        assertEquals(matching, run.failed());
        assertEquals(BulkRun.MAX_FAILURES, run.failures().size());
        assertEquals(0, run.succeeded());
        assertEquals(BulkRun.State.DONE, run.state());
    }

    @Test
    void voidsTheSelectionWithItsReason_aRunWithoutReasonIsRefused() throws Exception {
        // given
        BulkRuns service = remember(runs());
        int matching = waiting();

        // when / then: no reason, nothing written
        OperationRefusedException refused = assertThrows(OperationRefusedException.class,
                () -> service.start(BulkRun.Kind.VOID, PackageSelection.all(WAITING), "  ", "alice"));
        assertEquals("reason_required", refused.code());
        assertEquals(matching, waiting());

        // when
        BulkRun run = runs.get(service.start(BulkRun.Kind.VOID, PackageSelection.all(WAITING), "buyer cancelled",
                "alice"));

        // then
        assertEquals(matching, run.succeeded());
        assertEquals(0, waiting());
        assertEquals(matching, scalar(db, "SELECT COUNT(*) FROM WB_AUDIT_EVENT WHERE ACTION = 'VOIDED' "
                + "AND REASON = 'buyer cancelled'"));
    }

    @Test
    void oneRunAtATimePerAction() throws Exception {
        // given: a run of allocate that has not run yet
        List<Runnable> queued = new ArrayList<>();
        BulkRuns service = remember(runs(BulkRuns.actions(fulfilment, null), queued::add));
        BulkRun first = service.start(BulkRun.Kind.ALLOCATE, PackageSelection.all(WAITING), null, "alice");
        assertTrue(first.running());

        // when / then: a second allocate is refused with the first run's number and starter; a void may start
        OperationRefusedException refused = assertThrows(OperationRefusedException.class,
                () -> service.start(BulkRun.Kind.ALLOCATE, PackageSelection.all(WAITING), null, "bob"));
        assertEquals(Reason.BULK_RUNNING, refused.code());
        assertEquals(List.of(String.valueOf(first.id()), "alice"), refused.reason().params());
        BulkRun voiding = service.start(BulkRun.Kind.VOID, PackageSelection.all(WAITING.withText("NO-b1")), "dup",
                "alice");
        assertEquals(2, service.latest().size());
        assertEquals(voiding.id(), service.latest().get(0).id());

        // when the first has run, allocate may start again
        queued.forEach(Runnable::run);
        assertEquals(BulkRun.State.DONE, service.run(first.id()).orElseThrow().state());
        exec(db, "UPDATE WB_PACKAGE SET STATUS = 'WAITING' WHERE STATUS = 'OUT_OF_STOCK'");
        BulkRun again = service.start(BulkRun.Kind.ALLOCATE, PackageSelection.all(WAITING), null, "bob");
        assertTrue(again.id() > voiding.id());
        OperationRefusedException empty = assertThrows(OperationRefusedException.class,
                () -> service.start(BulkRun.Kind.MARK_PRINTED,
                        PackageSelection.all(WAITING.withStores(Set.of("NOPE"))), null, "bob"));
        assertEquals("empty_selection", empty.code());
    }
}
