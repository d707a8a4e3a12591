package io.waybill.core.internal.rulestore;

import io.waybill.core.model.Reason;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** {@link HandAssignments#decide}: what is by hand of a package's assignments, given its last rules run (no database). */
class HandAssignmentsTest {

    private static final Reason W2 = Reason.of(Reason.RULE_WAREHOUSE, "w2", "1", "Heavy");
    private static final Reason POST = Reason.of(Reason.RULE_SHIPPING_METHOD, "pool", "SEA", "2", "Sea");

    @Test
    void whatTheLastRunDecidedIsTheRules() {
        // given the last run decided both, as assigned (warehouse codes compared ignoring case)
        // when / then
        assertNull(HandAssignments.decide(12L, "W2", "pool", "SEA", List.of(W2, POST)));
        assertNull(HandAssignments.decide(null, null, null, null, List.of()), "nothing assigned");
        assertNull(HandAssignments.decide(12L, "W2", null, null, List.of(Reason.of(Reason.RULES_SPLIT_UNDONE), W2)));
    }

    @Test
    void whatTheLastRunDidNotDecideIsByHand() {
        assertEquals(new HandAssignments.Hand(11L, "W1", null, null),
                HandAssignments.decide(11L, "W1", "pool", "SEA", List.of(W2, POST)), "another warehouse");
        assertEquals(new HandAssignments.Hand(null, null, "hand-post", "EXPRESS"),
                HandAssignments.decide(12L, "W2", "hand-post", "EXPRESS", List.of(W2, POST)), "another service");
        assertEquals(new HandAssignments.Hand(12L, "W2", "pool", "SEA"),
                HandAssignments.decide(12L, "W2", "pool", "SEA", List.of()), "the rules never ran on it");
        // kept by hand last time: still by hand
        assertEquals(new HandAssignments.Hand(11L, "W1", null, null), HandAssignments.decide(11L, "W1", null, null,
                List.of(Reason.of(Reason.RULES_MERGE_UNDONE), Reason.of(Reason.RULE_KEPT_WAREHOUSE, "W1"))));
    }
}
