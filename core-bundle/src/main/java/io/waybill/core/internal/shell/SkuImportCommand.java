package io.waybill.core.internal.shell;

import io.waybill.core.model.Reason;
import io.waybill.core.internal.files.FileAccess;
import io.waybill.core.api.ProductService;
import io.waybill.core.model.CatalogueImportPreview;
import io.waybill.core.model.RowError;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.FileCompleter;

import java.nio.file.Path;
import java.util.List;

/** {@code waybill:sku-import}: checks a catalogue file (.csv/.xlsx) and, with --confirm, imports all of it or none. */
@Command(scope = "waybill", name = "sku-import", description = "Checks a catalogue file (.csv or .xlsx, English or "
        + "Chinese headers) and, with --confirm, imports it: all products or none")
@Service
public class SkuImportCommand implements Action {
    static final int SHOWN = 50;

    @Reference
    ProductService products;

    @Reference
    FileAccess files;

    @Reference
    Session session;

    @Option(name = "--confirm", description = "Import (without it: check only)")
    boolean confirm;

    @Option(name = "--update", description = "Rows whose SKU is already in the catalogue replace the stored product "
            + "(without it they are refused)")
    boolean update;

    @Argument(index = 0, name = "file", required = true, description = "Catalogue file (.csv or .xlsx)")
    @Completion(FileCompleter.class)
    String file;

    /** Karaf reads options only before the first argument: {@code sku-import cat.xlsx --confirm} is read here. */
    @Argument(index = 1, name = "flags", multiValued = true, description = "--confirm / --update after the file")
    List<String> trailing;

    @Override
    public Object execute() throws Exception {
        for (String t : trailing == null ? List.<String>of() : trailing) {
            switch (t) {
                case "--confirm" -> confirm = true;
                case "--update" -> update = true;
                default -> throw TrailingOptions.invalid(Reason.of(Reason.OPTIONS_UNEXPECTED,
                        t, "waybill:sku-import [--update] [--confirm] FILE"));
            }
        }
        // only from an import folder (io.waybill.files), its real path checked before it is opened
        FileAccess.ImportFile read = files.readImportFile(file);
        Path path = read.path();
        CatalogueImportPreview preview = products.previewImport(path.getFileName().toString(),
                read.content(), update, ShellUser.name(session));
        System.out.println(preview.fileName() + ": " + preview.dataRows() + " rows, " + preview.newProducts()
                + " new, " + preview.updated() + " to update, " + preview.errors().size() + " problems");
        int shown = 0;
        for (RowError e : preview.errors()) {
            if (shown++ == SHOWN) {
                System.out.println("  ... and " + (preview.errors().size() - SHOWN) + " more");
                break;
            }
            System.out.println("  " + (e.row() == 0 ? "header" : "row " + e.row()) + ", " + e.column() + ": "
                    + e.reason());
        }
        if (!preview.acceptable()) {
            System.out.println("Nothing imported: correct the file and run again (a catalogue import is all or "
                    + "nothing).");
            return null;
        }
        if (!confirm) {
            products.discardImport(preview.previewId());
            System.out.println("Nothing imported. Run again with --confirm to import the " + preview.dataRows()
                    + " products.");
            return null;
        }
        int written = products.confirmImport(preview.previewId(), ShellUser.name(session));
        System.out.println("Imported: " + written + " products (" + preview.newProducts() + " new, "
                + preview.updated() + " updated)");
        return null;
    }
}
