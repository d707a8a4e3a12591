package io.waybill.core.internal.files;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place every shell command asks before it reads an order file, writes a document or connects to a label
 * printer: applies {@link FileAccessRules} with the folders and printers of the configuration
 * {@code io.waybill.files}, and does the reading and writing on the checked real path.
 */
@Component(service = FileAccess.class, configurationPid = FileAccessRules.PID)
@Designate(ocd = FileAccessConfig.class)
public class FileAccess {
    private static final Logger LOG = LoggerFactory.getLogger(FileAccess.class);

    private volatile FileAccessRules rules;

    @Activate
    @Modified
    void configure(FileAccessConfig config) {
        Path base = Path.of(System.getProperty("karaf.base", System.getProperty("karaf.home", ".")));
        List<Path> in = folders(base, config.importFolders());
        List<Path> out = folders(base, config.outputFolders());
        List<String> printers = new ArrayList<>();
        for (String printer : values(config.printers())) {
            try {
                printers.add(FileAccessRules.printer(printer));
            } catch (RuntimeException e) {
                LOG.warn("Ignoring the printer of the configuration {}: {}", FileAccessRules.PID, e.getMessage());
            }
        }
        rules = new FileAccessRules(in, out, printers);
        List<Path> all = new ArrayList<>(in);
        all.addAll(out);
        for (Path folder : all) {
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                LOG.warn("Could not create the folder {} of the configuration {}: {}", folder, FileAccessRules.PID,
                        e.toString());
            }
        }
        LOG.info("File access: import from {}, write into {}, label printers {}", in, out, rules.printers());
    }

    /** A file access with fixed rules, not configured by Config Admin (tests and tools). */
    public static FileAccess withRules(FileAccessRules rules) {
        FileAccess access = new FileAccess();
        access.rules = rules;
        return access;
    }

    /** The rule as configured now. */
    public FileAccessRules rules() {
        return rules;
    }

    /** The real path of the order file (see {@link FileAccessRules#importFile}) and its bytes. */
    public ImportFile readImportFile(String given) throws IOException {
        Path real = rules.importFile(given);
        try (InputStream in = Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS)) {
            return new ImportFile(real, in.readAllBytes());
        }
    }

    /** Writes the document to the checked real path (see {@link FileAccessRules#outputFile}) and returns it. */
    public Path writeOutput(String given, byte[] document) throws IOException {
        Path real = rules.outputFile(given);
        if (real.getParent() != null) {
            Files.createDirectories(real.getParent());
        }
        try (OutputStream out = Files.newOutputStream(real, LinkOption.NOFOLLOW_LINKS, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            out.write(document);
        }
        return real;
    }

    /** Checks a file name for writing without writing: refuses before a document is rendered. */
    public Path checkOutput(String given) {
        return rules.outputFile(given);
    }

    /** The printer as {@code host:port} when allowed (see {@link FileAccessRules#allowedPrinter}). */
    public String allowedPrinter(String given) {
        return rules.allowedPrinter(given);
    }

    /** An order file read from an import folder. */
    public record ImportFile(Path path, byte[] content) {
    }

    static List<Path> folders(Path base, String[] values) {
        List<Path> folders = new ArrayList<>();
        for (String v : values(values)) {
            folders.add(base.resolve(v).toAbsolutePath().normalize());
        }
        return folders;
    }

    static List<String> values(String[] values) {
        List<String> list = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                for (String part : value.split(",")) {
                    if (!part.isBlank()) {
                        list.add(part.strip());
                    }
                }
            }
        }
        return list;
    }

}
