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
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No cycles between the core's internal packages ({@code io.waybill.core.internal.<slice>..}).
 *
 * <p>The core had cycles (workflow, service and carrier all reached each other) until issue 11 item 5 moved the
 * shared types down ({@code persistence}, {@code plugin}, {@code lifecycle}, {@code workers}). The allow-list of
 * known cycle edges is empty now and must stay empty: any cycle fails the build. {@link #noCycles} keeps its
 * allow-list parameter for the fixture test that shows how an allowed edge is let through.
 */
class CorePackageCyclesTest {

    static final String CORE_INTERNAL = "io.waybill.core.internal";

    /** from -> to, slices under io.waybill.core.internal: none left (the list only shrank, and is empty). */
    static final List<String[]> KNOWN_CYCLE_EDGES = List.of();

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
    void noKnownCycleEdgesAreAllowed() {
        assertEquals(List.of(), KNOWN_CYCLE_EDGES.stream().map(e -> e[0] + " -> " + e[1]).toList(),
                "the core is free of package cycles; fix a new one instead of allowing it");
        assertFalse(noCycles(CORE_INTERNAL, List.of()).evaluate(CORE).hasViolation());
    }

    @Test
    void formerCycleEdgesAreGone() {
        // the three edges that closed the former cycles (workflow -> carrier: CarrierLabels, now in persistence;
        // workflow -> service and carrier -> service: PluginRegistryImpl, now in plugin)
        for (String[] edge : List.of(new String[] {"workflow", "carrier"}, new String[] {"workflow", "service"},
                new String[] {"carrier", "service"})) {
            assertEquals(List.of(), dependencies(edge[0], edge[1]), edge[0] + " -> " + edge[1]);
        }
        // the layering kept: service and carrier above workflow
        assertTrue(!dependencies("carrier", "workflow").isEmpty() && !dependencies("service", "workflow").isEmpty());
    }

    @Test
    void aNewCycle_fails() {
        JavaClasses fixture = new ClassFileImporter().importPackages("io.waybill.core.archfixture");
        EvaluationResult result = noCycles("io.waybill.core.archfixture", KNOWN_CYCLE_EDGES).evaluate(fixture);
        assertTrue(result.hasViolation());
        String report = result.getFailureReport().toString();
        assertTrue(report.contains("alpha") && report.contains("beta"), report);
        // the same cycle, declared known, passes: this is how the (now empty) allow-list worked
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
