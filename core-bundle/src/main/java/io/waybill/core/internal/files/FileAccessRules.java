package io.waybill.core.internal.files;

import io.waybill.core.api.OperationRefusedException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The rule of which files the admin commands may read and write and which label printers they may connect to:
 * order files are read only from the import folders, documents are written only into the output folders (real
 * paths, symbolic links and {@code ..} resolved before anything is opened) and raw TCP printing goes only to the
 * allowed {@code host:port} pairs. Pure: no configuration, no OSGi; {@link FileAccess} gives it the folders.
 */
public final class FileAccessRules {

    /** Refusal code: the path is outside the allowed folders. */
    public static final String OUTSIDE_ALLOWED_FOLDERS = "outside_allowed_folders";
    /** Refusal code: the printer is not on the allow-list. */
    public static final String PRINTER_NOT_ALLOWED = "printer_not_allowed";
    /** Refusal code: not a {@code host[:port]} address. */
    public static final String INVALID_PRINTER = "invalid_printer";
    /** Refusal code: no such file, or a folder where a file is needed. */
    public static final String NO_SUCH_FILE = "no_such_file";
    /** Port of raw TCP label printing when none is given. */
    public static final int DEFAULT_PRINTER_PORT = 9100;

    static final String PID = "io.waybill.files";

    private final List<Path> importFolders;
    private final List<Path> outputFolders;
    private final List<String> printers;

    /**
     * @param importFolders absolute folders order files may be read from
     * @param outputFolders absolute folders documents may be written into
     * @param printers      allowed printers, {@code host} or {@code host:port} (port 9100 when not given)
     */
    public FileAccessRules(List<Path> importFolders, List<Path> outputFolders, List<String> printers) {
        this.importFolders = List.copyOf(importFolders);
        this.outputFolders = List.copyOf(outputFolders);
        List<String> p = new ArrayList<>();
        for (String printer : printers) {
            p.add(printer(printer));
        }
        this.printers = List.copyOf(p);
    }

    public List<Path> importFolders() {
        return importFolders;
    }

    public List<Path> outputFolders() {
        return outputFolders;
    }

    /** The allowed printers as {@code host:port}. */
    public List<String> printers() {
        return printers;
    }

    /**
     * The real path of an order file the import may read: relative paths are taken from the first import folder;
     * symbolic links and {@code ..} are resolved without opening the file, and the result must be a regular file
     * inside an import folder.
     *
     * @throws OperationRefusedException {@link #OUTSIDE_ALLOWED_FOLDERS} with the allowed folders, or
     *                                   {@link #NO_SUCH_FILE}
     */
    public Path importFile(String given) {
        Path path = absolute(given, importFolders, "import");
        Path real;
        try {
            real = path.toRealPath();
        } catch (NoSuchFileException e) {
            // say "outside" for a missing file outside too: the answer must not tell which files exist there
            requireInside(path, path.normalize(), importFolders, "import", "importFolders");
            throw new OperationRefusedException(NO_SUCH_FILE, "No such file: " + path.normalize());
        } catch (IOException e) {
            throw outside(path, true, importFolders, "import", "importFolders");
        }
        requireInside(path, real, importFolders, "import", "importFolders");
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new OperationRefusedException(NO_SUCH_FILE, "Not a file: " + path.normalize());
        }
        return real;
    }

    /**
     * The real path a document may be written to: relative paths are taken from the first output folder; the
     * nearest existing folder on the way is resolved (symbolic links, {@code ..}), an existing file too, and the
     * result must lie inside an output folder. Nothing is created or opened here.
     *
     * @throws OperationRefusedException {@link #OUTSIDE_ALLOWED_FOLDERS} with the allowed folders, or
     *                                   {@link #NO_SUCH_FILE} when the path names a folder
     */
    public Path outputFile(String given) {
        Path path = absolute(given, outputFolders, "output");
        Path existing = path;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        Path real;
        try {
            real = existing == null ? path.normalize()
                    : existing.toRealPath().resolve(existing.relativize(path)).normalize();
        } catch (IOException e) {
            // a link to nowhere, or a folder we may not look into
            throw outside(path, true, outputFolders, "output", "outputFolders");
        }
        requireInside(path, real, outputFolders, "output", "outputFolders");
        if (Files.isDirectory(real)) {
            throw new OperationRefusedException(NO_SUCH_FILE, path.normalize() + " is a folder: give a file name.");
        }
        return real;
    }

    /**
     * The printer as {@code host:port} when it is on the allow-list.
     *
     * @throws OperationRefusedException {@link #INVALID_PRINTER} or {@link #PRINTER_NOT_ALLOWED} (naming the
     *                                   allowed printers)
     */
    public String allowedPrinter(String given) {
        String printer = printer(given);
        if (!printers.contains(printer)) {
            throw new OperationRefusedException(PRINTER_NOT_ALLOWED, "Refused: the printer " + printer
                    + " is not an allowed label printer (allowed: " + (printers.isEmpty() ? "none yet"
                    : String.join(", ", printers)) + "). An admin allows a printer by adding host:port to printers "
                    + "in the configuration " + PID + ".");
        }
        return printer;
    }

    /** {@code host}, {@code host:port} or {@code [ipv6]:port} as {@code host:port}, the host in lower case. */
    static String printer(String value) {
        String v = value == null ? "" : value.strip();
        String host = v;
        String portText = null;
        if (v.startsWith("[") && v.indexOf(']') > 0) {
            host = v.substring(1, v.indexOf(']'));
            String rest = v.substring(v.indexOf(']') + 1);
            portText = rest.isEmpty() ? null : rest.startsWith(":") ? rest.substring(1) : "bad";
        } else if (v.indexOf(':') > 0 && v.indexOf(':') == v.lastIndexOf(':')) {
            host = v.substring(0, v.indexOf(':'));
            portText = v.substring(v.indexOf(':') + 1);
        }
        int port = DEFAULT_PRINTER_PORT;
        if (portText != null) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                port = -1;
            }
        }
        if (port < 1 || port > 65535 || host.isBlank() || !host.matches("[A-Za-z0-9.:%_-]+")) {
            throw new OperationRefusedException(INVALID_PRINTER, "'" + v + "' is not a printer address: use "
                    + "host or host:port (port 1-65535, " + DEFAULT_PRINTER_PORT + " by default).");
        }
        host = host.toLowerCase(Locale.ROOT);
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    private static Path absolute(String given, List<Path> folders, String kind) {
        if (given == null || given.isBlank()) {
            throw new OperationRefusedException(NO_SUCH_FILE, "Give a file name.");
        }
        Path p;
        try {
            p = Path.of(given.strip());
        } catch (InvalidPathException e) {
            throw new OperationRefusedException(NO_SUCH_FILE, "'" + given + "' is not a file name.");
        }
        if (p.isAbsolute()) {
            return p;
        }
        if (folders.isEmpty()) {
            throw outside(p, false, folders, kind, kind + "Folders");
        }
        return folders.get(0).resolve(p);
    }

    private static void requireInside(Path given, Path real, List<Path> folders, String kind, String setting) {
        for (Path folder : folders) {
            Path f = realFolder(folder);
            if (real.startsWith(f) && !real.equals(f)) {
                return;
            }
        }
        throw outside(given, !real.equals(given.normalize()), folders, kind, setting);
    }

    private static Path realFolder(Path folder) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            return folder.toAbsolutePath().normalize();
        }
    }

    private static OperationRefusedException outside(Path given, boolean resolved, List<Path> folders, String kind,
                                                     String setting) {
        String allowed = folders.isEmpty() ? "none are set"
                : folders.stream().map(Path::toString).collect(Collectors.joining(", "));
        return new OperationRefusedException(OUTSIDE_ALLOWED_FOLDERS, "Refused: " + given.normalize()
                + (resolved ? " leads outside the " : " is outside the ") + kind + " folders (" + allowed + "). "
                + "Use a file in " + (folders.size() == 1 ? "that folder" : "one of them") + ", or ask an admin to "
                + "add the folder to " + setting + " in the configuration " + PID + ".");
    }
}
