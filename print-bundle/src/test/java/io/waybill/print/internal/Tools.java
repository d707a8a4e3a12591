package io.waybill.print.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs the real command-line tools the tests check PDFs with: pdftoppm/pdftotext (poppler-utils) and zbarimg
 * (zbar-tools). A missing tool fails the test, it never skips it.
 */
final class Tools {

    private static final String INSTALL = "run scripts/install-test-deps.sh (installs poppler-utils and zbar-tools)";

    /** Directory where tests leave their PDFs and PNGs for a person to look at. */
    static Path out(String name) throws IOException {
        Path dir = Path.of(System.getProperty("waybill.print.out", "target/rendered")).resolve(name);
        Files.createDirectories(dir);
        return dir;
    }

    /** Renders every page at 300 dpi; returns the PNG files in page order. */
    static List<Path> pngs(byte[] pdf, Path dir, String name) throws IOException {
        Path file = dir.resolve(name + ".pdf");
        Files.write(file, pdf);
        try (Stream<Path> old = Files.list(dir)) {
            for (Path p : old.filter(p -> p.getFileName().toString().startsWith(name + "-")
                    && p.toString().endsWith(".png")).toList()) {
                Files.delete(p);
            }
        }
        run("pdftoppm", "-r", "300", "-png", file.toString(), dir.resolve(name).toString());
        try (Stream<Path> pages = Files.list(dir)) {
            return pages.filter(p -> p.getFileName().toString().startsWith(name + "-")
                    && p.toString().endsWith(".png")).sorted().toList();
        }
    }

    /** All barcodes zbarimg finds in an image, as decoded text (one per symbol). */
    static List<String> barcodes(Path png) throws IOException {
        String out = run("zbarimg", "--raw", "-q", "-Sdisable", "-Scode128.enable", png.toString());
        List<String> codes = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                codes.add(line.strip());
            }
        }
        return codes;
    }

    /** Text of the PDF in reading order, pages separated by form feeds. */
    static String text(byte[] pdf, Path dir, String name) throws IOException {
        Path file = dir.resolve(name + ".pdf");
        Files.write(file, pdf);
        return run("pdftotext", "-layout", "-enc", "UTF-8", file.toString(), "-");
    }

    static String run(String... command) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(false).start();
        } catch (IOException e) {
            fail(command[0] + " is not installed: " + INSTALL + " (" + e.getMessage() + ")");
            throw e;
        }
        try {
            byte[] stdout = process.getInputStream().readAllBytes();
            String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(Arrays.toString(command) + " timed out");
            }
            int code = process.exitValue();
            // zbarimg exits 4 when it found no symbol: the caller's assertion reports that better
            if (code != 0 && !(command[0].equals("zbarimg") && code == 4)) {
                fail(Arrays.toString(command) + " exited " + code + ": " + stderr);
            }
            return new String(stdout, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private Tools() {
    }
}
