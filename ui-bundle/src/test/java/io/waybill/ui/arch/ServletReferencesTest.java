package io.waybill.ui.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.waybill.ui.internal.WaybillVaadinServlet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every core service the views reach through {@code UiServices} is a field of the servlet that Declarative Services
 * fills: a service field without {@code @Reference} stays null for ever and its page says "service unavailable"
 * (a merge once dropped the annotation of the rule service's field, and the rules page could not add a rule).
 */
class ServletReferencesTest {

    @Test
    void everyVolatileServiceFieldOfTheServletIsAReference() {
        var servlet = new ClassFileImporter().importClasses(WaybillVaadinServlet.class).get(WaybillVaadinServlet.class);
        List<JavaField> services = servlet.getFields().stream()
                .filter(f -> f.getModifiers().contains(JavaModifier.VOLATILE))
                .filter(f -> f.getRawType().getName().startsWith("io.waybill.")).toList();
        assertTrue(services.size() > 20, "service fields found: " + services.size());
        assertEquals(List.of(), services.stream()
                .filter(f -> !f.isAnnotatedWith("org.osgi.service.component.annotations.Reference"))
                .map(JavaField::getName).toList(), "service fields DS never fills");
    }
}
