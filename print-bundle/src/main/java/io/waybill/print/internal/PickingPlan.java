package io.waybill.print.internal;

import io.waybill.core.api.StockService;
import io.waybill.core.model.PackageDetail;
import io.waybill.core.model.StockRow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order in which the selected packages are picked: every order line gets its bin location (from the stock of
 * the package's warehouse); lines are walked by warehouse, bin location (natural order, so A-2 before A-10), then
 * SKU; packages come in the order of their first line on that walk. Labels are printed in the same order. A bundle
 * (kit) line is picked as its components (what the package reserved for it).
 */
final class PickingPlan {

    /** One order line at its bin. {@code location} is null when the SKU has no bin in that warehouse. */
    record Pick(String warehouseCode, String location, String skuCode, String skuName, int quantity,
                PackageDetail pkg) {
    }

    /** All picks of one SKU at one bin (a row of the picking list). */
    record BinRow(String warehouseCode, String location, String skuCode, String skuName, int quantity,
                  List<Pick> picks) {
    }

    private final List<Pick> picks;
    private final List<PackageDetail> packages;

    private PickingPlan(List<Pick> picks, List<PackageDetail> packages) {
        this.picks = picks;
        this.packages = packages;
    }

    static PickingPlan of(List<PackageDetail> details, StockService stock) {
        Map<String, Map<String, String>> locations = new HashMap<>();
        List<Pick> picks = new ArrayList<>();
        for (PackageDetail detail : details) {
            String warehouse = detail.warehouseCode();
            Map<String, String> bins = warehouse == null ? Map.of()
                    : locations.computeIfAbsent(warehouse, code -> bins(stock, code));
            for (PackageDetail.Line line : detail.lines()) {
                // a bundle (kit) has no bin of its own: its components are picked, each at its bin
                for (PackageDetail.Line pick : line.bundle() ? line.components() : List.of(line)) {
                    picks.add(new Pick(warehouse, bins.get(pick.skuCode()), pick.skuCode(), pick.skuName(),
                            pick.quantity(), detail));
                }
            }
        }
        Comparator<Pick> walk = Comparator
                .comparing(Pick::warehouseCode, Comparator.nullsLast(NaturalOrder.INSTANCE))
                .thenComparing(Pick::location, Comparator.nullsLast(NaturalOrder.INSTANCE))
                .thenComparing(Pick::skuCode, NaturalOrder.INSTANCE)
                .thenComparing(p -> p.pkg().row().packageNo(), NaturalOrder.INSTANCE);
        picks.sort(walk);

        LinkedHashMap<Long, PackageDetail> order = new LinkedHashMap<>();
        for (Pick pick : picks) {
            order.putIfAbsent(pick.pkg().row().id(), pick.pkg());
        }
        List<PackageDetail> rest = new ArrayList<>();
        for (PackageDetail detail : details) {
            if (!order.containsKey(detail.row().id())) {
                rest.add(detail); // a package without lines: after the others, by package number
            }
        }
        rest.sort(Comparator.comparing(d -> d.row().packageNo(), NaturalOrder.INSTANCE));
        List<PackageDetail> packages = new ArrayList<>(order.values());
        packages.addAll(rest);
        return new PickingPlan(List.copyOf(picks), List.copyOf(packages));
    }

    private static Map<String, String> bins(StockService stock, String warehouse) {
        Map<String, String> bins = new HashMap<>();
        for (StockRow row : stock.list(warehouse, null)) {
            if (row.location() != null && !row.location().isBlank()) {
                bins.put(row.skuCode(), row.location().trim());
            }
        }
        return bins;
    }

    /** Packages in picking order. */
    List<PackageDetail> packages() {
        return packages;
    }

    /** Picks in walking order. */
    List<Pick> picks() {
        return picks;
    }

    /** Picks grouped by warehouse + bin + SKU, in walking order. */
    List<BinRow> binRows() {
        LinkedHashMap<String, List<Pick>> groups = new LinkedHashMap<>();
        for (Pick pick : picks) {
            String key = pick.warehouseCode() + '\u0000' + pick.location() + '\u0000' + pick.skuCode();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(pick);
        }
        List<BinRow> rows = new ArrayList<>(groups.size());
        for (List<Pick> group : groups.values()) {
            Pick first = group.get(0);
            int quantity = group.stream().mapToInt(Pick::quantity).sum();
            rows.add(new BinRow(first.warehouseCode(), first.location(), first.skuCode(), first.skuName(), quantity,
                    List.copyOf(group)));
        }
        return rows;
    }

    /** Total quantity per SKU (SKU order), for the totals table. */
    Map<String, Integer> totalsBySku() {
        Map<String, Integer> totals = new java.util.TreeMap<>(NaturalOrder.INSTANCE);
        for (Pick pick : picks) {
            totals.merge(pick.skuCode(), pick.quantity(), Integer::sum);
        }
        return totals;
    }

    int totalUnits() {
        return picks.stream().mapToInt(Pick::quantity).sum();
    }

    /** Compares strings with embedded numbers by value ("A-2" before "A-10"), otherwise case-insensitively. */
    enum NaturalOrder implements Comparator<String> {
        INSTANCE;

        @Override
        public int compare(String a, String b) {
            int i = 0;
            int j = 0;
            while (i < a.length() && j < b.length()) {
                char ca = a.charAt(i);
                char cb = b.charAt(j);
                if (Character.isDigit(ca) && Character.isDigit(cb)) {
                    int si = i;
                    int sj = j;
                    while (i < a.length() && Character.isDigit(a.charAt(i))) {
                        i++;
                    }
                    while (j < b.length() && Character.isDigit(b.charAt(j))) {
                        j++;
                    }
                    while (si < i - 1 && a.charAt(si) == '0') {
                        si++;
                    }
                    while (sj < j - 1 && b.charAt(sj) == '0') {
                        sj++;
                    }
                    int c = Integer.compare(i - si, j - sj);
                    for (int k = 0; c == 0 && k < i - si; k++) {
                        c = Character.compare(a.charAt(si + k), b.charAt(sj + k));
                    }
                    if (c != 0) {
                        return c;
                    }
                } else {
                    int c = Character.compare(Character.toUpperCase(ca), Character.toUpperCase(cb));
                    if (c != 0) {
                        return c;
                    }
                    i++;
                    j++;
                }
            }
            int c = Integer.compare(a.length() - i, b.length() - j);
            return c != 0 ? c : a.compareTo(b);
        }
    }
}
