package io.waybill.plugin.conformance.arch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plugin import rule passes on a clean plugin and fails on one that reaches into the core or an undeclared library. */
class PluginImportsRuleTest {

    private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages(
            "io.waybill.carrier.archfixture", "io.waybill.core.internal.archfixture");

    @Test
    void cleanPlugin_passes() {
        EvaluationResult result = PluginImports.rule("io.waybill.carrier.archfixture.good", List.of())
                .evaluate(FIXTURES);
        assertFalse(result.hasViolation(), () -> result.getFailureReport().toString());
    }

    @Test
    void pluginReachingIntoTheCore_fails() {
        EvaluationResult result = PluginImports.rule("io.waybill.carrier.archfixture.bad", List.of())
                .evaluate(FIXTURES);
        assertTrue(result.hasViolation());
        String report = result.getFailureReport().toString();
        assertTrue(report.contains("io.waybill.core.internal.archfixture.CoreInternals"), report);
        assertTrue(report.contains("CoreReachingGateway"), report);
    }

    @Test
    void undeclaredLibrary_fails_declaredLibrary_passes() {
        assertTrue(PluginImports.rule("io.waybill.carrier.archfixture.lib", List.of())
                .evaluate(FIXTURES).hasViolation());
        EvaluationResult declared = PluginImports.rule("io.waybill.carrier.archfixture.lib",
                PluginImports.libraries("org.junit.jupiter.api.., org.opentest4j..")).evaluate(FIXTURES);
        assertFalse(declared.hasViolation(), () -> declared.getFailureReport().toString());
    }

    @Test
    void pluginWithoutClasses_fails() {
        // a wrong package or an empty class folder must not pass silently
        assertThrows(AssertionError.class,
                () -> PluginImports.rule("io.waybill.carrier.nothing", List.of()).evaluate(FIXTURES));
    }

    @Test
    void librariesProperty_parsed() {
        assertTrue(PluginImports.libraries(null).isEmpty());
        assertTrue(PluginImports.libraries("  ").isEmpty());
        assertTrue(PluginImports.libraries("a.., b..\n c..").equals(List.of("a..", "b..", "c..")));
    }

    @Test
    void ownPackageOutsideWaybill_refused() {
        assertThrows(IllegalArgumentException.class, () -> PluginImports.rule("com.acme", List.of()));
    }
}
