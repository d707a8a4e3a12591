package io.waybill.ui.internal.views;

import io.waybill.core.model.PackageQuery;
import io.waybill.core.model.PackageRow;
import io.waybill.core.model.PackageSelection;
import io.waybill.core.model.PackageStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListSelectionTest {

    private static PackageRow row(long id) {
        return new PackageRow(id, "P" + id, "O" + id, "S", "Store", "test", "Buyer", "GB", "", 100,
                Instant.EPOCH, PackageStatus.WAITING, null);
    }

    @Test
    void tickedRowsAreCountedAndKeptInOrder() {
        ListSelection s = new ListSelection();
        s.set(List.of(row(3), row(1)), true);
        s.set(List.of(row(3)), false);
        s.set(List.of(row(2)), true);

        assertEquals(2, s.count(1000));
        assertEquals(List.of(1L, 2L), s.picked().stream().map(PackageRow::id).toList());
        assertFalse(s.isSelected(3));
        assertThrows(IllegalStateException.class, () -> s.asQuery(PackageQuery.all()));
    }

    @Test
    void selectAllIsTheFilterMinusTheUntickedRows() {
        ListSelection s = new ListSelection();
        s.set(List.of(row(1)), true);
        s.selectAll();
        s.set(List.of(row(5), row(6)), false);
        s.set(List.of(row(6)), true);

        assertTrue(s.isAll());
        assertEquals(1233, s.count(1234));
        assertTrue(s.isSelected(999_999));
        assertFalse(s.isSelected(5));
        assertEquals(List.of(), s.picked(), "no ids are kept for the matching rows");
        PackageQuery query = PackageQuery.status(PackageStatus.WAITING);
        assertEquals(new PackageSelection(query, Set.of(5L)), s.asQuery(query));

        s.clear();
        assertFalse(s.isAll());
        assertTrue(s.isEmpty(1234));
    }

    @Test
    void shiftClickSpansFromThePreviousClick() {
        ListSelection s = new ListSelection();
        assertArrayEquals(new int[] {4, 4}, s.clickRange(4, true), "no earlier click: the row alone");
        assertArrayEquals(new int[] {4, 9}, s.clickRange(9, true));
        assertArrayEquals(new int[] {2, 9}, s.clickRange(2, true), "backwards from the last click");
        assertArrayEquals(new int[] {7, 7}, s.clickRange(7, false), "without shift: the row alone");
        s.clear();
        assertArrayEquals(new int[] {3, 3}, s.clickRange(3, true), "a cleared selection forgets the anchor");
    }

    @Test
    void forgottenPackagesLeaveBothForms() {
        ListSelection s = new ListSelection();
        s.set(List.of(row(1), row(2)), true);
        s.forget(List.of(1L));
        assertEquals(1, s.count(10));
        s.selectAll();
        s.set(List.of(row(3)), false);
        s.forget(List.of(3L));
        assertEquals(10, s.count(10), "an unticked package the action moved away no longer reduces the count");
    }
}
