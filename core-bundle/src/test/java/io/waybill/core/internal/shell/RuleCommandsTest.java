package io.waybill.core.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.waybill.core.model.LogisticsRule;
import io.waybill.core.model.RuleDryRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** What the waybill:rule-* commands print. */
class RuleCommandsTest {

    private static String out(Consumer<PrintStream> print) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        print.accept(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    @Test
    void rulesAndDryRunsAsText() {
        List<LogisticsRule> rules = List.of(
                new LogisticsRule(12, 1, "EU low value", true, List.of("country EU", "value ..150 EUR"),
                        List.of("hold IOSS number missing")),
                new LogisticsRule(13, 2, "Fallback", false, List.of(), List.of("warehouse W1", "tag x")));
        assertEquals("""
                #1 [on] EU low value (id 12)
                    when: country EU; value ..150 EUR
                    then: hold IOSS number missing
                #2 [off] Fallback (id 13)
                    when: always
                    then: warehouse W1; tag x
                """, out(o -> RuleCommands.print(rules, o)));
        assertEquals("No logistics rules. Add one with waybill:rule-add.\n", out(o -> RuleCommands.print(List.of(), o)));

        List<RuleDryRun> runs = List.of(new RuleDryRun("WB1", List.of(
                new RuleDryRun.Decision("HOLD", "hold IOSS number missing", 1, "EU low value")),
                List.of("rule #2 \"Fallback\": disabled")),
                new RuleDryRun("WB2", List.of(), List.of()));
        assertEquals("""
                Dry run: nothing was changed.
                WB1: hold IOSS number missing (rule #1 "EU low value")
                    skipped rule #2 "Fallback": disabled
                WB2: no rule applies
                """, out(o -> RuleCommands.printDryRun(runs, true, o)));
        assertEquals("""
                Dry run: nothing was changed.
                WB1: hold IOSS number missing (rule #1 "EU low value")
                WB2: no rule applies
                """, out(o -> RuleCommands.printDryRun(runs, false, o)));
    }
}
