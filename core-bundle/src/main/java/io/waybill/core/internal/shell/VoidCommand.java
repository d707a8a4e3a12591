package io.waybill.core.internal.shell;

import io.waybill.core.api.FulfilmentService;
import io.waybill.core.api.PackageService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import java.util.List;

/** {@code waybill:void}: Batch Void with a reason (workflow step 6, docs/workflow.md). */
@Command(scope = "waybill", name = "void", description = "Voids packages with a cancellation reason, "
        + "releasing their reserved stock. Shipped packages are refused.")
@Service
public class VoidCommand implements Action {

    @Reference
    FulfilmentService fulfilment;

    @Reference
    PackageService packages;

    @Reference
    Session session;

    @Option(name = "--reason", aliases = "-r", description = "Cancellation reason (required)", required = true)
    String reason;

    @Option(name = "--yes", aliases = "-y", description = "Confirm: without it the command only shows what it "
            + "would void")
    boolean yes;

    @Argument(name = "packages", description = "Package numbers", required = true, multiValued = true)
    List<String> numbers;

    @Override
    public Object execute() {
        List<Long> ids = PackageArgs.resolve(packages, numbers, null, System.out);
        if (ids.isEmpty()) {
            System.out.println("No packages to void.");
            return null;
        }
        if (!yes) {
            System.out.println("Would void " + ids.size() + " package(s) with reason \"" + reason
                    + "\". Run again with --yes to confirm.");
            return null;
        }
        PackageArgs.print("Void", fulfilment.voidPackages(ids, reason, ShellUser.name(session)), System.out);
        return null;
    }
}
