package io.waybill.core.internal.rules;

import static io.waybill.core.internal.rules.RuleFixtures.NOW;
import static io.waybill.core.internal.rules.RuleFixtures.base;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every action and the engine's rule (first match per kind, disabled, skipped with reasons), table-driven. */
class RuleEngineTest {

    private static final Condition DE = new Condition.CountryIn(Set.of("DE"));
    private static final Condition FR = new Condition.CountryIn(Set.of("FR"));

    private static Rule rule(long id, String name, List<Condition> when, Action... then) {
        return new Rule(id, name, true, when, List.of(then));
    }

    static Stream<Arguments> actions() {
        return Stream.of(
                Arguments.of(new Action.AssignWarehouse(" W2 "), Action.Kind.WAREHOUSE, "warehouse W2"),
                Arguments.of(new Action.AssignShippingMethod("pool-main", "EMS"), Action.Kind.SHIPPING_METHOD,
                        "shipping method pool-main / EMS"),
                Arguments.of(new Action.HoldForReview("IOSS number missing"), Action.Kind.HOLD,
                        "hold for review: IOSS number missing"),
                Arguments.of(new Action.AddTag(" 带电 "), Action.Kind.TAG, "tag 带电"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("actions")
    void eachActionDecidesItsKindWithTheRule(Action action, Action.Kind kind, String words) {
        RuleEngine engine = new RuleEngine(List.of(rule(7, "only", List.of(DE), action)));
        Evaluation e = engine.evaluate(base(), NOW);
        assertEquals(List.of(new Evaluation.Decision(action, 7, "only", 1)), e.decisions());
        assertEquals(kind, e.decisions().get(0).kind());
        assertEquals(words + " (rule #1 \"only\")", Evaluation.explain(e.decisions().get(0)));
        assertEquals(List.of(), e.skipped());
    }

    static Stream<Arguments> refusedActions() {
        return Stream.of(
                Arguments.of("required", (Supplier<Object>) () -> new Action.AssignWarehouse(" ")),
                Arguments.of("too_long", (Supplier<Object>) () -> new Action.AssignWarehouse("W".repeat(41))),
                Arguments.of("required", (Supplier<Object>) () -> new Action.AssignShippingMethod("pool", null)),
                Arguments.of("required", (Supplier<Object>) () -> new Action.AssignShippingMethod("", "EMS")),
                Arguments.of("invalid", (Supplier<Object>) () -> new Action.HoldForReview("a\u0000b")),
                Arguments.of("tag_invalid", (Supplier<Object>) () -> new Action.AddTag("two words")),
                Arguments.of("tag_invalid", (Supplier<Object>) () -> new Action.AddTag("x".repeat(31))),
                Arguments.of("required", (Supplier<Object>) () -> new Rule(1, " ", true, List.of(),
                        List.of(new Action.AddTag("a")))),
                Arguments.of("required", (Supplier<Object>) () -> new Rule(1, "no actions", true, List.of(),
                        List.of())),
                Arguments.of("duplicate_action_kind", (Supplier<Object>) () -> new Rule(1, "two tags", true,
                        List.of(), List.of(new Action.AddTag("a"), new Action.AddTag("b")))),
                Arguments.of("duplicate_rule", (Supplier<Object>) () -> new RuleEngine(List.of(
                        rule(1, "a", List.of(), new Action.AddTag("a")),
                        rule(1, "b", List.of(), new Action.AddTag("b"))))));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("refusedActions")
    void refusedWithCode(String code, Supplier<Object> build) {
        InvalidRuleException e = assertThrows(InvalidRuleException.class, build::get);
        assertEquals(code, e.code(), e.getMessage());
    }

    @Test
    void firstMatchPerKindWinsAndEveryOtherRuleSaysWhy() {
        Rule off = new Rule(1, "disabled one", false, List.of(), List.of(new Action.AssignWarehouse("W9")));
        Rule france = rule(2, "France", List.of(FR), new Action.AssignWarehouse("W-FR"));
        Rule germany = rule(3, "Germany", List.of(DE), new Action.AssignWarehouse("W-DE"),
                new Action.AddTag("de"));
        Rule allWarehouse = rule(4, "fallback warehouse", List.of(), new Action.AssignWarehouse("W1"));
        Rule tagAndShip = rule(5, "tag and ship", List.of(DE), new Action.AddTag("second"),
                new Action.AssignShippingMethod("pool", "EMS"));
        Rule hold = rule(6, "hold heavy", List.of(new Condition.WeightBetween(2001, null)),
                new Action.HoldForReview("heavy"));
        RuleEngine engine = new RuleEngine(List.of(off, france, germany, allWarehouse, tagAndShip, hold));

        Evaluation e = engine.evaluate(base(), NOW);

        assertEquals(List.of(
                new Evaluation.Decision(new Action.AssignWarehouse("W-DE"), 3, "Germany", 3),
                new Evaluation.Decision(new Action.AddTag("de"), 3, "Germany", 3),
                new Evaluation.Decision(new Action.AssignShippingMethod("pool", "EMS"), 5, "tag and ship", 5)),
                e.decisions());
        assertEquals(List.of(
                new Evaluation.Skip(1, "disabled one", 1, Evaluation.SkipReason.DISABLED, null, null),
                new Evaluation.Skip(2, "France", 2, Evaluation.SkipReason.CONDITION_NOT_MET, FR, null),
                new Evaluation.Skip(4, "fallback warehouse", 4, Evaluation.SkipReason.ALREADY_DECIDED, null,
                        List.of(Action.Kind.WAREHOUSE)),
                new Evaluation.Skip(5, "tag and ship", 5, Evaluation.SkipReason.ALREADY_DECIDED, null,
                        List.of(Action.Kind.TAG)),
                new Evaluation.Skip(6, "hold heavy", 6, Evaluation.SkipReason.CONDITION_NOT_MET,
                        new Condition.WeightBetween(2001, null), null)),
                e.skipped());
        List<String> why = e.skipped().stream().map(e::explain).toList();
        assertEquals(List.of(
                "rule #1 \"disabled one\": disabled",
                "rule #2 \"France\": country in [FR] - not met: country DE",
                "rule #4 \"fallback warehouse\": warehouse already decided by rule #3 \"Germany\"",
                "rule #5 \"tag and ship\": tag already decided by rule #3 \"Germany\"",
                "rule #6 \"hold heavy\": weight >= 2001 g - not met: weight 800 g"), why);
        assertEquals("W-DE", ((Action.AssignWarehouse) e.decision(Action.Kind.WAREHOUSE).orElseThrow().action())
                .warehouseCode());
        assertTrue(e.decision(Action.Kind.HOLD).isEmpty());
    }

    @Test
    void allConditionsMustHoldAndTheFirstFailingOneIsNamed() {
        Condition light = new Condition.WeightBetween(null, 500);
        Rule r = rule(1, "DE and light", List.of(DE, light), new Action.AddTag("light"));
        Evaluation e = new RuleEngine(List.of(r)).evaluate(base(), NOW);
        assertEquals(List.of(), e.decisions());
        assertEquals(light, e.skipped().get(0).failed());
        Rule none = rule(2, "every package", List.of(), new Action.AddTag("all"));
        assertEquals(1, new RuleEngine(List.of(none)).evaluate(base(), NOW).decisions().size());
    }

    @Test
    void noRulesDecideNothing() {
        Evaluation e = new RuleEngine(List.of()).evaluate(base(), NOW);
        assertEquals(List.of(), e.decisions());
        assertEquals(List.of(), e.skipped());
    }

    @Test
    void theIssuesThreeRules() {
        // battery SKUs -> a service that allows them; EU + value <= 150 -> hold (IOSS); > 2 kg -> another warehouse
        RuleEngine engine = new RuleEngine(List.of(
                rule(1, "battery by sea", List.of(new Condition.HasFlag(Set.of(ProductFlag.BATTERY))),
                        new Action.AssignShippingMethod("pool-main", "SEA-DG")),
                rule(2, "EU low value", List.of(Condition.CountryIn.region("EU"),
                        new Condition.ValueBetween(null, new BigDecimal("150"), "EUR")),
                        new Action.HoldForReview("IOSS number missing")),
                rule(3, "heavy", List.of(new Condition.WeightBetween(2001, null)),
                        new Action.AssignWarehouse("W2"))));
        RuleInput battery = RuleFixtures.with(base(), null, null, "US", null, null, 2500, null, "USD",
                List.of(new RuleInput.Line("PWR-1", 1, Set.of(ProductFlag.BATTERY))), null, null);
        Evaluation b = engine.evaluate(battery, NOW);
        assertEquals(List.of("shipping method pool-main / SEA-DG (rule #1 \"battery by sea\")",
                "warehouse W2 (rule #3 \"heavy\")"), b.decisions().stream().map(Evaluation::explain).toList());
        Evaluation eu = engine.evaluate(base(), NOW);
        assertEquals(List.of("hold for review: IOSS number missing (rule #2 \"EU low value\")"),
                eu.decisions().stream().map(Evaluation::explain).toList());
    }

    @Test
    void aRealRunRecordsExactlyWhatTheDryRunShowsInInputOrder() {
        RuleEngine engine = new RuleEngine(List.of(rule(1, "DE", List.of(DE), new Action.AddTag("de"))));
        List<RuleInput> inputs = List.of(base(), RuleFixtures.with(base(), null, null, "FR", null, null, null, null,
                null, null, null, null));
        List<Evaluation> recorded = new ArrayList<>();
        List<Evaluation> returned = engine.run(inputs, NOW, recorded::add);
        assertEquals(engine.dryRun(inputs, NOW), recorded);
        assertEquals(recorded, returned);
    }
}
