package io.waybill.core.internal.shell;

import io.waybill.core.api.PackageService;
import io.waybill.core.api.StockService;
import io.waybill.core.model.PackageRow;
import io.waybill.core.model.PackageStatus;
import io.waybill.core.model.StockRow;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.impl.action.command.DefaultActionPreparator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shell commands as Karaf reads them: the command line goes through Karaf's own {@link DefaultActionPreparator}
 * (which reads options only before the first argument), then the action runs against a recording service.
 */
class ShellCommandParsingTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream stdout;

    @BeforeEach
    void captureOutput() {
        stdout = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOutput() {
        System.setOut(stdout);
    }

    private String run(Action action, Object... args) throws Exception {
        out.reset();
        assertTrue(new DefaultActionPreparator().prepare(action, null, List.of(args)), "arguments accepted");
        action.execute();
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A StockService whose adjust records what it was asked. */
    private static StockService recordingStock(List<String> calls) {
        return (StockService) Proxy.newProxyInstance(StockService.class.getClassLoader(),
                new Class<?>[] {StockService.class}, (proxy, method, a) -> {
                    if (method.getName().equals("adjust")) {
                        calls.add(a[0] + " " + a[1] + " " + a[2] + " [" + a[3] + "]");
                        return new StockRow((String) a[0], (String) a[1], "name", null, 10, 0);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void stockAdjustReadsTheReasonAfterTheArgumentsAsTheReadmeWritesIt() throws Exception {
        // given
        List<String> calls = new ArrayList<>();
        StockAdjustCommand command = new StockAdjustCommand();
        command.stock = recordingStock(calls);

        // when: README form, a negative change, a reason of several words
        run(command, "W1", "MUG-RED", "-3", "-r", "damaged", "in", "transit");

        // then
        assertEquals(List.of("W1 MUG-RED -3 [damaged in transit]"), calls);
    }

    @Test
    void stockAdjustStillTakesTheReasonBeforeTheArgumentsAndDefaultsWithoutOne() throws Exception {
        List<String> calls = new ArrayList<>();
        StockAdjustCommand before = new StockAdjustCommand();
        before.stock = recordingStock(calls);
        run(before, "-r", "goods received", "W1", "MUG-RED", "20");
        StockAdjustCommand longForm = new StockAdjustCommand();
        longForm.stock = recordingStock(calls);
        run(longForm, "W1", "MUG-RED", "+5", "--reason", "recount");
        StockAdjustCommand none = new StockAdjustCommand();
        none.stock = recordingStock(calls);
        run(none, "W1", "MUG-RED", "1");

        assertEquals(List.of("W1 MUG-RED 20 [goods received]", "W1 MUG-RED 5 [recount]", "W1 MUG-RED 1 [adjustment]"),
                calls);
    }

    @Test
    void stockAdjustRefusesWordsAfterTheChangeThatAreNotAReason() {
        StockAdjustCommand command = new StockAdjustCommand();
        List<String> calls = new ArrayList<>();
        command.stock = recordingStock(calls);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run(command, "W1", "MUG-RED", "3", "damaged"));
        assertTrue(e.getMessage().startsWith("Unexpected 'damaged' after the change"), e.getMessage());
        StockAdjustCommand empty = new StockAdjustCommand();
        empty.stock = recordingStock(calls);
        assertThrows(IllegalArgumentException.class, () -> run(empty, "W1", "MUG-RED", "3", "-r"));
        assertEquals(List.of(), calls, "nothing adjusted");
    }

    /** A PackageService over {@code total} packages WB1..WBn, oldest first, honouring offset and (capped) limit. */
    private static PackageService packages(int total) {
        return (PackageService) Proxy.newProxyInstance(PackageService.class.getClassLoader(),
                new Class<?>[] {PackageService.class}, (proxy, method, a) -> switch (method.getName()) {
                    case "count" -> (long) total;
                    case "find" -> {
                        int offset = (Integer) a[1];
                        int limit = Math.min((Integer) a[2], 1000);
                        List<PackageRow> rows = new ArrayList<>();
                        for (int i = offset; i < Math.min(total, offset + limit); i++) {
                            rows.add(new PackageRow(i + 1, "WB" + (i + 1), "O" + (i + 1), "S1", "Store", "test",
                                    "Buyer", "US", "A×1", 100, Instant.EPOCH.plusSeconds(i), PackageStatus.WAITING,
                                    null));
                        }
                        yield rows;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Set<String> packageNumbers(String output) {
        Set<String> numbers = new HashSet<>();
        Matcher m = Pattern.compile("(?m)^(WB\\d+) ").matcher(output);
        while (m.find()) {
            numbers.add(m.group(1));
        }
        return numbers;
    }

    private String packageList(PackageService service, Object... args) throws Exception {
        PackageListCommand command = new PackageListCommand();
        command.packages = service;
        return run(command, args);
    }

    @Test
    void packageListPagesThroughMoreThanOneThousandPackagesAndSaysWhereItIs() throws Exception {
        // given
        PackageService service = packages(2345);

        // when
        String first = packageList(service, "-n", "1000");
        String second = packageList(service, "-n", "1000", "--page", "2");
        String third = packageList(service, "-n", "1000", "--page", "3");
        String past = packageList(service, "-n", "1000", "--page", "4");

        // then
        assertTrue(first.contains("1000 of 2345 packages\nshowing 1-1,000 of 2,345; next: --page 2\n"), first);
        assertTrue(second.contains("showing 1,001-2,000 of 2,345; next: --page 3\n"), second);
        assertTrue(third.contains("345 of 2345 packages\nshowing 2,001-2,345 of 2,345; last page\n"), third);
        assertTrue(past.contains("page 4 is past the end: 2,345 packages make 3 pages of 1,000"), past);
        Set<String> all = new HashSet<>();
        for (String page : List.of(first, second, third)) {
            all.addAll(packageNumbers(page));
        }
        assertEquals(2345, all.size(), "every package on exactly one page");
    }

    @Test
    void packageListSaysWhenItShowsFewerThanAskedFor() throws Exception {
        String capped = packageList(packages(1500), "-n", "5000");
        assertTrue(capped.contains("showing 1-1,000 of 1,500; next: --page 2 (at most 1000 per page)"), capped);
        String whole = packageList(packages(7));
        assertTrue(whole.endsWith("7 of 7 packages\n"), whole);
    }

    /** A UserService whose create / setScope record what they were asked. */
    private static io.waybill.core.api.UserService recordingUsers(List<String> calls) {
        return (io.waybill.core.api.UserService) Proxy.newProxyInstance(
                io.waybill.core.api.UserService.class.getClassLoader(),
                new Class<?>[] {io.waybill.core.api.UserService.class}, (proxy, method, a) -> {
                    switch (method.getName()) {
                        case "create" -> calls.add("create " + a[0] + " " + new java.util.TreeSet<>((Set<?>) a[1])
                                + " " + new java.util.TreeSet<>((Set<?>) a[2]) + " " + new java.util.TreeSet<>((Set<?>) a[3])
                                + " pw=" + new String((char[]) a[4]));
                        case "setScope" -> calls.add("scope " + a[0] + " " + new java.util.TreeSet<>((Set<?>) a[1])
                                + " " + new java.util.TreeSet<>((Set<?>) a[2]));
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return new io.waybill.core.model.UserInfo((String) a[0], Set.of("operator"), true, Set.of(),
                            Set.of(), null);
                });
    }

    @Test
    void userAddTakesItsOptionsAfterTheNameAsTheReadmeWritesThemAndThePasswordFromAFile(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        // given
        java.nio.file.Path file = dir.resolve("pw");
        java.nio.file.Files.writeString(file, "long-enough-pw\nignored\n");
        List<String> calls = new ArrayList<>();
        io.waybill.core.internal.files.FileAccess files = io.waybill.core.internal.files.FileAccess.withRules(
                new io.waybill.core.internal.files.FileAccessRules(List.of(dir.toRealPath()), List.of(), List.of()));
        UserAddCommand after = new UserAddCommand();
        after.users = recordingUsers(calls);
        after.files = files;
        UserAddCommand before = new UserAddCommand();
        before.users = recordingUsers(calls);
        before.files = files;

        // when
        run(after, "olga", "--role", "operator", "--warehouse", "SZ-01", "-w", "US-LA", "--store=ACME-SHOP",
                "--password-file", file.toString());
        run(before, "--role", "supervisor", "--password-file", file.toString(), "sam");

        // then
        assertEquals(List.of("create olga [operator] [SZ-01, US-LA] [ACME-SHOP] pw=long-enough-pw",
                "create sam [supervisor] [] [] pw=long-enough-pw"), calls);
    }

    @Test
    void userAddRefusesUnknownWordsAMissingRoleAndARoleGivenTwice() {
        List<String> calls = new ArrayList<>();
        UserAddCommand unknown = new UserAddCommand();
        unknown.users = recordingUsers(calls);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run(unknown, "olga", "--role", "operator", "--password", "secret"));
        assertTrue(e.getMessage().startsWith("Unexpected '--password'"), e.getMessage());
        UserAddCommand noRole = new UserAddCommand();
        noRole.users = recordingUsers(calls);
        assertThrows(IllegalArgumentException.class, () -> run(noRole, "olga", "--warehouse", "SZ-01"));
        UserAddCommand twice = new UserAddCommand();
        twice.users = recordingUsers(calls);
        assertThrows(IllegalArgumentException.class, () -> run(twice, "--role", "admin", "olga", "--role", "operator"));
        assertEquals(List.of(), calls, "nothing created");
    }

    /** A ProductService whose create/update/find record and answer what they were given. */
    private static io.waybill.core.api.ProductService recordingProducts(List<io.waybill.core.model.Product> saved) {
        return (io.waybill.core.api.ProductService) Proxy.newProxyInstance(
                io.waybill.core.api.ProductService.class.getClassLoader(),
                new Class<?>[] {io.waybill.core.api.ProductService.class}, (proxy, method, a) -> {
                    switch (method.getName()) {
                        case "create", "update" -> {
                            saved.add((io.waybill.core.model.Product) a[0]);
                            return a[0];
                        }
                        case "find" -> {
                            return java.util.Optional.of(io.waybill.core.model.Product.of((String) a[0], "Old", 10));
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    @Test
    void skuAddAndSetReadOptionsBeforeAndAfterTheSku() throws Exception {
        // given
        List<io.waybill.core.model.Product> saved = new ArrayList<>();
        SkuAddCommand add = new SkuAddCommand();
        add.products = recordingProducts(saved);
        // when: options after the SKU, one with '=', dims and dangerous goods
        String out = run(add, "MUG-1", "--name", "Ceramic mug", "--weight=380", "--dims", "120x90x100",
                "--barcodes", "4006381333931|FREE-1", "--dg", "battery,magnet", "--value", "6.5", "--currency", "usd");
        // then
        io.waybill.core.model.Product p = saved.get(0);
        assertEquals("MUG-1", p.sku());
        assertEquals("Ceramic mug", p.name());
        assertEquals(380, p.weightGrams());
        assertEquals(List.of(120, 90, 100), List.of(p.lengthMm(), p.widthMm(), p.heightMm()));
        assertEquals(List.of("4006381333931", "FREE-1"), p.barcodes());
        assertTrue(p.battery() && p.magnet() && !p.liquid());
        assertEquals("USD", p.currency());
        assertTrue(out.startsWith("Added MUG-1: Ceramic mug, 380 g"), out);
        // and sku-set keeps what it is not given, options before the SKU
        SkuSetCommand set = new SkuSetCommand();
        set.products = recordingProducts(saved);
        run(set, "--weight", "420", "MUG-1");
        assertEquals("Old", saved.get(1).name());
        assertEquals(420, saved.get(1).weightGrams());
        // and a bad value is refused with the validator's reason, nothing saved
        SkuAddCommand bad = new SkuAddCommand();
        bad.products = recordingProducts(saved);
        io.waybill.core.api.OperationRefusedException e = assertThrows(
                io.waybill.core.api.OperationRefusedException.class,
                () -> run(bad, "X", "--name", "X", "--weight", "5", "--barcodes", "4006381333932"));
        assertEquals("The product was not saved: barcodes: '4006381333932' has a wrong check digit: EAN-13 ending "
                + "in 1 expected", e.getMessage());
        assertEquals(2, saved.size());
    }

    @Test
    void skuAddAndSetTakeComponents() throws Exception {
        List<io.waybill.core.model.Product> saved = new ArrayList<>();
        SkuAddCommand add = new SkuAddCommand();
        add.products = recordingProducts(saved);
        // a bundle may leave out its weight
        String out = run(add, "KIT-1", "--name", "Kit", "--components", "MUG-1*2;BOX-S");
        assertEquals(List.of(new io.waybill.core.model.ProductComponent("MUG-1", 2),
                new io.waybill.core.model.ProductComponent("BOX-S", 1)), saved.get(0).components());
        assertTrue(out.contains("weight = sum of components, bundle of MUG-1*2;BOX-S*1"), out);
        // a quantity of 0 and the bundle itself are refused with the validator's reasons
        SkuAddCommand bad = new SkuAddCommand();
        bad.products = recordingProducts(saved);
        io.waybill.core.api.OperationRefusedException e = assertThrows(
                io.waybill.core.api.OperationRefusedException.class,
                () -> run(bad, "KIT-2", "--name", "Kit", "--components", "KIT-2*1;MUG-1*0"));
        assertEquals("The product was not saved: components: 'KIT-2' is the bundle itself: a bundle cannot contain "
                + "itself; components: 'MUG-1' has quantity 0: each component needs 1 or more units", e.getMessage());
        // sku-set --components "" makes it a plain product again
        SkuSetCommand set = new SkuSetCommand();
        set.products = recordingProducts(saved);
        run(set, "MUG-1", "--components", "");
        assertTrue(saved.get(1).components().isEmpty());
    }
}
