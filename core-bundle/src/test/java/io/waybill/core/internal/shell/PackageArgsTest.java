package io.waybill.core.internal.shell;

import io.waybill.core.api.PackageService;
import io.waybill.core.model.PackageDetail;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one look-up of a typed package number that the package commands share. */
class PackageArgsTest {

    private static final PackageDetail VISIBLE = new PackageDetail(null, null, false, null, List.of(), null, 0,
            List.of(), List.of(), null, null, null);

    /** WB1 is visible to "ann", WB2 exists but lies outside her scope, anything else is unknown. */
    private static PackageService packages() {
        return (PackageService) Proxy.newProxyInstance(PackageService.class.getClassLoader(),
                new Class<?>[] {PackageService.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "idsByNumber" -> {
                        @SuppressWarnings("unchecked")
                        List<String> numbers = (List<String>) args[0];
                        yield numbers.get(0).equals("WB1") ? Map.of("WB1", 1L)
                                : numbers.get(0).equals("WB2") ? Map.of("WB2", 2L) : Map.of();
                    }
                    case "detail" -> (Long) args[0] == 1L && "ann".equals(args[1]) ? Optional.of(VISIBLE)
                            : Optional.empty();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aVisiblePackageIsFoundAndNothingIsPrinted() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        Optional<PackageDetail> found = PackageArgs.detail(packages(), "WB1", "ann", print(out));

        assertSame(VISIBLE, found.orElseThrow());
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertEquals(Optional.of(1L), PackageArgs.one(packages(), "WB1", print(out)));
    }

    @Test
    void aWrongNumberAndAPackageOutsideTheUsersScopeReadTheSame() {
        for (String number : List.of("WB9", "WB2")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            assertTrue(PackageArgs.detail(packages(), number, "ann", print(out)).isEmpty(), number);
            assertEquals("Unknown package: " + number + System.lineSeparator(), out.toString(StandardCharsets.UTF_8),
                    number);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(PackageArgs.one(packages(), "WB9", print(out)).isEmpty());
        assertEquals("Unknown package: WB9" + System.lineSeparator(), out.toString(StandardCharsets.UTF_8));
    }

    private static PrintStream print(ByteArrayOutputStream out) {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    /** The undo commands' one shape: unknown number, nothing run; else the undo on its id, and its sentence. */
    @Test
    void anUndoRunsOnTheTypedPackageOnly_andARefusalIsThrownOn() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Long> ran = new java.util.ArrayList<>();

        PackageArgs.undo(packages(), "WB9", print(out), id -> ran.add(id), r -> "done " + r);
        assertEquals(List.of(), ran);
        assertEquals("Unknown package: WB9" + System.lineSeparator(), out.toString(StandardCharsets.UTF_8));

        out.reset();
        PackageArgs.undo(packages(), " WB1 ", print(out), id -> ran.add(id) ? id * 10 : -1, r -> "done " + r);
        assertEquals(List.of(1L), ran);
        assertEquals("done 10" + System.lineSeparator(), out.toString(StandardCharsets.UTF_8));

        io.waybill.core.api.OperationRefusedException refused = org.junit.jupiter.api.Assertions.assertThrows(
                io.waybill.core.api.OperationRefusedException.class, () -> PackageArgs.undo(packages(), "WB1",
                        print(out), id -> {
                            throw new io.waybill.core.api.OperationRefusedException("not_permitted", "not allowed");
                        }, r -> "never"));
        assertEquals("not_permitted", refused.code());
    }
}
