package io.waybill.core.arch;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.dependencies.SliceRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No cycles between the core's internal packages ({@code io.waybill.core.internal.<slice>..}).
 *
 * <p>The core has cycles today (workflow, service and carrier all reach each other). They are debt (issue 11
 * item 5, listed in ARCHITECTURE.md "Checks in the build"), recorded here as {@link #KNOWN_CYCLE_EDGES}: the
 * package-to-package dependencies that close the known cycles. The rule ignores exactly those, so any other cycle
 * (a new package pair, or the known packages reaching each other over a new edge) fails the build. When a refactor
 * removes one of them, {@link #knownCycleEdges_stillExist} fails until the line is deleted here and in
 * ARCHITECTURE.md: the list only shrinks.
 */
class CorePackageCyclesTest {

    static final String CORE_INTERNAL = "io.waybill.core.internal";

    /** from -> to, slices under io.waybill.core.internal; layering read as workflow below carrier below service. */
    static final List<String[]> KNOWN_CYCLE_EDGES = List.of(
            new String[] {"workflow", "carrier"},   // FulfilmentServiceImpl -> CarrierLabels
            new String[] {"workflow", "service"},   // FulfilmentServiceImpl -> PluginRegistryImpl
            new String[] {"carrier", "service"});   // CarrierJobWorker -> PluginRegistryImpl

    static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(CORE_INTERNAL);

    /** The rule: the slices {@code <root>.(*)..} are free of cycles, apart from the given known edges. */
    static SliceRule noCycles(String root, List<String[]> knownEdges) {
        SliceRule rule = slices().matching(root + ".(*)..").namingSlices("$1")
                .should().beFreeOfCycles()
                .as("no cycles between the packages of " + root + " (known cycle edges ignored: "
                        + knownEdges.stream().map(e -> e[0] + "->" + e[1]).toList() + ")");
        for (String[] edge : knownEdges) {
            rule = rule.ignoreDependency(resideInAPackage(root + "." + edge[0] + ".."),
                    resideInAPackage(root + "." + edge[1] + ".."));
        }
        return rule;
    }

    @Test
    void noNewCyclesBetweenCoreInternalPackages() {
        assertTrue(CORE.size() > 100, "the core's classes were not found: " + CORE.size());
        noCycles(CORE_INTERNAL, KNOWN_CYCLE_EDGES).check(CORE);
    }

    @Test
    void coreHasTheKnownCycles_withoutTheListTheRuleFails() {
        EvaluationResult result = noCycles(CORE_INTERNAL, List.of()).evaluate(CORE);
        assertTrue(result.hasViolation(), "no cycles left: empty KNOWN_CYCLE_EDGES and ARCHITECTURE.md's debt list");
    }

    @Test
    void knownCycleEdges_stillExist() {
        List<String> gone = new ArrayList<>();
        for (String[] edge : KNOWN_CYCLE_EDGES) {
            if (dependencies(edge[0], edge[1]).isEmpty()) {
                gone.add(edge[0] + " -> " + edge[1]);
            }
        }
        assertEquals(List.of(), gone, "cycle edges removed by a refactor: delete them from KNOWN_CYCLE_EDGES "
                + "and from ARCHITECTURE.md (Checks in the build)");
    }

    @Test
    void aNewCycle_fails() {
        JavaClasses fixture = new ClassFileImporter().importPackages("io.waybill.core.archfixture");
        EvaluationResult result = noCycles("io.waybill.core.archfixture", KNOWN_CYCLE_EDGES).evaluate(fixture);
        assertTrue(result.hasViolation());
        String report = result.getFailureReport().toString();
        assertTrue(report.contains("alpha") && report.contains("beta"), report);
        // the same cycle, declared known, passes: the allow-list is what lets the core's debt through
        assertFalse(noCycles("io.waybill.core.archfixture", List.<String[]>of(new String[] {"beta", "alpha"}))
                .evaluate(fixture).hasViolation());
    }

    private static List<Dependency> dependencies(String from, String to) {
        String target = CORE_INTERNAL + "." + to;
        return CORE.stream()
                .filter(c -> c.getPackageName().equals(CORE_INTERNAL + "." + from)
                        || c.getPackageName().startsWith(CORE_INTERNAL + "." + from + "."))
                .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                .filter(d -> d.getTargetClass().getPackageName().equals(target)
                        || d.getTargetClass().getPackageName().startsWith(target + "."))
                .toList();
    }
}
