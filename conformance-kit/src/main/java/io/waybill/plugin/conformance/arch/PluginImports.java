package io.waybill.plugin.conformance.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The import rule of every plugin, stated once: a plugin's classes depend only on
 * <ul>
 *   <li>its own packages ({@code <artifactId>..}, i.e. {@code io.waybill.carrier.acme..});</li>
 *   <li>the plugin contracts {@code io.waybill.spi..} and the plugin kit {@code io.waybill.plugin.kit..};</li>
 *   <li>the JDK ({@code java..}, {@code javax..}), the OSGi framework and annotations ({@code org.osgi..}) and the
 *       container's logging API ({@code org.slf4j..});</li>
 *   <li>the third-party libraries the plugin declares (the POM property {@code waybill.plugin.libraries}, a
 *       comma-separated list of ArchUnit package patterns such as {@code com.fasterxml.jackson..}).</li>
 * </ul>
 * Never {@code io.waybill.core..}, {@code io.waybill.ui..} or any other Waybill bundle: updating the core must not
 * rewire a plugin, and a plugin compiles against the SPI alone.
 */
public final class PluginImports {

    /** What every plugin may use besides its own packages and its declared libraries. */
    public static final List<String> PLATFORM = List.of(
            "io.waybill.spi..", "io.waybill.plugin.kit..",
            "java..", "javax..", "org.osgi..", "org.slf4j..");

    private PluginImports() {
    }

    /**
     * @param ownPackage the plugin's root package (its artifactId), e.g. {@code io.waybill.carrier.shippo}
     * @param libraries  package patterns of the plugin's declared third-party libraries (may be empty)
     */
    public static ArchRule rule(String ownPackage, List<String> libraries) {
        if (ownPackage == null || ownPackage.isBlank() || !ownPackage.startsWith("io.waybill.")) {
            throw new IllegalArgumentException("a plugin's own package is io.waybill.<kind>.<id>, not " + ownPackage);
        }
        List<String> allowed = new ArrayList<>();
        allowed.add(ownPackage + "..");
        allowed.addAll(PLATFORM);
        allowed.addAll(libraries);
        return classes().that().resideInAPackage(ownPackage + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(allowed.toArray(String[]::new))
                .as("plugin " + ownPackage + " imports only its own packages, io.waybill.spi, the plugin kit, "
                        + "java/javax, OSGi, SLF4J and its declared libraries " + libraries
                        + " (never io.waybill.core or io.waybill.ui)")
                .allowEmptyShould(false);
    }

    /** Parses the {@code waybill.plugin.libraries} property: comma or whitespace separated patterns. */
    public static List<String> libraries(String property) {
        if (property == null || property.isBlank()) {
            return List.of();
        }
        return Arrays.stream(property.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }
}
