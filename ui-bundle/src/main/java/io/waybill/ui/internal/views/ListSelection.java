package io.waybill.ui.internal.views;

import io.waybill.core.model.PackageQuery;
import io.waybill.core.model.PackageRow;
import io.waybill.core.model.PackageSelection;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows an operator ticked on a package list, or "every package matching the list's filter" minus the rows
 * unticked since (select all). In the second form no ids are kept but the unticked ones: the core resolves the
 * filter when an action runs ({@code PackageService.resolve}). The anchor is the row index of the last click, the
 * start of a shift-click range. No Vaadin here, so it is unit-tested.
 */
final class ListSelection {

    private boolean all;
    private final Set<Long> excluded = new HashSet<>();
    private final Map<Long, PackageRow> picked = new LinkedHashMap<>();
    private int anchor = -1;

    boolean isAll() {
        return all;
    }

    boolean isSelected(long id) {
        return all ? !excluded.contains(id) : picked.containsKey(id);
    }

    /** How many packages are selected, given how many match the filter now. */
    long count(long matching) {
        return all ? Math.max(0, matching - excluded.size()) : picked.size();
    }

    boolean isEmpty(long matching) {
        return count(matching) == 0;
    }

    /** Selects every package matching the filter (and forgets the ticked rows: they are part of it). */
    void selectAll() {
        all = true;
        excluded.clear();
        picked.clear();
    }

    void clear() {
        all = false;
        excluded.clear();
        picked.clear();
        anchor = -1;
    }

    /** Ticks or unticks rows. */
    void set(Collection<PackageRow> rows, boolean on) {
        for (PackageRow row : rows) {
            if (all) {
                if (on) {
                    excluded.remove(row.id());
                } else {
                    excluded.add(row.id());
                }
            } else if (on) {
                picked.put(row.id(), row);
            } else {
                picked.remove(row.id());
            }
        }
    }

    /** Forgets packages (an action moved them out of the list); in "select all" form they are gone from the filter. */
    void forget(Collection<Long> ids) {
        ids.forEach(picked::remove);
        ids.forEach(excluded::remove);
    }

    /** The ticked rows, in the order they were ticked (empty in "select all" form). */
    List<PackageRow> picked() {
        return List.copyOf(picked.values());
    }

    /** The query form of a "select all" selection. */
    PackageSelection asQuery(PackageQuery query) {
        if (!all) {
            throw new IllegalStateException("not a select-all selection");
        }
        return new PackageSelection(query, excluded);
    }

    /**
     * A click on row {@code index}: with shift and an earlier click, the rows from that one to this one (inclusive)
     * take the new state of the clicked row; without, the clicked row alone.
     *
     * @return {from, to} of the rows to change (from == to for a single row)
     */
    int[] clickRange(int index, boolean shift) {
        int from = index;
        int to = index;
        if (shift && anchor >= 0 && anchor != index) {
            from = Math.min(anchor, index);
            to = Math.max(anchor, index);
        }
        anchor = index;
        return new int[] {from, to};
    }
}
