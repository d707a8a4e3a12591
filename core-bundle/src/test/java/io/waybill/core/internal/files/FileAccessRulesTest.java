package io.waybill.core.internal.files;

import io.waybill.core.api.OperationRefusedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileAccessRulesTest {

    @TempDir
    Path root;
    Path in;
    Path out;
    Path outside;
    FileAccessRules rules;

    @BeforeEach
    void folders() throws IOException {
        in = Files.createDirectories(root.resolve("import"));
        out = Files.createDirectories(root.resolve("print"));
        outside = Files.createDirectories(root.resolve("elsewhere"));
        rules = new FileAccessRules(List.of(in), List.of(out), List.of("10.0.0.5", "Zebra.local:6101"));
    }

    @Test
    void aFileInAnImportFolderIsReadable() throws IOException {
        // given
        Path file = Files.writeString(in.resolve("orders.csv"), "x");
        // when / then
        assertEquals(file.toRealPath(), rules.importFile(file.toString()));
        assertEquals(file.toRealPath(), rules.importFile("orders.csv"), "relative: from the first import folder");
    }

    @Test
    void aFileOutsideIsRefusedNamingTheImportFolders() {
        // when
        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> rules.importFile("/etc/passwd"));
        // then
        assertEquals(FileAccessRules.OUTSIDE_ALLOWED_FOLDERS, e.code());
        assertTrue(e.getMessage().contains("/etc/passwd is outside the import folders (" + in + ")"), e.getMessage());
        assertTrue(e.getMessage().contains("importFolders in the configuration io.waybill.files"), e.getMessage());
    }

    @Test
    void aMissingFileOutsideGetsTheSameRefusalAsAnExistingOne() {
        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> rules.importFile(outside.resolve("nothing-here.csv").toString()));
        assertEquals(FileAccessRules.OUTSIDE_ALLOWED_FOLDERS, e.code());
        OperationRefusedException missing = assertThrows(OperationRefusedException.class,
                () -> rules.importFile("nothing-here.csv"));
        assertEquals(FileAccessRules.NO_SUCH_FILE, missing.code());
    }

    @Test
    void dotDotOutOfTheImportFolderIsRefused() throws IOException {
        Files.writeString(outside.resolve("secret.csv"), "x");
        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> rules.importFile(in + "/../elsewhere/secret.csv"));
        assertEquals(FileAccessRules.OUTSIDE_ALLOWED_FOLDERS, e.code());
    }

    @Test
    void aSymbolicLinkInsideLeadingOutsideIsRefusedWithoutReadingIt() throws IOException {
        // given: the target cannot be read at all, so a refusal that names the folders proves it was not opened
        Path secret = Files.writeString(outside.resolve("secret.csv"), "x");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        Path link = Files.createSymbolicLink(in.resolve("link.csv"), secret);
        // when
        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> rules.importFile(link.toString()));
        // then
        assertEquals(FileAccessRules.OUTSIDE_ALLOWED_FOLDERS, e.code());
        assertTrue(e.getMessage().contains(link + " leads outside the import folders"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), "the target is not named: " + e.getMessage());
    }

    @Test
    void aSymbolicLinkedFolderInsideLeadingOutsideIsRefused() throws IOException {
        Files.writeString(outside.resolve("a.csv"), "x");
        Files.createSymbolicLink(in.resolve("sub"), outside);
        assertThrows(OperationRefusedException.class, () -> rules.importFile(in.resolve("sub/a.csv").toString()));
    }

    @Test
    void theImportFolderItselfIsNotAFile() {
        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> rules.importFile(in.toString()));
        assertEquals(FileAccessRules.OUTSIDE_ALLOWED_FOLDERS, e.code());
        Path sub = in.resolve("sub");
        assertDoesNotThrowCreate(sub);
        assertEquals(FileAccessRules.NO_SUCH_FILE, assertThrows(OperationRefusedException.class,
                () -> rules.importFile(sub.toString())).code());
    }

    @Test
    void writingGoesOnlyIntoOutputFolders() throws IOException {
        assertEquals(out.toRealPath().resolve("labels.pdf"), rules.outputFile(out.resolve("labels.pdf").toString()));
        assertEquals(out.toRealPath().resolve("day/1/labels.pdf"), rules.outputFile("day/1/labels.pdf"),
                "relative, in folders still to create");
        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> rules.outputFile(outside.resolve("labels.pdf").toString()));
        assertEquals(FileAccessRules.OUTSIDE_ALLOWED_FOLDERS, e.code());
        assertTrue(e.getMessage().contains("outside the output folders (" + out + ")"), e.getMessage());
        assertThrows(OperationRefusedException.class, () -> rules.outputFile(in.resolve("x.pdf").toString()),
                "an import folder is not an output folder");
        assertThrows(OperationRefusedException.class,
                () -> rules.outputFile(out + "/new/../../elsewhere/x.pdf"), ".. through folders still to create");
        assertEquals(FileAccessRules.OUTSIDE_ALLOWED_FOLDERS, assertThrows(OperationRefusedException.class,
                () -> rules.outputFile(out.toString())).code(), "the output folder itself is not a file in it");
        Files.createDirectories(out.resolve("day"));
        assertEquals(FileAccessRules.NO_SUCH_FILE, assertThrows(OperationRefusedException.class,
                () -> rules.outputFile(out.resolve("day").toString())).code(), "a folder inside");
    }

    @Test
    void writingThroughALinkLeadingOutsideIsRefused() throws IOException {
        Path target = outside.resolve("victim.txt");
        Files.createSymbolicLink(out.resolve("labels.pdf"), target);
        Files.createSymbolicLink(out.resolve("dir"), outside);
        assertThrows(OperationRefusedException.class, () -> rules.outputFile(out.resolve("labels.pdf").toString()),
                "dangling link to outside");
        Files.writeString(target, "keep");
        assertThrows(OperationRefusedException.class, () -> rules.outputFile(out.resolve("labels.pdf").toString()));
        assertThrows(OperationRefusedException.class, () -> rules.outputFile(out.resolve("dir/new.pdf").toString()));
    }

    @Test
    void noFoldersMeansNothingAllowed() {
        FileAccessRules none = new FileAccessRules(List.of(), List.of(), List.of());
        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> none.importFile("/etc/passwd"));
        assertTrue(e.getMessage().contains("(none are set)"), e.getMessage());
        assertThrows(OperationRefusedException.class, () -> none.outputFile("labels.pdf"));
    }

    @ParameterizedTest
    @CsvSource({
            "10.0.0.5, 10.0.0.5:9100",
            "10.0.0.5:9100, 10.0.0.5:9100",
            "ZEBRA.local:6101, zebra.local:6101",
            "' zebra.local:6101 ', zebra.local:6101",
    })
    void allowedPrinters(String given, String expected) {
        assertEquals(expected, rules.allowedPrinter(given));
    }

    @ParameterizedTest
    @CsvSource({
            "10.0.0.5:9101, printer_not_allowed",
            "10.0.0.6, printer_not_allowed",
            "zebra.local, printer_not_allowed",
            "127.0.0.1:22, printer_not_allowed",
            "'10.0.0.5:x', invalid_printer",
            "'host name', invalid_printer",
            "'', invalid_printer",
            "10.0.0.5:70000, invalid_printer",
    })
    void refusedPrinters(String given, String code) {
        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> rules.allowedPrinter(given));
        assertEquals(code, e.code());
    }

    @Test
    void theRefusalNamesTheAllowedPrintersOrSaysNone() {
        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> rules.allowedPrinter("10.0.0.6"));
        assertTrue(e.getMessage().contains("allowed: 10.0.0.5:9100, zebra.local:6101"), e.getMessage());
        OperationRefusedException none = assertThrows(OperationRefusedException.class,
                () -> new FileAccessRules(List.of(), List.of(), List.of()).allowedPrinter("[::1]:9100"));
        assertTrue(none.getMessage().contains("[::1]:9100 is not an allowed label printer (allowed: none yet)"),
                none.getMessage());
    }

    private static void assertDoesNotThrowCreate(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
