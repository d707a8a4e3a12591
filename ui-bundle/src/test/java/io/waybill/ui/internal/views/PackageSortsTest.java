package io.waybill.ui.internal.views;

import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import io.waybill.core.model.PackageSort;
import io.waybill.core.model.PackageSort.Field;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PackageSortsTest {

    @Test
    void mapsPropertiesAndDirectionsInOrder() {
        // given
        List<QuerySortOrder> orders = List.of(
                new QuerySortOrder("WEIGHT", SortDirection.DESCENDING),
                new QuerySortOrder("PACKAGE_NO", SortDirection.ASCENDING));
        // when
        List<PackageSort> sorts = PackageSorts.from(orders);
        // then
        assertEquals(List.of(new PackageSort(Field.WEIGHT, false), new PackageSort(Field.PACKAGE_NO, true)), sorts);
    }

    @Test
    void everySortableFieldMaps() {
        for (Field field : Field.values()) {
            assertEquals(List.of(new PackageSort(field, true)),
                    PackageSorts.from(List.of(new QuerySortOrder(field.name(), SortDirection.ASCENDING))));
        }
    }

    @Test
    void noOrderGivesOldestFirst() {
        assertEquals(PackageSorts.DEFAULT, PackageSorts.from(List.of()));
        assertEquals(PackageSorts.DEFAULT, PackageSorts.from(null));
        assertEquals(List.of(new PackageSort(Field.CREATED, true)), PackageSorts.DEFAULT);
    }

    @Test
    void unknownAndDuplicatePropertiesAreSkipped() {
        List<PackageSort> sorts = PackageSorts.from(List.of(
                new QuerySortOrder("skus", SortDirection.ASCENDING),
                new QuerySortOrder("BUYER", SortDirection.DESCENDING),
                new QuerySortOrder("BUYER", SortDirection.ASCENDING)));
        assertEquals(List.of(new PackageSort(Field.BUYER, false)), sorts);
        assertEquals(PackageSorts.DEFAULT,
                PackageSorts.from(List.of(new QuerySortOrder("nope", SortDirection.ASCENDING))));
    }
}
