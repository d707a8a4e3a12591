package io.waybill.itests;

import io.waybill.itests.WaybillDistribution.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.waybill.itests.WaybillDistribution.total;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Admin file access on the real distribution (issue 10 item 11): with the shipped configuration
 * {@code io.waybill.files}, {@code waybill:import} reads only from {@code import/}, {@code waybill:print --out}
 * writes only into {@code print/} and {@code --printer} connects to no printer until an admin allows it. Refusals
 * name the allowed folders and come before anything is opened: files outside are a FIFO (opening it would hang the
 * command) and a file nobody may read (reading it would fail with "Permission denied" instead).
 */
@Order(10)
@ExtendWith(WaybillExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FileAccessIT {

    private WaybillDistribution waybill;
    private Path importFolder;
    private Path printFolder;
    private Path outside;
    private String pkg;

    @BeforeAll
    void setUp(WaybillDistribution waybill) throws IOException {
        this.waybill = waybill;
        outside = Files.createDirectories(waybill.home().resolve("it-files/outside-allowed"));
        Result access = waybill.shell("waybill:file-access");
        importFolder = folder(access, "Import folders: ");
        printFolder = folder(access, "Output folders: ");
        List<Map<String, String>> rows = ShellTables.rows(waybill.shell("waybill:package-list -n 1"));
        assertFalse(rows.isEmpty(), "a demo package to print");
        pkg = rows.get(0).get("Package no.");
    }

    @Test
    @Order(1)
    void theDefaultFoldersAreInsideTheInstanceAndCreatedAtStartAndNoPrinterIsAllowed() throws IOException {
        // when
        Result r = waybill.shell("waybill:file-access");

        // then
        assertEquals(waybill.home().resolve("import").toRealPath(), importFolder.toRealPath(), r::output);
        assertEquals(waybill.home().resolve("print").toRealPath(), printFolder.toRealPath(), r::output);
        assertTrue(Files.isDirectory(importFolder) && Files.isDirectory(printFolder), r::output);
        assertTrue(r.output().contains("Label printers: none"), r::output);
    }

    @Test
    @Order(2)
    void importOfEtcPasswdIsRefusedNamingTheImportFolder() {
        // given
        int orders = total(waybill.shell("waybill:order-list -n 1"), "orders");

        // when
        Result r = waybill.shell("waybill:import --store ACME-SHOP --confirm /etc/passwd");

        // then
        assertNotEquals(0, r.exitCode(), r::output);
        assertTrue(r.output().contains("Refused: /etc/passwd is outside the import folders (" + importFolder + ")"),
                () -> "refusal naming the import folder:\n" + r.output());
        assertFalse(r.output().contains("rows"), () -> "nothing parsed:\n" + r.output());
        assertEquals(orders, total(waybill.shell("waybill:order-list -n 1"), "orders"), "orders after the refusal");
    }

    @Test
    @Order(3)
    void filesOutsideAreRefusedBeforeTheyAreOpened() throws IOException {
        // given: a FIFO (opening it for reading blocks until a writer comes: a command that opened it would hang)
        // and a file its owner may not read (reading would fail with "Permission denied", not the refusal)
        Path fifo = outside.resolve("orders-fifo.csv");
        Files.deleteIfExists(fifo);
        Result mkfifo = WaybillDistribution.run(List.of("mkfifo", fifo.toString()), null, Map.of(),
                Duration.ofSeconds(20));
        assertEquals(0, mkfifo.exitCode(), mkfifo::output);
        Path unreadable = outside.resolve("orders-unreadable.csv");
        Files.writeString(unreadable, Fixtures.HEADER + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString("---------"));

        for (Path file : List.of(fifo, unreadable)) {
            // when
            Result r = waybill.shell("waybill:import --store ACME-SHOP \"" + file + "\"");

            // then
            // "is outside", or "leads outside" where the instance folder's own path has a symbolic link in it
            assertTrue(r.output().contains("Refused: " + file) && r.output().contains("outside the import folders ("
                    + importFolder + ")"), () -> file + ":\n" + r.output());
            assertFalse(r.output().contains("denied"), () -> file + " was opened:\n" + r.output());
        }
    }

    @Test
    @Order(4)
    void symbolicLinksInsideTheImportFolderLeadingOutsideAreRefused() throws IOException {
        // given
        Path dir = waybill.importDir("file-access");
        Path toPasswd = relink(dir.resolve("passwd.csv"), Path.of("/etc/passwd"));
        Path toFifo = relink(dir.resolve("fifo.csv"), outside.resolve("orders-fifo.csv"));
        Path toFolder = relink(dir.resolve("elsewhere"), outside);

        for (Path file : List.of(toPasswd, toFifo, toFolder.resolve("orders-unreadable.csv"))) {
            // when
            Result r = waybill.shell("waybill:import --store ACME-SHOP \"" + file + "\"");

            // then
            assertTrue(r.output().contains("Refused: " + file + " leads outside the import folders ("
                    + importFolder + ")"), () -> file + ":\n" + r.output());
            assertFalse(r.output().contains("rows") || r.output().contains("denied"), () -> file + ":\n"
                    + r.output());
        }
        Result dotDot = waybill.shell("waybill:import --store ACME-SHOP \"" + dir + "/../../it-files/"
                + "outside-allowed/orders-unreadable.csv\"");
        assertTrue(dotDot.output().contains("outside the import folders"), dotDot::output);
    }

    @Test
    @Order(5)
    void printOutOutsideTheOutputFoldersIsRefusedAndWritesNothing() throws IOException {
        // given
        Path target = outside.resolve("labels.pdf");
        Files.deleteIfExists(target);
        Path victim = Files.writeString(outside.resolve("victim.txt"), "keep", StandardCharsets.UTF_8);
        Path link = relink(waybill.printDir("file-access").resolve("labels.pdf"), victim);

        // when
        Result direct = waybill.shell("waybill:print -o \"" + target + "\" " + pkg);
        Result throughLink = waybill.shell("waybill:print --picking --out \"" + link + "\" " + pkg);
        Result dotDot = waybill.shell("waybill:print -o \"" + printFolder + "/../it-files/outside-allowed/"
                + "labels.pdf\" " + pkg);

        // then
        assertTrue(direct.output().contains("Refused: " + target) && direct.output().contains(
                "outside the output folders (" + printFolder + ")"), direct::output);
        assertTrue(throughLink.output().contains("Refused: " + link + " leads outside the output folders"),
                throughLink::output);
        assertTrue(dotDot.output().contains("outside the output folders"), dotDot::output);
        assertFalse(Files.exists(target), "nothing written outside");
        assertEquals("keep", Files.readString(victim), "the file behind the link is unchanged");
        for (Result r : List.of(direct, throughLink, dotDot)) {
            assertFalse(r.output().contains("Wrote"), r::output);
        }
    }

    @Test
    @Order(6)
    void printOutInsideTheOutputFolderWrites() throws IOException {
        // given
        Path file = waybill.printDir("file-access").resolve("picking.pdf");
        Files.deleteIfExists(file);

        // when
        // a package that holds stock (the picking list prints only then; the oldest package may be voided by now)
        String holding = holdingStock();
        Result r = waybill.shell("waybill:print --picking -o \"" + file + "\" " + holding);

        // then
        assertTrue(r.output().contains("Wrote "), r::output);
        assertTrue(Files.size(file) > 0, "picking list written");
    }

    /**
     * A package that holds stock: allocated, tracked or printed now, or else a waiting one of the demo data allocated
     * for this test.
     */
    private String holdingStock() {
        for (String status : List.of("allocated", "tracked", "printed")) {
            List<Map<String, String>> rows = ShellTables.rows(waybill.shell("waybill:package-list --status " + status
                    + " -n 1"));
            if (!rows.isEmpty()) {
                return rows.get(0).get("Package no.");
            }
        }
        for (Map<String, String> row : ShellTables.rows(waybill.shell("waybill:package-list --status waiting -n 50"))) {
            String no = row.get("Package no.");
            waybill.shell("waybill:allocate " + no);
            if (ShellTables.rows(waybill.shell("waybill:package-list --status allocated -n 1000")).stream()
                    .anyMatch(r -> no.equals(r.get("Package no.")))) {
                return no;
            }
        }
        throw new AssertionError("no package holds stock and none of the waiting ones could be allocated");
    }

    @Test
    @Order(7)
    void aPrinterNotAllowedIsRefusedWithoutConnecting() throws IOException {
        // given: a "printer" on loopback that would see any connection
        try (ServerSocket printer = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            String address = "127.0.0.1:" + printer.getLocalPort();

            // when
            Result r = waybill.shell("waybill:print --zpl --printer " + address + " " + pkg);

            // then: refused with the reason, and no connection reached the port (the command has returned, so a
            // connection it made would already wait in the backlog)
            assertTrue(r.output().contains("Refused: the printer " + address + " is not an allowed label printer "
                    + "(allowed: none yet). An admin allows a printer by adding host:port to printers in the "
                    + "configuration io.waybill.files."), r::output);
            printer.setSoTimeout(1_000);
            assertThrows(SocketTimeoutException.class, () -> {
                try (Socket s = printer.accept()) {
                    s.getInputStream().readAllBytes();
                }
            }, "no connection to a printer that is not allowed");
        }
    }

    // ---------------------------------------------------------------- helpers

    private static Path folder(Result access, String label) {
        return access.output().lines().filter(l -> l.startsWith(label)).map(l -> Path.of(l.substring(label.length())
                .strip())).findFirst().orElseThrow(() -> new AssertionError(label + " in:\n" + access.output()));
    }

    private static Path relink(Path link, Path target) throws IOException {
        Files.deleteIfExists(link);
        return Files.createSymbolicLink(link, target);
    }
}
