package io.waybill.ui.internal.views;

import com.vaadin.flow.router.QueryParameters;
import io.waybill.core.model.PackageSort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeliveryUrlStateTest {

    private static DeliveryUrlState parse(String query) {
        return DeliveryUrlState.parse(QueryParameters.fromString(query).getParameters());
    }

    @Test
    void everyFieldRoundTripsThroughTheQueryString() {
        DeliveryUrlState state = new DeliveryUrlState("ann lee", true, Set.of("ACME"), Set.of("DE"), Set.of("pool"),
                Set.of("STANDARD"), LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 7), "MUG-1",
                Set.of("fragile"), List.of(new PackageSort(PackageSort.Field.CREATED, false),
                new PackageSort(PackageSort.Field.PACKAGE_NO, true)));
        String query = new QueryParameters(state.toParameters()).getQueryString();
        // QueryParameters keeps no order of its own
        assertEquals(Set.of("q=ann%20lee", "scope=all", "store=ACME", "country=DE", "carrier=pool", "method=STANDARD",
                "from=2026-12-01", "to=2026-12-07", "sku=MUG-1", "tag=fragile", "sort=created.desc%2Cpackage_no.asc"),
                Set.of(query.split("&")));
        assertEquals(state, parse(query));
    }

    @Test
    void theDefaultStateHasNoParameters() {
        assertTrue(DeliveryUrlState.EMPTY.toParameters().isEmpty());
        assertEquals(DeliveryUrlState.EMPTY, parse(""));
    }

    @Test
    void repeatedAndCommaSeparatedValuesAreBothRead() {
        DeliveryUrlState s = parse("store=A&store=B,C&tag=x,%20y&country=de,cn");
        assertEquals(Set.of("A", "B", "C"), s.stores());
        assertEquals(Set.of("x", "y"), s.tags());
        assertEquals(Set.of("DE", "CN"), s.countries());
    }

    @ParameterizedTest
    @ValueSource(strings = {"from=yesterday", "from=2026-13-40", "to=12/07/2026", "scope=everything", "sort=weight",
            "sort=bogus.asc", "sort=created.sideways", "country=Germany", "country=1", "unknown=1", "q=%20%20",
            "from=0001-01-01"})
    void badOrUnknownValuesFallBackToTheDefaults(String query) {
        assertEquals(DeliveryUrlState.EMPTY, parse(query), query);
    }

    @Test
    void aReversedDateRangeKeepsOnlyItsStart() {
        DeliveryUrlState s = parse("from=2026-12-07&to=2026-12-01");
        assertEquals(LocalDate.of(2026, 12, 7), s.from());
        assertEquals(null, s.to());
    }

    @Test
    void sortKeepsKnownFieldsOnceInOrder() {
        assertEquals(List.of(new PackageSort(PackageSort.Field.WEIGHT, false),
                        new PackageSort(PackageSort.Field.BUYER, true)),
                DeliveryUrlState.sort("weight.desc,nope.asc,BUYER.ASC,weight.asc"));
    }

    @Test
    void overlongTextIsCut() {
        String text = "x".repeat(500);
        assertEquals(DeliveryUrlState.MAX_TEXT, parse("q=" + text).text().length());
        assertFalse(parse("store=" + "s".repeat(101)).stores().contains("s".repeat(101)));
    }
}
