package io.waybill.core.internal.rules;

import static io.waybill.core.internal.rules.RuleFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Properties over many random packages and rule lists (seeded, so a failure repeats): evaluation is deterministic
 * (same answer again, in another order, from another engine over equal rules, on many threads); the dry run equals
 * the real run's recorded decisions; and the decisions agree with a straightforward reading of the rule (per kind,
 * the first enabled rule in list order whose conditions all hold and that carries the kind), computed here
 * independently of the engine.
 */
class RuleEnginePropertyTest {

    private static final int SEEDS = 40;
    private static final int PACKAGES = 250;

    @Test
    void evaluationIsDeterministicAndTheDryRunEqualsTheRealRun() {
        int decisions = 0;
        int skipsByCondition = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            RuleGenerator gen = new RuleGenerator(seed);
            List<Rule> rules = gen.rules(1 + (int) (seed % 60));
            List<RuleInput> inputs = new ArrayList<>();
            for (int i = 0; i < PACKAGES; i++) {
                inputs.add(gen.input(i, NOW));
            }
            RuleEngine engine = new RuleEngine(rules);

            List<Evaluation> dry = engine.dryRun(inputs, NOW);
            List<Evaluation> recorded = new ArrayList<>();
            List<Evaluation> real = engine.run(inputs, NOW, recorded::add);
            assertEquals(dry, recorded, "seed " + seed + ": the real run recorded other decisions than the dry run");
            assertEquals(dry, real, "seed " + seed);

            // the same rules rebuilt from equal values, in another engine: equal evaluations
            List<Rule> rebuilt = new RuleGenerator(seed).rules(rules.size());
            assertEquals(rules, rebuilt, "seed " + seed + ": generator not deterministic");
            assertEquals(dry, new RuleEngine(rebuilt).dryRun(inputs, NOW), "seed " + seed + ": rebuilt rules");

            // another order of packages: each package's evaluation is unchanged (no state between packages)
            List<Integer> order = new ArrayList<>(IntStream.range(0, inputs.size()).boxed().toList());
            Collections.shuffle(order, new Random(seed));
            for (int i : order) {
                assertEquals(dry.get(i), engine.evaluate(inputs.get(i), NOW), "seed " + seed + " package " + i);
            }

            // many threads at once on one engine
            Map<Integer, Evaluation> parallel = new ConcurrentHashMap<>();
            IntStream.range(0, inputs.size()).parallel()
                    .forEach(i -> parallel.put(i, engine.evaluate(inputs.get(i), NOW)));
            for (int i = 0; i < inputs.size(); i++) {
                assertEquals(dry.get(i), parallel.get(i), "seed " + seed + " package " + i + " in parallel");
            }

            for (int i = 0; i < inputs.size(); i++) {
                Evaluation e = dry.get(i);
                assertEquals(expected(rules, inputs.get(i)), winners(e), "seed " + seed + " package " + i);
                assertEveryRuleAccountedFor(rules, e);
                decisions += e.decisions().size();
                skipsByCondition += (int) e.skipped().stream()
                        .filter(s -> s.reason() == Evaluation.SkipReason.CONDITION_NOT_MET).count();
            }
        }
        // the generated data exercise both outcomes
        assertTrue(decisions > 1000, "decisions " + decisions);
        assertTrue(skipsByCondition > 1000, "skips " + skipsByCondition);
    }

    /** The rule read plainly: per kind, the first enabled rule that carries it and whose conditions all hold. */
    private static Map<Action.Kind, Long> expected(List<Rule> rules, RuleInput in) {
        Map<Action.Kind, Long> out = new EnumMap<>(Action.Kind.class);
        for (Action.Kind kind : Action.Kind.values()) {
            for (Rule r : rules) {
                boolean carries = r.actions().stream().anyMatch(a -> a.kind() == kind);
                if (r.enabled() && carries && r.conditions().stream().allMatch(c -> c.test(in, NOW))) {
                    out.put(kind, r.id());
                    break;
                }
            }
        }
        return out;
    }

    private static Map<Action.Kind, Long> winners(Evaluation e) {
        Map<Action.Kind, Long> out = new EnumMap<>(Action.Kind.class);
        for (Evaluation.Decision d : e.decisions()) {
            Long before = out.put(d.kind(), d.ruleId());
            assertEquals(null, before, "two decisions of kind " + d.kind());
        }
        return out;
    }

    /** Every rule either decided something or is listed as skipped, with a reason that is true. */
    private static void assertEveryRuleAccountedFor(List<Rule> rules, Evaluation e) {
        Map<Long, Integer> seen = new HashMap<>();
        e.decisions().forEach(d -> seen.merge(d.ruleId(), 1, Integer::sum));
        for (Evaluation.Skip s : e.skipped()) {
            Rule r = rules.get(s.position() - 1);
            assertEquals(r.id(), s.ruleId());
            switch (s.reason()) {
                case DISABLED -> assertTrue(!r.enabled());
                case CONDITION_NOT_MET -> assertTrue(!s.failed().test(e.input(), e.at())
                        && r.conditions().contains(s.failed()));
                case ALREADY_DECIDED -> assertTrue(!s.kinds().isEmpty() && s.kinds().stream()
                        .allMatch(k -> e.decision(k).orElseThrow().position() < s.position()));
                default -> throw new AssertionError(s.reason());
            }
            assertTrue(!e.explain(s).isBlank());
            seen.merge(r.id(), 1, Integer::sum);
        }
        assertEquals(Set.copyOf(rules.stream().map(Rule::id).toList()), seen.keySet());
    }
}
