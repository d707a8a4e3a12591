package io.waybill.plugin.conformance.arch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link PluginImports#rule} on the main classes of the plugin being built. Every plugin runs it without a line
 * of its own: the plugin parent scans this jar for tests (surefire {@code dependenciesToScan}) and passes the
 * plugin's class folder ({@code waybill.plugin.classes}), its root package ({@code waybill.plugin.package}, the
 * artifactId) and its declared libraries ({@code waybill.plugin.libraries}).
 */
public class PluginImportsTest {

    @Test
    void pluginImportsOnlySpiKitJdkOsgiAndItsDeclaredLibraries() {
        String folder = System.getProperty("waybill.plugin.classes");
        String ownPackage = System.getProperty("waybill.plugin.package");
        assertTrue(folder != null && ownPackage != null,
                "run by the plugin parent, which sets waybill.plugin.classes and waybill.plugin.package");
        Path classes = Path.of(folder);
        assertTrue(Files.isDirectory(classes), "no compiled plugin classes in " + classes);
        JavaClasses imported = new ClassFileImporter().importPath(classes);
        PluginImports.rule(ownPackage, PluginImports.libraries(System.getProperty("waybill.plugin.libraries")))
                .check(imported);
    }
}
