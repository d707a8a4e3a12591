package io.waybill.core.internal.workflow;

import io.waybill.core.model.Reason;
import io.waybill.core.model.Shortage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which warehouse serves a package and what it reserves there: the one place the warehouse and stock rules of
 * allocation live. Pure (no database, no OSGi): it is given the package's order lines, the bundles' components, the
 * store's warehouses in priority order and the stock levels, and answers with a {@link Decision}. The
 * {@link BatchAllocator} loads those, asks, and writes the answer with conditional updates (the database stays the
 * judge of concurrent reservations).
 *
 * <p>Rules today: a package is served whole by one warehouse (no split); the warehouse a logistics rule assigned to
 * the package (issue 14) is tried first when it is enabled, then the store's enabled warehouses in priority order
 * ({@link #candidates}, the one warehouse-choice rule), and the first that has every unit of the demand serves it; bundle lines need their components,
 * expanded down to plain SKUs; when none can, the shortages reported are those of the warehouse that misses the
 * fewest units (ties: priority).
 */
public final class AllocationPolicy {

    /** Units of one SKU a package needs (its order lines, summed per SKU). */
    public record Line(long skuId, String skuCode, int quantity) {
    }

    /** Stock available now (on hand minus reserved) of a SKU in a warehouse; 0 when it has no stock row. */
    @FunctionalInterface
    public interface Stock {
        int available(long warehouseId, long skuId);
    }

    /**
     * A package's demand in plain SKUs (bundles expanded; summed per SKU and sorted by SKU id, the lock order) and
     * what its bundle lines reserve of their components (recorded at allocation, released or consumed later).
     */
    public record Demand(List<Line> lines, List<Kits.Reserved> components) {
    }

    /** What a package can be allocated as: {@link Planned}, or {@link Refused} when it cannot be at all. */
    public sealed interface Planning permits Planned, Refused {
    }

    /** A package that can be allocated: its demand and the warehouses that may serve it, in the order tried. */
    public record Planned(Demand demand, List<Long> candidates) implements Planning {
        /** The warehouse a package is planned in when a large batch is written together: the first candidate. */
        public long preferred() {
            return candidates.get(0);
        }
    }

    /** The package cannot be allocated; {@code code} is the failure code reported to the operator. */
    public record Refused(String code, String message, List<String> params) implements Planning {
        public Refused {
            params = params == null ? List.of() : List.copyOf(params);
        }

        /** A refusal known only as its English words. */
        public Refused(String code, String message) {
            this(code, message, List.of());
        }

        /** A refusal as data ({@link Reason}): its English text is the reason's. */
        public Refused(Reason reason) {
            this(reason.code(), reason.english(), reason.params());
        }
    }

    /** The answer for a planned package, given the stock. */
    public sealed interface Decision permits Allocate, OutOfStock {
    }

    /** Reserve the demand in {@code warehouseId}. */
    public record Allocate(long warehouseId, Demand demand) implements Decision {
    }

    /** No candidate warehouse can serve the package now; the shortages to show. */
    public record OutOfStock(Demand demand, List<Shortage> shortages) implements Decision {
    }

    /**
     * Plans a package: its demand and candidate warehouses, or why it cannot be allocated ({@code no_lines},
     * {@code bundle_cycle}, {@code no_warehouse}, checked in this order).
     *
     * @param lines      the order lines (several of one SKU are summed)
     * @param byPriority the store's enabled warehouses, by priority
     */
    public Planning plan(String packageNo, List<Line> lines, Kits kits, List<Long> byPriority) {
        return plan(packageNo, lines, kits, byPriority, null, java.util.Set.of());
    }

    /**
     * The warehouses that may serve a package, in the order tried: the rule-assigned one first (when a rule assigned
     * one and it is enabled), then the store's enabled warehouses by priority (without repeating it). A rule's
     * warehouse outside the store's list serves the package too: the rule says so.
     *
     * @param assigned   the warehouse a logistics rule assigned, or null
     * @param enabled    the enabled warehouses
     * @param byPriority the store's enabled warehouses, by priority
     */
    public static List<Long> candidates(Long assigned, java.util.Set<Long> enabled, List<Long> byPriority) {
        if (assigned == null || !enabled.contains(assigned)) {
            return List.copyOf(byPriority);
        }
        List<Long> out = new ArrayList<>(byPriority.size() + 1);
        out.add(assigned);
        for (Long w : byPriority) {
            if (!w.equals(assigned)) {
                out.add(w);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Plans a package whose warehouse a logistics rule may have assigned: as {@link #plan(String, List, Kits, List)},
     * with the candidates of {@link #candidates}.
     */
    public Planning plan(String packageNo, List<Line> lines, Kits kits, List<Long> byPriority, Long assigned,
                         java.util.Set<Long> enabled) {
        if (lines.isEmpty()) {
            return new Refused("no_lines", "Package " + packageNo + " has no order lines.");
        }
        TreeMap<Long, Line> summed = new TreeMap<>();
        for (Line l : lines) {
            summed.merge(l.skuId(), l, (a, b) -> new Line(a.skuId(), a.skuCode() != null ? a.skuCode()
                    : b.skuCode(), a.quantity() + b.quantity()));
        }
        List<Line> plain = List.copyOf(summed.values());
        Demand demand;
        if (kits.isEmpty() || plain.stream().noneMatch(l -> kits.isBundle(l.skuId()))) {
            demand = new Demand(plain, List.of());
        } else {
            // a bundle line needs its components: the warehouse chosen is one that has all of them
            Kits.Expanded e = kits.expand(plain.stream()
                    .map(l -> new Kits.Units(l.skuId(), l.skuCode(), l.quantity())).toList());
            if (e == null) {
                return new Refused(Reason.of(Reason.BUNDLE_CYCLE, packageNo));
            }
            demand = new Demand(e.units().stream().map(u -> new Line(u.skuId(), u.code(), u.quantity())).toList(),
                    e.reserved());
        }
        List<Long> candidates = candidates(assigned, enabled, byPriority);
        if (candidates.isEmpty()) {
            return new Refused("no_warehouse", "The store of package " + packageNo + " has no warehouse assigned.");
        }
        return new Planned(demand, candidates);
    }

    /** Decides a planned package: the first candidate that has every unit, else the smallest shortage. */
    public Decision decide(Planned p, Stock stock) {
        for (long warehouse : p.candidates()) {
            if (fits(p.demand(), warehouse, stock)) {
                return new Allocate(warehouse, p.demand());
            }
        }
        return new OutOfStock(p.demand(), bestShortages(p.demand(), p.candidates(), stock));
    }

    /**
     * How many packages from the start of the selection fit, together, into the stock available now in their
     * {@linkplain Planned#preferred preferred} warehouses (null entries, packages that cannot be allocated, are
     * skipped). Those are written together; the rest is decided one by one, so scarce stock goes to the packages
     * selected first, exactly as if they were all allocated one by one.
     */
    public int fittingPrefix(List<Planned> selection, Stock stock) {
        Map<List<Long>, Integer> left = new HashMap<>();
        for (int i = 0; i < selection.size(); i++) {
            Planned p = selection.get(i);
            if (p == null) {
                continue;
            }
            for (Line need : p.demand().lines()) {
                List<Long> key = List.of(p.preferred(), need.skuId());
                Integer now = left.get(key);
                int remaining = (now == null ? stock.available(p.preferred(), need.skuId()) : now) - need.quantity();
                left.put(key, remaining);
                if (remaining < 0) {
                    return i;
                }
            }
        }
        return selection.size();
    }

    /** The (warehouse, SKU) pairs {@link #fittingPrefix} reads, so a caller can load them in one go. */
    public List<List<Long>> stockKeys(List<Planned> selection) {
        LinkedHashMap<List<Long>, Boolean> keys = new LinkedHashMap<>();
        for (Planned p : selection) {
            if (p != null) {
                for (Line need : p.demand().lines()) {
                    keys.put(List.of(p.preferred(), need.skuId()), Boolean.TRUE);
                }
            }
        }
        return new ArrayList<>(keys.keySet());
    }

    /** One order line of a package a split by warehouse shares out: its id, SKU and units. */
    public record SplitLine(long lineId, long skuId, String skuCode, int quantity) {
    }

    /** The order lines one warehouse serves in a split by warehouse. */
    public record Share(long warehouseId, List<Long> lineIds) {
    }

    /**
     * A split by warehouse (issue 14): the package's lines shared out among the candidate warehouses, in the order
     * of {@link #candidates} (the same warehouse choice as allocation): each line goes whole to the first candidate
     * that still has all its units (bundles expanded), counting what the lines before it took there. A line that no
     * warehouse can serve is listed in {@code unserved} (then {@code shares} is empty): the split is refused.
     */
    public record Shares(List<Share> shares, List<SplitLine> unserved) {
    }

    /** Shares the lines out among the candidates ({@link Shares}); pure. */
    public Shares byWarehouse(List<SplitLine> lines, Kits kits, List<Long> candidates, Stock stock) {
        Map<List<Long>, Integer> taken = new HashMap<>();
        LinkedHashMap<Long, List<Long>> byWarehouse = new LinkedHashMap<>();
        candidates.forEach(w -> byWarehouse.put(w, new ArrayList<>()));
        List<SplitLine> unserved = new ArrayList<>();
        for (SplitLine line : lines) {
            List<Kits.Units> need = List.of(new Kits.Units(line.skuId(), line.skuCode(), line.quantity()));
            if (kits.isBundle(line.skuId())) {
                Kits.Expanded e = kits.expand(need);
                if (e == null) {
                    unserved.add(line);
                    continue;
                }
                need = e.units();
            }
            Long chosen = null;
            for (long w : candidates) {
                boolean fits = true;
                for (Kits.Units u : need) {
                    int left = stock.available(w, u.skuId()) - taken.getOrDefault(List.of(w, u.skuId()), 0);
                    if (left < u.quantity()) {
                        fits = false;
                        break;
                    }
                }
                if (fits) {
                    chosen = w;
                    break;
                }
            }
            if (chosen == null) {
                unserved.add(line);
                continue;
            }
            for (Kits.Units u : need) {
                taken.merge(List.of(chosen, u.skuId()), u.quantity(), Integer::sum);
            }
            byWarehouse.get(chosen).add(line.lineId());
        }
        if (!unserved.isEmpty()) {
            return new Shares(List.of(), List.copyOf(unserved));
        }
        List<Share> shares = new ArrayList<>();
        byWarehouse.forEach((w, ids) -> {
            if (!ids.isEmpty()) {
                shares.add(new Share(w, List.copyOf(ids)));
            }
        });
        return new Shares(List.copyOf(shares), List.of());
    }

    /** "SKU-1 missing 2, SKU-2 missing 1": the shortages as the operator reads them. */
    /** The shortages as a structured reason: [sku, missing, sku, missing...] (one entry per SKU). */
    public static io.waybill.core.model.Reason reason(String code, List<Shortage> shortages) {
        Map<String, Integer> missing = new LinkedHashMap<>();
        shortages.forEach(s -> missing.put(s.skuCode(), s.missing()));
        List<String> params = new java.util.ArrayList<>();
        missing.forEach((sku, n) -> {
            params.add(sku);
            params.add(String.valueOf(n));
        });
        return new io.waybill.core.model.Reason(code, params);
    }

    /** The shortages in English: "A missing 2, C missing 1". */
    public static String describe(List<Shortage> shortages) {
        return reason(io.waybill.core.model.Reason.SHORTAGES, shortages).english();
    }

    private static boolean fits(Demand demand, long warehouse, Stock stock) {
        for (Line need : demand.lines()) {
            if (stock.available(warehouse, need.skuId()) < need.quantity()) {
                return false;
            }
        }
        return true;
    }

    /** Shortages in the warehouse that misses the fewest units (ties: store priority). */
    private static List<Shortage> bestShortages(Demand demand, List<Long> warehouses, Stock stock) {
        List<Shortage> best = null;
        int bestMissing = Integer.MAX_VALUE;
        for (long warehouse : warehouses) {
            List<Shortage> shortages = new ArrayList<>();
            int missing = 0;
            for (Line need : demand.lines()) {
                int available = Math.max(0, stock.available(warehouse, need.skuId()));
                if (available < need.quantity()) {
                    shortages.add(new Shortage(need.skuCode(), need.quantity(), available));
                    missing += need.quantity() - available;
                }
            }
            if (missing < bestMissing) {
                best = shortages;
                bestMissing = missing;
            }
        }
        return best == null ? List.of() : best;
    }
}
