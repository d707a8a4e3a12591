package io.waybill.ui.internal.views;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Dragging a rule's row onto another: the position it is moved to (the core's {@code move}). */
class RulesDropTest {

    static Stream<Arguments> drops() {
        // from, target, below, expected position (list of 5)
        return Stream.of(
                Arguments.of(1, 3, false, 2), Arguments.of(1, 3, true, 3), Arguments.of(5, 1, false, 1),
                Arguments.of(5, 1, true, 2), Arguments.of(3, 3, false, 3), Arguments.of(3, 3, true, 3),
                Arguments.of(2, 1, true, 2), Arguments.of(2, 3, false, 2), Arguments.of(1, 5, true, 5),
                Arguments.of(4, 2, false, 2));
    }

    @ParameterizedTest(name = "{0} dropped {2} {1} -> {3}")
    @MethodSource("drops")
    void theDroppedRuleLandsWhereTheDropLineIs(int from, int target, boolean below, int expected) {
        assertEquals(expected, RulesView.dropPosition(from, target, below));
        // the same as: put a copy in front of the row under the drop line, then take the original out
        List<String> rules = new ArrayList<>(List.of("1", "2", "3", "4", "5"));
        rules.add(below ? target : target - 1, "moved");
        rules.remove(String.valueOf(from));
        assertEquals(expected, rules.indexOf("moved") + 1, rules::toString);
    }
}
