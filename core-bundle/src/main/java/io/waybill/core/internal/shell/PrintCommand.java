package io.waybill.core.internal.shell;

import io.waybill.core.api.FulfilmentService;
import io.waybill.core.api.PackageService;
import io.waybill.core.api.PrintRules;
import io.waybill.core.api.PrintService;
import io.waybill.core.internal.files.FileAccess;
import io.waybill.core.model.PackageDetail;
import io.waybill.core.model.PackageRow;
import io.waybill.core.model.LabelSize;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code waybill:print}: writes the picking list or the labels of packages to a PDF file, or sends the labels as ZPL
 * to a network label printer (workflow step 3, docs/workflow.md). Files go only into the output folders and ZPL only to the allowed
 * printers of the configuration {@code io.waybill.files}, checked before anything is rendered or sent.
 */
@Command(scope = "waybill", name = "print", description = "Writes the picking list (--picking) or the carrier labels "
        + "(default) of packages to a PDF (--out); --zpl sends the labels as ZPL to the label printer (or writes them "
        + "to --out); --mark-printed marks them printed once you confirm they came out. Labels only for packages with "
        + "a tracking number that are not voided, picking lists only while stock is held: otherwise nothing is written")
@Service
public class PrintCommand implements Action {

    @Reference(optional = true)
    PrintService print;

    @Reference
    PackageService packages;

    @Reference
    FulfilmentService fulfilment;

    @Reference
    FileAccess files;

    @Reference
    Session session;

    @Option(name = "--picking", description = "The picking list instead of labels")
    boolean picking;

    @Option(name = "--size", description = "Label size: MM100X100, MM100X150 (default) or A4")
    String size = "MM100X150";

    @Option(name = "--out", aliases = "-o", description = "File to write (PDF; ZPL with --zpl) in an output "
            + "folder; a relative name is taken from the first output folder")
    String out;

    @Option(name = "--zpl", description = "Labels as ZPL for a thermal printer: sent to the label printer "
            + "(setting io.waybill.print / zplPrinter, or --printer) unless --out is given")
    boolean zpl;

    @Option(name = "--printer", description = "Label printer host[:port] for --zpl (port 9100 by "
            + "default); only printers allowed in the configuration io.waybill.files")
    String printer;

    @Option(name = "--mark-printed", description = "Mark the packages printed (labels only)")
    boolean markPrinted;

    @Argument(name = "packages", description = "Package numbers", required = true, multiValued = true)
    List<String> numbers;

    @Override
    public Object execute() throws Exception {
        if (print == null) {
            System.out.println("Printing is not available: the waybill-print feature is not installed or running.");
            return null;
        }
        if (zpl && picking) {
            System.out.println("--zpl prints labels; the picking list is a PDF.");
            return null;
        }
        if (out == null && !zpl) {
            System.out.println("Give the PDF file to write with --out.");
            return null;
        }
        // where it goes is checked first: nothing is rendered, written or sent when the place is not allowed
        String allowedPrinter = null;
        if (out != null) {
            files.checkOutput(out);
        } else if (printer != null && !printer.isBlank()) {
            allowedPrinter = files.allowedPrinter(printer);
        }
        List<Long> ids = PackageArgs.resolve(packages, numbers, null, System.out);
        if (ids.isEmpty()) {
            return null;
        }
        // then the lifecycle rule: a refused package means no file, nothing sent, nothing marked
        List<PackageRow> rows = new ArrayList<>(ids.size());
        for (Long id : ids) {
            packages.detail(id).map(PackageDetail::row).ifPresent(rows::add);
        }
        PrintRules.require(picking ? PrintRules.Document.PICKING_LIST : PrintRules.Document.CARRIER_LABEL, rows);
        if (markPrinted && !picking) {
            PrintRules.requireMarkable(rows);
        }
        if (zpl && out == null) {
            System.out.println(print.sendZpl(ids, allowedPrinter));
        } else {
            byte[] document = zpl ? print.zplLabels(ids) : picking ? print.pickingList(ids, Locale.ENGLISH)
                    : print.labels(ids, LabelSize.valueOf(size.toUpperCase(Locale.ROOT)));
            Path file = files.writeOutput(out, document);
            System.out.println("Wrote " + document.length + " bytes to " + file);
        }
        if (markPrinted && !picking) {
            PackageArgs.print("Mark printed", fulfilment.markPrinted(ids, ShellUser.name(session)), System.out);
        }
        return null;
    }
}
