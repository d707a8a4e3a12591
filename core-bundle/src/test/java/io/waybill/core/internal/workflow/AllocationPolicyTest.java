package io.waybill.core.internal.workflow;

import io.waybill.core.internal.workflow.AllocationPolicy.Allocate;
import io.waybill.core.internal.workflow.AllocationPolicy.Decision;
import io.waybill.core.internal.workflow.AllocationPolicy.Line;
import io.waybill.core.internal.workflow.AllocationPolicy.OutOfStock;
import io.waybill.core.internal.workflow.AllocationPolicy.Planned;
import io.waybill.core.internal.workflow.AllocationPolicy.Planning;
import io.waybill.core.internal.workflow.AllocationPolicy.Refused;
import io.waybill.core.model.Shortage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The warehouse and stock rules of allocation, without a database. */
class AllocationPolicyTest {
    static final long W1 = 11;
    static final long W2 = 12;
    static final long A = 21;
    static final long B = 22;
    static final long C = 23;
    static final long KIT = 30;
    static final long LOOP = 31;

    private final AllocationPolicy policy = new AllocationPolicy();
    private final Map<List<Long>, Integer> stock = new HashMap<>();
    private final List<List<Long>> reads = new ArrayList<>();

    private AllocationPolicy.Stock stock() {
        return (w, sku) -> {
            reads.add(List.of(w, sku));
            return stock.getOrDefault(List.of(w, sku), 0);
        };
    }

    private void stock(long warehouse, long sku, int available) {
        stock.put(List.of(warehouse, sku), available);
    }

    private static Line line(long sku, String code, int qty) {
        return new Line(sku, code, qty);
    }

    private Planned planned(List<Line> lines, Kits kits, List<Long> warehouses) {
        Planning p = policy.plan("WB00000001", lines, kits, warehouses);
        return assertInstanceOf(Planned.class, p, () -> p.toString());
    }

    static final long W3 = 13;

    @Test
    void theRuleAssignedWarehouseComesFirstThenTheStorePriority() {
        // table: assigned, enabled, store priority -> candidates in the order tried
        Object[][] cases = {
                {null, List.of(W1, W2), List.of(W1, W2), List.of(W1, W2)},
                {W2, List.of(W1, W2), List.of(W1, W2), List.of(W2, W1)},
                {W3, List.of(W1, W2, W3), List.of(W1, W2), List.of(W3, W1, W2)},
                {W3, List.of(W1, W2), List.of(W1, W2), List.of(W1, W2)},  // disabled: ignored
                {W3, List.of(W3), List.of(), List.of(W3)},                 // a store without warehouses
        };
        for (Object[] c : cases) {
            assertEquals(c[3], AllocationPolicy.candidates((Long) c[0], java.util.Set.copyOf((List<?>) c[1])
                    .stream().map(Long.class::cast).collect(java.util.stream.Collectors.toSet()), castLongs(c[2])),
                    java.util.Arrays.toString(c));
        }
        // the rule's warehouse serves when it has the stock; else the store's priority list does
        stock(W1, A, 5);
        stock(W2, A, 5);
        Planning p = policy.plan("WB1", List.of(line(A, "A", 2)), Kits.of(Map.of()), List.of(W1, W2), W2,
                java.util.Set.of(W1, W2));
        assertEquals(new Allocate(W2, ((Planned) p).demand()), policy.decide((Planned) p, stock()));
        stock(W2, A, 1);
        assertEquals(new Allocate(W1, ((Planned) p).demand()), policy.decide((Planned) p, stock()));
        assertEquals("no_warehouse", ((Refused) policy.plan("WB1", List.of(line(A, "A", 1)), Kits.of(Map.of()),
                List.of(), W3, java.util.Set.of())).code());
    }

    @SuppressWarnings("unchecked")
    private static List<Long> castLongs(Object o) {
        return (List<Long>) o;
    }

    @Test
    void firstWarehouseByPriorityThatHasEveryUnit() {
        stock(W1, A, 5);
        stock(W1, B, 0);
        stock(W2, A, 1);
        stock(W2, B, 1);
        Decision d = policy.decide(planned(List.of(line(A, "A", 1), line(B, "B", 1)), Kits.of(Map.of()),
                List.of(W1, W2)), stock());
        assertEquals(W2, assertInstanceOf(Allocate.class, d).warehouseId());
        // priority wins when both can
        stock(W1, B, 1);
        d = policy.decide(planned(List.of(line(A, "A", 1), line(B, "B", 1)), Kits.of(Map.of()), List.of(W1, W2)),
                stock());
        assertEquals(W1, assertInstanceOf(Allocate.class, d).warehouseId());
        d = policy.decide(planned(List.of(line(A, "A", 1), line(B, "B", 1)), Kits.of(Map.of()), List.of(W2, W1)),
                stock());
        assertEquals(W2, assertInstanceOf(Allocate.class, d).warehouseId());
    }

    @Test
    void linesOfOneSkuAreSummedAndSortedBySkuId() {
        Planned p = planned(List.of(line(B, "B", 1), line(A, "A", 2), line(A, "A", 3)), Kits.of(Map.of()),
                List.of(W1));
        assertEquals(List.of(line(A, "A", 5), line(B, "B", 1)), p.demand().lines());
        stock(W1, A, 4);
        stock(W1, B, 9);
        // 2 + 3 of A do not fit 4, though each line alone would
        OutOfStock oos = assertInstanceOf(OutOfStock.class, policy.decide(p, stock()));
        assertEquals(List.of(new Shortage("A", 5, 4)), oos.shortages());
    }

    @Test
    void outOfStock_reportsTheWarehouseMissingFewestUnits_tiesByPriority() {
        stock(W1, A, 0);
        stock(W1, B, 2);
        stock(W2, A, 2);
        stock(W2, B, 0);
        Planned p = planned(List.of(line(A, "A", 3), line(B, "B", 3)), Kits.of(Map.of()), List.of(W1, W2));
        // W1 misses 3 A + 1 B = 4, W2 misses 1 A + 3 B = 4: a tie, W1 has priority
        assertEquals(List.of(new Shortage("A", 3, 0), new Shortage("B", 3, 2)),
                assertInstanceOf(OutOfStock.class, policy.decide(p, stock())).shortages());
        stock(W2, B, 1); // W2 misses 3 now
        assertEquals(List.of(new Shortage("A", 3, 2), new Shortage("B", 3, 1)),
                assertInstanceOf(OutOfStock.class, policy.decide(p, stock())).shortages());
        assertEquals("A missing 1, B missing 2", AllocationPolicy.describe(
                assertInstanceOf(OutOfStock.class, policy.decide(p, stock())).shortages()));
    }

    @Test
    void negativeAvailability_isShownAsZero() {
        stock(W1, A, -2);
        Planned p = planned(List.of(line(A, "A", 1)), Kits.of(Map.of()), List.of(W1));
        assertEquals(List.of(new Shortage("A", 1, 0)),
                assertInstanceOf(OutOfStock.class, policy.decide(p, stock())).shortages());
    }

    @Test
    void refusals_withTheirCodes() {
        Refused r = assertInstanceOf(Refused.class, policy.plan("WB00000007", List.of(), Kits.of(Map.of()),
                List.of(W1)));
        assertEquals("no_lines", r.code());
        assertTrue(r.message().contains("WB00000007"), r.message());
        r = assertInstanceOf(Refused.class, policy.plan("WB00000007", List.of(line(A, "A", 1)), Kits.of(Map.of()),
                List.of()));
        assertEquals("no_warehouse", r.code());
        Kits loop = Kits.of(Map.of(LOOP, List.of(new Kits.Units(LOOP, "LOOP", 1))));
        r = assertInstanceOf(Refused.class, policy.plan("WB00000007", List.of(line(LOOP, "LOOP", 1)), loop,
                List.of(W1)));
        assertEquals("bundle_cycle", r.code());
        assertEquals(List.of("WB00000007"), r.params());
        assertEquals("A bundle of package WB00000007 contains itself (through other bundles); fix its components in "
                + "the catalogue.", r.message());
    }

    @Test
    void bundleLinesNeedTheirComponents_inOneWarehouse() {
        // KIT = 2 A + 1 C; a package of 2 KIT + 1 A needs 5 A and 2 C
        Kits kits = Kits.of(Map.of(KIT, List.of(new Kits.Units(A, "A", 2), new Kits.Units(C, "C", 1))));
        Planned p = planned(List.of(line(KIT, "KIT", 2), line(A, "A", 1)), kits, List.of(W1, W2));
        assertEquals(List.of(line(A, "A", 5), line(C, "C", 2)), p.demand().lines());
        assertEquals(List.of(new Kits.Reserved(KIT, A, 4), new Kits.Reserved(KIT, C, 2)), p.demand().components());
        stock(W1, A, 5);
        stock(W1, C, 1);
        stock(W2, A, 5);
        stock(W2, C, 2);
        Allocate a = assertInstanceOf(Allocate.class, policy.decide(p, stock()));
        assertEquals(W2, a.warehouseId());
        assertEquals(p.demand(), a.demand());
    }

    @Test
    void stockIsAskedLazily_firstFittingWarehouseStopsTheSearch() {
        stock(W1, A, 1);
        Planned p = planned(List.of(line(A, "A", 1)), Kits.of(Map.of()), List.of(W1, W2));
        assertInstanceOf(Allocate.class, policy.decide(p, stock()));
        assertEquals(List.of(List.of(W1, A)), reads);
    }

    @Test
    void fittingPrefix_endsAtTheFirstPackageTheStockCannotCover() {
        stock(W1, A, 3);
        stock(W1, B, 10);
        Kits none = Kits.of(Map.of());
        List<Planned> selection = new ArrayList<>();
        selection.add(planned(List.of(line(A, null, 1)), none, List.of(W1, W2)));
        selection.add(null); // not allocatable: skipped
        selection.add(planned(List.of(line(A, null, 2), line(B, null, 5)), none, List.of(W1)));
        selection.add(planned(List.of(line(B, null, 5)), none, List.of(W1)));
        selection.add(planned(List.of(line(A, null, 1)), none, List.of(W1)));
        selection.add(planned(List.of(line(B, null, 1)), none, List.of(W1)));
        assertEquals(4, policy.fittingPrefix(selection, stock()));
        assertEquals(List.of(List.of(W1, A), List.of(W1, B)), policy.stockKeys(selection));
        // planned in the preferred (first) warehouse only: stock elsewhere does not extend the prefix
        stock(W2, A, 100);
        assertEquals(4, policy.fittingPrefix(selection, stock()));
        stock(W1, A, 4);
        assertEquals(5, policy.fittingPrefix(selection, stock())); // now B: 5 + 5 + 1 > 10
        stock(W1, B, 11);
        assertEquals(6, policy.fittingPrefix(selection, stock()));
        assertEquals(0, policy.fittingPrefix(List.of(planned(List.of(line(C, null, 1)), none, List.of(W1))),
                stock()));
    }

    @Test
    void aSplitByWarehouseGivesEachLineToTheFirstWarehouseThatStillHasAllOfIt() {
        stock(W1, A, 3);
        stock(W1, B, 1);
        stock(W2, B, 5);
        stock(W2, C, 2);
        List<AllocationPolicy.SplitLine> lines = List.of(new AllocationPolicy.SplitLine(1, A, "A", 3),
                new AllocationPolicy.SplitLine(2, B, "B", 1), new AllocationPolicy.SplitLine(3, B, "B", 1),
                new AllocationPolicy.SplitLine(4, C, "C", 2));
        AllocationPolicy.Shares shares = policy.byWarehouse(lines, Kits.of(Map.of()), List.of(W1, W2), stock());
        // line 3 finds W1's only B taken by line 2: it goes to W2, with C
        assertEquals(List.of(new AllocationPolicy.Share(W1, List.of(1L, 2L)), new AllocationPolicy.Share(W2,
                List.of(3L, 4L))), shares.shares());
        assertEquals(List.of(), shares.unserved());
        // the candidates' order is the allocation's: a rule's warehouse first
        assertEquals(List.of(new AllocationPolicy.Share(W2, List.of(2L, 3L, 4L)), new AllocationPolicy.Share(W1,
                List.of(1L))), policy.byWarehouse(lines, Kits.of(Map.of()), AllocationPolicy.candidates(W2,
                java.util.Set.of(W1, W2), List.of(W1, W2)), stock()).shares());
        // a line no warehouse has refuses the whole split
        AllocationPolicy.Shares none = policy.byWarehouse(List.of(new AllocationPolicy.SplitLine(1, A, "A", 4)),
                Kits.of(Map.of()), List.of(W1, W2), stock());
        assertEquals(List.of(), none.shares());
        assertEquals(1, none.unserved().size());
        // a bundle line needs its components in one warehouse
        Kits kits = Kits.of(Map.of(KIT, List.of(new Kits.Units(B, "B", 2), new Kits.Units(C, "C", 1))));
        assertEquals(List.of(new AllocationPolicy.Share(W2, List.of(9L))), policy.byWarehouse(List.of(
                new AllocationPolicy.SplitLine(9, KIT, "KIT", 2)), kits, List.of(W1, W2), stock()).shares());
    }
}
