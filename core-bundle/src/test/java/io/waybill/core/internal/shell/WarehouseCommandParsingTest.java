package io.waybill.core.internal.shell;

import io.waybill.core.api.WarehouseService;
import io.waybill.core.api.WarehouseValidator;
import io.waybill.core.model.Warehouse;
import io.waybill.core.model.WarehouseKind;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.impl.action.command.DefaultActionPreparator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The warehouse commands as Karaf parses them: options before or after the code, as the README writes them. */
class WarehouseCommandParsingTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream stdout;
    private final List<Object> calls = new ArrayList<>();

    private static final Warehouse W1 = new Warehouse("W1", "One", WarehouseKind.OWN, "1 Road", null, "Town", null,
            "518000", "CN", null, null, null, true);

    @BeforeEach
    void captureOutput() {
        stdout = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOutput() {
        System.setOut(stdout);
    }

    private WarehouseService recording() {
        return (WarehouseService) Proxy.newProxyInstance(WarehouseService.class.getClassLoader(),
                new Class<?>[] {WarehouseService.class}, (proxy, method, a) -> switch (method.getName()) {
                    case "create", "update" -> {
                        calls.add(a[0]);
                        yield WarehouseValidator.normalise((Warehouse) a[0]).withEnabled(true);
                    }
                    case "get" -> Optional.of(W1);
                    case "setEnabled" -> {
                        calls.add("enabled=" + a[1]);
                        yield W1.withEnabled((Boolean) a[1]);
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private String run(Action action, Object... args) throws Exception {
        out.reset();
        assertTrue(new DefaultActionPreparator().prepare(action, null, List.of(args)), "arguments accepted");
        action.execute();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void addTakesTheOptionsAfterTheCodeAsTheReadmeWritesThem() throws Exception {
        // given
        WarehouseAddCommand add = new WarehouseAddCommand();
        add.warehouses = recording();

        // when
        String output = run(add, "SZ-02", "--name", "Shenzhen Bao'an", "--street", "Building 3, Fuyong Road 88",
                "--city", "Shenzhen", "--postal", "518103", "--country", "CN", "--state=Guangdong", "--kind", "3pl",
                "--email", "wh@example.com");

        // then
        assertEquals(List.of(new Warehouse("SZ-02", "Shenzhen Bao'an", WarehouseKind.THIRD_PARTY,
                "Building 3, Fuyong Road 88", null, "Shenzhen", "Guangdong", "518103", "CN", null, null,
                "wh@example.com", true)), calls);
        assertTrue(output.startsWith("Added warehouse SZ-02 (Shenzhen Bao'an, 3pl): Building 3, Fuyong Road 88, "
                + "518103 Shenzhen, Guangdong, CN"), output);
    }

    @Test
    void addTakesOptionsBeforeTheCodeToo() throws Exception {
        WarehouseAddCommand add = new WarehouseAddCommand();
        add.warehouses = recording();
        run(add, "--name", "One", "--street", "1 Road", "--city", "Town", "--country", "DE", "--postal", "60549", "W9");
        assertEquals("W9", ((Warehouse) calls.get(0)).code());
        assertEquals("60549", ((Warehouse) calls.get(0)).postalCode());
    }

    @Test
    void unknownTrailingWordsAndKindsAreRefused() {
        WarehouseAddCommand add = new WarehouseAddCommand();
        add.warehouses = recording();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run(add, "W9", "--name", "One", "--colour", "red"));
        assertTrue(e.getMessage().startsWith("Unexpected '--colour' after the warehouse code; options: "),
                e.getMessage());
        WarehouseAddCommand kind = new WarehouseAddCommand();
        kind.warehouses = recording();
        assertTrue(assertThrows(RuntimeException.class, () -> run(kind, "W9", "--kind", "garage")).getMessage()
                .contains("'garage' is not one of own, overseas, 3pl"));
        assertEquals(List.of(), calls);
    }

    @Test
    void setChangesOnlyTheGivenFieldsAndDisables() throws Exception {
        // given
        WarehouseSetCommand set = new WarehouseSetCommand();
        set.warehouses = recording();

        // when
        String output = run(set, "W1", "--city", "Dongguan", "--phone", "+86 769 1234 5678", "--disable");

        // then
        Warehouse updated = (Warehouse) calls.get(0);
        assertEquals("Dongguan", updated.city());
        assertEquals("1 Road", updated.line1());
        assertEquals("+86 769 1234 5678", updated.phone());
        assertEquals("enabled=false", calls.get(1));
        assertTrue(output.contains("disabled"), output);
    }
}
