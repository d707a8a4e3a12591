package io.waybill.core.internal.shell;

import io.waybill.core.api.FulfilmentService;
import io.waybill.core.api.PackageService;
import io.waybill.core.api.PrintService;
import io.waybill.core.model.LabelSize;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code waybill:print}: writes the picking list or the labels of packages to a PDF file (seed step 3). */
@Command(scope = "waybill", name = "print", description = "Writes the picking list (--picking) or the carrier labels "
        + "(default) of packages to a PDF; --mark-printed marks them printed once you confirm they came out")
@Service
public class PrintCommand implements Action {

    @Reference(optional = true)
    PrintService print;

    @Reference
    PackageService packages;

    @Reference
    FulfilmentService fulfilment;

    @Reference
    Session session;

    @Option(name = "--picking", description = "The picking list instead of labels")
    boolean picking;

    @Option(name = "--size", description = "Label size: MM100X100, MM100X150 (default) or A4")
    String size = "MM100X150";

    @Option(name = "--out", aliases = "-o", required = true, description = "PDF file to write")
    String out;

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
        List<Long> ids = PackageArgs.resolve(packages, numbers, null, System.out);
        if (ids.isEmpty()) {
            return null;
        }
        byte[] pdf = picking ? print.pickingList(ids, Locale.ENGLISH)
                : print.labels(ids, LabelSize.valueOf(size.toUpperCase(Locale.ROOT)));
        Path file = Path.of(out).toAbsolutePath();
        Files.write(file, pdf);
        System.out.println("Wrote " + pdf.length + " bytes to " + file);
        if (markPrinted && !picking) {
            PackageArgs.print("Mark printed", fulfilment.markPrinted(ids, ShellUser.name(session)), System.out);
        }
        return null;
    }
}
