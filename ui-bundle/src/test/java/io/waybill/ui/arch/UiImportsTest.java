package io.waybill.ui.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The UI talks to the core through its published API only: of Waybill's packages, a UI class may use
 * {@code io.waybill.core.api..}, {@code io.waybill.core.model..} and the plugin contracts {@code io.waybill.spi..}
 * (the value types the API hands out: Message, Result, WeightReading, …), besides its own {@code io.waybill.ui..}.
 * Never {@code io.waybill.core.internal..}, {@code io.waybill.security..} or a plugin's package: the bundle's
 * Import-Package would refuse them at run time anyway, this rule says so at build time with the offending line.
 */
class UiImportsTest {

    static final ArchRule UI_USES_ONLY_CORE_API_MODEL_AND_SPI = noClasses()
            .that().resideInAPackage("io.waybill.ui..")
            .should().dependOnClassesThat(resideInAPackage("io.waybill..").and(not(
                    resideInAnyPackage("io.waybill.ui..", "io.waybill.core.api..", "io.waybill.core.model..",
                            "io.waybill.spi.."))))
            .as("the UI uses of Waybill only io.waybill.core.api, io.waybill.core.model and io.waybill.spi")
            .allowEmptyShould(false);

    @Test
    void uiUsesOnlyCoreApiModelAndSpi() {
        JavaClasses ui = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.waybill.ui");
        assertTrue(ui.size() > 20, "the UI's main classes were not found: " + ui.size());
        UI_USES_ONLY_CORE_API_MODEL_AND_SPI.check(ui);
    }

    @Test
    void uiClassImportingCoreInternals_fails() {
        JavaClasses fixture = new ClassFileImporter().importPackages("io.waybill.ui.archfixture");
        EvaluationResult result = UI_USES_ONLY_CORE_API_MODEL_AND_SPI.evaluate(fixture);
        assertTrue(result.hasViolation());
        String report = result.getFailureReport().toString();
        assertTrue(report.contains("io.waybill.core.internal.lifecycle.PackageLifecycle"), report);
    }
}
