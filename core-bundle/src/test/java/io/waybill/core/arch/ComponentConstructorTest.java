package io.waybill.core.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaModifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A component created by constructor injection has exactly one public constructor with as many parameters as its
 * {@code @Activate} constructor. Felix SCR chooses the constructor by that number alone (the descriptor says
 * {@code init="3"}); with two public candidates it may take the other one and then refuse to create the component
 * ("Constructor argument 2 ... has unsupported type boolean"), which left the sync worker unstarted in a CI run.
 */
class ComponentConstructorTest {

    static final String ACTIVATE = "org.osgi.service.component.annotations.Activate";

    /** "Class(n)" for every component whose @Activate constructor shares its arity with another public one. */
    static List<String> ambiguous(Iterable<JavaClass> classes) {
        List<String> out = new ArrayList<>();
        for (JavaClass c : classes) {
            for (JavaConstructor activate : c.getConstructors()) {
                if (!activate.isAnnotatedWith(ACTIVATE)) {
                    continue;
                }
                int arity = activate.getRawParameterTypes().size();
                long same = c.getConstructors().stream()
                        .filter(k -> k.getModifiers().contains(JavaModifier.PUBLIC))
                        .filter(k -> k.getRawParameterTypes().size() == arity).count();
                if (same > 1) {
                    out.add(c.getSimpleName() + "(" + arity + ")");
                }
            }
        }
        return out;
    }

    @Test
    void everyActivateConstructorIsTheOnlyPublicOneOfItsArity() {
        long components = CorePackageCyclesTest.CORE.stream().filter(c -> c.getConstructors().stream()
                .anyMatch(k -> k.isAnnotatedWith(ACTIVATE))).count();
        assertTrue(components > 10, "constructor-injected components found: " + components);
        assertEquals(List.of(), ambiguous(CorePackageCyclesTest.CORE));
    }

    /** The check itself finds the case it is for. */
    @Test
    void aSecondPublicConstructorOfTheSameArityIsFound() {
        var fixture = new com.tngtech.archunit.core.importer.ClassFileImporter().importClasses(Ambiguous.class);
        assertEquals(List.of("Ambiguous(2)"), ambiguous(fixture));
    }

    static final class Ambiguous {
        @org.osgi.service.component.annotations.Activate
        public Ambiguous(String a, Object b) {
        }

        public Ambiguous(String a, boolean start) {
        }
    }
}
