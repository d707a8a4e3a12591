package io.waybill.core.internal.shell;

import io.waybill.core.api.OrderCaptureService;
import io.waybill.core.internal.files.FileAccess;
import io.waybill.core.model.CaptureResult;
import io.waybill.core.model.ImportPreview;
import io.waybill.core.model.RowError;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.apache.karaf.shell.api.action.Completion;


/**
 * {@code waybill:import}: imports an order file (CSV export) from an import folder (configuration
 * {@code io.waybill.files}); checks first, imports only with --confirm.
 */
@Command(scope = "waybill", name = "import", description = "Checks an order file and, with --confirm, imports "
        + "its valid orders (all of them or none)")
@Service
public class ImportCommand implements Action {

    @Reference
    OrderCaptureService capture;

    @Reference
    FileAccess files;

    @Reference
    Session session;

    @Option(name = "--store", aliases = "-s", required = true, description = "Store code the orders belong to")
    String store;

    @Option(name = "--confirm", description = "Import the valid orders (without it: check only)")
    boolean confirm;

    @Argument(name = "file", required = true, description = "Order file (.csv) in an import folder; "
            + "a relative name is taken from the first import folder")
    @Completion(FileCompleter.class)
    String file;

    @Override
    public Object execute() throws Exception {
        // the real path is checked against the import folders before the file is opened
        FileAccess.ImportFile read = files.readImportFile(file);
        ImportPreview preview = capture.previewImport(store, read.path().getFileName().toString(), read.content());
        System.out.println(preview.fileName() + ": " + preview.dataRows() + " rows, " + preview.validOrders()
                + " valid orders (" + preview.duplicates() + " already captured), " + preview.errors().size()
                + " problems" + (preview.held().isEmpty() ? "" : ", " + preview.held().size()
                + " line(s) will be held: SKU not matched"));
        for (RowError e : preview.errors()) {
            System.out.println("  row " + e.row() + ", " + e.column() + ": " + e.reason());
        }
        for (RowError e : preview.held()) {
            System.out.println("  row " + e.row() + ", " + e.column() + ": " + e.reason());
        }
        if (!confirm) {
            capture.discardImport(preview.previewId());
            System.out.println("Nothing imported. Run again with --confirm to import the " + preview.validOrders()
                    + " valid orders.");
            return null;
        }
        if (preview.validOrders() == 0) {
            capture.discardImport(preview.previewId());
            System.out.println("Nothing to import.");
            return null;
        }
        CaptureResult r = capture.confirmImport(preview.previewId(), ShellUser.name(session));
        System.out.println("Imported: " + r.created() + " new, " + r.updated() + " updated, " + r.unchanged()
                + " unchanged, " + r.flagged() + " flagged");
        return null;
    }
}
