package io.waybill.ui.internal.views;

import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import io.waybill.core.model.PackageSort;

import java.util.ArrayList;
import java.util.List;

/** Maps the grid's sort orders (sort property = {@link PackageSort.Field} name) to the core's package sorts. */
public final class PackageSorts {

    /** Oldest first: packages wait in the order they arrived. */
    public static final List<PackageSort> DEFAULT = List.of(new PackageSort(PackageSort.Field.CREATED, true));

    private PackageSorts() {
    }

    /** Unknown properties are skipped; no usable order gives {@link #DEFAULT}. */
    public static List<PackageSort> from(List<QuerySortOrder> orders) {
        List<PackageSort> sorts = new ArrayList<>();
        if (orders != null) {
            for (QuerySortOrder order : orders) {
                PackageSort.Field field = field(order.getSorted());
                if (field != null && sorts.stream().noneMatch(s -> s.field() == field)) {
                    sorts.add(new PackageSort(field, order.getDirection() != SortDirection.DESCENDING));
                }
            }
        }
        return sorts.isEmpty() ? DEFAULT : List.copyOf(sorts);
    }

    private static PackageSort.Field field(String property) {
        if (property == null) {
            return null;
        }
        try {
            return PackageSort.Field.valueOf(property);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
