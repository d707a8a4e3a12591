package io.waybill.itests;

import io.waybill.itests.WaybillDistribution.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.waybill.itests.Fixtures.grams;
import static io.waybill.itests.Fixtures.kg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Print and ship through the shell, checked with real decoders: demo packages of store {@value #STORE} (the other
 * workflow classes use ACME-SHOP orders of their own) are allocated and uploaded with the pool carrier kar in
 * {@code deploy/}; {@code waybill:print} writes the labels (marking them printed) and the picking list to PDF;
 * {@code pdftoppm} renders the pages and {@code zbarimg} must decode every tracking number from the labels and
 * every package number from the picking list. Then {@code waybill:ship -w}: a weight 200 g over is refused as
 * WEIGHT MISMATCH, the expected weight ships (history with the weight, stock on hand down), an unknown code and a
 * voided package are refused.
 */
@Order(7)
@ExtendWith(WaybillExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrintAndShipIT {

    static final String STORE = "ACME-EBAY";
    static final List<String> WAREHOUSES = Fixtures.WAREHOUSES;
    private static final int WANTED = 5;
    /** Packages up to this weight have a tolerance of max(50 g, 5 %) < 200 g. */
    private static final int MAX_GRAMS = 3500;
    private static final Duration DEPLOY_LIMIT = Duration.ofSeconds(60);
    private static final Duration TRACKING_LIMIT = Duration.ofSeconds(90);
    private static final Pattern POOL_ROW = Pattern.compile("(?m)^carrier\\s*\\|\\s*pool\\s*\\|.*");
    private static final Pattern S10 = Pattern.compile("RR\\d{9}CN");
    private static final Pattern LINE = Pattern.compile("(?m)^  ([A-Z0-9-]+) x(\\d+)  ");

    private WaybillDistribution waybill;
    private Path files;
    private Path deployedKar;
    /** package no. -> expected grams, of the packages this class works on (allocated ones only). */
    private final Map<String, Integer> expected = new LinkedHashMap<>();
    /** An allocated package kept back from the upload, voided in the last test (the pool carrier cannot cancel
     * a shipment, so a tracked package cannot be voided). */
    private String toVoid;
    /** package no. -> tracking no. */
    private final Map<String, String> tracking = new LinkedHashMap<>();
    /** "warehouse/sku" -> on hand before allocation. */
    private final Map<String, Integer> stockBefore = new LinkedHashMap<>();

    @BeforeAll
    void deployPoolKar(WaybillDistribution waybill) throws IOException {
        this.waybill = waybill;
        files = waybill.printDir("print-and-ship");
        Path kar = Path.of(WaybillDistribution.required("waybill.it.poolKar"));
        deployedKar = waybill.deployDir().resolve(kar.getFileName());
        Files.copy(kar, deployedKar, StandardCopyOption.REPLACE_EXISTING);
        try {
            waybill.shellUntil("waybill:plugin-list", r -> POOL_ROW.matcher(WaybillDistribution.registeredPlugins(r.output())).find(), DEPLOY_LIMIT);
        } catch (AssertionError e) {
            throw new AssertionError("the pool carrier kar copied to " + deployedKar + " was not registered: "
                    + e.getMessage() + waybill.bundleDiag("io.waybill.carrier.pool"), e);
        }
    }

    @AfterAll
    void undeployPoolKar() throws IOException {
        if (deployedKar != null && Files.deleteIfExists(deployedKar)) {
            waybill.shellUntil("waybill:plugin-list", r -> r.exitCode() == 0 && !POOL_ROW.matcher(r.output()).find(),
                    DEPLOY_LIMIT);
        }
    }

    @Test
    @Order(1)
    void allocateAndUploadGiveTrackingNumbers() {
        // given: the first waiting demo packages of the eBay store light enough for a 200 g test
        Result list = waybill.shell("waybill:package-list --store " + STORE + " --status waiting -n 1000");
        List<String> chosen = new ArrayList<>();
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (Map<String, String> row : ShellTables.rows(list)) {
            int grams = grams(row.get("Weight"));
            if (grams <= MAX_GRAMS && chosen.size() < WANTED) {
                chosen.add(row.get("Package no."));
                weights.put(row.get("Package no."), grams);
            }
        }
        assertEquals(WANTED, chosen.size(), () -> WANTED + " waiting " + STORE + " packages <= " + MAX_GRAMS
                + " g needed:\n" + list.output());
        stockBefore.putAll(onHand());

        // when
        Result alloc = waybill.shell("waybill:allocate " + String.join(" ", chosen));
        assertTrue(alloc.output().contains("Allocate inventory: "), () -> "allocate:\n" + alloc.output());
        Map<String, Map<String, String>> rows = rows();
        for (String pkg : chosen) {
            if ("allocated".equals(rows.get(pkg).get("Status"))) {
                expected.put(pkg, weights.get(pkg));
            }
        }
        assertTrue(expected.size() >= 4, () -> "at least 4 of " + chosen + " allocated (demo stock):\n"
                + alloc.output());
        toVoid = new ArrayList<>(expected.keySet()).get(expected.size() - 1);
        expected.remove(toVoid);
        long t0 = System.nanoTime();
        Result upload = waybill.shell("waybill:upload " + String.join(" ", expected.keySet()));

        // then
        assertTrue(upload.output().contains("Batch upload: " + expected.size() + " queued, 0 refused"),
                () -> "upload:\n" + upload.output());
        long deadline = System.nanoTime() + TRACKING_LIMIT.toNanos();
        while (true) {
            Map<String, Map<String, String>> now = rows();
            List<String> failed = expected.keySet().stream()
                    .filter(p -> "upload_failed".equals(now.get(p).get("Status"))).toList();
            if (!failed.isEmpty()) {
                fail("upload failed for " + failed + ":\n" + show(failed.get(0)).output());
            }
            if (expected.keySet().stream().allMatch(p -> "tracked".equals(now.get(p).get("Status")))) {
                expected.keySet().forEach(p -> tracking.put(p, now.get(p).get("Tracking no.")));
                break;
            }
            if (System.nanoTime() > deadline) {
                fail("not all of " + expected.keySet() + " tracked within " + TRACKING_LIMIT.toSeconds() + " s: "
                        + now.values() + waybill.logTailForMessage());
            }
            WaybillDistribution.sleep(500);
        }
        WaybillDistribution.figure("upload of " + expected.size() + " " + STORE + " packages -> tracked",
                String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - t0) / 1e9));
        tracking.forEach((p, t) -> assertTrue(S10.matcher(t).matches(), () -> p + ": tracking number '" + t
                + "' is not an S10 number of the demo range"));
        assertEquals(tracking.size(), Set.copyOf(tracking.values()).size(), () -> "distinct: " + tracking);
    }

    @Test
    @Order(2)
    void labelsCarryEveryTrackingNumberAsADecodableBarcode() throws IOException {
        // given
        requireTracked();
        Path pdf = files.resolve("labels.pdf");

        // when
        Result r = waybill.shell("waybill:print -o \"" + pdf + "\" --mark-printed "
                + String.join(" ", expected.keySet()));

        // then
        assertTrue(r.output().contains("Wrote ") && r.output().contains(pdf.toString()), () -> "print:\n"
                + r.output());
        assertTrue(r.output().contains("Mark printed: " + expected.size() + " done, 0 failed"),
                () -> "mark printed:\n" + r.output());
        assertTrue(Files.isRegularFile(pdf) && Files.readString(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)
                .startsWith("%PDF-"), "a PDF at " + pdf);
        List<String> decoded = decode(pdf, "labels");
        WaybillDistribution.log("labels decoded by zbarimg: %s", decoded);
        for (Map.Entry<String, String> e : tracking.entrySet()) {
            assertTrue(decoded.contains(e.getValue()), () -> "tracking number " + e.getValue() + " of " + e.getKey()
                    + " decoded from the labels; zbarimg found " + decoded);
        }
        Map<String, Map<String, String>> rows = rows();
        expected.keySet().forEach(p -> assertEquals("printed", rows.get(p).get("Status"), () -> p + " after "
                + "--mark-printed: " + rows.get(p)));
    }

    @Test
    @Order(3)
    void pickingListCarriesEveryPackageNumberAsADecodableBarcode() throws IOException {
        // given
        requireTracked();
        Path pdf = files.resolve("picking.pdf");

        // when
        Result r = waybill.shell("waybill:print --picking -o \"" + pdf + "\" " + String.join(" ", expected.keySet()));

        // then
        assertTrue(r.output().contains("Wrote "), () -> "print --picking:\n" + r.output());
        assertFalse(r.output().contains("Mark printed"), () -> "the picking list marks nothing:\n" + r.output());
        List<String> decoded = decode(pdf, "picking");
        WaybillDistribution.log("picking list decoded by zbarimg: %s", decoded);
        for (String pkg : expected.keySet()) {
            assertTrue(decoded.contains(pkg), () -> "package number " + pkg + " decoded from the picking list; "
                    + "zbarimg found " + decoded);
        }
    }

    @Test
    @Order(4)
    void aWeight200GramsOverIsAWeightMismatchAndDoesNotShip() {
        // given
        String pkg = pkg(0);
        int grams = expected.get(pkg) + 200;

        // when
        Result r = waybill.shell("waybill:ship -w " + grams + " " + pkg);

        // then
        assertTrue(r.output().contains(pkg + ": WEIGHT_FAIL not shipped - WEIGHT MISMATCH: " + kg(grams) + ", expected "
                + kg(expected.get(pkg))), () -> "ship -w expected+200:\n" + r.output());
        assertTrue(r.output().contains("(+0.200 kg)"), () -> "difference shown:\n" + r.output());
        assertEquals("printed", rows().get(pkg).get("Status"), "status after a weight mismatch");
    }

    @Test
    @Order(5)
    void theExpectedWeightShipsAndTakesTheStockOffTheShelf() {
        // given
        String pkg = pkg(0);
        int grams = expected.get(pkg);
        Result before = show(pkg);
        String warehouse = warehouse(before);
        List<String[]> lines = lines(before);

        // when
        Result r = waybill.shell("waybill:ship -w " + grams + " " + pkg);

        // then
        assertTrue(r.output().contains(pkg + ": PASS SHIPPED - Weight OK: " + kg(grams)),
                () -> "ship -w expected:\n" + r.output());
        Result after = show(pkg);
        assertTrue(after.output().matches("(?s).*status (shipped|synced|sync_failed).*"),
                () -> "status after shipping:\n" + after.output());
        assertTrue(after.output().lines().anyMatch(l -> l.matches("^\\s+\\S+ \\S+\\s+admin\\s+SHIPPED\\s+PRINTED -> "
                        + "SHIPPED\\s+\\(Weight " + kg(grams) + " \\(expected " + kg(grams) + " ± \\d+\\.\\d{3} kg\\)\\)\\s*$")),
                () -> "history line 'admin SHIPPED PRINTED -> SHIPPED (Weight " + kg(grams) + " ...)':\n"
                        + after.output());
        assertEquals("shipped", statusInList(pkg, "shipped"), "package-list --status shipped lists it");
        // stock on hand: allocation reserved, shipping took it off the shelf
        Map<String, Integer> sums = new LinkedHashMap<>();
        lines.forEach(l -> sums.merge(l[0], Integer.parseInt(l[1]), Integer::sum));
        Map<String, Integer> stockAfter = onHand();
        for (Map.Entry<String, Integer> l : sums.entrySet()) {
            int was = stockBefore.get(warehouse + "/" + l.getKey());
            int now = stockAfter.get(warehouse + "/" + l.getKey());
            WaybillDistribution.log("%s %s on hand %d -> %d (shipped %d)", warehouse, l.getKey(), was, now,
                    l.getValue());
            assertEquals(was - l.getValue(), now, () -> warehouse + " " + l.getKey() + ": on hand before allocation "
                    + was + " minus " + l.getValue() + " shipped");
        }
    }

    @Test
    @Order(6)
    void shippingByTrackingNumberWorksAndASecondShipIsRefused() {
        // given
        String pkg = pkg(1);
        String tn = tracking.get(pkg);
        int grams = expected.get(pkg);

        // when: scanned by its tracking number (the barcode on the label)
        Result r = waybill.shell("waybill:ship -w " + grams + " " + tn);

        // then
        assertTrue(r.output().contains(tn + ": PASS SHIPPED"), () -> "ship by tracking number:\n" + r.output());
        Result again = waybill.shell("waybill:ship -w " + grams + " " + pkg);
        assertTrue(again.output().contains(pkg + ": REFUSED not shipped - ALREADY SHIPPED"),
                () -> "second ship:\n" + again.output());
    }

    @Test
    @Order(7)
    void anUnknownCodeIsRefused() {
        // when
        Result r = waybill.shell("waybill:ship -w 500 RR999999999XX");

        // then
        assertTrue(r.output().contains("RR999999999XX: REFUSED not shipped - UNKNOWN PACKAGE"),
                () -> "ship of an unknown code:\n" + r.output());
    }

    @Test
    @Order(8)
    void aVoidedPackageIsRefused() {
        // given: an allocated package voided (the pool carrier cannot cancel a shipment: tracked ones cannot be)
        requireTracked();
        String pkg = toVoid;
        int grams = 500;
        Result v = waybill.shell("waybill:void -r \"Buyer cancelled\" --yes " + pkg);
        assertTrue(v.output().contains("Void: 1 done, 0 failed (of 1)"), () -> "void of a printed package:\n"
                + v.output());

        // when
        Result r = waybill.shell("waybill:ship -w " + grams + " " + pkg);

        // then
        assertTrue(r.output().contains(pkg + ": REFUSED not shipped - VOIDED"), () -> "ship of a voided package:\n"
                + r.output());
        assertEquals("voided", rows().get(pkg).get("Status"), "status after the refused ship");
        assertFalse(show(pkg).output().contains("SHIPPED"), "no SHIPPED in the history of the voided package");
    }

    @Test
    @Order(9)
    void zplLabelsGoToANetworkLabelPrinterOverRawTcp() throws Exception {
        // given: a "label printer" on a loopback port of this machine, reading until the sender closes
        requireTracked();
        try (java.net.ServerSocket printer = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            java.util.concurrent.CompletableFuture<byte[]> received =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                        try (java.net.Socket s = printer.accept()) {
                            return s.getInputStream().readAllBytes();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });

            // a printer that is not on the allow-list (none by default) is refused before anything connects
            String address = "127.0.0.1:" + printer.getLocalPort();
            Result refused = waybill.shell("waybill:print --zpl --printer " + address + " "
                    + String.join(" ", tracking.keySet()));
            assertTrue(refused.output().contains("Refused: the printer " + address + " is not an allowed label "
                    + "printer (allowed: none yet)"), () -> "print --zpl to a printer not allowed:\n"
                    + refused.output());
            assertFalse(refused.output().contains("Sent "), refused::output);
            // an admin allows it
            Result allow = waybill.shell("config:property-set -p io.waybill.files printers " + address);
            assertEquals(0, allow.exitCode(), allow::output);
            waybill.shellUntil("waybill:file-access", a -> a.output().contains("Label printers: " + address),
                    Duration.ofSeconds(30));

            // when
            Result r;
            try {
                r = waybill.shell("waybill:print --zpl --printer " + address + " "
                        + String.join(" ", tracking.keySet()));
            } finally {
                waybill.shell("config:property-delete -p io.waybill.files printers");
            }

            // then: one generated ZPL label per package (the pool carrier supplies none), each with a Code 128 of
            // its tracking number; the connection the printer accepted is the allowed send (the refused one made
            // none, or the labels of two sends would be read here)
            assertTrue(r.output().contains("Sent " + tracking.size() + " labels"), () -> "print --zpl:\n" + r.output());
            String zpl = new String(received.get(60, java.util.concurrent.TimeUnit.SECONDS),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(tracking.size(), zpl.split("\\^XA", -1).length - 1, () -> "labels in:\n" + zpl);
            for (String number : tracking.values()) {
                assertTrue(zpl.contains("^BCN,200,Y,N,N^FD" + number + "^FS"), () -> number + " in:\n" + zpl);
            }
        }
        String pkg = tracking.keySet().iterator().next();
        assertTrue(show(pkg).output().contains("Carrier   pool"), () -> show(pkg).output());
        assertTrue(show(pkg).output().contains("carrier label none"), () -> show(pkg).output());
    }

    @Test
    @Order(10)
    void printingFollowsTheLifecycleNothingWrittenNothingMarked() throws IOException {
        // given: the voided package (test 8), a printed one, and a package still waiting for allocation
        requireTracked();
        String printed = pkg(2);
        Map<String, Map<String, String>> before = rows();
        assertEquals("printed", before.get(printed).get("Status"), () -> "printed before: " + before.get(printed));
        assertEquals("voided", before.get(toVoid).get("Status"), () -> "voided before: " + before.get(toVoid));
        String waiting = before.values().stream().filter(r -> "waiting".equals(r.get("Status")))
                .map(r -> r.get("Package no.")).findFirst().orElseThrow(() -> new AssertionError("a waiting "
                        + STORE + " package: " + before.keySet()));
        String historyBefore = show(printed).output();

        // when: a voided package alone, a waiting one alone, a mixed selection with --mark-printed, and ZPL
        Path voided = files.resolve("voided.pdf");
        Result v = waybill.shell("waybill:print -o \"" + voided + "\" " + toVoid);
        Path waits = files.resolve("waiting.pdf");
        Result w = waybill.shell("waybill:print -o \"" + waits + "\" --mark-printed " + waiting);
        Path mixed = files.resolve("mixed.pdf");
        Result m = waybill.shell("waybill:print -o \"" + mixed + "\" --mark-printed " + printed + " " + toVoid);
        Path zpl = files.resolve("mixed.zpl");
        Result z = waybill.shell("waybill:print --zpl -o \"" + zpl + "\" " + printed + " " + toVoid);
        Path picking = files.resolve("voided-picking.pdf");
        Result p = waybill.shell("waybill:print --picking -o \"" + picking + "\" " + toVoid);

        // then: refused with the package and why, no file, nothing marked
        assertTrue(v.output().contains("Nothing was printed: 1 of 1 package cannot have a carrier label: " + toVoid
                + " is voided."), () -> "print of a voided package:\n" + v.output());
        assertTrue(w.output().contains(waiting + " has no tracking number yet (waiting for allocation)"),
                () -> "print of a waiting package:\n" + w.output());
        assertTrue(m.output().contains("Nothing was printed: 1 of 2 packages cannot have a carrier label: " + toVoid
                + " is voided."), () -> "mixed print:\n" + m.output());
        assertTrue(z.output().contains(toVoid + " is voided"), () -> "mixed ZPL:\n" + z.output());
        assertTrue(p.output().contains("cannot have a picking list: " + toVoid + " is voided"),
                () -> "picking list of a voided package:\n" + p.output());
        for (Result r : List.of(v, w, m, z, p)) {
            assertFalse(r.output().contains("Wrote ") || r.output().contains("Mark printed"), () -> r.output());
        }
        for (Path file : List.of(voided, waits, mixed, zpl, picking)) {
            assertFalse(Files.exists(file), () -> "no file written at " + file);
        }
        Map<String, Map<String, String>> after = rows();
        assertEquals("printed", after.get(printed).get("Status"));
        assertEquals("voided", after.get(toVoid).get("Status"));
        assertEquals("waiting", after.get(waiting).get("Status"));
        assertEquals(historyBefore, show(printed).output(), "no REPRINTED entry: nothing was marked");
    }

    @Test
    @Order(11)
    void anEmojiRecipientPrintsWholeAndAnUnprintableOneIsRefusedAtImport() throws IOException {
        // given: stock for one more order, and an order file with an emoji / math-letter recipient and one whose
        // name holds a character no label font has (U+13000, an Egyptian hieroglyph)
        String sku = "NOTE-A5-DOT";
        Result stock = waybill.shell("waybill:stock-adjust -r \"print IT\" SZ-01 " + sku + " 1");
        assertEquals(0, stock.exitCode(), () -> "stock-adjust:\n" + stock.output());
        String family = "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        String truck = "\uD83D\uDE9A";
        String hello = "\uD835\uDD73\uD835\uDD8A\uD835\uDD91\uD835\uDD91\uD835\uDD94";
        String name = family + " " + hello + " " + truck;
        Path bad = waybill.importDir("print-and-ship").resolve("unprintable.csv");
        Files.writeString(bad, Fixtures.HEADER + "\nPIT-HIERO,,2025-04-01 09:00,Ann \uD80C\uDC00,,350 Fifth "
                + "Avenue,,New York,NY,10118,US,,," + sku + ",1\n", java.nio.charset.StandardCharsets.UTF_8);
        Path good = waybill.importDir("print-and-ship").resolve("emoji.csv");
        Files.writeString(good, Fixtures.HEADER + "\nPIT-EMOJI,,2025-04-01 09:00," + name + ",,350 Fifth "
                + "Avenue,,New York,NY,10118,US,,," + sku + ",1\n", java.nio.charset.StandardCharsets.UTF_8);

        // when
        Result refused = waybill.shell("waybill:import --store " + STORE + " --confirm \"" + bad + "\"");
        Result imported = waybill.shell("waybill:import --store " + STORE + " --confirm \"" + good + "\"");

        // then: the unprintable name is refused with the field and the character
        assertTrue(refused.output().contains("0 valid orders") && refused.output().contains("buyer_name")
                && refused.output().contains("U+13000") && refused.output().contains("no installed label font"),
                () -> "import of an unprintable name:\n" + refused.output());
        assertTrue(imported.output().contains("Imported: 1 new"), () -> "import:\n" + imported.output());
        String pkg = rows().values().stream().filter(r -> "PIT-EMOJI".equals(r.get("Order no.")))
                .map(r -> r.get("Package no.")).findFirst().orElseThrow();
        Result alloc = waybill.shell("waybill:allocate " + pkg);
        assertTrue(alloc.output().contains("1 done"), () -> "allocate:\n" + alloc.output());
        Result upload = waybill.shell("waybill:upload " + pkg);
        assertTrue(upload.output().contains("1 queued"), () -> "upload:\n" + upload.output());
        waybill.shellUntil("waybill:package-list --store " + STORE + " --status tracked -n 1000",
                r -> r.output().contains(pkg), TRACKING_LIMIT);

        Path pdf = files.resolve("emoji-label.pdf");
        Result print = waybill.shell("waybill:print -o \"" + pdf + "\" " + pkg);
        assertTrue(print.output().contains("Wrote "), () -> "print:\n" + print.output());
        Result text = WaybillDistribution.run(List.of("pdftotext", "-enc", "UTF-8", pdf.toString(), "-"), null,
                Map.of(), Duration.ofSeconds(60));
        assertEquals(0, text.exitCode(), () -> "pdftotext:\n" + text.output());
        WaybillDistribution.log("emoji label text: %s", text.output().replace('\n', '|'));
        // each emoji component drawn (the zero-width joiners are not), the math letters, no "?"
        String drawn = "\uD83D\uDC69\uD83D\uDC69\uD83D\uDC67 " + hello + " " + truck;
        assertTrue(text.output().contains(drawn), () -> "'" + drawn + "' in the label text:\n" + text.output());
        assertFalse(text.output().contains("?"), () -> "no replacement character:\n" + text.output());
        decode(pdf, "emoji");
    }

    // ---------------------------------------------------------------- helpers

    private void requireTracked() {
        if (tracking.size() < 3) {
            fail("no tracked packages: the upload step failed earlier");
        }
    }

    private String pkg(int i) {
        requireTracked();
        return new ArrayList<>(expected.keySet()).get(i);
    }

    /** pdftoppm at 300 dpi, then zbarimg on every page; the decoded values in page order. */
    private List<String> decode(Path pdf, String name) throws IOException {
        Path out = Files.createDirectories(Path.of(WaybillDistribution.required("waybill.it.screenshots")));
        String prefix = out.resolve("print-" + name).toString();
        Result render = WaybillDistribution.run(List.of("pdftoppm", "-r", "300", "-png", pdf.toString(), prefix),
                null, Map.of(), Duration.ofSeconds(120));
        assertEquals(0, render.exitCode(), () -> "pdftoppm " + pdf + ":\n" + render.output());
        List<Path> pages;
        try (Stream<Path> s = Files.list(out)) {
            pages = s.filter(p -> p.getFileName().toString().matches("print-" + name + "-\\d+\\.png")).sorted()
                    .toList();
        }
        assertFalse(pages.isEmpty(), "pdftoppm wrote no page of " + pdf);
        Set<String> values = new LinkedHashSet<>();
        for (Path page : pages) {
            Result z = WaybillDistribution.run(List.of("sh", "-c",
                    "exec zbarimg -q --raw \"$0\" 2>/dev/null", page.toString()), null, Map.of(),
                    Duration.ofSeconds(120));
            // exit code 4: no barcode on this page (the summary page of a picking list, say)
            assertTrue(z.exitCode() == 0 || z.exitCode() == 4, () -> "zbarimg " + page + ":\n" + z.output());
            z.output().lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(values::add);
        }
        WaybillDistribution.log("%s: %d page(s) rendered to %s-*.png", pdf.getFileName(), pages.size(), prefix);
        return List.copyOf(values);
    }

    private Map<String, Map<String, String>> rows() {
        Result r = waybill.shell("waybill:package-list --store " + STORE + " -n 1000");
        assertEquals(0, r.exitCode(), () -> "package-list:\n" + r.output());
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        ShellTables.rows(r).forEach(row -> rows.put(row.get("Package no."), row));
        return rows;
    }

    private String statusInList(String pkg, String status) {
        Result r = waybill.shell("waybill:package-list --status " + status + " -n 1000");
        return ShellTables.row(r, "Package no.", pkg).map(row -> row.get("Status")).orElse("not listed");
    }

    private Result show(String pkg) {
        Result r = waybill.shell("waybill:package-show " + pkg);
        assertTrue(r.output().contains("Package   " + pkg), () -> "package-show " + pkg + ":\n" + r.output());
        return r;
    }

    private static List<String[]> lines(Result show) {
        List<String[]> lines = new ArrayList<>();
        Matcher m = LINE.matcher(show.output());
        while (m.find()) {
            lines.add(new String[] {m.group(1), m.group(2)});
        }
        if (lines.isEmpty()) {
            throw new AssertionError("no 'SKU xN' lines in:\n" + show.output());
        }
        return lines;
    }

    private static String warehouse(Result show) {
        Matcher m = Pattern.compile("warehouse (\\S+)").matcher(show.output());
        if (!m.find() || m.group(1).equals("-")) {
            throw new AssertionError("no warehouse in:\n" + show.output());
        }
        return m.group(1);
    }

    /** "warehouse/sku" -> on hand, from one full stock-list. */
    private Map<String, Integer> onHand() {
        Result r = waybill.shell("waybill:stock-list");
        Map<String, Integer> onHand = new LinkedHashMap<>();
        for (Map<String, String> row : ShellTables.rows(r)) {
            onHand.put(row.get("Warehouse") + "/" + row.get("SKU"), Integer.parseInt(row.get("On hand")));
        }
        assertTrue(onHand.size() >= WAREHOUSES.size(), () -> "stock-list rows:\n" + r.output());
        return onHand;
    }
}
